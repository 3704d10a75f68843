"""The history of sessions (played in the app or logged by hand), the answers to "which side
felt tighter or weaker" after them, and self-test results: one SQLite file (WAL), a schema
version and migrations.

Every finished segment is committed as the session goes (those one step finishes, in one
transaction), so quitting, Ctrl-C, a closed terminal or `kill -9` lose at most the segment in
progress. A session whose process died without closing it shows as `interrupted`. Reading
sessions back counts each from its segments with `store.tally`, as the end-of-session summary
does (some 0.35 s for 10,000 sessions of 6 segments; a few sessions, for home, in milliseconds).

Opening checks the file: `PRAGMA quick_check`, whose time grows with the file (some 3–5 ms a
MB: 30–75 ms for 10,000 sessions of 6 segments, 100–200 ms for 10,000 of 20, 29 MB; see
`bench/history_open.py`), and that every table has the columns this program expects. A damaged
database is moved aside and a fresh one started; one that cannot be read or written (locked, no
permission, a full disk) is left alone and the error says so (`store.failures`); a database from
a newer version of the program is refused, never overwritten.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from psoas_tui.store.failures import explain, is_damage, is_no_access
from psoas_tui.store.records import (
    Outcome,
    PainRecord,
    Rating,
    SegmentRecord,
    SelfTestRow,
    SessionDetail,
    SessionRow,
    SessionStart,
    SideAnswer,
    SidedPain,
)
from psoas_tui.store.tally import SegmentFact, Tally, tally
from psoas_tui.textfile.atomic import move_aside

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
    # 3: a session played to the end with every set skipped is `skipped`, not `completed` (the
    # CHECK changes, so the table is rebuilt, foreign keys off); which turn of an exercise a
    # segment belongs to; and whether a pain report was sharp pain or discomfort
    """
    CREATE TABLE sessions_3 (
        id INTEGER PRIMARY KEY,
        routine_id TEXT NOT NULL,
        routine_name TEXT NOT NULL,
        file_hash TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        ended_at TEXT,
        outcome TEXT CHECK (outcome IN ('completed', 'skipped', 'quit', 'interrupted')),
        rating TEXT CHECK (rating IN ('too_easy', 'about_right', 'too_hard')),
        planned_seconds REAL NOT NULL DEFAULT 0,
        pid INTEGER
    );
    INSERT INTO sessions_3 (id, routine_id, routine_name, file_hash, started_at, ended_at,
        outcome, rating, planned_seconds, pid)
        SELECT id, routine_id, routine_name, file_hash, started_at, ended_at,
        CASE WHEN outcome = 'completed' AND NOT EXISTS (SELECT 1 FROM segments g
            WHERE g.session_id = sessions.id AND g.status = 'done' AND g.kind IN ('hold', 'reps'))
            THEN 'skipped' ELSE outcome END,
        rating, planned_seconds, pid FROM sessions;
    DROP TABLE sessions;
    ALTER TABLE sessions_3 RENAME TO sessions;
    ALTER TABLE segments ADD COLUMN exercise_index INTEGER;
    ALTER TABLE pain_reports ADD COLUMN kind TEXT NOT NULL DEFAULT ''
        CHECK (kind IN ('', 'sharp', 'discomfort'));
    """,
    # 4: whether a session was logged by hand (`psoas log`) or played in the app (those logged
    # before it read as played: nothing told them apart); and the one-key answer after a
    # per-side exercise (which side felt tighter or weaker), one for each turn of an exercise in
    # a session (answering again replaces it)
    """
    ALTER TABLE sessions ADD COLUMN logged INTEGER NOT NULL DEFAULT 0 CHECK (logged IN (0, 1));
    CREATE TABLE side_answers (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        exercise_index INTEGER NOT NULL,
        exercise_id TEXT NOT NULL,
        question TEXT NOT NULL CHECK (question IN ('tighter', 'weaker')),
        answer TEXT NOT NULL CHECK (answer IN ('left', 'same', 'right')),
        answered_at TEXT NOT NULL,
        UNIQUE (session_id, exercise_index)
    );
    CREATE INDEX side_answers_by_time ON side_answers(answered_at);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
