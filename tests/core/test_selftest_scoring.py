"""Self-test scoring and prescription: a table of answer sets and their verdicts, every answer
value on each side, one-sided results, skipped tests, long sitting, pain and red flags; and the
routine each result gives, checked like any user routine."""

from __future__ import annotations

import itertools
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.vocabulary import Kind, Position
from psoas_tui.cli.main import main
from psoas_tui.routine.model import Routine
from psoas_tui.routine.parse import load_routine
from psoas_tui.routine.resolve import resolve
from psoas_tui.routine.suggestion import suggest
from psoas_tui.selftest.answers import Answers
from psoas_tui.selftest.compare import changes, side_state
from psoas_tui.selftest.prescribe import (
    LEAD_STRENGTH,
    LEAD_STRETCH,
    QUAD_STRETCH,
    routine_for,
    routine_plan,
    save_result_routine,
)
from psoas_tui.selftest.questions import (
    KNEE_LIFT_ANSWERS,
    KNEE_LIFT_TEST,
    KNEEL_ANSWERS,
    KNEEL_TEST,
    PAIN_SYMPTOMS,
    RED_FLAGS,
    STOP_ADVICE,
    SYMPTOMS,
    URGENT_ADVICE,
    URGENT_FLAGS,
    label,
)
from psoas_tui.selftest.report import finding_summary, headline, result_json, result_lines
from psoas_tui.selftest.scoring import SelfTestResult, score_selftest

TODAY = date(2025, 3, 14)


def answers(
    kneel: tuple[str, str] = ("skipped", "skipped"),
    lift: tuple[str, str] = ("skipped", "skipped"),
    sitting: float = 4,
    **extra: Any,
) -> Answers:
    return Answers.model_validate(
        {
            "sitting_hours": sitting,
            "kneel_test": {"left": kneel[0], "right": kneel[1]},
            "knee_lift_test": {"left": lift[0], "right": lift[1]},
            **extra,
        }
    )


@dataclass(frozen=True)
class Case:
    kneel: tuple[str, str]
    lift: tuple[str, str]
    verdict: str
    tight: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    rectus_femoris: tuple[str, ...] = ()
    sitting: float = 4
    likely_both: bool = False
    red_flags: tuple[str, ...] = ()

    def answers(self) -> Answers:
        return answers(self.kneel, self.lift, self.sitting, red_flags=list(self.red_flags))


CLEAN = ("clean", "clean")
NOTHING = ("nothing", "nothing")
SKIP = ("skipped", "skipped")
L, R, LR = ("left",), ("right",), ("left", "right")

