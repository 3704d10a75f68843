"""What the player says at a glance: which routine, which exercise of how many, the set only when
there are several, the rep and its side, PAUSED in the headline, and what comes next during a
rest or a switch (never the next side shown as if it were now)."""

from __future__ import annotations

from dataclasses import replace

from plans import exercise, plan

from psoas_tui.player.clock import FakeClock
from psoas_tui.player.session import Session
from psoas_tui.player.timeline import build_timeline
from psoas_tui.player.view import PlayerView, figure_moves_in, player_view, sound_label

LUNGE = exercise("Lunge", sets=2, hold=30, prep=5, rest=10, switch=5)
BRIDGE = exercise("Bridge", sides="none", sets=1, hold=None, reps=10, tempo=2.0, prep=5)
MARCH = exercise("March", sides="alternating", sets=1, hold=None, reps=4, tempo=2.0, prep=5)
BIRD = exercise("Bird dog", sides="none", sets=3, hold=20, prep=5, rest=10)


def start(*exercises: object, name: str = "Morning psoas") -> tuple[Session, FakeClock]:
    clock = FakeClock()
    session = Session(build_timeline(plan(*exercises, name=name)), clock)  # type: ignore[arg-type]
    session.start()
    return session, clock


def at(session: Session, clock: FakeClock, seconds: float) -> PlayerView:
    clock.advance(seconds)
    session.tick()
    return player_view(session)


def test_the_routine_and_which_exercise_of_how_many() -> None:
    session, clock = start(LUNGE, BRIDGE)
    view = player_view(session)
    assert (view.routine, view.position) == ("Morning psoas", "exercise 1 of 2")
    view = at(session, clock, 5 + 30 + 5 + 30 + 10 + 30 + 5 + 30 + 1)
    assert (view.kind, view.exercise, view.position) == ("prep", "Bridge", "exercise 2 of 2")


def test_the_set_is_said_only_when_there_are_several() -> None:
    session, clock = start(LUNGE, BRIDGE)
    assert at(session, clock, 6).set_text == "set 1 of 2"
    assert at(session, clock, 30 + 5 + 30).set_text == "set 1 of 2 done"  # the rest
    assert at(session, clock, 10).set_text == "set 2 of 2"
    assert at(session, clock, 30 + 5 + 30 + 5).set_text == ""  # Bridge: one set


def test_timed_reps_count_the_rep_and_name_the_side() -> None:
    session, clock = start(BRIDGE, MARCH)
    view = at(session, clock, 5 + 6.5)  # the 4th rep of 2 s
    assert view.kind == "reps" and view.reps_text == "rep 4 of 10"
    assert view.countdown == "0:14" and view.reps_goal == ""
    view = at(session, clock, 20 - 6.5 + 5 + 6.5)  # March: moves of 2 s, left then right
    assert view.reps_text == "rep 2 of 4 each side — right"
    assert view.side == "ALTERNATE"


def test_open_ended_reps_show_how_many_in_place_of_a_countdown() -> None:
    session, clock = start(exercise("Dead bug", sides="none", sets=1, hold=None, reps=6, prep=5))
    view = at(session, clock, 6)
    assert view.countdown == "" and view.reps_goal == "6 REPS"
    assert "press enter when done" in view.reps_text


def test_paused_says_so_in_the_headline_and_keeps_what_is_paused() -> None:
    session, clock = start(LUNGE)
    assert at(session, clock, 6).headline == "HOLD"
    session.pause()
    view = player_view(session)
    assert view.paused and view.headline == "PAUSED · HOLD"
    session.resume()
    assert player_view(session).headline == "HOLD"


def test_a_switch_says_which_side_comes_next_and_shows_no_side_as_now() -> None:
    session, clock = start(LUNGE)
    hold = at(session, clock, 6)
    assert hold.side == "LEFT" and hold.coming == ""
    switch = at(session, clock, 30)
    assert switch.kind == "switch" and switch.side is None
    assert switch.coming == "next: RIGHT side — Lunge"
    assert at(session, clock, 5).side == "RIGHT"


def test_a_rest_says_which_set_and_side_come_next() -> None:
    session, clock = start(LUNGE)
    rest = at(session, clock, 5 + 30 + 5 + 30 + 1)
    assert rest.kind == "rest" and rest.side is None
    assert rest.coming == "next: set 2 of 2, LEFT side — Lunge"
    session, clock = start(BIRD)
    rest = at(session, clock, 5 + 20 + 1)
    assert rest.coming == "next: set 2 of 3 — Bird dog"


def test_the_sound_indicator() -> None:
    assert sound_label(muted=False, voice=True) == "sound + voice"
    assert sound_label(muted=False, voice=False) == "sound, no voice"
    assert sound_label(muted=True, voice=True) == "muted"
    assert sound_label(muted=False, voice=True, bell_only=True) == "bell"
    assert sound_label(muted=True, voice=True, bell_only=True) == "muted"


def test_the_figure_shows_the_start_to_get_ready_and_the_end_in_a_hold() -> None:
    session, clock = start(LUNGE)
    assert player_view(session).figure == ("lunge", "left", 0.0)  # prep: get into position
    assert at(session, clock, 6).figure == ("lunge", "left", 1.0)  # the hold
    assert at(session, clock, 30).figure == ("lunge", "right", 0.0)  # switch: the right side next
    assert at(session, clock, 5).figure == ("lunge", "right", 1.0)


def test_the_figure_moves_at_the_tempo_of_timed_reps_and_follows_the_side() -> None:
    session, clock = start(MARCH)
    clock.advance(5)
    session.tick()
    phases = []
    sides = []
    for _ in range(16):  # two moves of 2 s, in steps of 1/4 s
        view = player_view(session)
        assert view.figure is not None and view.figure[0] == "march"
        sides.append(view.figure[1])
        phases.append(view.figure[2])
        clock.advance(0.25)
        session.tick()
    assert phases[0] == 0.0 and max(phases) == 1.0  # out to the end position ...
    assert phases[7] < 1.0  # ... and back within the rep
    assert sides[:8] == ["left"] * 8 and sides[8:] == ["right"] * 8


def test_a_move_of_ones_own_has_no_figure() -> None:
    session, _ = start(replace(LUNGE, is_custom=True))
    assert player_view(session).figure is None


def test_the_countdown_is_sized_for_its_longest_value() -> None:
    session, clock = start(exercise("Long hold", sides="none", sets=1, hold=605, prep=0))
    assert at(session, clock, 0.5).countdown_widest == "10:05"
    assert at(session, clock, 10).countdown == "9:55"
    assert player_view(session).countdown_widest == "10:05"


def test_the_player_wakes_for_the_figure_only_when_it_moves() -> None:
    session, clock = start(LUNGE, MARCH)
    assert figure_moves_in(session) is None  # prep: a still figure
    assert at(session, clock, 6).kind == "hold" and figure_moves_in(session) is None
    at(session, clock, 30 + 5 + 30 + 10 + 30 + 5 + 30 + 5)  # March: timed reps
    woken = 0
    for _ in range(40):
        moves = figure_moves_in(session)
        assert moves is not None and 0.25 <= moves <= 1.0  # at most 4 drawings a second
        before = player_view(session).figure
        at(session, clock, moves)
        assert player_view(session).figure != before  # it moved when it was said to
        woken += 1
        if session.segment.kind != "reps":
            break
    assert woken >= 6  # several steps a rep, not one wake-up a second
    session.pause()
    assert figure_moves_in(session) is None
