"""A timed rep is never shorter than its own cue: the catalogue splits each rep into phases (lift
1 s, hold 3 s, lower 1 s) and every tempo — the catalogue's own, each built-in routine's, each
self-test routine's for every answer — is at least their sum. Notes that ask for a pause ("hold
3–5 s") get room for it too."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from psoas_tui.catalogue.dosage import HOLD_PHASE, Dosage
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.model import Catalogue
from psoas_tui.routine.model import Routine
from psoas_tui.routine.parse import load_routine
from psoas_tui.selftest.answers import Answers
from psoas_tui.selftest.prescribe import routine_for
from psoas_tui.selftest.questions import KNEE_LIFT_ANSWERS, KNEEL_ANSWERS
from psoas_tui.selftest.scoring import score_selftest

BUILT_IN = Path(__file__).resolve().parents[2] / "routines"
PAUSE_IN_NOTES = re.compile(r"\b(?:hold|pause)(?: it)? (\d+)(?:–\d+)? s\b")
"""A pause a note asks for: "hold 3–5 s", "pause 1–2 s at the top", "hold it 3 s"."""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _selftest_routines() -> Iterator[tuple[str, Routine]]:
    """The routine for every combination of test answers, short and long sitting, runner or not."""
    for kneel_l, kneel_r, lift_l, lift_r in itertools.product(
        KNEEL_ANSWERS, KNEEL_ANSWERS, KNEE_LIFT_ANSWERS, KNEE_LIFT_ANSWERS
    ):
        for sitting, runner in ((3, False), (8, True)):
            answers = Answers.model_validate(
                {
                    "sitting_hours": sitting,
                    "runner": runner,
                    "kneel_test": {"left": kneel_l, "right": kneel_r},
                    "knee_lift_test": {"left": lift_l, "right": lift_r},
                }
            )
            routine = routine_for(score_selftest(answers))
            if routine is not None:
                yield f"{kneel_l}/{kneel_r} {lift_l}/{lift_r} sitting {sitting}", routine


def _timed_reps(catalogue: Catalogue, routine: Routine) -> Iterator[tuple[str, float, str]]:
    """(catalogue id, tempo, notes) of each timed reps entry that names a catalogue exercise."""
    for entry in routine.exercises:
        exercise = catalogue.lookup(entry.exercise)
        if exercise is None or exercise.dosage.reps is None:
            continue
        if entry.hold_seconds is None and entry.tempo_seconds is not None:
            yield exercise.id, entry.tempo_seconds, entry.notes or ""


def _check(catalogue: Catalogue, where: str, routine: Routine) -> list[str]:
    wrong = []
    for exercise_id, tempo, notes in _timed_reps(catalogue, routine):
        dosage = catalogue.get(exercise_id).dosage
        least = dosage.min_seconds_per_rep
        assert least is not None
        if tempo < least:
            wrong.append(f"{where}: {exercise_id} at {tempo:g} s a rep, needs {least:g}")
        for asked in PAUSE_IN_NOTES.findall(notes):
            phases = dosage.rep_phases or {}
            needed = least - phases.get(HOLD_PHASE, 0) + int(asked)
            if tempo < needed:
                wrong.append(f"{where}: {exercise_id} note asks {asked} s, tempo {tempo:g}")
    return wrong


def test_every_rep_exercise_has_phases_and_a_tempo_that_fits_them(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        dosage = exercise.dosage
        if dosage.reps is None:
            assert dosage.rep_phases is None and dosage.min_seconds_per_rep is None
            continue
        least = dosage.min_seconds_per_rep
        assert least is not None and dosage.seconds_per_rep is not None, exercise.id
        assert dosage.seconds_per_rep >= least, exercise.id


def test_the_cues_behind_the_phases(catalogue: Catalogue) -> None:
    """The phases follow the articles: the hold at the top, and the slow lowering."""
    assert catalogue.get("standing-march").dosage.min_seconds_per_rep == 5  # hold 3–5 s
    assert catalogue.get("step-up-knee-drive").dosage.min_seconds_per_rep == 4  # hold 1–2 s
    assert catalogue.get("seated-leg-raise").dosage.min_seconds_per_rep == 5  # hold 2–3 s
    assert catalogue.get("glute-bridge").dosage.min_seconds_per_rep == 8  # hold 5–10 s
    lying = catalogue.get("lying-leg-raise").dosage.rep_phases
    assert lying is not None and lying["lower"] > lying["lift"]  # the lowering is the point


def test_a_tempo_shorter_than_its_phases_is_refused(catalogue: Catalogue) -> None:
    data = catalogue.get("standing-march").dosage.model_dump()
    data["seconds_per_rep"] = 4
    with pytest.raises(ValidationError, match="shorter than its phases"):
        Dosage.model_validate(data)
    data = catalogue.get("standing-march").dosage.model_dump()
    data["rep_phases"] = {"lift": 1, "hold": 1, "lower": 1}
    with pytest.raises(ValidationError, match="shorter than any article's hold"):
        Dosage.model_validate(data)


@pytest.mark.parametrize("path", sorted(BUILT_IN.glob("*.toml")), ids=lambda p: p.stem)
def test_built_in_routine_tempos_fit_each_rep(catalogue: Catalogue, path: Path) -> None:
    routine = load_routine(path).routine
    assert _check(catalogue, path.name, routine) == []


def test_selftest_routine_tempos_fit_each_rep(catalogue: Catalogue) -> None:
    wrong: set[str] = set()
    timed = 0
    for where, routine in _selftest_routines():
        timed += len(list(_timed_reps(catalogue, routine)))
        wrong.update(message.split(": ", 1)[1] for message in _check(catalogue, where, routine))
    assert timed > 0
    assert sorted(wrong) == []