OPEN_WAIT_SECONDS = 5.0
"""How long opening (and migrating) waits for another program's write to finish."""
WRITE_WAIT_SECONDS = 0.5
"""How long a write waits for another program's write: a segment is written on the player's
event loop, so a database held locked elsewhere must not freeze the screen for long."""


class HistoryError(Exception):
    """The history database cannot be used (e.g. it comes from a newer program, is locked, or
    is closed). The message is one line naming the file and what to do."""


class HistoryAccessError(HistoryError):
    """The history database, or its folder, cannot be opened by this user (permissions, a file
    where a folder should be)."""


class _Damaged(Exception):
    """The file opened but fails a check: it is damaged and is to be moved aside."""


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
    """The history database. Open with `History.open(path)`; use as a context manager.

    One `History` may be shared between threads (the app's workers and its event loop): every
    call holds a lock for as long as it uses the connection.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path, notice: str = "") -> None:
        self.connection = connection
        self.path = path
        self.notice = notice
        """Set when something happened on opening that the user should hear about."""
        self._lock = threading.RLock()
        self._closed = False

    # --- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> History:
        """Open (creating or migrating) the database at `path`.

        Raises `HistoryAccessError` when it (or its folder) cannot be opened, and `HistoryError`
        when it cannot be used otherwise; either way the file is left as it is. Only a damaged
        file is moved aside (with its `-wal` and `-shm`), and a fresh one started; `notice` then
        says so.
        """
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise HistoryAccessError(explain(path, error)) from error
        try:
            return cls(_connect_and_migrate(path), path)
        except _Damaged as damage:
            reason = str(damage)
        except sqlite3.Error as error:
            if not is_damage(error):
                raise _history_error(path, error) from error
            reason = str(error)
        try:
            moved = move_aside(path, "corrupt")
            for suffix in ("-wal", "-shm"):
                side = path.with_name(path.name + suffix)
                if side.exists():
                    move_aside(side, "corrupt")
        except OSError as error:
            raise HistoryError(
                f"{path}: the history database is damaged ({reason}) and could not be moved "
                f"aside ({(error.strerror or str(error)).lower()}); move it away yourself"
            ) from error
        notice = (
            f"The history database was damaged ({reason}); it was moved to {moved} "
            "and a new one started."
        )
        try:
            return cls(_connect_and_migrate(path), path, notice)
        except (sqlite3.Error, _Damaged) as error:
            raise _history_error(path, error) from error

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self.connection.close()

    @property
    def closed(self) -> bool:
        return self._closed

    def release_memory(self) -> None:
        """Give back SQLite's page cache. Opening (the integrity check) and `close_abandoned`
        read the whole file into it: up to 2 MiB that a long session would keep for nothing."""
        with contextlib.suppress(HistoryError), self._using() as connection:
            connection.execute("PRAGMA shrink_memory")

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _using(self) -> Iterator[sqlite3.Connection]:
        """The connection, for this thread alone until the block ends. SQLite's errors come out
        as `HistoryError`, so that callers need not know SQLite."""
        with self._lock:
            if self._closed:
                raise HistoryError(f"{self.path}: the history database is closed")
            try:
                yield self.connection
            except sqlite3.Error as error:
                raise _history_error(self.path, error) from error

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        with self._using() as connection:
            cursor = connection.cursor()
            try:
                cursor.execute("BEGIN IMMEDIATE")
                yield cursor
                cursor.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    cursor.execute("ROLLBACK")
                raise

    def _rows(self, query: str, parameters: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Every row of `query`, each read by column name."""
        with self._using() as connection:
            cursor = connection.cursor()
            cursor.row_factory = sqlite3.Row
            return cursor.execute(query, parameters).fetchall()

    # --- writing -------------------------------------------------------------------------
    def start_session(self, start: SessionStart) -> int:
        """Keep a session that has just begun; returns its id."""
        with self._transaction() as cursor:
            cursor.execute(
                "INSERT INTO sessions (routine_id, routine_name, file_hash, started_at,"
                " planned_seconds, pid, logged) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    start.routine_id,
                    start.routine_name,
                    start.file_hash,
                    (start.started_at or utc_now()).astimezone(UTC).isoformat(),
                    start.planned_seconds,
                    os.getpid(),
                    int(start.logged),
                ),
            )
            return int(cursor.lastrowid or 0)

    def record_segment(self, session_id: int, segment: SegmentRecord) -> None:
        """Commit one finished segment (and its pain reports) in its own transaction."""
        self.record_segments(session_id, [segment])

    def record_segments(self, session_id: int, segments: Iterable[SegmentRecord]) -> None:
        """Commit finished segments (and their pain reports) together, in one transaction: all
        of them are kept, or none."""
        with self._transaction() as cursor:
            for segment in segments:
                cursor.execute(
                    "INSERT INTO segments (session_id, position, kind, exercise_id,"
                    " exercise_name, side, set_number, sets, status, planned_seconds,"
                    " actual_seconds, finished_at, exercise_index)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        session_id,
                        segment.position,
                        segment.kind,
                        segment.exercise_id,
                        segment.exercise_name,
                        segment.side,
                        segment.set_number,
                        segment.sets,
                        segment.status,
                        segment.planned_seconds,
                        segment.actual_seconds,
                        (segment.finished_at or utc_now()).astimezone(UTC).isoformat(),
                        segment.exercise_index,
                    ),
                )
                segment_id = cursor.lastrowid
                for report in segment.pain:
                    cursor.execute(
                        "INSERT INTO pain_reports (segment_id, location, severity, action, kind)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (segment_id, report.location, report.severity, report.action, report.kind),
                    )

    def end_session(
        self, session_id: int, outcome: Outcome, ended_at: datetime | None = None
    ) -> None:
        """Close a session with its outcome (ended now unless `ended_at` says when)."""
        with self._transaction() as cursor:
            cursor.execute(
                "UPDATE sessions SET ended_at = ?, outcome = ? WHERE id = ?",
                ((ended_at or utc_now()).astimezone(UTC).isoformat(), outcome, session_id),
            )

    def rate_session(self, session_id: int, rating: Rating) -> None:
        with self._transaction() as cursor:
            cursor.execute("UPDATE sessions SET rating = ? WHERE id = ?", (rating, session_id))

    def record_side_answer(self, session_id: int, answer: SideAnswer) -> None:
        """Keep which side felt tighter or weaker after an exercise of the session (an answer
        for the same turn of the exercise replaces the one before)."""
        with self._transaction() as cursor:
            cursor.execute(
                "INSERT INTO side_answers (session_id, exercise_index, exercise_id, question,"
                " answer, answered_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (session_id, exercise_index) DO UPDATE SET"
                " exercise_id = excluded.exercise_id, question = excluded.question,"
                " answer = excluded.answer, answered_at = excluded.answered_at",
                (
                    session_id,
                    answer.exercise_index,
                    answer.exercise_id,
                    answer.question,
                    answer.answer,
                    answer.answered_at.astimezone(UTC).isoformat(),
                ),
            )

    def close_abandoned(self) -> int:
        """Mark sessions whose process is gone without closing them as interrupted."""
        rows = self._rows("SELECT id, pid FROM sessions WHERE outcome IS NULL")
        dead = [
            row["id"] for row in rows if not _pid_alive(row["pid"]) or row["pid"] == os.getpid()
        ]
        if dead:
            with self._transaction() as cursor:
                cursor.executemany(
                    "UPDATE sessions SET outcome = 'interrupted' WHERE id = ?", [(i,) for i in dead]
                )
        return len(dead)

    def record_selftest(self, row: SelfTestRow) -> int:
        """Keep a self-test result (and its answers); returns its id."""
        with self._transaction() as cursor:
            cursor.execute(
                "INSERT INTO selftest_results (taken_at, verdict, tight_sides, weak_sides,"
                " rectus_femoris, answers_json, result_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    row.taken_at.astimezone(UTC).isoformat(),
                    row.verdict,
                    ",".join(row.tight_sides),
                    ",".join(row.weak_sides),
                    ",".join(row.rectus_femoris),
                    row.answers_json,
                    row.result_json,
                ),
            )
            return int(cursor.lastrowid or 0)

    # --- reading -------------------------------------------------------------------------
    def selftests(self) -> list[SelfTestRow]:
        """Every self-test result kept, newest first."""
        rows = self._rows(
            "SELECT id, taken_at, verdict, tight_sides, weak_sides, rectus_femoris,"
            " answers_json, result_json FROM selftest_results ORDER BY taken_at DESC, id DESC"
        )
        return [
            SelfTestRow(
                taken_at=datetime.fromisoformat(row["taken_at"]),
                verdict=row["verdict"],
                tight_sides=_sides(row["tight_sides"]),
                weak_sides=_sides(row["weak_sides"]),
                rectus_femoris=_sides(row["rectus_femoris"]),
                answers_json=row["answers_json"],
                result_json=row["result_json"],
                record_id=row["id"],
            )
            for row in rows
        ]

    def side_answers(self) -> list[SideAnswer]:
        """Every side answer kept, oldest first."""
        rows = self._rows(
            "SELECT session_id, exercise_index, exercise_id, question, answer, answered_at"
            " FROM side_answers ORDER BY answered_at, id"
        )
        return [
            SideAnswer(
                exercise_index=row["exercise_index"],
                exercise_id=row["exercise_id"],
                question=row["question"],
                answer=row["answer"],
                answered_at=datetime.fromisoformat(row["answered_at"]),
                session_id=row["session_id"],
            )
            for row in rows
        ]

    def sided_pain(self) -> list[SidedPain]:
        """Every pain report made during a hold or reps on one side (not those made in a
        prep, a switch, a rest, or on alternating reps), oldest first."""
        rows = self._rows(
            "SELECT g.session_id, g.side, g.exercise_name, g.finished_at, p.location,"
            " p.severity, p.action, p.kind FROM pain_reports p"
            " JOIN segments g ON p.segment_id = g.id"
            " WHERE g.side IN ('left', 'right') AND g.kind IN ('hold', 'reps')"
            " ORDER BY g.finished_at, p.id"
        )
        return [
            SidedPain(
                side=row["side"],
                report=PainRecord(row["location"], row["severity"], row["action"], row["kind"]),
                exercise_name=row["exercise_name"],
                reported_at=datetime.fromisoformat(row["finished_at"]),
                session_id=row["session_id"],
            )
            for row in rows
        ]

    def sessions(
        self, limit: int | None = None, worked_only: bool = False, since: datetime | None = None
    ) -> list[SessionRow]:
        """Sessions, newest first, each with its `Tally` (counted by `store.tally` from its
        segments, as the end-of-session summary counts them); with `worked_only`, only those
        with time in holds and reps. At most `limit` of them; only those started at or after
        `since` when given."""
        where = ""
        parameters: tuple[str, ...] = ()
        if since is not None:
            where, parameters = " WHERE started_at >= ?", (since.astimezone(UTC).isoformat(),)
        query = (
            "SELECT id, routine_id, routine_name, started_at, ended_at, outcome, rating, pid,"
            f" logged FROM sessions{where} ORDER BY started_at DESC, id DESC"
        )
        rows = self._rows(query, parameters)
        if since is not None and limit is None:  # the segments of these sessions only
            batches, every = [rows], self._segments_of([row["id"] for row in rows])
        elif limit is None:  # every segment at once for the whole list
            batches, every = [rows], self._segments_of(None)
        else:  # for a few, a batch of sessions at a time
            size = max(8, 2 * limit)
            batches = [rows[start : start + size] for start in range(0, len(rows), size)]
        result: list[SessionRow] = []
        for some in batches:
            segments = every if limit is None else self._segments_of([row["id"] for row in some])
            for row in some:
                counted = tally(segments.get(row["id"], ()))
                if worked_only and not counted.worked:
                    continue
                result.append(_session_row(row, counted))
                if limit is not None and len(result) >= limit:
                    return result
        return result

    def session_detail(self, session_id: int) -> SessionDetail | None:
        """One session with every segment kept of it and their pain reports; None when there
        is no session with this id."""
        found = self._details("WHERE s.id = ?", (session_id,))
        return found[0] if found else None

    def session_details(self, since: datetime | None = None) -> list[SessionDetail]:
        """Sessions started at or after `since` (every one for None), oldest first, each with
        its segments and their pain reports."""
        if since is None:
            return self._details("", ())
        return self._details("WHERE s.started_at >= ?", (since.astimezone(UTC).isoformat(),))

    def _details(self, where: str, parameters: tuple[object, ...]) -> list[SessionDetail]:
        sessions = self._rows(
            "SELECT s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at, s.outcome,"
            " s.rating, s.planned_seconds, s.pid, s.logged FROM sessions s "
            + where
            + " ORDER BY s.started_at, s.id",
            parameters,
        )
        if not sessions:
            return []
        segments = self._rows(
            "SELECT g.id, g.session_id, g.position, g.kind, g.exercise_id, g.exercise_name,"
            " g.side, g.set_number, g.sets, g.status, g.planned_seconds, g.actual_seconds,"
            " g.finished_at, g.exercise_index FROM segments g JOIN sessions s"
            " ON g.session_id = s.id " + where + " ORDER BY g.id",
            parameters,
        )
        pain_rows = self._rows(
            "SELECT p.segment_id, p.location, p.severity, p.action, p.kind FROM pain_reports p"
            " JOIN segments g ON p.segment_id = g.id JOIN sessions s ON g.session_id = s.id "
            + where
            + " ORDER BY p.id",
            parameters,
        )
        pain: dict[int, list[PainRecord]] = {}
        for row in pain_rows:
            pain.setdefault(row["segment_id"], []).append(
                PainRecord(row["location"], row["severity"], row["action"], row["kind"])
            )
        by_session: dict[int, list[SegmentRecord]] = {}
        for row in segments:
            by_session.setdefault(row["session_id"], []).append(
                SegmentRecord(
                    position=row["position"],
                    kind=row["kind"],
                    exercise_id=row["exercise_id"],
                    exercise_name=row["exercise_name"],
                    side=row["side"],
                    set_number=row["set_number"],
                    sets=row["sets"],
                    status=row["status"],
                    planned_seconds=row["planned_seconds"],
                    actual_seconds=row["actual_seconds"],
                    pain=tuple(pain.get(row["id"], ())),
                    finished_at=datetime.fromisoformat(row["finished_at"]),
                    exercise_index=row["exercise_index"],
                )
            )
        return [
            SessionDetail(
                session_id=row["id"],
                routine_id=row["routine_id"],
                routine_name=row["routine_name"],
                started_at=datetime.fromisoformat(row["started_at"]),
                ended_at=datetime.fromisoformat(row["ended_at"]) if row["ended_at"] else None,
                outcome=_outcome(row),
                rating=row["rating"],
                planned_seconds=float(row["planned_seconds"]),
                segments=tuple(by_session.get(row["id"], ())),
                logged=bool(row["logged"]),
            )
            for row in sessions
        ]

    def _segments_of(self, session_ids: list[int] | None) -> dict[int, list[SegmentFact]]:
        """What a tally reads of the segments of these sessions (of every session for None),
        by session, in the order they were written, with their pain reports."""
        where = ""
        if session_ids is not None:
            if not session_ids:
                return {}
            where = f" WHERE g.session_id IN ({', '.join(str(int(i)) for i in session_ids)})"
        with self._using() as connection:
            pain_rows = connection.execute(
                "SELECT p.segment_id, p.location, p.severity, p.action, p.kind FROM pain_reports p"
                " JOIN segments g ON p.segment_id = g.id" + where + " ORDER BY p.id"
            ).fetchall()
            segment_rows = connection.execute(
                "SELECT g.session_id, g.id, g.position, g.kind, g.exercise_index, g.exercise_id,"
                " g.exercise_name, g.side, g.status, g.actual_seconds FROM segments g"
                + where
                + " ORDER BY g.id"
            ).fetchall()
        pain: dict[int, list[PainRecord]] = {}
        for segment_id, *report in pain_rows:
            pain.setdefault(segment_id, []).append(PainRecord(*report))
        found: dict[int, list[SegmentFact]] = {}
        for (
            session_id,
            segment_id,
            position,
            kind,
            index,
            exercise,
            name,
            side,
            status,
            actual,
        ) in segment_rows:
            reports = tuple(pain.get(segment_id, ()))
            fact = SegmentFact(position, kind, index, exercise, name, side, status, actual, reports)
            found.setdefault(session_id, []).append(fact)
        return found


