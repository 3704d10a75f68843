"""Routines in words: the dose of an exercise, durations, a routine's length, timeline lines."""

from __future__ import annotations

import pytest
from plans import exercise, plan

from psoas_tui.player.describe import (
    amount_text,
    dose_text,
    estimated_duration,
    estimated_seconds,
    format_duration,
    plural,
    segment_amount,
    sessions_total,
    timeline_lines,
)
from psoas_tui.player.timeline import build_timeline


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "0:00"),
        (9.4, "0:09"),
        (59.6, "1:00"),
        (209.6, "3:30"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3725, "1:02:05"),
        (36000 + 61, "10:01:01"),
    ],
)
def test_format_duration_is_m_ss_and_h_mm_ss_from_an_hour(seconds: float, words: str) -> None:
    assert format_duration(seconds) == words


def test_dose_of_a_hold_on_each_side() -> None:
    assert dose_text(exercise(sides="both", sets=2, hold=30)) == "2 × 30 s each side"


def test_dose_of_a_hold_without_sides() -> None:
    assert dose_text(exercise(sides="none", sets=2, hold=45)) == "2 × 45 s"


def test_dose_of_one_side_only_names_the_side() -> None:
    assert dose_text(exercise(sides="left", sets=1, hold=45)) == "1 × 45 s, left side only"
    assert dose_text(exercise(sides="right", sets=1, hold=45)) == "1 × 45 s, right side only"


def test_dose_of_timed_reps_gives_the_seconds_a_rep() -> None:
    assert dose_text(exercise(sides="none", sets=3, hold=None, reps=10, tempo=4)) == (
        "3 × 10 reps (4 s a rep)"
    )
    assert dose_text(exercise(sides="both", sets=2, hold=None, reps=12, tempo=2.5)) == (
        "2 × 12 reps each side (2.5 s a rep)"
    )


def test_dose_of_open_ended_reps_is_at_your_pace() -> None:
    assert dose_text(exercise(sides="none", sets=3, hold=None, reps=10)) == (
        "3 × 10 reps, your pace"
    )
    assert dose_text(exercise(sides="left", sets=1, hold=None, reps=8)) == (
        "1 × 8 reps, left side only, your pace"
    )


def test_dose_of_alternating_reps() -> None:
    assert dose_text(exercise(sides="alternating", sets=1, hold=None, reps=8)) == (
        "1 × 8 reps alternating, your pace"
    )
    assert dose_text(exercise(sides="alternating", sets=1, hold=None, reps=8, tempo=3)) == (
        "1 × 8 reps alternating (3 s a rep)"
    )


def test_amount_of_a_catalogue_dose_without_a_pace() -> None:
    assert amount_text(2, hold_seconds=None, reps=10, sides="both") == "2 × 10 reps each side"
    assert amount_text(1, hold_seconds=None, reps=1, sides="none") == "1 × 1 rep"


def test_routine_duration_counts_an_estimate_for_open_ended_reps() -> None:
    # prep 5, hold 30, switch 5, hold 30; then prep 5 and 10 reps at the 3 s estimate
    routine = plan(
        exercise(sides="both", sets=1, hold=30),
        exercise("Bridge", sides="none", sets=1, hold=None, reps=10),
    )
    assert estimated_seconds(routine) == 5 + 30 + 5 + 30 + 5 + 30
    assert estimated_duration(routine) == "1:45"


def test_routine_duration_of_an_hour_or_more() -> None:
    routine = plan(exercise(sides="none", sets=3, hold=1200, prep=0, rest=60))
    assert estimated_duration(routine) == "1:02:00"


def test_segment_amounts() -> None:
    timed = build_timeline(plan(exercise(sides="none", sets=1, hold=None, reps=10, tempo=4)))
    open_ended = build_timeline(plan(exercise(sides="none", sets=1, hold=None, reps=10)))
    hold = build_timeline(plan(exercise(sides="none", sets=1, hold=45)))
    assert [segment_amount(s) for s in timed.segments] == ["0:05", "10 reps (0:40)"]
    assert [segment_amount(s) for s in open_ended.segments] == ["0:05", "10 reps, your pace"]
    assert [segment_amount(s) for s in hold.segments] == ["0:05", "0:45"]


def test_timeline_lines_give_the_start_time_kind_side_set_and_amount() -> None:
    timeline = build_timeline(plan(exercise("Low lunge", sides="both", sets=2, hold=45)))
    assert timeline_lines(timeline) == [
        "   0:00  prep    Low lunge left — set 1/2, 0:05",
        "   0:05  hold    Low lunge left — set 1/2, 0:45",
        "   0:50  switch  Low lunge right — set 1/2, 0:05",
        "   0:55  hold    Low lunge right — set 1/2, 0:45",
        "   1:40  rest    Low lunge left — set 2/2, 0:15",
        "   1:55  hold    Low lunge left — set 2/2, 0:45",
        "   2:40  switch  Low lunge right — set 2/2, 0:05",
        "   2:45  hold    Low lunge right — set 2/2, 0:45",
    ]


def test_timeline_lines_for_alternating_and_open_ended_reps() -> None:
    timeline = build_timeline(
        plan(
            exercise("Dead bug", sides="alternating", sets=1, hold=None, reps=6),
            exercise("Bridge", sides="none", sets=1, hold=None, reps=10, tempo=3, prep=10),
        )
    )
    assert timeline_lines(timeline) == [
        "   0:00  prep    Dead bug both sides, alternating — set 1/1, 0:05",
        "   0:05  reps    Dead bug both sides, alternating — set 1/1, 6 reps, your pace",
        # the open-ended reps are counted at their estimate: 6 × 2 sides × 3 s
        "   0:41  prep    Bridge — set 1/1, 0:10",
        "   0:51  reps    Bridge — set 1/1, 10 reps (0:30)",
    ]


def test_sessions_total() -> None:
    assert sessions_total(3, 750) == "3 sessions, 12:30 of holds and reps"
    assert sessions_total(1, 60) == "1 session, 1:00 of holds and reps"
    assert sessions_total(0, 0) == "0 sessions, 0:00 of holds and reps"


def test_plural_is_singular_for_one_only() -> None:
    assert plural(1, "set") == "1 set"
    assert plural(0, "set") == "0 sets"
    assert plural(2, "pain report") == "2 pain reports"
    assert plural(3, "person", "people") == "3 people"
