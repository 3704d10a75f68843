"""The cue plan as data: which sound and which words at which moment, with no audio at all."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from plans import exercise, plan

from psoas_tui.player.clock import FakeClock
from psoas_tui.player.cue_plan import (
    Announcement,
    announcement_for,
    announcements,
    cue_plan,
    paced_timeline,
    start_words,
)
from psoas_tui.player.session import Cue, SegmentFinished, Session
from psoas_tui.player.timeline import build_timeline
from psoas_tui.player.words import duration_words, number_words
from psoas_tui.routine.plan import PlannedExercise

ROUTINE = plan(
    exercise("Lunge", sets=2, hold=30, prep=5, switch=5, rest=10),
    exercise("Bridge", sides="none", sets=1, hold=None, reps=3, tempo=3, prep=0),
    exercise("March", sides="alternating", sets=1, hold=None, reps=2, tempo=2, prep=0),
    exercise("Dead bug", sides="none", sets=1, hold=None, reps=2, prep=0),
)
COUNTS = [("countdown", "Three."), ("countdown", "Two."), ("countdown", "One.")]


def at(start: float, *items: tuple[str, str | None]) -> list[tuple[float, str, str | None]]:
    """Items one second apart from `start`."""
    return [(start + n, sound, words) for n, (sound, words) in enumerate(items)]


def test_the_whole_plan_of_a_small_routine() -> None:
    got = [(when, heard.sound, heard.words) for when, heard in cue_plan(build_timeline(ROUTINE))]
    # words that would be said over the start's words are left out: the sound alone plays
    after_switch = [("countdown", None), ("countdown", "Two."), ("countdown", "One.")]
    expected = [
        (0, "get_ready", "Get ready: Lunge, left side."),
        *at(2, *after_switch),
        (5, "go", "Left side. Lunge. Thirty seconds."),
        (20, "halfway", "Halfway."),
        *at(32, *COUNTS),
        (35, "switch", "Switch to the right side."),
        *at(37, *after_switch),
        (40, "go", "Right side. Lunge. Thirty seconds."),
        (55, "halfway", "Halfway."),
        *at(67, *COUNTS),
        (70, "rest", "Rest. Next: set two of two."),
        *at(77, *COUNTS),
        (80, "go", "Left side. Lunge. Thirty seconds."),
        (95, "halfway", "Halfway."),
        *at(107, *COUNTS),
        (110, "switch", "Switch to the right side."),
        *at(112, *after_switch),
        (115, "go", "Right side. Lunge. Thirty seconds."),
        (130, "halfway", "Halfway."),
        *at(142, *COUNTS),
        # timed reps: each rep counted as it begins; the last seconds only sound
        (145, "go", "Bridge. Three reps."),
        (148, "rep", "Two"),
        (151, "rep", "Three"),  # (the countdown's "three" comes at the same moment)
        *at(152, ("countdown", None), ("countdown", None)),
        # alternating: each side's move, the rep number on the left
        (154, "go", "March. Two reps each side, starting left."),
        (156, "rep", None),
        (158, "rep", "Two, left"),
        (159, "countdown", None),
        (160, "rep", "Right"),
        (161, "countdown", None),
        # open-ended reps get a fixed pace (the exercise's own: 3 s here) and say so
        (162, "go", "Dead bug. Two reps at a steady pace, I will count."),
        (165, "rep", None),
        *at(166, ("countdown", None), ("countdown", None)),
        (168, "done", "Session complete. Well done."),
    ]
    assert got == expected


def test_the_plan_ends_when_show_says_the_routine_ends() -> None:
    timeline = build_timeline(ROUTINE)
    last, heard = cue_plan(timeline)[-1]
    assert heard.sound == "done" and last == timeline.estimated_seconds == 168


def test_a_fixed_pace_for_open_ended_reps() -> None:
    timeline = build_timeline(plan(exercise("Dead bug", sides="none", hold=None, reps=4, sets=1)))
    paced, open_ended = paced_timeline(timeline, 2.5)
    assert open_ended == {1} and paced.segments[1].seconds == 10.0
    reps = [when for when, heard in cue_plan(timeline, 2.5) if heard.sound == "rep"]
    assert reps == [5 + 2.5, 5 + 5.0, 5 + 7.5]


def test_live_open_ended_reps_wait_for_enter_and_say_so() -> None:
    timeline = build_timeline(plan(exercise("Dead bug", sides="none", hold=None, reps=4, sets=1)))
    words = start_words(timeline.segments[1])
    assert words == "Dead bug. Four reps at your own pace. Press enter when done."


def test_one_tick_announces_its_most_important_cue_only() -> None:
    timeline = build_timeline(ROUTINE)
    events = [
        Cue("countdown", 1, segment=0),
        Cue("segment_end", segment=0),
        SegmentFinished(timeline.segments[0], "done", 5.0, 5.0),
        Cue("segment_start", segment=1),
    ]
    assert announcements(events, timeline) == [
        Announcement("go", "Left side. Lunge. Thirty seconds.")
    ]
    assert announcements([Cue("segment_end", segment=0)], timeline) == []
    assert announcements([], timeline) == []


def test_a_stall_across_segments_announces_the_latest_start() -> None:
    timeline = build_timeline(ROUTINE)
    session = Session(timeline, clock := FakeClock(0.0))
    session.start()
    clock.advance(36)  # prep and the left hold went by: the switch is on
    (heard,) = announcements(session.tick(), timeline)
    assert heard == Announcement("switch", "Switch to the right side.")


def test_a_cue_for_a_segment_that_is_not_there_is_not_announced() -> None:
    timeline = build_timeline(ROUTINE)
    assert announcement_for(Cue("halfway", segment=999), timeline) is None
    assert announcement_for(Cue("halfway"), timeline) is None


def test_numbers_and_durations_in_words() -> None:
    assert [number_words(n) for n in (0, 7, 13, 20, 45, 100, 105, 999, 2024)] == [
        "zero",
        "seven",
        "thirteen",
        "twenty",
        "forty-five",
        "one hundred",
        "one hundred and five",
        "nine hundred and ninety-nine",
        "two thousand and twenty-four",
    ]
    assert duration_words(1) == "one second"
    assert duration_words(45) == "forty-five seconds"
    assert duration_words(60) == "one minute"
    assert duration_words(150) == "two minutes thirty seconds"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda sides, sets, hold, reps, tempo, prep, rest, switch: exercise(
                sides=sides,
                sets=sets,
                hold=hold,
                reps=None if hold else reps,
                tempo=None if hold else tempo,
                prep=prep,
                rest=rest,
                switch=switch,
            ),
            st.sampled_from(["both", "left", "alternating", "none"]),
            st.integers(1, 3),
            st.one_of(st.none(), st.integers(1, 90)),
            st.integers(1, 12),
            st.one_of(st.none(), st.sampled_from([1.5, 2.0, 3.0, 4.5])),
            st.integers(0, 8),
            st.integers(0, 20),
            st.integers(0, 6),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_plan_runs_in_order_to_its_end(exercises: list[PlannedExercise]) -> None:
    timeline = build_timeline(plan(*exercises))
    moments = cue_plan(timeline)
    times = [when for when, _ in moments]
    assert times == sorted(times) and len(set(times)) == len(times)  # one announcement a moment
    assert moments[-1] == (timeline.estimated_seconds, moments[-1][1])
    assert moments[-1][1].sound == "done" and moments[0][0] == 0
    starts = [
        when for when, heard in moments if heard.sound in ("go", "get_ready", "switch", "rest")
    ]
    assert len(starts) == len(timeline)