TABLE: dict[str, Case] = {
    # Half-kneeling test, each value on each side (knee lift clean)
    "kneel-deep-left": Case(("deep_front_hip", "nothing"), CLEAN, "tight", tight=L),
    "kneel-deep-right": Case(("nothing", "deep_front_hip"), CLEAN, "tight", tight=R),
    "kneel-deep-both": Case(("deep_front_hip", "deep_front_hip"), CLEAN, "tight", tight=LR),
    "kneel-thigh-left": Case(("front_thigh", "nothing"), CLEAN, "neither", rectus_femoris=L),
    "kneel-thigh-right": Case(("nothing", "front_thigh"), CLEAN, "neither", rectus_femoris=R),
    "kneel-thigh-and-deep": Case(
        ("front_thigh", "deep_front_hip"), CLEAN, "tight", tight=R, rectus_femoris=L
    ),
    "kneel-nothing": Case(NOTHING, CLEAN, "neither"),
    "kneel-pain-left": Case(("pain", "nothing"), CLEAN, "see_professional"),
    "kneel-pain-right": Case(("deep_front_hip", "pain"), CLEAN, "see_professional", tight=L),
    "kneel-skipped-left": Case(("skipped", "nothing"), CLEAN, "neither"),
    "kneel-skipped-right": Case(("deep_front_hip", "skipped"), CLEAN, "tight", tight=L),
    "kneel-cannot-left": Case(("cannot_kneel", "nothing"), CLEAN, "neither"),
    "kneel-cannot-right": Case(("deep_front_hip", "cannot_kneel"), CLEAN, "tight", tight=L),
    # Knee lift, each value on each side (half-kneeling test clear)
    "lift-pelvis-left": Case(NOTHING, ("pelvis_tips_back", "clean"), "weak", weak=L),
    "lift-pelvis-right": Case(NOTHING, ("clean", "pelvis_tips_back"), "weak", weak=R),
    "lift-back-left": Case(NOTHING, ("back_rounds", "clean"), "weak", weak=L),
    "lift-back-right": Case(NOTHING, ("clean", "back_rounds"), "weak", weak=R),
    # unsteady lifting one knee counts against the standing leg
    "lift-unsteady-left": Case(NOTHING, ("unsteady", "clean"), "weak", weak=R),
    "lift-unsteady-right": Case(NOTHING, ("clean", "unsteady"), "weak", weak=L),
    "lift-unsteady-both": Case(NOTHING, ("unsteady", "unsteady"), "weak", weak=LR),
    "lift-unsteady-and-back": Case(NOTHING, ("unsteady", "back_rounds"), "weak", weak=R),
    "lift-mixed-both": Case(NOTHING, ("pelvis_tips_back", "back_rounds"), "weak", weak=LR),
    "lift-pain-left": Case(NOTHING, ("pain", "clean"), "see_professional"),
    "lift-pain-right": Case(NOTHING, ("pelvis_tips_back", "pain"), "see_professional", weak=L),
    "lift-skipped-left": Case(NOTHING, ("skipped", "back_rounds"), "weak", weak=R),
    "lift-skipped-right": Case(NOTHING, ("clean", "skipped"), "neither"),
    # Both tests positive
    "both-crossed": Case(
        ("deep_front_hip", "nothing"), ("clean", "pelvis_tips_back"), "both", tight=L, weak=R
    ),
    "both-same-side": Case(
        ("nothing", "deep_front_hip"), ("clean", "back_rounds"), "both", tight=R, weak=R
    ),
    "both-unsteady-standing": Case(
        ("nothing", "deep_front_hip"), ("clean", "unsteady"), "both", tight=R, weak=L
    ),
    "both-everywhere": Case(
        ("deep_front_hip", "deep_front_hip"), ("back_rounds", "back_rounds"), "both", LR, LR
    ),
    "weak-with-thigh": Case(
        ("front_thigh", "nothing"), ("back_rounds", "clean"), "weak", weak=L, rectus_femoris=L
    ),
    # Skipped tests and sitting hours
    "all-skipped-short-sitting": Case(SKIP, SKIP, "neither"),
    "all-skipped-six-hours": Case(SKIP, SKIP, "neither", sitting=6),
    "all-skipped-long-sitting": Case(SKIP, SKIP, "both", sitting=6.5, likely_both=True),
    "all-skipped-all-day": Case(SKIP, SKIP, "both", sitting=24, likely_both=True),
    "kneel-skipped-long-sitting": Case(
        SKIP, ("pelvis_tips_back", "clean"), "both", weak=L, sitting=9, likely_both=True
    ),
    "lift-skipped-long-sitting-tight": Case(
        ("deep_front_hip", "nothing"), SKIP, "both", tight=L, sitting=9, likely_both=True
    ),
    "lift-skipped-long-sitting-clear": Case(NOTHING, SKIP, "weak", sitting=9),
    "lift-skipped-short-sitting": Case(("deep_front_hip", "nothing"), SKIP, "tight", tight=L),
    "tested-long-sitting-clear": Case(NOTHING, CLEAN, "neither", sitting=10),
    "cannot-kneel-long-sitting": Case(("cannot_kneel", "cannot_kneel"), CLEAN, "tight", sitting=9),
    "cannot-kneel-lift-skipped-long-sitting": Case(
        ("cannot_kneel", "skipped"), SKIP, "both", sitting=9, likely_both=True
    ),
    # Red flags win over everything, and pain over the long-sitting guess
    "red-flag-with-tight": Case(
        ("deep_front_hip", "nothing"), CLEAN, "see_professional", tight=L, red_flags=("sharp_pain",)
    ),
    # No guess from long sitting once the result is to see a professional.
    "red-flag-skipped": Case(
        SKIP, SKIP, "see_professional", sitting=8, red_flags=("recent_surgery",)
    ),
    "urgent-red-flag": Case(
        ("deep_front_hip", "nothing"),
        CLEAN,
        "seek_care_now",
        tight=L,
        red_flags=("saddle_numbness",),
    ),
    "pain-long-sitting": Case(("pain", "pain"), ("pain", "pain"), "see_professional", sitting=8),
}


