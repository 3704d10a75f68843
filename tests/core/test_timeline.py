"""Expanding a routine into segments: prep, holds and reps, sides, switches, rests."""

from __future__ import annotations

from plans import exercise, plan

from psoas_tui.player.timeline import build_timeline


def shape(timeline_plan):  # type: ignore[no-untyped-def]
    return [
        (s.kind, s.side, s.set_number, s.seconds) for s in build_timeline(timeline_plan).segments
    ]


def test_per_side_hold_does_left_switch_right_each_set_with_rest_between_sets() -> None:
    assert shape(plan(exercise(sets=2, hold=45))) == [
        ("prep", "left", 1, 5.0),
        ("hold", "left", 1, 45.0),
        ("switch", "right", 1, 5.0),
        ("hold", "right", 1, 45.0),
        ("rest", "left", 2, 15.0),
        ("hold", "left", 2, 45.0),
        ("switch", "right", 2, 5.0),
        ("hold", "right", 2, 45.0),
    ]


def test_no_rest_after_the_last_set_the_next_prep_is_the_transition() -> None:
    segments = build_timeline(plan(exercise("A", sets=1), exercise("B", sides="none", sets=1)))
    assert [s.kind for s in segments.segments] == ["prep", "hold", "switch", "hold", "prep", "hold"]


def test_one_side_only() -> None:
    assert [(k, side) for k, side, _, _ in shape(plan(exercise(sides="right", sets=1)))] == [
        ("prep", "right"),
        ("hold", "right"),
    ]


def test_alternating_is_one_reps_segment_per_set_covering_both_sides() -> None:
    timeline = build_timeline(
        plan(exercise(sides="alternating", sets=3, hold=None, reps=10, tempo=2))
    )
    work = [s for s in timeline.segments if s.is_work]
    assert len(work) == 3
    assert all(s.kind == "reps" and s.side is None and s.seconds == 40.0 for s in work)


def test_reps_are_timed_with_a_tempo_and_open_ended_without() -> None:
    timed = build_timeline(plan(exercise(sides="none", sets=1, hold=None, reps=10, tempo=3)))
    open_ended = build_timeline(plan(exercise(sides="none", sets=1, hold=None, reps=10)))
    assert timed.segments[-1].seconds == 30.0
    assert open_ended.segments[-1].seconds is None
    assert open_ended.total_seconds == 5.0  # only the prep is timed
    assert open_ended.estimated_seconds == 5.0 + 10 * 3.0


def test_zero_second_transitions_are_left_out() -> None:
    kinds = [k for k, *_ in shape(plan(exercise(prep=0, switch=0, rest=0, sets=2)))]
    assert kinds == ["hold", "hold", "hold", "hold"]


def test_indices_are_consecutive_and_totals_add_up() -> None:
    timeline = build_timeline(plan(exercise(sets=3), exercise("B", sides="none", sets=2, hold=20)))
    assert [s.index for s in timeline.segments] == list(range(len(timeline)))
    assert timeline.total_seconds == sum(s.seconds or 0 for s in timeline.segments)
