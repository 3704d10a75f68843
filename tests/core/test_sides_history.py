"""Schema 4 of the history: a database of schema 3 (as the program before it made one) opened and
migrated with its data kept; side answers and the "logged by hand" mark written and read back;
pain reports by side; and a database of schema 5 refused."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from plans import exercise, plan

from psoas_tui.player.timeline import build_timeline
from psoas_tui.services.logged_session import logged_session, write_logged
from psoas_tui.services.session_recorder import SessionRecorder
from psoas_tui.store.history import (
    MIGRATIONS,
    SCHEMA_VERSION,
    History,
    HistoryError,
    _columns_of_schema,
    _statements,
)
from psoas_tui.store.records import PainRecord, SegmentRecord, SessionStart, SideAnswer

AT = datetime(2026, 11, 20, 8, tzinfo=UTC)


def schema_3_database(path: Path) -> None:
    """A database as the program of schema 3 left it: its migrations, and rows written by its
    statements (a played session with segments and a pain report, a logged one, a self-test)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        for number in range(3):
            connection.execute("BEGIN IMMEDIATE")
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
        for routine in ("Tight psoas", "Desk break"):
            connection.execute(
                "INSERT INTO sessions (routine_id, routine_name, file_hash, started_at,"
                " planned_seconds, pid) VALUES (?, ?, ?, ?, ?, ?)",
                ("r", routine, "abc", AT.isoformat(), 180.0, 1),
            )
            connection.execute(
                "UPDATE sessions SET ended_at = ?, outcome = ? WHERE id = last_insert_rowid()",
                (AT.isoformat(), "completed"),
            )
        for position, side in enumerate(("left", "right")):
            connection.execute(
                "INSERT INTO segments (session_id, position, kind, exercise_id,"
                " exercise_name, side, set_number, sets, status, planned_seconds,"
                " actual_seconds, finished_at, exercise_index)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (1, position, "hold", "low-lunge", "Low lunge", side, 1, 1, "done", 30, 30,
                 AT.isoformat(), 0),
            )  # fmt: skip
        connection.execute(
            "INSERT INTO pain_reports (segment_id, location, severity, action, kind)"
            " VALUES (?, ?, ?, ?, ?)",
            (2, "groin", 5, "continue", "sharp"),
        )
        connection.execute("UPDATE sessions SET rating = ? WHERE id = ?", ("too_easy", 1))
        connection.execute(
            "INSERT INTO selftest_results (taken_at, verdict, tight_sides, weak_sides,"
            " rectus_femoris, answers_json, result_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (AT.isoformat(), "tight", "left", "", "", "{}", "{}"),
        )
    finally:
        connection.close()


def test_schema_4_is_the_newest_and_adds_the_table_and_the_column() -> None:
    assert SCHEMA_VERSION == 4
    assert "side_answers" not in _columns_of_schema(3)
    assert "logged" not in _columns_of_schema(3)["sessions"]
    columns = _columns_of_schema(4)
    assert columns["side_answers"] == (
        "id",
        "session_id",
        "exercise_index",
        "exercise_id",
        "question",
        "answer",
        "answered_at",
    )
    assert "logged" in columns["sessions"]


def test_a_schema_3_database_is_migrated_with_its_data_kept(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    schema_3_database(path)
    with History.open(path) as history:
        assert history.notice == ""
        assert history.connection.execute("PRAGMA user_version").fetchone()[0] == 4
        sessions = sorted(history.sessions(), key=lambda row: row.session_id)
        assert [(s.routine_name, s.outcome, s.rating, s.logged) for s in sessions] == [
            ("Tight psoas", "completed", "too_easy", False),
            ("Desk break", "completed", None, False),
        ]
        assert sessions[0].tally.sets_done == 2 and sessions[0].tally.left_seconds == 30
        assert [(name, report.kind) for name, report in sessions[0].tally.pain] == [
            ("Low lunge", "sharp")
        ]
        (selftest,) = history.selftests()
        assert (selftest.verdict, selftest.tight_sides) == ("tight", ("left",))
        # pain kept before schema 4 has its side: the segment it was made in had one
        (pain,) = history.sided_pain()
        assert (pain.side, pain.report.location, pain.session_id) == ("right", "groin", 1)
        # what schema 4 adds works on the migrated file
        assert history.side_answers() == []
        history.record_side_answer(1, SideAnswer(0, "low-lunge", "tighter", "left", AT))
        assert [a.answer for a in history.side_answers()] == ["left"]
        new = history.start_session(SessionStart("r", "Logged", "", 60, AT, logged=True))
        assert {row.session_id: row.logged for row in history.sessions()}[new] is True
    with History.open(path) as history:  # opened again: nothing left to migrate
        assert len(history.sessions()) == 3 and history.notice == ""


def test_a_schema_5_database_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with History.open(path):
        pass
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 5")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(
        HistoryError, match=r"newer psoas-tui \(schema 5; this program knows up to 4"
    ):
        History.open(path)
    assert path.read_bytes() == before