@pytest.mark.parametrize("case", TABLE.values(), ids=TABLE.keys())
def test_verdict_table(case: Case) -> None:
    result = score_selftest(case.answers())
    assert result.verdict == case.verdict
    assert result.tight_sides == case.tight
    assert result.weak_sides == case.weak
    assert result.rectus_femoris == case.rectus_femoris
    assert result.see_professional is (case.verdict in ("see_professional", "seek_care_now"))
    assert result.urgent is (case.verdict == "seek_care_now")
    assert result.likely_both is case.likely_both


def test_the_table_covers_every_answer_value_on_each_side() -> None:
    for index in (0, 1):
        assert {case.kneel[index] for case in TABLE.values()} == set(KNEEL_ANSWERS)
        assert {case.lift[index] for case in TABLE.values()} == set(KNEE_LIFT_ANSWERS)
    assert {case.verdict for case in TABLE.values()} == {
        "tight",
        "weak",
        "both",
        "neither",
        "see_professional",
        "seek_care_now",
    }


def test_the_question_data_matches_the_answer_values() -> None:
    assert tuple(choice.id for choice in KNEEL_TEST.answers) == KNEEL_ANSWERS
    assert tuple(choice.id for choice in KNEE_LIFT_TEST.answers) == KNEE_LIFT_ANSWERS
    assert len(SYMPTOMS) == 7
    assert all(step.seconds >= 0 for test in (KNEEL_TEST, KNEE_LIFT_TEST) for step in test.steps)
    assert KNEEL_TEST.steps[0].for_side("left").startswith("Kneel on your left knee")


@pytest.mark.parametrize("flag", [choice.id for choice in RED_FLAGS if not choice.urgent])
def test_every_red_flag_means_see_a_professional_and_no_routine(flag: str) -> None:
    result = score_selftest(answers(NOTHING, CLEAN, red_flags=[flag]))
    assert result.verdict == "see_professional" and result.see_professional
    assert routine_for(result) is None
    assert "red flag" in result.reasons[0]


@pytest.mark.parametrize("symptom", [choice.id for choice in SYMPTOMS])
def test_symptoms_are_explained_but_do_not_decide_the_verdict(symptom: str) -> None:
    plain = score_selftest(answers(("deep_front_hip", "nothing"), CLEAN))
    ticked = score_selftest(answers(("deep_front_hip", "nothing"), CLEAN, symptoms=[symptom]))
    assert ticked.verdict == plain.verdict == "tight"
    assert any(reason.startswith("You ticked:") for reason in ticked.reasons)


def test_pain_in_a_test_gives_no_routine_and_says_why() -> None:
    result = score_selftest(answers(("nothing", "pain"), CLEAN, sitting=2))
    assert routine_for(result) is None
    assert "Right: the half-kneeling test hurt" in result.reasons[1]
    assert result.reasons[-1].startswith("Because a test hurt")


def test_reasons_name_the_answers_behind_them() -> None:
    result = score_selftest(
        answers(("deep_front_hip", "front_thigh"), ("clean", "unsteady"), runner=True)
    )
    reasons = "\n".join(result.reasons)
    assert "Left: the half-kneeling test pulled deep in the front of the hip" in reasons
    assert "Right: the half-kneeling test pulled in the front of the thigh" in reasons
    assert "rectus femoris" in reasons and "not a sign of a tight psoas" in reasons
    assert "Left: the knee rose cleanly" in reasons
    assert "Right: you were unsteady standing on the left leg" in reasons
    assert "You run or play sport" in reasons


def test_same_answer_on_both_sides_is_one_sentence() -> None:
    result = score_selftest(answers(NOTHING, CLEAN))
    assert result.reasons[:2] == (
        "Both sides: the half-kneeling test showed no notable pull — no sign of a tight psoas.",
        "Both sides: the knee rose cleanly with a level pelvis — no sign of weakness.",
    )


def test_long_sitting_with_tests_skipped_explains_likely_both() -> None:
    result = score_selftest(answers(sitting=8))
    assert (result.verdict, result.likely_both, result.inferred) == (
        "both",
        True,
        ("tight", "weak"),
    )
    assert any(
        "more than 6 hours" in reason and "likely both" in reason for reason in result.reasons
    )


