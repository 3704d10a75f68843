"""Where psoas-tui keeps user data: routines, settings, the session history and crash reports.

This is the one module that decides it. `PSOAS_HOME` overrides the platform's user data and log
folders (tests point it at a temporary folder); nothing else in the program builds a user path
itself. `folder_problem` says, in one line, why a folder cannot be used (a file in its place, no
permission), so that every command reports it the same way.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "psoas-tui"
_PACKAGE_DIR = Path(__file__).resolve().parent


def home() -> Path:
    """The user data folder: `$PSOAS_HOME`, else the platform's user data dir."""
    override = os.environ.get("PSOAS_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_routines_dir() -> Path:
    """Routines the user made, duplicated or saved from the self-test."""
    return home() / "routines"


def settings_file() -> Path:
    """The settings TOML (theme, mute, whether the safety note was seen)."""
    return home() / "settings.toml"


def plan_file() -> Path:
    """The weekly plan TOML (stretch and strength days, desk breaks, runner)."""
    return home() / "plan.toml"


def drafts_dir() -> Path:
    """Unsaved changes to routines, kept while they are edited (see `editing.recovery`)."""
    return home() / "drafts"


def history_db() -> Path:
    """The SQLite database of sessions and self-test results."""
    return home() / "history.sqlite3"


def log_dir() -> Path:
    """The user log folder: `$PSOAS_HOME/logs`, else the platform's user log dir."""
    override = os.environ.get("PSOAS_HOME")
    if override:
        return Path(override).expanduser() / "logs"
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def crash_dir() -> Path:
    """Crash reports: one text file per unexpected error."""
    return log_dir() / "crashes"


def folder_problem(folder: Path, *, write: bool) -> str | None:
    """Why `folder` cannot be read (or, with `write`, have files made in it), in one line that
    names the folder and what to do; None when it can. A folder that does not exist yet is fine
    when the nearest folder above it that exists lets it be made (or, to read, at all)."""
    where = folder
    try:
        while not _exists(where):
            if where.parent == where:
                return None
            where = where.parent
        if not where.is_dir():
            inside = "" if where == folder else f" (psoas-tui keeps its data in {folder})"
            return f"{where}: is a file, not a folder{inside}; move the file away{_elsewhere()}"
        if where == folder:
            need = os.R_OK | os.X_OK | (os.W_OK if write else 0)
        else:  # the folder is to be made in `where`, or cannot be reached through it
            need = os.X_OK | (os.W_OK if write else 0)
        if not os.access(where, need):
            verb = "write in" if write and os.access(where, os.R_OK | os.X_OK) else "open"
            return (
                f"{where}: cannot {verb} this folder: permission denied; give yourself access "
                f"(chmod u+rwx {where}){_elsewhere()}"
            )
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        return f"{folder}: cannot reach this folder: {reason}; check the folders above it"
    return None


def _exists(path: Path) -> bool:
    """Whether `path` exists; False when a folder above it cannot be searched (the walk up in
    `folder_problem` then finds that folder)."""
    try:
        return path.exists()
    except PermissionError:
        return False


def _elsewhere() -> str:
    return " or set PSOAS_HOME to another folder" if os.environ.get("PSOAS_HOME") else ""


def builtin_routines_dir() -> Path:
    """The routines shipped with the program.

    An installed wheel carries them as `psoas_tui/routines`; a source checkout (editable install)
    reads the top-level `routines/` folder of the repository.
    """
    packaged = _PACKAGE_DIR / "routines"
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent.parent / "routines"


def catalogue_file() -> Path:
    """The exercise catalogue data file inside the package."""
    return _PACKAGE_DIR / "catalogue" / "data" / "exercises.toml"
