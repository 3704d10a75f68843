"""One count for a session: the end-of-session summary and the history (its rows, `psoas history`)
say the same numbers, whatever was done, skipped, swapped, redone or quit; a session where
everything was skipped is not "completed"; the schema migrates old databases."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from plans import exercise, plan

from psoas_tui.player.clock import FakeClock
from psoas_tui.player.describe import tally_parts
from psoas_tui.player.session import Event, PainReport, Session
from psoas_tui.player.summary import summarise
from psoas_tui.player.timeline import build_timeline
from psoas_tui.services.session_recorder import SessionRecorder
from psoas_tui.store.history import MIGRATIONS, History
from psoas_tui.store.records import SegmentRecord, SegmentStatus
from psoas_tui.store.tally import tally

ROUTINE = plan(
    exercise("Lunge", prep=5, sets=2, hold=30, rest=10),  # 4 holds: left, right, left, right
    exercise("Bridge", sides="none", sets=1, hold=20),  # 1 hold
    exercise("Dead bug", sides="alternating", sets=1, hold=None, reps=8),  # open-ended reps
)
EASY = exercise("Easy lunge", prep=5, sets=1, hold=20)


def end_segment(session: Session, clock: FakeClock) -> list[Event]:
    """Let the current segment run to its end (open-ended reps: 20 s, then done)."""
    remaining = session.remaining()
    if remaining is None:
        clock.advance(20)
        return session.mark_reps_done()
    clock.advance(remaining)
    return session.tick()


def everything_done(session: Session, clock: FakeClock, recorder: SessionRecorder) -> None:
    while not session.is_over:
        recorder.handle(end_segment(session, clock))


def everything_skipped(session: Session, clock: FakeClock, recorder: SessionRecorder) -> None:
    """Each part left after a second of it."""
    while not session.is_over:
        clock.advance(1)
        recorder.handle(session.next())


def skipped_at_once(session: Session, clock: FakeClock, recorder: SessionRecorder) -> None:
    """Each part left as soon as it starts: no time in holds and reps at all."""
    while not session.is_over:
        recorder.handle(session.next())


def pain_then_skip(session: Session, clock: FakeClock, recorder: SessionRecorder) -> None:
    """The report of issue 10: 9 s into the first hold it hurts; the exercise is skipped."""
    recorder.handle(end_segment(session, clock))  # the prep
    clock.advance(9)
    session.report_pain(PainReport("knee", 5, "skip", "discomfort"))
    recorder.handle(session.skip_exercise())
    everything_done(session, clock, recorder)


def easier_variant(session: Session, clock: FakeClock, recorder: SessionRecorder) -> None:
    """4 s into the lunge's right hold, the easier variant takes the lunge's place."""
    recorder.handle(end_segment(session, clock))  # the prep
    recorder.handle(end_segment(session, clock))  # the left hold, done
    recorder.handle(end_segment(session, clock))  # the switch
    clock.advance(4)
    session.report_pain(PainReport("knee", 3, "easier", "discomfort"))
    recorder.handle(session.swap_exercise(EASY))
    everything_done(session, clock, recorder)


def redo_and_quit(session: Session, clock: FakeClock, recorder: SessionRecorder) -> None:
    """A hold done, then back and done again; a skip; then quit in the middle of a hold."""
    recorder.handle(end_segment(session, clock))  # the prep
    recorder.handle(end_segment(session, clock))  # the left hold
    recorder.handle(session.previous())  # back to the left hold: not recorded
    recorder.handle(end_segment(session, clock))  # the left hold, again
    clock.advance(2)
    recorder.handle(session.next())  # the switch, skipped
    clock.advance(12)
    recorder.handle(session.stop())  # 12 s into the right hold


def sharp_pain_ends_it(session: Session, clock: FakeClock, recorder: SessionRecorder) -> None:
    recorder.handle(end_segment(session, clock))
    clock.advance(3)
    session.report_pain(PainReport("lower back", 7, "end", "sharp"))
    recorder.handle(session.stop())


PLAYS: dict[str, Callable[[Session, FakeClock, SessionRecorder], None]] = {
    "done": everything_done,
    "skipped": everything_skipped,
    "skipped-at-once": skipped_at_once,
    "pain": pain_then_skip,
    "easier": easier_variant,
    "redo-quit": redo_and_quit,
    "sharp-pain": sharp_pain_ends_it,
}


def play(how: str, path: Path) -> tuple[Session, History]:
    clock = FakeClock()
    session = Session(build_timeline(ROUTINE), clock)
    history = History.open(path)
    recorder = SessionRecorder(history)
    recorder.begin(session.timeline)
    recorder.handle(session.start())
    PLAYS[how](session, clock, recorder)
    recorder.finish(summarise(session).outcome)
    return session, history


@pytest.mark.parametrize("how", PLAYS)
def test_the_summary_and_the_history_count_the_same(how: str, tmp_path: Path) -> None:
    session, history = play(how, tmp_path / "h.sqlite3")
    with history:
        (row,) = history.sessions()
    summary = summarise(session)
    assert row.tally == summary.tally
    assert row.outcome == summary.outcome
    assert list(tally_parts(row.tally)) == summary.lines()[:3]  # in the same words


def counted(how: str, tmp_path: Path) -> tuple[str, str, str]:
    session, history = play(how, tmp_path / "h.sqlite3")
    history.close()
    summary = summarise(session)
    return summary.outcome, summary.title, " · ".join(summary.lines()[:3])


def test_what_each_session_adds_up_to(tmp_path: Path) -> None:
    assert counted("done", tmp_path / "a") == (
        "completed",
        "Well done!",
        "Exercises: 3 of 3 done · Sets/sides: 6 of 6 done · Work: 2:40 of holds and reps",
    )
    # the 9 s held before the pain count as work; the 4 holds of the lunge are skipped
    assert counted("pain", tmp_path / "b") == (
        "completed",
        "Well done!",
        "Exercises: 2 of 3 done · Sets/sides: 2 of 6 done · Work: 0:49 of holds and reps",
    )
    # the lunge's left hold was done before the swap, its right hold cut short: the lunge and
    # the easy lunge (its 2 holds in place of the lunge's last 3) count as done
    assert counted("easier", tmp_path / "c") == (
        "completed",
        "Well done!",
        "Exercises: 4 of 4 done · Sets/sides: 5 of 6 done · Work: 1:54 of holds and reps",
    )
    # the left hold done twice is one set/side; the 12 s of the right hold count as work; the
    # holds and reps never reached are skipped
    assert counted("redo-quit", tmp_path / "d") == (
        "quit",
        "Session stopped early",
        "Exercises: 1 of 3 done · Sets/sides: 1 of 6 done · Work: 1:12 of holds and reps",
    )


def test_a_session_with_everything_skipped_is_not_completed(tmp_path: Path) -> None:
    outcome, title, line = counted("skipped", tmp_path / "a")
    assert outcome == "skipped" and title != "Well done!"
    assert line == "Exercises: 0 of 3 done · Sets/sides: 0 of 6 done · Work: 0:06 of holds and reps"
    outcome, title, line = counted("skipped-at-once", tmp_path / "b")
    assert outcome == "skipped" and line.endswith("Work: 0:00 of holds and reps")


def test_sessions_of_no_work_do_not_fill_the_last_sessions(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    for how in ("done", "skipped", "skipped-at-once", "pain", "skipped-at-once"):
        play(how, path)[1].close()
    with History.open(path) as history:
        assert [row.outcome for row in history.sessions()] == [
            "skipped", "completed", "skipped", "skipped", "completed",
        ]  # fmt: skip
        last = history.sessions(limit=2, worked_only=True)
        assert [row.session_id for row in last] == [4, 2]  # not 5 nor 3: 0:00 each


def test_pain_reports_keep_their_kind_place_score_and_action(tmp_path: Path) -> None:
    _, history = play("sharp-pain", tmp_path / "h.sqlite3")
    with history:
        rows = history.connection.execute(
            "SELECT location, severity, kind, action FROM pain_reports"
        ).fetchall()
        (row,) = history.sessions()
    assert rows == [("lower back", 7, "sharp", "end")]
    ((name, report),) = row.tally.pain
    assert (name, report.kind, report.action) == ("Lunge", "sharp", "end")
    assert row.as_json()["pain"] == [
        {"exercise": "Lunge", "location": "lower back", "kind": "sharp", "severity": 7,
         "action": "end"},
    ]  # fmt: skip


def test_the_same_exercise_twice_in_a_routine_is_two_exercises() -> None:
    def hold(position: int, turn: int, status: SegmentStatus) -> SegmentRecord:
        return SegmentRecord(
            position, "hold", "lunge", "Lunge", None, 1, 1, status, 30, 30, exercise_index=turn
        )

    counts = tally([hold(1, 0, "done"), hold(3, 1, "skipped")])
    assert counts.exercises_done == ("Lunge",) and counts.exercises_skipped == ("Lunge",)
    assert (counts.sets_done, counts.sets_total) == (1, 2)


def _version_2_database(path: Path) -> None:
    """A history written by the previous version: a session played to the end with everything
    skipped (kept as completed then), one with a hold done and a pain report."""
    connection = sqlite3.connect(path)
    for migration in MIGRATIONS[:2]:
        connection.executescript(migration)
    for session_id, status in ((1, "skipped"), (2, "done")):
        connection.execute(
            "INSERT INTO sessions (id, routine_id, routine_name, started_at, ended_at, outcome)"
            " VALUES (?, 'desk-break', 'Desk break', '2025-01-02T08:00:00+00:00',"
            " '2025-01-02T08:05:00+00:00', 'completed')",
            (session_id,),
        )
        connection.execute(
            "INSERT INTO segments (session_id, position, kind, exercise_id, exercise_name, side,"
            " set_number, sets, status, planned_seconds, actual_seconds, finished_at)"
            " VALUES (?, 1, 'hold', 'low-lunge', 'Low lunge', 'left', 1, 1, ?, 30, 30,"
            " '2025-01-02T08:01:00+00:00')",
            (session_id, status),
        )
    connection.execute(
        "INSERT INTO pain_reports (segment_id, location, severity, action)"
        " VALUES (2, 'knee', 4, 'continue')"
    )
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()


def test_a_version_2_database_migrates_and_reads_as_before(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    _version_2_database(path)
    with History.open(path) as history:
        first, second = sorted(history.sessions(), key=lambda row: row.session_id)
        assert (first.outcome, second.outcome) == ("skipped", "completed")
        assert (first.tally.sets_done, second.tally.sets_done) == (0, 1)
        ((_, report),) = second.tally.pain
        assert (report.location, report.kind) == ("knee", "")  # asked before kinds were
        with pytest.raises(sqlite3.IntegrityError):  # foreign keys hold after the rebuild
            history.connection.execute(
                "INSERT INTO segments (session_id, position, kind, exercise_id, exercise_name,"
                " side, set_number, sets, status, planned_seconds, actual_seconds, finished_at)"
                " VALUES (99, 1, 'hold', 'x', 'X', NULL, 1, 1, 'done', 1, 1, 'now')"
            )
        history.end_session(first.session_id, "skipped")  # the new outcome is accepted
