"""The history database: per-segment commits, outcomes, corruption and newer versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from plans import exercise, plan

from psoas_tui.player.clock import FakeClock
from psoas_tui.player.session import PainReport, SegmentFinished, Session
from psoas_tui.player.timeline import build_timeline
from psoas_tui.services.session_recorder import segment_record, session_start
from psoas_tui.store.history import SCHEMA_VERSION, History, HistoryError


def play_some(history: History, finish: bool) -> int:
    routine = plan(exercise("Lunge", prep=5, sets=1, hold=30))
    clock = FakeClock()
    session = Session(build_timeline(routine), clock)
    session_id = history.start_session(session_start(build_timeline(routine)))

    def record(events: list[object]) -> None:
        for event in events:
            if isinstance(event, SegmentFinished):
                history.record_segment(session_id, segment_record(event))

    record(session.start())
    clock.advance(5)
    record(session.tick())
    session.report_pain(PainReport("front of hip", 4))
    clock.advance(31)
    record(session.tick())
    if finish:
        clock.advance(40)
        record(session.tick())
        history.end_session(session_id, "completed")
        history.rate_session(session_id, "about_right")
    return session_id


def test_a_completed_session_is_listed_with_totals(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        play_some(history, finish=True)
        (summary,) = history.sessions()
    assert summary.outcome == "completed" and summary.rating == "about_right"
    assert summary.tally.sets_done == 2 and summary.tally.sets_skipped == 0
    assert summary.work_seconds == pytest.approx(60)
    assert summary.pain_reports == 1


def test_an_unclosed_session_of_a_dead_process_reads_as_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with History.open(path) as history:
        session_id = play_some(history, finish=False)
        history.connection.execute(
            "UPDATE sessions SET pid = 999999999 WHERE id = ?", (session_id,)
        )
    with History.open(path) as history:
        (summary,) = history.sessions()
        assert summary.outcome == "interrupted" and summary.tally.sets_done == 1
        assert history.close_abandoned() == 1


def test_sessions_are_newest_first(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        first = play_some(history, finish=True)
        second = play_some(history, finish=True)
        assert [s.session_id for s in history.sessions()] == [second, first]


def test_a_corrupt_database_is_moved_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with History.open(path) as history:
        assert "moved to" in history.notice
        assert history.sessions() == []
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")


def test_a_database_from_a_newer_program_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.execute("CREATE TABLE future (x)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(HistoryError, match="newer psoas-tui"):
        History.open(path)
    assert path.read_bytes() == before


def test_the_database_uses_wal_and_records_its_schema_version(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        connection = history.connection
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_one_history_serves_several_threads_and_refuses_use_once_closed(tmp_path: Path) -> None:
    import threading

    history = History.open(tmp_path / "h.sqlite3")
    play_some(history, finish=True)
    read: list[int] = []
    readers = [
        threading.Thread(target=lambda: read.append(len(history.sessions()))) for _ in range(4)
    ]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert read == [1, 1, 1, 1]
    history.close()
    assert history.closed
    with pytest.raises(HistoryError, match="closed"):
        history.sessions()
    history.close()  # closing twice is harmless


def test_sqlite_errors_come_out_as_history_errors(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        history.connection.execute("DROP TABLE pain_reports")
        with pytest.raises(HistoryError, match="pain_reports"):
            history.sessions()


def test_the_page_cache_filled_by_opening_is_given_back(tmp_path: Path) -> None:
    history = History.open(tmp_path / "history.sqlite3")
    statements: list[str] = []
    history.connection.set_trace_callback(statements.append)
    history.release_memory()
    assert statements == ["PRAGMA shrink_memory"]
    history.close()
    history.release_memory()  # once closed there is nothing to give back, and no error


def test_sessions_since_a_moment_are_the_newer_ones_counted_the_same(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from psoas_tui.services.logged_session import logged_session, write_logged

    timeline = build_timeline(plan(exercise("Lunge", prep=5, sets=2, hold=30)))
    with History.open(tmp_path / "h.sqlite3") as history:
        ids = [
            write_logged(
                history, logged_session(timeline, datetime(2026, m, d, 12, tzinfo=UTC)), None
            )
            for m, d in ((1, 1), (3, 1), (3, 10))
        ]
        everything = {row.session_id: row for row in history.sessions()}
        newer = history.sessions(since=datetime(2026, 2, 1, tzinfo=UTC))
        assert [row.session_id for row in newer] == [ids[2], ids[1]]
        assert all(row == everything[row.session_id] for row in newer)
        assert history.sessions(since=datetime(2026, 3, 10, 12, tzinfo=UTC))[0].session_id == ids[2]
        assert history.sessions(since=datetime(2027, 1, 1, tzinfo=UTC)) == []
