"""The question after both sides of a per-side exercise: when it is asked (only once its last set
is over, while the next prep lasts, or at the end), and whether it asks "tighter" or "weaker"."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from plans import exercise, plan

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.player.clock import FakeClock
from psoas_tui.player.session import Session
from psoas_tui.player.side_question import question_kind, side_question
from psoas_tui.player.timeline import build_timeline
from psoas_tui.routine.library import load_entry, toml_files
from psoas_tui.routine.plan import RoutinePlan

CATALOGUE = load_catalogue()
STRETCH = exercise("Low lunge", sets=2, hold=30, prep=5, rest=10, switch=5)
STRENGTH = exercise("Seated leg raise", sets=1, hold=20, prep=5, switch=5)
BOTH_AT_ONCE = exercise("Glute bridge", sides="none", sets=1, hold=20, prep=5)


def start(routine: RoutinePlan) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    session = Session(build_timeline(routine), clock)
    session.start()
    return session, clock


def to_segment(session: Session, clock: FakeClock, kind: str, exercise_index: int) -> None:
    """Play on (every segment to its end) until the session is in `kind` of that exercise."""
    while not (session.segment.kind == kind and session.segment.exercise_index == exercise_index):
        assert not session.is_over
        remaining = session.remaining()
        assert remaining is not None
        clock.advance(remaining)
        session.tick()


def test_asked_in_the_prep_after_the_last_set_and_gone_when_the_next_work_starts() -> None:
    session, clock = start(plan(STRETCH, STRENGTH))
    asked = []
    while not session.is_over:
        question = side_question(session, CATALOGUE)
        asked.append((session.segment.kind, session.segment.exercise_index, question))
        remaining = session.remaining()
        assert remaining is not None
        clock.advance(remaining)
        session.tick()
    with_question = [(kind, index) for kind, index, question in asked if question is not None]
    # the rest and the switches between sets of the stretch do not ask: only the next prep
    assert with_question == [("prep", 1)]
    question = next(q for _, _, q in asked if q is not None)
    assert (question.exercise_index, question.exercise_id, question.question) == (
        0,
        "low-lunge",
        "tighter",
    )
    assert question.words == "Which side felt tighter?"
    # the strengthening move ends the routine: asked at the end, about weakness
    final = side_question(session, CATALOGUE)
    assert final is not None and (final.exercise_index, final.question) == (1, "weaker")


def test_the_record_of_an_answer() -> None:
    session, clock = start(plan(STRETCH, STRENGTH))
    to_segment(session, clock, "prep", 1)
    question = side_question(session, CATALOGUE)
    assert question is not None
    at = datetime(2026, 11, 22, 9, tzinfo=UTC)
    answer = question.answer("left", at)
    assert (answer.exercise_index, answer.exercise_id, answer.question) == (
        0,
        "low-lunge",
        "tighter",
    )
    assert (answer.answer, answer.answered_at, answer.session_id) == ("left", at, None)


def test_not_asked_when_a_side_was_skipped() -> None:
    session, clock = start(plan(exercise("Low lunge", sets=1, prep=5, switch=5), STRENGTH))
    to_segment(session, clock, "hold", 0)  # left
    clock.advance(30)
    session.tick()
    to_segment(session, clock, "hold", 0)  # right: skipped at once
    session.next()
    to_segment(session, clock, "prep", 1)
    assert side_question(session, CATALOGUE) is None


def test_a_side_cut_short_after_a_second_counts() -> None:
    session, clock = start(plan(exercise("Low lunge", sets=1, prep=5, switch=5), STRENGTH))
    to_segment(session, clock, "hold", 0)
    clock.advance(30)
    session.tick()
    to_segment(session, clock, "hold", 0)
    clock.advance(1)
    session.next()
    to_segment(session, clock, "prep", 1)
    assert side_question(session, CATALOGUE) is not None


def test_not_asked_after_an_exercise_done_with_both_sides_at_once_or_one_side() -> None:
    one_side = exercise("Low lunge", sides="left", sets=1, prep=5)
    session, clock = start(plan(BOTH_AT_ONCE, one_side, STRENGTH))
    for index in (1, 2):
        to_segment(session, clock, "prep", index)
        assert side_question(session, CATALOGUE) is None


def test_quitting_mid_exercise_asks_nothing_at_the_end_but_quitting_in_the_next_prep_does() -> None:
    session, clock = start(plan(STRETCH, STRENGTH))
    to_segment(session, clock, "rest", 0)  # one set of both sides done, one to come
    session.stop()
    assert side_question(session, CATALOGUE) is None
    session, clock = start(plan(STRETCH, STRENGTH))
    to_segment(session, clock, "prep", 1)
    session.stop()
    question = side_question(session, CATALOGUE)
    assert question is not None and question.exercise_index == 0


def test_weaker_after_a_strengthening_move_tighter_after_anything_else() -> None:
    assert question_kind(STRENGTH, CATALOGUE) == "weaker"
    assert question_kind(STRETCH, CATALOGUE) == "tighter"
    assert question_kind(exercise("Foam-roller psoas release"), CATALOGUE) == "tighter"
    assert question_kind(exercise("Something of my own"), CATALOGUE) == "tighter"
    assert question_kind(STRENGTH, None) == "tighter"


BUILT_IN = list(toml_files(paths.builtin_routines_dir()))


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda path: path.stem)
def test_every_built_in_routine_asks_once_after_each_exercise_done_on_each_side(
    path: Path,
) -> None:
    """Asked once for each per-side exercise followed by a get-ready (or ending the routine),
    never for another, when the routine is played to the end."""
    entry = load_entry(path, "built-in", CATALOGUE)
    assert entry.loaded is not None
    routine = entry.loaded.plan
    session, clock = start(routine)
    asked: set[int] = set()
    while not session.is_over:
        question = side_question(session, CATALOGUE)
        if question is not None:
            asked.add(question.exercise_index)
        remaining = session.remaining()
        if remaining is None:  # open-ended reps: done at once
            session.mark_reps_done()
        else:
            clock.advance(remaining)
            session.tick()
    final = side_question(session, CATALOGUE)
    if final is not None:
        asked.add(final.exercise_index)
    exercises = routine.exercises
    expected = {
        index
        for index, item in enumerate(exercises)
        if item.sides == "both"
        and (index == len(exercises) - 1 or exercises[index + 1].prep_seconds > 0)
    }
    assert asked == expected
