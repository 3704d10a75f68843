"""Before a command reads or keeps something in the user data folder: the one line that says
which folder or file cannot be used, and what to do (the command then stops with status 1, and
nothing is moved or written)."""

from __future__ import annotations

from psoas_tui import paths
from psoas_tui.store.history import access_problem


def routines_problem(*, write: bool) -> str | None:
    """Why the user's routines folder cannot be read (or, with `write`, added to)."""
    return paths.folder_problem(paths.user_routines_dir(), write=write)


def keeping_problem() -> str | None:
    """Why what a command keeps (a session, a self-test result, a routine) cannot be kept: the
    data folder or the history cannot be opened by this user. Other history problems (a damaged
    file, a newer database, a lock) are left to the command, which says them and goes on."""
    return (
        paths.folder_problem(paths.home(), write=True)
        or routines_problem(write=True)
        or access_problem(paths.history_db())
    )


def history_problem() -> str | None:
    """Why a session cannot be kept in the history: the data folder or the history cannot be
    opened by this user."""
    return paths.folder_problem(paths.home(), write=True) or access_problem(paths.history_db())
