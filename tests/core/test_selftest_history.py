"""Self-test results in the history database: migration 1 → 2 keeps sessions, results are kept
and read back newest first, and a result stored by another version is scored again."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from psoas_tui.selftest.answers import Answers
from psoas_tui.selftest.scoring import score_selftest
from psoas_tui.services.selftest_history import last_selftest, record_selftest
from psoas_tui.store.history import MIGRATIONS, SCHEMA_VERSION, History


def _answers(kneel_left: str = "deep_front_hip") -> Answers:
    return Answers.model_validate(
        {
            "sitting_hours": 8,
            "symptoms": ["short_stride"],
            "kneel_test": {"left": kneel_left, "right": "nothing"},
            "knee_lift_test": {"left": "clean", "right": "back_rounds"},
        }
    )


def _version_1_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(MIGRATIONS[0])
    connection.execute(
        "INSERT INTO sessions (routine_id, routine_name, started_at, ended_at, outcome)"
        " VALUES ('desk-break', 'Desk break', '2025-01-02T08:00:00+00:00',"
        " '2025-01-02T08:05:00+00:00', 'completed')"
    )
    connection.execute(
        "INSERT INTO segments (session_id, position, kind, exercise_id, exercise_name, side,"
        " set_number, sets, status, planned_seconds, actual_seconds, finished_at)"
        " VALUES (1, 1, 'hold', 'low-lunge', 'Low lunge', 'left', 1, 1, 'done', 30, 31,"
        " '2025-01-02T08:01:00+00:00')"
    )
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()


def test_a_version_1_database_migrates_with_its_sessions_intact(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    _version_1_database(path)
    with History.open(path) as history:
        assert history.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (session,) = history.sessions()
        assert (session.routine_name, session.outcome, session.tally.sets_done) == (
            "Desk break",
            "completed",
            1,
        )
        assert last_selftest(history) is None
        record_selftest(history, _answers(), score_selftest(_answers()))
    with History.open(path) as history:
        assert len(history.sessions()) == 1
        assert last_selftest(history) is not None


def test_results_are_kept_and_the_newest_is_read_back(tmp_path: Path) -> None:
    first, second = _answers("deep_front_hip"), _answers("nothing")
    with History.open(tmp_path / "h.sqlite3") as history:
        record_selftest(
            history, first, score_selftest(first), datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
        )
        newest = record_selftest(
            history, second, score_selftest(second), datetime(2025, 2, 1, 9, 0, tzinfo=UTC)
        )
        record = last_selftest(history)
        row = history.connection.execute(
            "SELECT verdict, tight_sides, weak_sides, rectus_femoris FROM selftest_results"
            " WHERE id = ?",
            (newest,),
        ).fetchone()
    assert record is not None
    assert record.record_id == newest and record.answers == second
    assert record.result == score_selftest(second)
    assert record.taken_at == datetime(2025, 2, 1, 9, 0, tzinfo=UTC)
    assert row == ("weak", "", "right", "")


def test_a_result_stored_by_another_version_is_scored_again(tmp_path: Path) -> None:
    answers = _answers()
    with History.open(tmp_path / "h.sqlite3") as history:
        record_selftest(history, answers, score_selftest(answers))
        history.connection.execute("UPDATE selftest_results SET result_json = '{\"old\": 1}'")
        record = last_selftest(history)
    assert record is not None and record.result == score_selftest(answers)


def test_unreadable_answers_are_passed_over(tmp_path: Path) -> None:
    answers = _answers()
    with History.open(tmp_path / "h.sqlite3") as history:
        record_selftest(history, answers, score_selftest(answers), datetime(2025, 1, 1, tzinfo=UTC))
        record_selftest(history, answers, score_selftest(answers), datetime(2025, 2, 1, tzinfo=UTC))
        history.connection.execute(
            "UPDATE selftest_results SET answers_json = 'not json' WHERE taken_at LIKE '2025-02%'"
        )
        record = last_selftest(history)
    assert record is not None and record.taken_at.month == 1
