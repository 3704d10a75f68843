"""The session engine on a fake clock: deadlines, pauses, stalls, skips, cues and records."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from plans import exercise, plan

from psoas_tui.player.clock import FakeClock
from psoas_tui.player.session import Cue, PainReport, SegmentFinished, Session
from psoas_tui.player.timeline import build_timeline


def session_for(*exercises, clock: FakeClock | None = None) -> tuple[Session, FakeClock]:  # type: ignore[no-untyped-def]
    clock = clock or FakeClock()
    return Session(build_timeline(plan(*exercises)), clock), clock


def cues(events: list[object]) -> list[tuple[str, int | None]]:
    return [(e.kind, e.value) for e in events if isinstance(e, Cue)]


def test_remaining_is_deadline_minus_clock() -> None:
    session, clock = session_for(exercise(prep=5))
    session.start()
    clock.advance(1.25)
    assert session.remaining() == pytest.approx(3.75)


def test_a_stalled_loop_does_not_move_segment_ends() -> None:
    session, clock = session_for(exercise(prep=5, hold=30, sets=1))
    session.start()
    clock.advance(7.0)  # the loop stalls through the end of the prep
    session.tick()
    assert session.segment.kind == "hold"
    # the hold started when the prep ended (t=5), so 2 s of it are already gone
    assert session.remaining() == pytest.approx(28.0)


def test_pause_moves_the_deadline_by_exactly_the_paused_time() -> None:
    session, clock = session_for(exercise(prep=10))
    session.start()
    for _ in range(50):
        clock.advance(0.1)
        session.pause()
        clock.advance(3.0)
        session.resume()
    assert session.remaining() == pytest.approx(5.0)
    assert session.elapsed() == pytest.approx(5.0)


def test_nothing_moves_while_paused() -> None:
    session, clock = session_for(exercise(prep=5))
    session.start()
    session.pause()
    clock.advance(100)
    assert session.tick() == []
    assert session.segment.kind == "prep" and session.remaining() == pytest.approx(5)


def test_cues_halfway_countdown_switch_and_done() -> None:
    session, clock = session_for(exercise(prep=0, hold=30, sets=1, switch=5))
    events = session.start()
    assert cues(events) == [("segment_start", None)]
    heard: list[tuple[str, int | None]] = []
    for _ in range(30 + 5 + 30 + 1):
        clock.advance(1.0)
        heard += cues(session.tick())
    assert heard.count(("halfway", None)) == 2
    assert heard.count(("countdown", 3)) == 3  # hold, switch, hold
    assert ("switch_sides", None) in heard
    assert heard[-1] == ("done", None)
    assert session.state == "finished"


def test_no_halfway_cue_on_holds_under_30_seconds() -> None:
    session, clock = session_for(exercise(prep=0, hold=20, sets=1, sides="none"))
    session.start()
    heard = []
    for _ in range(21):
        clock.advance(1)
        heard += cues(session.tick())
    assert ("halfway", None) not in heard


def test_open_ended_reps_wait_for_the_user() -> None:
    session, clock = session_for(exercise(prep=0, sides="none", sets=1, hold=None, reps=10))
    session.start()
    clock.advance(600)
    assert session.tick() == [] and session.remaining() is None
    events = session.mark_reps_done()
    record = next(e for e in events if isinstance(e, SegmentFinished))
    assert record.status == "done" and record.actual_seconds == pytest.approx(600)
    assert session.state == "finished"


def test_next_records_a_skip_and_previous_goes_back() -> None:
    session, clock = session_for(exercise(prep=5, hold=30, sets=1))
    session.start()
    clock.advance(2)
    (record,) = [e for e in session.next() if isinstance(e, SegmentFinished)]
    assert (record.segment.kind, record.status, record.actual_seconds) == ("prep", "skipped", 2)
    assert session.segment.kind == "hold"
    session.previous()
    assert session.segment.kind == "prep" and session.remaining() == 5


def test_adjust_lengthens_and_shortens_but_never_below_a_second() -> None:
    session, _ = session_for(exercise(prep=10))
    session.start()
    session.adjust(+5)
    assert session.remaining() == 15
    session.adjust(-5)
    session.adjust(-5)
    session.adjust(-5)
    assert session.remaining() == 1


def test_pain_skip_exercise_records_the_report_and_skips_the_rest() -> None:
    session, clock = session_for(exercise("A", prep=0, sets=2), exercise("B", sides="none"))
    session.start()
    clock.advance(10)
    session.report_pain(PainReport("front of the left hip", 7, "skip"))
    events = session.skip_exercise()
    records = [e for e in events if isinstance(e, SegmentFinished)]
    assert records[0].pain == (PainReport("front of the left hip", 7, "skip"),)
    assert all(r.status == "skipped" for r in records)
    assert session.segment.exercise.name == "B"


def test_swap_exercise_replaces_the_rest_of_it() -> None:
    session, _ = session_for(exercise("Hard", prep=5, sets=2), exercise("B", sides="none"))
    session.start()
    session.next()
    session.swap_exercise(exercise("Easy", prep=5, sets=2, hold=20))
    assert session.segment.kind == "prep" and session.segment.exercise.name == "Easy"
    assert session.timeline.segments[-1].exercise.name == "B"


def test_stop_records_the_current_segment_and_every_set_not_reached_as_skipped() -> None:
    session, clock = session_for(exercise(sets=2))  # prep, then 2 sets of left and right
    session.start()
    clock.advance(3)
    current, *unreached = [e for e in session.stop() if isinstance(e, SegmentFinished)]
    assert current.status == "skipped"
    assert (current.segment.kind, current.actual_seconds) == ("prep", 3)
    assert [(r.segment.kind, r.segment.side, r.status, r.actual_seconds) for r in unreached] == [
        ("hold", side, "skipped", 0.0) for side in ("left", "right", "left", "right")
    ]
    assert session.state == "stopped" and session.next() == []


actions = st.lists(
    st.tuples(
        st.sampled_from(
            ["next", "previous", "pause", "resume", "extend", "shorten", "restart", "reps", "tick"]
        ),
        st.floats(0, 20, allow_nan=False),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(steps=actions)
def test_any_sequence_keeps_the_session_consistent(steps: list[tuple[str, float]]) -> None:
    clock = FakeClock(start=0.0)
    session, _ = session_for(
        exercise("A", prep=3, sets=2, hold=10),
        exercise("B", sides="alternating", sets=1, hold=None, reps=4),
        exercise("C", sides="none", sets=2, hold=None, reps=5, tempo=2),
        clock=clock,
    )
    session.start()
    for action, wait in steps:
        clock.advance(wait)
        {
            "next": session.next,
            "previous": session.previous,
            "pause": session.pause,
            "resume": session.resume,
            "extend": lambda: session.adjust(+5),
            "shorten": lambda: session.adjust(-5),
            "restart": session.restart_segment,
            "reps": session.mark_reps_done,
            "tick": session.tick,
        }[action]()
        assert 0 <= session.index < len(session.timeline)
        remaining = session.remaining()
        assert remaining is None or remaining >= 0
        assert session.elapsed() <= clock.now + 1e-9
        assert all(r.actual_seconds <= clock.now + 1e-9 for r in session.finished)
        assert all(r.actual_seconds >= 0 for r in session.finished)


def test_a_pause_that_comes_after_a_deadline_does_not_stretch_the_ended_segment() -> None:
    session, clock = session_for(exercise(prep=0, sides="none", sets=2, hold=10, rest=5))
    session.start()
    clock.advance(9.95)
    session.tick()
    clock.advance(0.08)  # the hold ended at 10.0; no tick has seen it yet
    events = session.pause()
    assert any(isinstance(e, SegmentFinished) and e.status == "done" for e in events)
    clock.advance(30)
    session.resume()
    session.tick()
    assert session.segment.kind == "rest"
    assert session.remaining() == pytest.approx(5 - 0.03)
    assert session.finished[0].actual_seconds == pytest.approx(10)


def test_each_cue_names_its_segment_even_when_a_stall_crosses_segments() -> None:
    session, clock = session_for(exercise(prep=5, hold=30, sets=1, sides="none"), clock=None)
    assert [(c.kind, c.segment) for c in session.start() if isinstance(c, Cue)] == [
        ("segment_start", 0)
    ]
    clock.advance(40)  # the prep (5 s) and the hold (30 s) both end inside this stall
    kinds = [(e.kind, e.segment) for e in session.tick() if isinstance(e, Cue)]
    assert kinds == [("segment_end", 0), ("segment_start", 1), ("segment_end", 1), ("done", 1)]


def test_timed_reps_cue_each_rep_as_it_begins() -> None:
    session, clock = session_for(
        exercise(prep=0, sides="none", sets=1, hold=None, reps=4, tempo=3), clock=None
    )
    events = session.start()
    assert [(e.kind, e.value) for e in events if isinstance(e, Cue)] == [
        ("segment_start", None),
        ("rep", 1),
    ]
    heard = []
    for _ in range(12):
        clock.advance(1)
        heard += [(e.kind, e.value) for e in session.tick() if isinstance(e, Cue)]
    assert [value for kind, value in heard if kind == "rep"] == [2, 3, 4]
    assert heard.index(("rep", 4)) < heard.index(("countdown", 3))  # both at 9 s


def test_alternating_reps_cue_each_side_with_the_rep_number() -> None:
    session, clock = session_for(
        exercise(prep=0, sides="alternating", sets=1, hold=None, reps=2, tempo=2), clock=None
    )
    reps = [(e.value, e.side) for e in session.start() if isinstance(e, Cue) and e.kind == "rep"]
    for _ in range(8):
        clock.advance(1)
        reps += [
            (e.value, e.side) for e in session.tick() if isinstance(e, Cue) and e.kind == "rep"
        ]
    assert reps == [(1, "left"), (1, "right"), (2, "left"), (2, "right")]


def test_a_stall_over_several_reps_tells_only_the_rep_going_on() -> None:
    session, clock = session_for(
        exercise(prep=0, sides="none", sets=1, hold=None, reps=10, tempo=3), clock=None
    )
    session.start()
    clock.advance(10)  # reps 2, 3 and 4 began during the stall
    assert [(e.kind, e.value) for e in session.tick() if isinstance(e, Cue)] == [("rep", 4)]


def test_pauses_delay_the_rep_cues_by_the_paused_time() -> None:
    session, clock = session_for(
        exercise(prep=0, sides="none", sets=1, hold=None, reps=3, tempo=4), clock=None
    )
    session.start()
    clock.advance(1)
    session.pause()
    clock.advance(50)
    session.resume()
    assert session.next_due() == pytest.approx(clock.now + 3)
    clock.advance(3)
    assert ("rep", 2) in [(e.kind, e.value) for e in session.tick() if isinstance(e, Cue)]


def test_next_due_walks_every_cue_of_a_hold() -> None:
    session, clock = session_for(exercise(prep=0, hold=40, sets=1, sides="none"), clock=None)
    start = clock.now
    session.start()
    moments = []
    while not session.is_over:
        due = session.next_due()
        assert due is not None
        clock.now = due + 1e-6
        cues = [(e.kind, e.value) for e in session.tick() if isinstance(e, Cue)]
        moments.append((round(due - start, 6), cues))
    assert moments == [
        (20.0, [("halfway", None)]),
        (37.0, [("countdown", 3)]),
        (38.0, [("countdown", 2)]),
        (39.0, [("countdown", 1)]),
        (40.0, [("segment_end", None), ("done", None)]),
    ]


def test_nothing_is_due_while_paused_or_on_open_ended_reps() -> None:
    session, _ = session_for(exercise(prep=5, sides="none", sets=1, hold=None, reps=5), clock=None)
    session.start()
    session.pause()
    assert session.next_due() is None
    session.resume()
    session.next()
    assert session.segment.kind == "reps" and session.next_due() is None


def test_a_segment_of_three_seconds_or_less_counts_from_two() -> None:
    session, clock = session_for(exercise(prep=3, hold=30, sets=1, sides="none"), clock=None)
    session.start()
    heard = cues(session.tick())
    for _ in range(3):
        clock.advance(1)
        heard += cues(session.tick())
    assert heard == [
        ("countdown", 2),
        ("countdown", 1),
        ("segment_end", None),
        ("segment_start", None),
    ]
