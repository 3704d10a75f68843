"""Why the history database could not be used, in one line that names the file and what to do.

Only a damaged file (SQLite says it is corrupt or not a database, or a check on opening fails) is
moved aside. A file that cannot be read or written just now — locked by another program, not
readable or writable by this user, on a full disk or past a file-size limit, read-only — is left
as it is: that is said, and the file is not called corrupt.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from psoas_tui import paths

_DAMAGED = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_LOCKED = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_NO_ACCESS = frozenset({sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH})


def _primary_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(error: BaseException) -> bool:
    """Whether a SQLite error says the file itself is damaged (corrupt, or not a database)."""
    return _primary_code(error) in _DAMAGED


def is_no_access(error: BaseException) -> bool:
    """Whether the file (or its folder) cannot be opened at all by this user."""
    return isinstance(error, OSError) or _primary_code(error) in _NO_ACCESS


def explain(path: Path, error: BaseException) -> str:
    """One line: what went wrong with the history database at `path`, and what to do."""
    if isinstance(error, OSError):
        return explain_os_error(path, error)
    code = _primary_code(error)
    if code in _LOCKED:
        return (
            f"{path}: the history database is locked by another program; "
            "close that program (or wait for it to finish) and try again"
        )
    if code == sqlite3.SQLITE_READONLY:
        return (
            f"{path}: the history database is read-only, so nothing can be added to it; make "
            f"the file and its folder writable by you (chmod u+w {path} {path.parent})"
        )
    if code in _NO_ACCESS:
        return _cannot_open(path, str(error))
    if code == sqlite3.SQLITE_FULL:
        return f"{path}: the history database could not be written: the disk is full; free space"
    if code == sqlite3.SQLITE_IOERR:
        return (
            f"{path}: the history database could not be read or written (disk I/O error: the "
            "disk may be full, or a file-size limit reached); free space and try again"
        )
    if code in _DAMAGED:
        return f"{path}: the history database is damaged ({error})"
    return f"{path}: {error}"


def explain_os_error(path: Path, error: OSError) -> str:
    """One line for a file error met while opening `path`: a folder above it that is a file or
    cannot be written, or the file itself that cannot be opened."""
    problem = paths.folder_problem(path.parent, write=True)
    if problem is not None:
        return problem
    where = Path(error.filename) if error.filename else path
    reason = (error.strerror or str(error)).lower()
    return f"{where}: {reason}; check that you can read and write it"


def _cannot_open(path: Path, detail: str) -> str:
    problem = paths.folder_problem(path.parent, write=True)
    if problem is not None:
        return problem
    try:
        if path.is_dir():
            return f"{path}: is a folder, not the history database; move it away"
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            return (
                f"{path}: cannot open the history database: permission denied; make it "
                f"readable and writable by you (chmod u+rw {path})"
            )
    except OSError:
        pass
    return (
        f"{path}: the history database cannot be opened ({detail}); check that you can read "
        "and write it and its folder"
    )
