"""What the self-test asks: red flags, symptoms, the two physical tests step by step, and the
allowed answer values with their labels.

Plain data with no heavy imports, so that `psoas selftest --help` and the screens can share it.
The content follows the seed articles (inventory section 2); entries marked `inference=True` are
general knowledge that the articles do not state, and the screens and the help say so.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Final, Literal, get_args

Side = Literal["left", "right"]
SIDES: Final[tuple[Side, ...]] = ("left", "right")

RedFlagId = Literal[
    "sharp_pain",
    "bladder_or_bowel_control",
    "saddle_numbness",
    "fever_with_back_pain",
    "recent_injury",
    "recent_surgery",
    "numbness_or_tingling",
    "pain_at_rest_or_night",
    "pain_not_improving",
    "pregnant",
    "hip_replacement",
]
SymptomId = Literal[
    "chronic_low_back_pain",
    "hip_tight_after_sitting",
    "poor_posture",
    "hard_to_stand_up_straight",
    "pain_when_running_or_walking",
    "short_stride",
    "unsteady_on_one_leg",
]
KneelAnswer = Literal["deep_front_hip", "front_thigh", "nothing", "pain", "cannot_kneel", "skipped"]
"""Where the half-kneeling test pulled, on the side of the knee that is down (`cannot_kneel`:
kneeling on that knee is not possible or hurts, so the test was not done)."""
KneeLiftAnswer = Literal["clean", "pelvis_tips_back", "back_rounds", "unsteady", "pain", "skipped"]
"""What happened when that knee was lifted toward 90°."""

KNEEL_ANSWERS: Final[tuple[KneelAnswer, ...]] = get_args(KneelAnswer)
KNEE_LIFT_ANSWERS: Final[tuple[KneeLiftAnswer, ...]] = get_args(KneeLiftAnswer)
SITTING_HOURS_LIKELY_BOTH: Final = 6
"""More hours of sitting a day than this makes a psoas that is tight *and* weak likely (004)."""


@dataclass(frozen=True, slots=True)
class Choice:
    """One thing a person can tick or pick, with the words shown for it."""

    id: str
    label: str
    inference: bool = False
    """True when the articles do not say it: it is general knowledge (shown as such)."""
    urgent: bool = False
    """A red flag that calls for medical care now, not a later appointment."""
    why: str = ""
    """For a red flag: why it matters, in a sentence for the result."""


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a physical test, with a suggested timer (0: no timer, move on when ready)."""

    text: str
    """May contain `{side}` (the side being tested) and `{other}`."""
    seconds: int

    def for_side(self, side: Side) -> str:
        other = "right" if side == "left" else "left"
        return self.text.replace("{side}", side).replace("{other}", other)


@dataclass(frozen=True, slots=True)
class PhysicalTest:
    """A guided test done on each side separately, and the answers it can have."""

    key: str
    """The table name in an answers file."""
    name: str
    purpose: str
    side_means: str
    """What "left" and "right" refer to in this test."""
    steps: tuple[Step, ...]
    question: str
    answers: tuple[Choice, ...]


SAFETY_GATE: Final = (
    "Before you start: if any of these is true, don't do the tests or the exercises. "
    "Stop and see a physiotherapist or doctor first."
)
STOP_ADVICE: Final = (
    "Please don't do the tests or the exercises for now: see a physiotherapist or doctor, who "
    "can find out where the problem comes from. Back and hip pain have many causes."
)
URGENT_ADVICE: Final = (
    "Seek medical care now: today, not at a later appointment. Call your doctor or an urgent "
    "care line, or go to an emergency department (call an emergency number if it is severe or "
    "came on suddenly). Don't do the tests or the exercises."
)
NOT_MEDICAL_ADVICE: Final = (
    "This is not medical advice: stop at sharp pain, and see a physiotherapist or doctor if "
    "pain persists."
)
GENERAL_KNOWLEDGE: Final = "general knowledge, not from the articles"
"""How an `inference=True` entry is marked where it is shown."""
INFERENCE_MARK: Final = "*"
"""The mark after the label of an `inference=True` red flag on the screen."""

_URGENT_WHY = (
    "With back or hip pain, this can mean pressure on the nerves at the base of the spine or an "
    "infection, which need a doctor at once"
)

