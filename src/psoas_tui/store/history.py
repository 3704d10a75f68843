"""The history of sessions and self-test results: one SQLite file (WAL), a schema version and
migrations.

Every finished segment is committed in its own transaction as the session goes, so quitting,
Ctrl-C, a closed terminal or `kill -9` lose at most the segment in progress. A session whose
process died without closing it shows as `interrupted`. A corrupt database is moved aside and a
fresh one started; a database from a newer version of the program is refused, never overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from psoas_tui.player.session import SegmentFinished
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.selftest.answers import Answers
from psoas_tui.selftest.scoring import SelfTestResult, score_selftest
from psoas_tui.textfile.atomic import move_aside

Outcome = Literal["completed", "quit", "interrupted"]
Rating = Literal["too_easy", "about_right", "too_hard"]

MIGRATIONS: tuple[str, ...] = (
    # 1: sessions, their segments, and pain reports
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        routine_id TEXT NOT NULL,
        routine_name TEXT NOT NULL,
        file_hash TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        ended_at TEXT,
        outcome TEXT CHECK (outcome IN ('completed', 'quit', 'interrupted')),
        rating TEXT CHECK (rating IN ('too_easy', 'about_right', 'too_hard')),
        planned_seconds REAL NOT NULL DEFAULT 0,
        pid INTEGER
    );
    CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        exercise_id TEXT NOT NULL,
        exercise_name TEXT NOT NULL,
        side TEXT,
        set_number INTEGER NOT NULL,
        sets INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
        planned_seconds REAL,
        actual_seconds REAL NOT NULL,
        finished_at TEXT NOT NULL
    );
    CREATE INDEX segments_by_session ON segments(session_id);
    CREATE TABLE pain_reports (
        id INTEGER PRIMARY KEY,
        segment_id INTEGER NOT NULL REFERENCES segments(id),
        location TEXT NOT NULL,
        severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 10),
        action TEXT NOT NULL
    );
    """,
    # 2: self-test results; sides are comma-separated ("left,right"), the rest JSON
    """
    CREATE TABLE selftest_results (
        id INTEGER PRIMARY KEY,
        taken_at TEXT NOT NULL,
        verdict TEXT NOT NULL,
        tight_sides TEXT NOT NULL DEFAULT '',
        weak_sides TEXT NOT NULL DEFAULT '',
        rectus_femoris TEXT NOT NULL DEFAULT '',
        answers_json TEXT NOT NULL,
        result_json TEXT NOT NULL
    );
    CREATE INDEX selftest_results_by_time ON selftest_results(taken_at);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class HistoryError(Exception):
    """The history database cannot be used (e.g. it comes from a newer program)."""


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One row of `psoas history`."""

    session_id: int
    routine_id: str
    routine_name: str
    started_at: datetime
    ended_at: datetime | None
    outcome: Outcome | Literal["in progress"]
    rating: Rating | None
    work_seconds: float
    done_segments: int
    skipped_segments: int
    pain_reports: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.session_id,
            "routine": {"id": self.routine_id, "name": self.routine_name},
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "outcome": self.outcome,
            "rating": self.rating,
            "work_seconds": round(self.work_seconds, 1),
            "segments_done": self.done_segments,
            "segments_skipped": self.skipped_segments,
            "pain_reports": self.pain_reports,
        }


@dataclass(frozen=True, slots=True)
class SelfTestRecord:
    """A self-test result kept in the history, with the answers it came from."""

    record_id: int
    taken_at: datetime
    answers: Answers
    result: SelfTestResult


