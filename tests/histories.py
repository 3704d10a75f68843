"""History databases for tests, and the ways one goes wrong: damaged pages, a dropped column, a
lock held by another program, a read-only file; and files that cannot be read."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from psoas_tui.store.history import History
from psoas_tui.store.records import PainRecord, SegmentRecord, SessionStart, SideAnswer, SideChoice


def fill(path: Path, sessions: int = 300) -> None:
    """A history of `sessions` completed sessions of six holds each (a database of many pages,
    all in the main file)."""
    with History.open(path) as history:
        connection = history.connection
        connection.execute("BEGIN")
        for number in range(sessions):
            cursor = connection.execute(
                "INSERT INTO sessions (routine_id, routine_name, started_at, outcome,"
                " planned_seconds, pid) VALUES ('r', ?, '2024-01-01T08:00:00+00:00', 'completed',"
                " 180, 1)",
                (f"Routine {number}",),
            )
            connection.executemany(
                "INSERT INTO segments (session_id, position, kind, exercise_id, exercise_name,"
                " side, set_number, sets, status, planned_seconds, actual_seconds, finished_at)"
                " VALUES (?, ?, 'hold', 'lunge', 'Lunge', 'left', 1, 1, 'done', 30, 30,"
                " '2024-01-01T08:03:00+00:00')",
                [(cursor.lastrowid, position) for position in range(6)],
            )
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def damage_pages(path: Path) -> bytes:
    """Overwrite 8 KiB in the middle of the file (its header stays intact); the new bytes."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"A" * 8192
    path.write_bytes(bytes(data))
    return bytes(data)


def drop_column(path: Path, table: str, column: str) -> None:
    """Drop a column and leave the schema version as it was."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        connection.commit()
    finally:
        connection.close()


def set_aside(folder: Path) -> list[str]:
    """The names of the files moved aside as corrupt in `folder`."""
    return sorted(p.name for p in folder.iterdir() if ".corrupt-" in p.name)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Another program holds a write lock (`BEGIN EXCLUSIVE`) on the database meanwhile."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """The file cannot be written, even by root (`chattr +i`), meanwhile; skips the test where
    the file system or the user cannot do that."""
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("no chattr to make the database read-only")
    made = subprocess.run([chattr, "+i", str(path)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot make the database read-only here: {made.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes to a locked database give up after 50 ms (not half a second): faster tests."""
    monkeypatch.setattr("psoas_tui.store.history.WRITE_WAIT_SECONDS", 0.05, raising=False)


def unreadable(monkeypatch: pytest.MonkeyPatch) -> set[Path]:
    """Files whose opening raises PermissionError from now on (add them to the set returned),
    as mode 000 does for a user."""
    blocked: set[Path] = set()
    real_open = Path.open

    def guarded_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self in blocked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", guarded_open)
    return blocked


def keep_sided_session(
    history: History,
    started: datetime,
    choice: SideChoice,
    pain_on_left: tuple[PainRecord, ...] = (),
) -> int:
    """A completed session of a low lunge held 30 s on each side (with `pain_on_left` reported
    in the left hold), then "which side felt tighter?" answered `choice`; its id."""
    session_id = history.start_session(SessionStart("r", "R", "", 60, started))
    history.record_segments(
        session_id,
        [
            SegmentRecord(0, "hold", "low-lunge", "Low lunge", "left", 1, 1, "done",
                          30, 30, pain_on_left, started, 0),
            SegmentRecord(1, "hold", "low-lunge", "Low lunge", "right", 1, 1, "done",
                          30, 30, (), started, 0),
        ],
    )  # fmt: skip
    history.end_session(session_id, "completed", started)
    history.record_side_answer(session_id, SideAnswer(0, "low-lunge", "tighter", choice, started))
    return session_id