# --- the routine ---------------------------------------------------------------------------


def _entries(routine: Routine) -> list[tuple[str, str | None]]:
    return [(entry.exercise, entry.sides) for entry in routine.exercises]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, id=name)
        for name, case in TABLE.items()
        if case.verdict not in ("see_professional", "seek_care_now")
    ],
)
def test_every_routine_passes_psoas_check(case: Case, tmp_path: Path) -> None:
    result = score_selftest(case.answers())
    routine = routine_for(result, today=TODAY)
    assert routine is not None
    path = save_result_routine(routine, result.verdict, folder=tmp_path, today=TODAY)
    loaded = load_routine(path)
    assert loaded.routine == routine
    assert loaded.plan.name.startswith("My psoas routine — ")


def test_a_saved_routine_is_accepted_by_psoas_check_and_gets_a_unique_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = score_selftest(answers(("deep_front_hip", "nothing"), CLEAN))
    routine = routine_for(result, today=TODAY)
    assert routine is not None
    first = save_result_routine(routine, result.verdict, folder=tmp_path, today=TODAY)
    second = save_result_routine(routine, result.verdict, folder=tmp_path, today=TODAY)
    assert (first.name, second.name) == (
        "selftest-tight-2025-03-14.toml",
        "selftest-tight-2025-03-14-2.toml",
    )
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out.count("OK ") == 2


def test_routines_follow_the_verdict() -> None:
    def routine(*args: Any, **kwargs: Any) -> Routine:
        made = routine_for(score_selftest(answers(*args, **kwargs)), today=TODAY)
        assert made is not None
        return made

    tight = routine(("deep_front_hip", "deep_front_hip"), CLEAN)
    weak = routine(NOTHING, ("back_rounds", "back_rounds"))
    both = routine(("deep_front_hip", "deep_front_hip"), ("unsteady", "unsteady"))
    neither = routine(NOTHING, CLEAN)
    assert tight.exercises[0].exercise == LEAD_STRETCH and "daily" in tight.description
    assert weak.exercises[0].exercise == LEAD_STRENGTH and "2–3 times a week" in weak.description
    both_ids = [e.exercise for e in both.exercises]
    assert both_ids.index(LEAD_STRETCH) < both_ids.index(LEAD_STRENGTH)
    assert len(neither.exercises) <= 3 and "maintenance" in neither.name
    assert tight.name == "My psoas routine — tight (both sides)"
    assert "Made by the psoas self-test on 2025-03-14" in tight.description


@pytest.mark.parametrize(
    ("kneel", "lift", "after", "side"),
    [
        (("deep_front_hip", "nothing"), CLEAN, LEAD_STRETCH, "left"),
        (("front_thigh", "deep_front_hip"), CLEAN, LEAD_STRETCH, "right"),
        (NOTHING, ("clean", "pelvis_tips_back"), LEAD_STRENGTH, "right"),
        (("deep_front_hip", "nothing"), ("clean", "back_rounds"), LEAD_STRETCH, "left"),
        (("deep_front_hip", "nothing"), ("clean", "back_rounds"), LEAD_STRENGTH, "right"),
        (("front_thigh", "nothing"), CLEAN, QUAD_STRETCH, "left"),
    ],
)
def test_a_side_that_tested_alone_gets_an_extra_set_right_after(
    kneel: tuple[str, str], lift: tuple[str, str], after: str, side: str
) -> None:
    routine = routine_for(score_selftest(answers(kneel, lift)), today=TODAY)
    assert routine is not None
    entries = _entries(routine)
    main_index = entries.index((after, None))
    assert entries[main_index + 1] == (after, side)
    assert routine.exercises[main_index + 1].sets == 1
    assert side in (routine.exercises[main_index + 1].notes or "")


@pytest.mark.parametrize(
    ("kneel", "lift"),
    [
        (("deep_front_hip", "deep_front_hip"), ("back_rounds", "pelvis_tips_back")),  # both
        (("deep_front_hip", "skipped"), ("pelvis_tips_back", "skipped")),  # other side unknown
        (SKIP, SKIP),  # likely both, no side tested
    ],
)
def test_no_extra_set_unless_the_other_side_tested_clear(
    kneel: tuple[str, str], lift: tuple[str, str]
) -> None:
    routine = routine_for(score_selftest(answers(kneel, lift, sitting=8)), today=TODAY)
    assert routine is not None
    assert all(entry.sides is None for entry in routine.exercises)