def test_an_answer_given_again_for_the_same_exercise_replaces_the_first(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        session_id = history.start_session(SessionStart("r", "R", "", 60, AT))
        history.record_side_answer(session_id, SideAnswer(0, "low-lunge", "tighter", "left", AT))
        history.record_side_answer(session_id, SideAnswer(2, "dead-bug", "weaker", "same", AT))
        later = AT.replace(minute=5)
        history.record_side_answer(
            session_id, SideAnswer(0, "low-lunge", "tighter", "right", later)
        )
        answers = history.side_answers()
        assert [(a.exercise_index, a.answer, a.answered_at) for a in answers] == [
            (2, "same", AT),
            (0, "right", later),
        ]
        assert {a.session_id for a in answers} == {session_id}
        with pytest.raises(HistoryError):  # the table's CHECK keeps only left, same, right
            history.record_side_answer(
                session_id,
                SideAnswer(1, "x", "tighter", "both", AT),  # type: ignore[arg-type]
            )


def segment(position: int, kind: str, side: str | None, pain: int) -> SegmentRecord:
    reports = tuple(PainRecord("groin", 4, "continue", "discomfort") for _ in range(pain))
    return SegmentRecord(
        position, kind, "low-lunge", "Low lunge", side, 1, 1, "done", 30, 30, reports, AT, 0
    )


def test_pain_has_a_side_only_in_a_hold_or_reps_on_one_side(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        session_id = history.start_session(SessionStart("r", "R", "", 60, AT))
        history.record_segments(
            session_id,
            [
                segment(0, "prep", "left", 1),  # a prep is named for its first side: no side
                segment(1, "hold", "left", 2),
                segment(2, "switch", "right", 1),
                segment(3, "hold", "right", 1),
                segment(4, "reps", None, 1),  # alternating, or both sides at once
            ],
        )
        sided = history.sided_pain()
        assert [p.side for p in sided] == ["left", "left", "right"]
        assert len(history.sessions()[0].tally.pain) == 6  # all of them still count in all


def test_a_logged_session_is_marked_and_a_played_one_is_not(tmp_path: Path) -> None:
    timeline = build_timeline(plan(exercise("Low lunge", sets=1)))
    with History.open(tmp_path / "h.sqlite3") as history:
        write_logged(history, logged_session(timeline, AT), None)
        recorder = SessionRecorder(history, now=lambda: AT)
        recorder.begin(timeline)
        recorder.finish("quit")
        marks = {row.session_id: row.as_json()["logged_by_hand"] for row in history.sessions()}
        assert marks == {1: True, recorder.session_id: False}


def test_the_recorder_keeps_an_answer_dated_by_its_clock_and_retries_when_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from histories import locked, short_waits

    short_waits(monkeypatch)
    path = tmp_path / "h.sqlite3"
    when = datetime(2026, 11, 21, 18, tzinfo=UTC)
    timeline = build_timeline(plan(exercise("Low lunge", sets=1)))
    with History.open(path) as history:
        recorder = SessionRecorder(history, now=lambda: when)
        recorder.begin(timeline)
        with locked(path):
            recorder.answer_side(SideAnswer(0, "low-lunge", "tighter", "right", AT))
            assert recorder.unsaved == 1 and recorder.problem
        recorder.finish("completed")
        assert recorder.unsaved == 0
        (answer,) = history.side_answers()
        assert (answer.answer, answer.answered_at, answer.session_id) == (
            "right",
            when,
            recorder.session_id,
        )


CORPUS = Path(__file__).parent / "corpus" / "history-v3.sql"


def test_a_database_made_by_the_schema_3_program_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    connection = sqlite3.connect(path)
    connection.executescript(CORPUS.read_text(encoding="utf-8"))
    connection.close()
    with History.open(path) as history:
        assert history.notice == ""
        rows = {row.routine_id: row for row in history.sessions()}
        played, logged = rows["tight-psoas"], rows["desk-break"]
        assert (played.outcome, played.rating, played.tally.sets_done) == ("quit", "too_hard", 2)
        assert (logged.outcome, logged.rating, logged.tally.sets_done) == (
            "completed",
            "about_right",
            logged.tally.sets_total,
        )
        # schema 3 kept no mark: a session logged by hand before schema 4 reads as played
        assert not played.logged and not logged.logged
        (pain,) = history.sided_pain()
        assert (pain.side, pain.report.location, pain.report.kind) == (
            "right",
            "front of hip",
            "discomfort",
        )
        assert [test.tight_sides for test in history.selftests()] == [("left",)]
        history.record_side_answer(
            played.session_id,
            SideAnswer(0, "half-kneeling-hip-flexor-stretch", "tighter", "right", AT),
        )
        assert [a.session_id for a in history.side_answers()] == [played.session_id]