RED_FLAGS: Final[tuple[Choice, ...]] = (
    Choice("sharp_pain", "Sharp pain in the hip, groin or lower back (not just a stretch)"),
    Choice(
        "bladder_or_bowel_control",
        "New loss of bladder or bowel control, or trouble passing urine",
        inference=True,
        urgent=True,
        why=_URGENT_WHY,
    ),
    Choice(
        "saddle_numbness",
        "Numbness around the groin and buttocks (the saddle area)",
        inference=True,
        urgent=True,
        why=_URGENT_WHY,
    ),
    Choice(
        "fever_with_back_pain",
        "A fever, or feeling generally unwell, together with back pain",
        inference=True,
        urgent=True,
        why=_URGENT_WHY,
    ),
    Choice(
        "recent_injury",
        "An injury to the hip, groin, leg or back in the last few months",
        inference=True,
    ),
    Choice(
        "recent_surgery",
        "Surgery on the hip, back, belly or legs in the last few months",
        inference=True,
    ),
    Choice(
        "numbness_or_tingling",
        "Numbness, tingling or weakness that runs down a leg",
        inference=True,
    ),
    Choice(
        "pain_at_rest_or_night",
        "Pain at rest or at night that changing position does not ease",
        inference=True,
    ),
    Choice(
        "pain_not_improving",
        "Pain for weeks that stretching and strengthening have not helped",
    ),
    Choice(
        "pregnant",
        "Pregnant, or gave birth in the last few months",
        inference=True,
        why="Pregnancy loosens the joints and changes which positions are safe: ask your midwife "
        "or doctor which stretches and exercises suit you now",
    ),
    Choice(
        "hip_replacement",
        "A hip replacement (an artificial hip joint)",
        inference=True,
        why="The psoas stretches take the hip to the end of its range behind you, which some hip "
        "replacements must avoid: ask your surgeon or physiotherapist which movements are safe",
    ),
)
URGENT_FLAGS: Final[frozenset[str]] = frozenset(flag.id for flag in RED_FLAGS if flag.urgent)
"""Red flags that mean: seek medical care now."""

SYMPTOMS: Final[tuple[Choice, ...]] = (
    Choice("chronic_low_back_pain", "Low back pain that keeps coming back"),
    Choice("hip_tight_after_sitting", "Tight or uncomfortable hips after sitting"),
    Choice("poor_posture", "Poor posture, or a deep curve in the lower back"),
    Choice("hard_to_stand_up_straight", "Difficulty standing up straight"),
    Choice("pain_when_running_or_walking", "Pain or stiffness when running or walking"),
    Choice("short_stride", "A short stride, or a hip that won't extend fully when running"),
    Choice("unsteady_on_one_leg", "Unsteady when standing on one leg"),
)

PAIN_SYMPTOMS: Final[tuple[SymptomId, ...]] = (
    "chronic_low_back_pain",
    "pain_when_running_or_walking",
)
"""Symptoms that are lasting pain: the articles send chronic hip or back pain to a physical
therapist (StarFit, 003), whatever the tests show."""
PHYSIO_SOURCE: Final = (
    "the StarFit article advises seeing a physical therapist for chronic hip or back pain, and "
    "the Cleveland Clinic article says back pain has many causes, which a physical therapist's "
    "evaluation can tell apart"
)

SITTING_QUESTION: Final = "About how many hours a day do you sit (work, driving, screens)?"
RUNNER_QUESTION: Final = "Do you run or play sport?"

KNEEL_TEST: Final = PhysicalTest(
    key="kneel_test",
    name="Half-kneeling test (tightness)",
    purpose="Shows whether the psoas at the front of the hip is tight.",
    side_means="the side of the knee that is down (its hip is tested)",
    steps=(
        Step(
            "Kneel on your {side} knee, on a cushion or folded towel. Put your {other} foot flat "
            "on the floor in front of you, knee above the ankle.",
            10,
        ),
        Step(
            "Lift your chest so your back is straight, and squeeze the buttock of your "
            "{side} (back) leg.",
            5,
        ),
        Step(
            "Keeping the squeeze, press your hips gently forward a few centimetres. Don't arch "
            "your lower back, and don't force it.",
            10,
        ),
        Step(
            "Hold it and notice where you feel the pull. Stop at once if it hurts.",
            20,
        ),
    ),
    question="Where did you feel the pull on the {side} side?",
    answers=(
        Choice("deep_front_hip", "Deep in the front of the {side} hip, the back leg's hip"),
        Choice("front_thigh", "In the front of the {side} thigh, above the knee"),
        Choice("nothing", "Nothing much", inference=True),
        Choice("pain", "It hurt: pain, not just a stretch"),
        Choice("cannot_kneel", "I can't kneel on the {side} knee (it hurts, or I can't get down)"),
        Choice("skipped", "Skip this side"),
    ),
)