def test_rectus_femoris_adds_a_quad_stretch_not_a_psoas_verdict() -> None:
    result = score_selftest(answers(("front_thigh", "front_thigh"), CLEAN))
    routine = routine_for(result, today=TODAY)
    assert result.verdict == "neither" and result.tight_sides == ()
    assert routine is not None
    assert QUAD_STRETCH in [entry.exercise for entry in routine.exercises]
    assert "front-thigh stretch (both sides)" in routine.name


def test_runners_and_long_sitters_get_their_advice() -> None:
    result = score_selftest(answers(("deep_front_hip", "nothing"), CLEAN, sitting=9, runner=True))
    routine = routine_for(result, today=TODAY)
    assert routine is not None
    assert "Before a run" in routine.description and "every hour" in routine.description
    assert {"runner", "desk"} <= set(routine.tags)


def test_every_combination_scores_and_resolves_consistently() -> None:
    """All 900 test-answer combinations, short and long sitting: the invariants hold."""
    catalogue = load_catalogue()
    for kneel_l, kneel_r, lift_l, lift_r in itertools.product(
        KNEEL_ANSWERS, KNEEL_ANSWERS, KNEE_LIFT_ANSWERS, KNEE_LIFT_ANSWERS
    ):
        for sitting in (3, 8):
            given = answers((kneel_l, kneel_r), (lift_l, lift_r), sitting)
            result = score_selftest(given)
            pain = "pain" in (kneel_l, kneel_r, lift_l, lift_r)
            assert result.see_professional is pain
            routine = routine_for(result, catalogue, today=TODAY)
            assert (routine is None) is pain
            if routine is None:
                continue
            tight = bool(result.tight_sides) or "tight" in result.inferred
            weak = bool(result.weak_sides) or "weak" in result.inferred
            expected = {(True, True): "both", (True, False): "tight", (False, True): "weak"}
            assert result.verdict == expected.get((tight, weak), "neither")
            resolve(routine, catalogue)
            one_sided = [e for e in routine.exercises if e.sides in ("left", "right")]
            alone = [result.only_side(f) for f in ("tight", "weak", "rectus_femoris")]
            assert len(one_sided) == sum(side is not None for side in alone)


def test_the_plan_is_playable_before_saving() -> None:
    routine = routine_for(score_selftest(answers(NOTHING, CLEAN)), today=TODAY)
    assert routine is not None
    plan = routine_plan(routine)
    assert plan.source == "generated" and len(plan.exercises) == len(routine.exercises)


# --- what changed since last time ----------------------------------------------------------


def test_changes_are_given_per_side() -> None:
    before = score_selftest(answers(("deep_front_hip", "nothing"), ("clean", "clean")))
    after = score_selftest(answers(("nothing", "nothing"), ("clean", "back_rounds")))
    assert changes(before, after) == [
        "Left: was tight, now clear.",
        "Right: was clear, now weak.",
    ]
    assert changes(after, after) == ["Left: no change (clear).", "Right: no change (weak)."]


@pytest.mark.parametrize(
    ("kneel", "lift", "state"),
    [
        ("skipped", "skipped", "not tested"),
        ("pain", "clean", "painful in a test"),
        ("deep_front_hip", "back_rounds", "tight and weak"),
        ("nothing", "unsteady", "clear"),  # the wobble counts against the right (standing) leg
        ("front_thigh", "clean", "tight in the front of the thigh"),
        ("skipped", "clean", "not weak (tightness not tested)"),
        ("nothing", "skipped", "not tight (strength not tested)"),
    ],
)
def test_side_states(kneel: str, lift: str, state: str) -> None:
    result = score_selftest(answers((kneel, "nothing"), (lift, "clean")))
    assert side_state(result.side("left")) == state


def test_a_result_round_trips_through_json() -> None:
    result = score_selftest(answers(("deep_front_hip", "front_thigh"), ("unsteady", "clean")))
    assert SelfTestResult.model_validate_json(result.model_dump_json()) == result


