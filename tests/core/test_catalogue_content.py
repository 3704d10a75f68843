"""What the user is told is right: the side the player names is always the leg stretched or worked,
the safety notes the articles (and general knowledge) call for are there, routine notes follow
the articles, and no routine text is copied from them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from copying import SEEDS, copied_run
from pydantic import ValidationError

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.model import Catalogue, Exercise, side_role_problem
from psoas_tui.routine.model import Routine
from psoas_tui.routine.parse import load_routine
from psoas_tui.selftest.answers import Answers
from psoas_tui.selftest.prescribe import routine_for
from psoas_tui.selftest.scoring import score_selftest

BUILT_IN = Path(__file__).resolve().parents[2] / "routines"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _built_in() -> list[tuple[str, Routine]]:
    return [(path.name, load_routine(path).routine) for path in sorted(BUILT_IN.glob("*.toml"))]


def test_the_side_named_is_always_the_leg_stretched_or_worked(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        if not exercise.per_side:
            assert exercise.target is None and not exercise.side_role, exercise.id
            continue
        assert exercise.target in ("stretched", "worked"), exercise.id
        assert side_role_problem(exercise.side_role, exercise.target) == "", exercise.id
        verb = "stretches" if exercise.target == "stretched" else "works"
        effect = exercise.side_instruction("left").rpartition(": ")[2]
        assert effect.startswith(verb) and "left" in effect and "right" not in effect, exercise.id


def test_pigeon_and_step_up_name_the_same_side_as_every_other_entry(catalogue: Catalogue) -> None:
    pigeon = catalogue.get("pigeon-pose").side_instruction("left")
    assert pigeon.startswith("left leg long behind you")
    assert pigeon.endswith("stretches the front of the left hip")
    step_up = catalogue.get("step-up-knee-drive").side_instruction("left")
    assert step_up.startswith("drive the left knee up")
    assert step_up.endswith("works the left hip flexors")
    assert catalogue.get("step-up-knee-drive").target == "worked"
    for exercise_id in ("pigeon-pose", "step-up-knee-drive"):
        notes = catalogue.get(exercise_id).source_notes
        assert "the side the player names" in notes


def test_a_side_role_about_the_other_leg_is_refused(catalogue: Catalogue) -> None:
    data = catalogue.get("pigeon-pose").model_dump()
    data["side_role"] = "{side} knee forward, {other} leg back: stretches the {other} hip"
    with pytest.raises(ValidationError, match=re.escape("not the {other}")):
        Exercise.model_validate(data)
    data = catalogue.get("standing-march").model_dump()
    data["side_role"] = "lift the {side} knee: stretches the {side} hip"
    with pytest.raises(ValidationError, match='start with "works"'):
        Exercise.model_validate(data)
    del data["target"]
    data["side_role"] = "lift the {side} knee: works the {side} hip flexors"
    with pytest.raises(ValidationError, match="needs target"):
        Exercise.model_validate(data)


def test_the_harder_kneeling_stretch_leans_away_from_the_kneeling_leg(catalogue: Catalogue) -> None:
    lunge = catalogue.get("half-kneeling-hip-flexor-stretch")
    harder = [v for v in lunge.variations if v.startswith("Harder")]
    assert harder and all("away from the kneeling leg" in v for v in harder)
    assert not any("toward the back-leg side" in v for v in lunge.variations)
    assert "we lean away from the kneeling leg instead" in lunge.source_notes
    assert "general knowledge" in lunge.source_notes


def test_the_seated_psoas_stretch_says_it_is_mostly_a_hamstring_stretch(
    catalogue: Catalogue,
) -> None:
    seated = catalogue.get("seated-psoas-stretch")
    assert "hamstrings" in seated.source_notes and "general knowledge" in seated.source_notes
    assert "back of that thigh" in seated.summary
    assert "back of the {side} thigh" in seated.side_role


def test_the_foam_roller_warns_about_pressure_on_the_belly(catalogue: Catalogue) -> None:
    roller = catalogue.get("foam-roller-psoas-release")
    belly = [c for c in roller.cautions if "belly" in c]
    assert len(belly) == 1
    for word in ("pregnant", "abdominal surgery", "hernia", "general knowledge"):
        assert word in belly[0]
    assert "general knowledge" in roller.source_notes


def test_routine_notes_follow_the_articles_on_the_seated_leg_raise() -> None:
    """The article lifts the thigh as high as it will go, not a few centimetres."""
    notes = [
        entry.notes or ""
        for _, routine in _built_in()
        for entry in routine.exercises
        if entry.exercise == "seated-leg-raise"
    ]
    assert notes and not any("few centimetres" in note for note in notes)
    assert any("as high as" in note for note in notes)


def _routine_texts(routine: Routine) -> list[str]:
    texts = [routine.name, routine.description]
    texts += [entry.notes or "" for entry in routine.exercises]
    for move in routine.moves:
        texts += [move.name, *move.steps, *move.cues]
    return texts


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
def test_routine_text_is_not_copied_from_the_articles() -> None:
    """Built-in routines and every kind of self-test routine: descriptions, notes, moves."""
    routines = _built_in()
    for kneel, lift, sitting, runner in (
        (("deep_front_hip", "nothing"), ("clean", "clean"), 8, True),
        (("nothing", "nothing"), ("pelvis_tips_back", "clean"), 3, False),
        (("deep_front_hip", "front_thigh"), ("back_rounds", "back_rounds"), 9, True),
        (("nothing", "nothing"), ("clean", "clean"), 3, False),
    ):
        answers = Answers.model_validate(
            {
                "sitting_hours": sitting,
                "runner": runner,
                "kneel_test": {"left": kneel[0], "right": kneel[1]},
                "knee_lift_test": {"left": lift[0], "right": lift[1]},
            }
        )
        made = routine_for(score_selftest(answers))
        assert made is not None
        routines.append((made.name, made))
    for where, routine in routines:
        for text in _routine_texts(routine):
            assert not copied_run(text), (where, copied_run(text))