def utc_now() -> datetime:
    return datetime.now(UTC)


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class History:
    """The history database. Open with `History.open(path)`; use as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: Path, notice: str = "") -> None:
        self.connection = connection
        self.path = path
        self.notice = notice
        """Set when something happened on opening that the user should hear about."""

    # --- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> History:
        """Open (creating or migrating) the database at `path`."""
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return cls(_connect_and_migrate(path), path)
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
                raise HistoryError(
                    f"{path}: the history database is locked by another program"
                ) from None
            moved = move_aside(path, "corrupt")
            for suffix in ("-wal", "-shm"):
                side = path.with_name(path.name + suffix)
                if side.exists():
                    move_aside(side, "corrupt")
            notice = (
                f"The history database was damaged ({error}); it was moved to {moved} "
                "and a new one started."
            )
            return cls(_connect_and_migrate(path), path, notice)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        cursor = self.connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
            yield cursor
            cursor.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                cursor.execute("ROLLBACK")
            raise

    # --- writing -------------------------------------------------------------------------
    def start_session(self, plan: RoutinePlan, planned_seconds: float) -> int:
        with self._transaction() as cursor:
            cursor.execute(
                "INSERT INTO sessions (routine_id, routine_name, file_hash, started_at,"
                " planned_seconds, pid) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    plan.routine_id,
                    plan.name,
                    plan.file_hash,
                    utc_now().isoformat(),
                    planned_seconds,
                    os.getpid(),
                ),
            )
            return int(cursor.lastrowid or 0)

    def record_segment(self, session_id: int, record: SegmentFinished) -> None:
        """Commit one finished segment (and its pain reports) in its own transaction."""
        segment = record.segment
        with self._transaction() as cursor:
            cursor.execute(
                "INSERT INTO segments (session_id, position, kind, exercise_id, exercise_name,"
                " side, set_number, sets, status, planned_seconds, actual_seconds, finished_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    segment.index,
                    segment.kind,
                    segment.exercise.exercise_id,
                    segment.exercise.name,
                    segment.side,
                    segment.set_number,
                    segment.sets,
                    record.status,
                    record.planned_seconds,
                    record.actual_seconds,
                    utc_now().isoformat(),
                ),
            )
            segment_id = cursor.lastrowid
            for report in record.pain:
                cursor.execute(
                    "INSERT INTO pain_reports (segment_id, location, severity, action)"
                    " VALUES (?, ?, ?, ?)",
                    (segment_id, report.location, report.severity, report.action),
                )

    def end_session(self, session_id: int, outcome: Outcome) -> None:
        with self._transaction() as cursor:
            cursor.execute(
                "UPDATE sessions SET ended_at = ?, outcome = ? WHERE id = ?",
                (utc_now().isoformat(), outcome, session_id),
            )

    def rate_session(self, session_id: int, rating: Rating) -> None:
        with self._transaction() as cursor:
            cursor.execute("UPDATE sessions SET rating = ? WHERE id = ?", (rating, session_id))

    def close_abandoned(self) -> int:
        """Mark sessions whose process is gone without closing them as interrupted."""
        rows = self.connection.execute(
            "SELECT id, pid FROM sessions WHERE outcome IS NULL"
        ).fetchall()
        dead = [row[0] for row in rows if not _pid_alive(row[1]) or row[1] == os.getpid()]
        if dead:
            with self._transaction() as cursor:
                cursor.executemany(
                    "UPDATE sessions SET outcome = 'interrupted' WHERE id = ?", [(i,) for i in dead]
                )
        return len(dead)

    def record_selftest(
        self, answers: Answers, result: SelfTestResult, taken_at: datetime | None = None
    ) -> int:
        """Keep a self-test result (and its answers); returns its id."""
        with self._transaction() as cursor:
            cursor.execute(
                "INSERT INTO selftest_results (taken_at, verdict, tight_sides, weak_sides,"
                " rectus_femoris, answers_json, result_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    (taken_at or utc_now()).astimezone(UTC).isoformat(),
                    result.verdict,
                    ",".join(result.tight_sides),
                    ",".join(result.weak_sides),
                    ",".join(result.rectus_femoris),
                    json.dumps(answers.to_data(), ensure_ascii=False),
                    result.model_dump_json(),
                ),
            )
            return int(cursor.lastrowid or 0)

    # --- reading -------------------------------------------------------------------------
    def last_selftest(self) -> SelfTestRecord | None:
        """The newest self-test result that this program can read, or None."""
        rows = self.connection.execute(
            "SELECT id, taken_at, answers_json, result_json FROM selftest_results"
            " ORDER BY taken_at DESC, id DESC"
        )
        for record_id, taken_at, answers_json, result_json in rows:
            try:
                answers = Answers.from_data(json.loads(answers_json))
            except (ValueError, ValidationError):
                continue  # unreadable answers: try the one before
            try:
                result = SelfTestResult.model_validate_json(result_json)
            except ValidationError:
                result = score_selftest(answers)  # stored by another version: score again
            return SelfTestRecord(record_id, datetime.fromisoformat(taken_at), answers, result)
        return None

    def sessions(self, limit: int | None = None) -> list[SessionSummary]:
        """Sessions, newest first, with their totals."""
        query = """
            SELECT s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at, s.outcome,
                   s.rating, s.pid,
                   COALESCE(SUM(CASE WHEN g.kind IN ('hold', 'reps') THEN g.actual_seconds END), 0),
                   COUNT(CASE WHEN g.status = 'done' AND g.kind IN ('hold', 'reps') THEN 1 END),
                   COUNT(CASE WHEN g.status = 'skipped' AND g.kind IN ('hold', 'reps') THEN 1 END),
                   (SELECT COUNT(*) FROM pain_reports p JOIN segments x ON p.segment_id = x.id
                     WHERE x.session_id = s.id)
            FROM sessions s LEFT JOIN segments g ON g.session_id = s.id
            GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC
        """
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        result = []
        for row in self.connection.execute(query):
            outcome = row[5]
            if outcome is None:
                outcome = "in progress" if _pid_alive(row[7]) else "interrupted"
            result.append(
                SessionSummary(
                    session_id=row[0],
                    routine_id=row[1],
                    routine_name=row[2],
                    started_at=datetime.fromisoformat(row[3]),
                    ended_at=datetime.fromisoformat(row[4]) if row[4] else None,
                    outcome=outcome,
                    rating=row[6],
                    work_seconds=row[8],
                    done_segments=row[9],
                    skipped_segments=row[10],
                    pain_reports=row[11],
                )
            )
        return result

    def segments(self, session_id: int) -> list[dict[str, Any]]:
        cursor = self.connection.execute(
            "SELECT position, kind, exercise_id, exercise_name, side, set_number, sets, status,"
            " planned_seconds, actual_seconds FROM segments WHERE session_id = ? ORDER BY id",
            (session_id,),
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def to_json(self) -> str:
        return json.dumps([s.as_json() for s in self.sessions()], indent=2, ensure_ascii=False)


def _connect_and_migrate(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"{path}: the history database is from a newer psoas-tui (schema {version}; this "
                f"program knows up to {SCHEMA_VERSION}). It was left untouched; update psoas-tui."
            )
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        if version > 0:
            # A database that claims our schema must have our tables.
            connection.execute("SELECT id FROM sessions LIMIT 1").fetchall()
        for number in range(version, SCHEMA_VERSION):
            connection.execute("BEGIN IMMEDIATE")
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
    except BaseException:
        connection.close()
        raise
    return connection


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]