def test_the_selftest_core_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import psoas_tui.cli.selftest, psoas_tui.selftest.report\n"
        "print('TEXTUAL', 'textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "TEXTUAL False" in result.stdout


# --- issue 10: what the result says agrees with itself, and with the articles ---------------


def test_likely_findings_agree_in_the_headline_the_rows_and_the_json() -> None:
    """Item 3: 9 hours of sitting, both tests skipped."""
    result = score_selftest(answers(sitting=9))
    lines = result_lines(result)
    assert lines[0] == (
        "Result: Likely tight psoas (not tested) and likely weak hip flexors (not tested)"
    )
    assert lines[1].split(":", 1)[1].strip() == "likely (not tested)"
    assert lines[2].split(":", 1)[1].strip() == "likely (not tested)"
    data = result_json(result, None)
    assert (data["verdict"], data["tight_sides"], data["weak_sides"]) == ("both", [], [])
    assert (data["likely_tight"], data["likely_weak"]) == (True, True)


@pytest.mark.parametrize(
    ("kneel", "lift", "tight_row", "weak_row"),
    [
        (SKIP, SKIP, "not tested", "not tested"),
        (("deep_front_hip", "skipped"), CLEAN, "left (right: not tested)", "no"),
        (
            ("nothing", "cannot_kneel"),
            ("back_rounds", "skipped"),
            "no (right: can't kneel)",
            "left (right: not tested)",
        ),
        (NOTHING, CLEAN, "no", "no"),
    ],
)
def test_each_row_says_what_was_not_tested(
    kneel: tuple[str, str], lift: tuple[str, str], tight_row: str, weak_row: str
) -> None:
    result = score_selftest(answers(kneel, lift, sitting=4))
    assert finding_summary(result, "tight") == tight_row
    assert finding_summary(result, "weak") == weak_row


def test_a_red_flag_needs_no_sitting_hours_and_none_are_invented() -> None:
    """Item 3: on the red-flag path the sitting question is never asked."""
    given = Answers.model_validate({"red_flags": ["sharp_pain"]})
    assert given.sitting_hours is None and "sitting_hours" not in given.to_data()
    result = score_selftest(given)
    assert not any("You sit" in reason for reason in result.reasons)
    assert result.inferred == () and not result.long_sitter
    assert Answers.from_data(given.to_data()) == given


def test_without_a_red_flag_sitting_hours_stay_required() -> None:
    with pytest.raises(ValueError, match="sitting_hours"):
        Answers.model_validate({"symptoms": ["short_stride"]})


@pytest.mark.parametrize("symptom", PAIN_SYMPTOMS)
def test_lasting_pain_sends_to_a_physical_therapist_and_names_the_article(symptom: str) -> None:
    """Item 9: the articles send chronic hip or back pain to a physical therapist (003)."""
    result = score_selftest(
        answers(("deep_front_hip", "nothing"), CLEAN, symptoms=[symptom, "short_stride"])
    )
    advice = [reason for reason in result.reasons if "physical therapist" in reason]
    assert len(advice) == 1 and "StarFit" in advice[0]
    assert label(SYMPTOMS, symptom).lower() in advice[0].lower()
    assert "the tests tell which" not in advice[0]
    assert result.physio_symptoms == (symptom,)
    assert any(
        line.strip().startswith("See a physical therapist:") for line in result_lines(result)
    )
    assert result_json(result, None)["see_physical_therapist_about"] == [symptom]
    routine = routine_for(result, today=TODAY)
    assert routine is not None and "physical therapist" in (routine.description or "")


def test_other_symptoms_do_not_send_to_a_physical_therapist() -> None:
    result = score_selftest(answers(NOTHING, CLEAN, symptoms=["short_stride", "poor_posture"]))
    assert result.physio_symptoms == ()
    assert not any("physical therapist" in reason for reason in result.reasons)


@pytest.mark.parametrize(("lifted", "standing"), [("left", "right"), ("right", "left")])
def test_unsteady_counts_against_the_standing_leg_and_says_it_is_an_inference(
    lifted: str, standing: str
) -> None:
    """Item 10: a wobble while lifting one knee is the standing leg's."""
    lift = ("unsteady", "clean") if lifted == "left" else ("clean", "unsteady")
    result = score_selftest(answers(NOTHING, lift))
    assert result.weak_sides == (standing,)
    (reason,) = [r for r in result.reasons if "unsteady" in r]
    assert reason.startswith(f"{lifted.capitalize()}: you were unsteady standing on the {standing}")
    assert f"counts against the {standing} side" in reason
    assert "an inference, not from the articles" in reason