def _outcome(row: sqlite3.Row) -> Outcome | Literal["in progress"]:
    """The session's outcome; one never closed is in progress while its process lives."""
    outcome: Outcome | None = row["outcome"]
    if outcome is None:
        return "in progress" if _pid_alive(row["pid"]) else "interrupted"
    return outcome


def _session_row(row: sqlite3.Row, counted: Tally) -> SessionRow:
    outcome = _outcome(row)
    return SessionRow(
        session_id=row["id"],
        routine_id=row["routine_id"],
        routine_name=row["routine_name"],
        started_at=datetime.fromisoformat(row["started_at"]),
        ended_at=datetime.fromisoformat(row["ended_at"]) if row["ended_at"] else None,
        outcome=outcome,
        rating=row["rating"],
        tally=counted,
        logged=bool(row["logged"]),
    )


def _sides(column: str) -> tuple[str, ...]:
    return tuple(side for side in column.split(",") if side)


def access_problem(path: Path) -> str | None:
    """Why this user cannot open the history database at `path`, in one line (None when it
    can, or when there is none yet). Only looks: nothing is written, checked or moved."""
    try:
        if not path.exists():
            return None
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            connection.execute("PRAGMA user_version").fetchone()
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as error:
        return explain(path, error) if is_no_access(error) else None
    return None


