"""Every built-in routine plays to the end on the engine, and is recorded as completed.

The rule is checked here, on `Session` and a fake clock, for every file in the routines folder;
one Pilot run in tests/tui proves that the screen walks the same path.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.player.clock import FakeClock
from psoas_tui.player.session import Cue, Event, Session
from psoas_tui.player.summary import summarise
from psoas_tui.player.timeline import Timeline, build_timeline
from psoas_tui.routine.library import load_entry, toml_files
from psoas_tui.services.session_recorder import SessionRecorder
from psoas_tui.store.history import History

BUILT_IN = list(toml_files(paths.builtin_routines_dir()))


def test_there_are_built_in_routines() -> None:
    assert len(BUILT_IN) >= 5, paths.builtin_routines_dir()


def play_to_the_end(session: Session, clock: FakeClock, recorder: SessionRecorder) -> None:
    """Drive the session as the player screen does: a tick a second, and open-ended reps
    marked done once their estimated time has gone by."""

    def handle(events: list[Event]) -> None:
        recorder.handle(events)
        if any(isinstance(e, Cue) and e.kind == "done" for e in events):
            recorder.finish("completed")

    handle(session.start())
    limit = 10 * len(session.timeline) + int(session.timeline.estimated_seconds) + 10
    for _ in range(limit):
        if session.is_over:
            break
        remaining = session.remaining()
        if remaining is None:
            clock.advance(session.segment.estimated_seconds())
            handle(session.mark_reps_done())
        else:
            clock.advance(min(1.0, remaining))
            handle(session.tick())
    assert session.is_over, f"stuck at segment {session.index} of {len(session.timeline)}"


def work_seconds(timeline: Timeline, side: str | None = "any") -> float:
    return sum(
        s.estimated_seconds()
        for s in timeline.segments
        if s.is_work and (side == "any" or s.side == side)
    )


@pytest.mark.parametrize("routine_file", BUILT_IN, ids=lambda p: p.stem)
def test_every_built_in_routine_plays_to_the_end_and_is_recorded(routine_file: Path) -> None:
    entry = load_entry(routine_file, "built-in", load_catalogue())
    assert entry.loaded is not None, entry.error
    timeline = build_timeline(entry.loaded.plan)
    clock = FakeClock()
    session = Session(timeline, clock)
    with History.open(paths.history_db()) as history:
        recorder = SessionRecorder(history)
        recorder.begin(timeline)
        play_to_the_end(session, clock, recorder)

    assert session.state == "finished"
    assert [r.segment.index for r in session.finished] == list(range(len(timeline)))
    assert all(r.status == "done" for r in session.finished)
    for record in session.finished:
        if record.planned_seconds is not None:  # a timed segment lasts exactly its length
            assert record.actual_seconds == pytest.approx(record.planned_seconds)

    summary = summarise(session)
    totals = summary.tally
    work = [s for s in timeline.segments if s.is_work]
    assert work
    assert summary.completed and summary.routine_name == timeline.plan.name
    assert totals.exercises_done == tuple(
        {s.exercise_index: s.exercise.name for s in work}.values()
    )
    assert totals.exercises_skipped == () and totals.pain == ()
    assert (totals.sets_done, totals.sets_total) == (len(work), len(work))
    assert totals.spent_seconds == pytest.approx(timeline.estimated_seconds)
    assert totals.work_seconds == pytest.approx(work_seconds(timeline))
    assert totals.left_seconds == pytest.approx(work_seconds(timeline, "left"))
    assert totals.right_seconds == pytest.approx(work_seconds(timeline, "right"))

    with History.open(paths.history_db()) as history:
        (recorded,) = history.sessions()
    assert recorded.outcome == "completed" and recorded.ended_at is not None
    assert recorded.routine_name == timeline.plan.name
    assert recorded.tally == totals  # the history counts as the summary does
    assert recorded.pain_reports == 0
    with sqlite3.connect(paths.history_db()) as db:
        rows = db.execute(
            "SELECT position, status FROM segments WHERE session_id = ? ORDER BY id",
            (recorded.session_id,),
        ).fetchall()
    assert [position for position, _ in rows] == list(range(len(timeline)))
    assert all(status == "done" for _, status in rows)