@pytest.mark.parametrize(
    ("kneel", "lift", "sitting"),
    [
        (("cannot_kneel", "cannot_kneel"), CLEAN, 9),  # likely tight: stretch-led
        (("cannot_kneel", "cannot_kneel"), SKIP, 9),  # likely both
        (("cannot_kneel", "deep_front_hip"), ("back_rounds", "clean"), 3),  # tight and weak
        (("front_thigh", "cannot_kneel"), CLEAN, 3),  # the quad stretch is a kneeling one
        (("cannot_kneel", "nothing"), CLEAN, 3),  # neither: maintenance
        (("cannot_kneel", "nothing"), ("clean", "pelvis_tips_back"), 3),  # weak: cool-down
    ],
)
def test_a_person_who_cannot_kneel_gets_no_kneeling_exercise(
    kneel: tuple[str, str], lift: tuple[str, str], sitting: float
) -> None:
    """Item 10: "I can't kneel" leads with stretches done standing or lying down."""
    catalogue = load_catalogue()
    result = score_selftest(answers(kneel, lift, sitting=sitting))
    routine = routine_for(result, catalogue, today=TODAY)
    assert routine is not None and result.cannot_kneel
    positions = [catalogue.get(e.exercise).position for e in routine.exercises]
    assert Position.KNEELING not in positions
    stretches = [e for e in routine.exercises if catalogue.get(e.exercise).kind is Kind.STRETCH]
    if result.verdict in ("tight", "both"):
        assert routine.exercises[0] == stretches[0]
    ids = [(e.exercise, e.sides) for e in routine.exercises]
    assert len(ids) == len(set(ids))  # a stand-in that was already there is not doubled
    assert "no kneeling" in routine.name and "can't kneel" in (routine.description or "")
    resolve(routine, catalogue)


def test_cannot_kneel_is_an_answer_of_the_kneeling_test() -> None:
    assert "cannot_kneel" in KNEEL_ANSWERS
    result = score_selftest(answers(("cannot_kneel", "nothing"), CLEAN))
    assert result.side("left").tight is None
    assert any("can't kneel" in reason for reason in result.reasons)


@pytest.mark.parametrize("flag", sorted(URGENT_FLAGS))
def test_urgent_red_flags_say_seek_care_now(flag: str) -> None:
    """Item 15: more urgent than "see a professional", and marked as general knowledge."""
    result = score_selftest(answers(NOTHING, CLEAN, red_flags=[flag, "sharp_pain"]))
    assert (result.verdict, result.urgent, result.see_professional) == (
        "seek_care_now",
        True,
        True,
    )
    assert routine_for(result) is None
    assert headline(result) == "Seek medical care now"
    assert headline(result) != headline(score_selftest(answers(red_flags=["sharp_pain"])))
    assert "seek medical care now" in result.reasons[0]
    assert "general knowledge, not from the articles" in result.reasons[0]
    assert URGENT_ADVICE in result_lines(result) and STOP_ADVICE not in result_lines(result)


@pytest.mark.parametrize("flag", ["pregnant", "hip_replacement"])
def test_pregnancy_and_a_hip_replacement_are_red_flags_from_general_knowledge(flag: str) -> None:
    """Item 15."""
    choice = next(choice for choice in RED_FLAGS if choice.id == flag)
    assert choice.inference and not choice.urgent
    result = score_selftest(answers(red_flags=[flag]))
    assert result.verdict == "see_professional" and routine_for(result) is None
    assert "general knowledge, not from the articles" in result.reasons[0]


def test_home_suggests_nothing_after_a_see_a_professional_result() -> None:
    """Item 2: no routine from the self-test, nor any other, until a later result allows it."""
    noon = datetime(2026, 1, 1, 12, 0)
    assert suggest(noon, "/a/selftest-tight.toml").reason == "made for you by your last self-test"
    held = suggest(noon, "/a/selftest-tight.toml", see_professional=True)
    assert held.routine_ref is None and "self-test" in held.reason
    assert "made for you" not in held.reason
