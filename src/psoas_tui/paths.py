"""Where psoas-tui keeps user data: routines, settings, the session history and crash reports.

This is the one module that decides it. `PSOAS_HOME` overrides the platform's user data and log
folders (tests point it at a temporary folder); nothing else in the program builds a user path
itself.
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