def _history_error(path: Path, error: BaseException) -> HistoryError:
    """The `HistoryError` for `error`, in the words of `store.failures`."""
    if isinstance(error, HistoryError):
        return error
    message = str(error) if isinstance(error, _Damaged) else explain(path, error)
    return HistoryAccessError(message) if is_no_access(error) else HistoryError(message)


def _connect_and_migrate(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, isolation_level=None, timeout=OPEN_WAIT_SECONDS, check_same_thread=False
    )
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"{path}: the history database is from a newer psoas-tui (schema {version}; this "
                f"program knows up to {SCHEMA_VERSION}). It was left untouched; update psoas-tui."
            )
        try:
            connection.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as error:
            if not _read_only(error):
                raise  # (a read-only file is still read; writing it says so)
        connection.execute("PRAGMA synchronous=FULL")
        _check(connection, version)
        # Migrations run with foreign keys off: a table they rebuild (keeping its ids) is dropped
        # while others still refer to it.
        connection.execute("PRAGMA foreign_keys=OFF")
        for number in range(version, SCHEMA_VERSION):
            connection.execute("BEGIN IMMEDIATE")
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute(f"PRAGMA busy_timeout = {int(WRITE_WAIT_SECONDS * 1000)}")
    except BaseException:
        connection.close()
        raise
    return connection


def _read_only(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_READONLY


def _check(connection: sqlite3.Connection, version: int) -> None:
    """Raise `_Damaged` when the file fails SQLite's quick check, or lacks a table or column
    that schema `version` has."""
    (verdict,) = connection.execute("PRAGMA quick_check(1)").fetchone()
    if verdict != "ok":
        raise _Damaged(f"the integrity check failed: {verdict}")
    for table, columns in _columns_of_schema(version).items():
        found = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if not found:
            raise _Damaged(f"the table {table} is missing")
        missing = [column for column in columns if column not in found]
        if missing:
            raise _Damaged(f"the column {table}.{missing[0]} is missing")


@functools.cache
def _columns_of_schema(version: int) -> dict[str, tuple[str, ...]]:
    """Every table of schema `version` and its columns, read from the migrations themselves."""
    connection = sqlite3.connect(":memory:")
    try:
        for number in range(version):
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {
            table: tuple(row[1] for row in connection.execute(f"PRAGMA table_info({table})"))
            for table in tables
        }
    finally:
        connection.close()


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]