KNEE_LIFT_TEST: Final = PhysicalTest(
    key="knee_lift_test",
    name="Standing knee lift (strength)",
    purpose="Shows whether the hip flexors, the psoas among them, are weak.",
    side_means="the side of the knee you lift",
    steps=(
        Step(
            "Stand tall with your feet hip-width apart, near a wall or chair you could touch if "
            "you lose your balance. Don't lean on it. A mirror in front of you helps.",
            5,
        ),
        Step(
            "Slowly lift your {side} knee toward hip height, until the thigh is about parallel "
            "to the floor (90°).",
            5,
        ),
        Step(
            "Hold it for a few seconds and watch your pelvis and lower back: does the pelvis tip "
            "backward, does the lower back round to help, do you wobble on the {other} leg?",
            10,
        ),
        Step("Lower the foot slowly.", 3),
    ),
    question="What happened when you lifted your {side} knee?",
    answers=(
        Choice("clean", "The knee rose cleanly and the pelvis stayed level"),
        Choice("pelvis_tips_back", "The pelvis tipped backward"),
        Choice("back_rounds", "The lower back rounded to help the knee up"),
        Choice("unsteady", "I was unsteady standing on the {other} leg"),
        Choice("pain", "It hurt"),
        Choice("skipped", "Skip this side"),
    ),
)

PHYSICAL_TESTS: Final[tuple[PhysicalTest, ...]] = (KNEEL_TEST, KNEE_LIFT_TEST)


def label(choices: tuple[Choice, ...], choice_id: str, side: Side | None = None) -> str:
    """The label of `choice_id`, with `{side}`/`{other}` filled in when a side is given."""
    for choice in choices:
        if choice.id == choice_id:
            if side is None:
                return choice.label.replace("{side} ", "").replace("{other} ", "other ")
            return Step(choice.label, 0).for_side(side)
    raise KeyError(choice_id)


def red_flag_label(flag: Choice) -> str:
    """A red flag's label on the screen, marked when it is general knowledge."""
    return f"{flag.label} {INFERENCE_MARK}" if flag.inference else flag.label


def _help_rows(choices: tuple[Choice, ...]) -> list[str]:
    rows = []
    for choice in choices:
        shown = label(choices, choice.id)
        if choice.urgent:
            shown += " (seek care now)"
        if choice.inference and choice in RED_FLAGS:
            shown += f" {INFERENCE_MARK}"
        text = f"      {choice.id:<30}{shown}"
        rows += textwrap.wrap(text, width=100, subsequent_indent=" " * 36)
    return rows


def answers_help() -> str:
    """The answers-file keys and their allowed values, for `psoas selftest --help`."""
    lines = [
        "answers file (TOML):",
        "  schema = 1                    optional: the answers format version",
        "  sitting_hours = 8             hours a day you sit, 0-24 (required, except with a",
        "                                red flag)",
        "  runner = true                 you run or play sport (default false)",
        "  symptoms = [...]              any of (default none):",
        *_help_rows(SYMPTOMS),
        "  red_flags = [...]             any of (default none; one means: see a professional,",
        f"                                no routine; {INFERENCE_MARK} {GENERAL_KNOWLEDGE}):",
        *_help_rows(RED_FLAGS),
    ]
    for test in PHYSICAL_TESTS:
        lines += [
            f"  [{test.key}]{' ' * (28 - len(test.key))}{test.name}",
            f'    left = "..."  right = "..."  {test.side_means}',
            '    one of (default "skipped"):',
            *_help_rows(test.answers),
        ]
    return "\n".join(lines)
