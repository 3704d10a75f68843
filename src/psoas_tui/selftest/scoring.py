"""Score the self-test: `score_selftest(answers)` gives the verdict, the sides, and the reasons.

The rules follow the articles (inventory section 2):
- tight on a side when the half-kneeling test pulls deep in the front of that hip;
- a pull in the front of the thigh means the rectus femoris is tighter than the psoas: a note and
  a quad stretch, not a psoas verdict;
- weak on a side when lifting that knee tips the pelvis back, rounds the lower back, or leaves
  the person unsteady on the standing leg;
- any `pain` answer or any red flag: see a professional, and no routine;
- more than 6 hours of sitting a day with a test skipped on both sides: what that test would look
  for is taken as likely present, because long sitters are usually tight *and* weak.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeVar

from psoas_tui.selftest.answers import Answers
from psoas_tui.selftest.questions import (
    RED_FLAGS,
    SIDES,
    SITTING_HOURS_LIKELY_BOTH,
    SYMPTOMS,
    KneelAnswer,
    KneeLiftAnswer,
    Side,
    label,
)
from psoas_tui.textfile.strict import StrictModel

Verdict = Literal["tight", "weak", "both", "neither", "see_professional"]
Finding = Literal["tight", "weak"]
_Answer = TypeVar("_Answer", bound=str)
WEAK_SIGNS: tuple[KneeLiftAnswer, ...] = ("pelvis_tips_back", "back_rounds", "unsteady")

_KNEEL_REASONS: dict[KneelAnswer, str] = {
    "deep_front_hip": (
        "the half-kneeling test pulled deep in the front of the hip — a sign of a tight psoas."
    ),
    "front_thigh": (
        "the half-kneeling test pulled in the front of the thigh above the knee — the rectus "
        "femoris (a thigh muscle that also bends the hip) is tighter than the psoas, so the "
        "routine adds a quad stretch. This is not a sign of a tight psoas."
    ),
    "nothing": "the half-kneeling test showed no notable pull — no sign of a tight psoas.",
    "pain": (
        "the half-kneeling test hurt — pain is a reason to stop and see a professional, "
        "not to stretch."
    ),
    "skipped": "the half-kneeling test was skipped, so tightness is not known.",
}
_KNEE_LIFT_REASONS: dict[KneeLiftAnswer, str] = {
    "clean": "the knee rose cleanly with a level pelvis — no sign of weakness.",
    "pelvis_tips_back": (
        "lifting the knee tipped the pelvis back — a sign of weak hip flexors, the psoas "
        "among them."
    ),
    "back_rounds": (
        "the lower back rounded to help lift the knee — a sign of weak hip flexors, the psoas "
        "among them."
    ),
    "unsteady": (
        "lifting the knee left you unsteady on the other leg — a sign of weak hip flexors and "
        "poor hip control."
    ),
    "pain": (
        "lifting the knee hurt — pain is a reason to stop and see a professional, "
        "not to strengthen."
    ),
    "skipped": "the knee-lift test was skipped, so strength is not known.",
}


class SideResult(StrictModel):
    """The two test answers for one side, and what they show."""

    side: Side
    kneel: KneelAnswer
    """The half-kneeling test with this knee down."""
    knee_lift: KneeLiftAnswer
    """The standing knee lift with this knee lifted."""

    @property
    def tight(self) -> bool | None:
        """Tight psoas on this side; None when the test was skipped or hurt."""
        return None if self.kneel in ("skipped", "pain") else self.kneel == "deep_front_hip"

    @property
    def weak(self) -> bool | None:
        """Weak hip flexors on this side; None when the test was skipped or hurt."""
        return None if self.knee_lift in ("skipped", "pain") else self.knee_lift in WEAK_SIGNS

    @property
    def rectus_femoris(self) -> bool:
        """The front of the thigh pulled more than the hip."""
        return self.kneel == "front_thigh"

    @property
    def pain(self) -> bool:
        return "pain" in (self.kneel, self.knee_lift)


class SelfTestResult(StrictModel):
    """What the self-test found, and why."""

    verdict: Verdict
    tight_sides: tuple[Side, ...]
    """Sides where the half-kneeling test pulled deep in the front of the hip."""
    weak_sides: tuple[Side, ...]
    """Sides where the knee lift showed a sign of weakness."""
    rectus_femoris: tuple[Side, ...]
    """Sides where the half-kneeling test pulled in the front of the thigh instead."""
    see_professional: bool
    """A test hurt or a red flag was ticked: no routine, see a physiotherapist or doctor."""
    likely_both: bool
    """The verdict is "both" at least partly because of long sitting with a test skipped."""
    inferred: tuple[Finding, ...] = ()
    """Findings that come from sitting more than 6 hours a day, not from a test."""
    sides: tuple[SideResult, ...]
    """The answers per side, left then right."""
    runner: bool = False
    long_sitter: bool = False
    """Sits more than 6 hours a day."""
    reasons: tuple[str, ...]
    """Plain sentences, each naming the answers behind a conclusion."""

    def side(self, side: Side) -> SideResult:
        return self.sides[SIDES.index(side)]

    def only_side(self, finding: Literal["tight", "weak", "rectus_femoris"]) -> Side | None:
        """The side that tested positive for `finding` while the other side tested clear."""
        found = {
            "tight": self.tight_sides,
            "weak": self.weak_sides,
            "rectus_femoris": self.rectus_femoris,
        }[finding]
        if len(found) != 1:
            return None
        other = self.side("right" if found[0] == "left" else "left")
        clear = {
            "tight": other.tight is False,
            "weak": other.weak is False,
            "rectus_femoris": other.kneel in ("nothing", "deep_front_hip"),
        }[finding]
        return found[0] if clear else None


def _hours(hours: float) -> str:
    return f"{hours:g}"


def _per_side(answers: Mapping[Side, _Answer], reasons: Mapping[_Answer, str]) -> list[str]:
    """A sentence per side, or one for both sides when they are the same."""
    if answers["left"] == answers["right"]:
        return [f"Both sides: {reasons[answers['left']]}"]
    return [f"{side.capitalize()}: {reasons[answers[side]]}" for side in SIDES]


def _listing(labels: list[str]) -> str:
    lowered = [text[:1].lower() + text[1:] for text in labels]
    return "; ".join(lowered)


def score_selftest(answers: Answers) -> SelfTestResult:
    """The verdict, the sides and the reasons for one set of answers."""
    sides = tuple(
        SideResult(side=s, kneel=answers.kneel_test.on(s), knee_lift=answers.knee_lift_test.on(s))
        for s in SIDES
    )
    tight_sides = tuple(s.side for s in sides if s.tight)
    weak_sides = tuple(s.side for s in sides if s.weak)
    rectus_femoris = tuple(s.side for s in sides if s.rectus_femoris)
    pain = any(s.pain for s in sides)
    see_professional = pain or bool(answers.red_flags)
    long_sitter = answers.sitting_hours > SITTING_HOURS_LIKELY_BOTH
    kneel_skipped = all(s.kneel == "skipped" for s in sides)
    lift_skipped = all(s.knee_lift == "skipped" for s in sides)
    inferred: list[Finding] = []
    if long_sitter and kneel_skipped:
        inferred.append("tight")
    if long_sitter and lift_skipped:
        inferred.append("weak")
    tight = bool(tight_sides) or "tight" in inferred
    weak = bool(weak_sides) or "weak" in inferred
    verdict: Verdict
    if see_professional:
        verdict = "see_professional"
    else:
        verdict = "both" if tight and weak else "tight" if tight else "weak" if weak else "neither"
    likely_both = tight and weak and bool(inferred)

    reasons: list[str] = []
    if answers.red_flags:
        flags = _listing([label(RED_FLAGS, flag) for flag in answers.red_flags])
        reasons.append(
            f"You reported: {flags}. That is a red flag: see a physiotherapist or doctor before "
            "doing these tests or exercises."
        )
    reasons += _per_side({s.side: s.kneel for s in sides}, _KNEEL_REASONS)
    reasons += _per_side({s.side: s.knee_lift for s in sides}, _KNEE_LIFT_REASONS)
    hours = _hours(answers.sitting_hours)
    if inferred == ["tight", "weak"]:
        reasons.append(
            f"You sit about {hours} hours a day and skipped both tests: most people who sit more "
            "than 6 hours a day have a psoas that is both tight and weak, so the result is "
            "likely both."
        )
    elif inferred == ["tight"]:
        reasons.append(
            f"You sit about {hours} hours a day and skipped the half-kneeling test: most people "
            "who sit more than 6 hours a day are tight as well as weak, so the routine includes "
            "stretching."
        )
    elif inferred == ["weak"]:
        reasons.append(
            f"You sit about {hours} hours a day and skipped the knee-lift test: most people who "
            "sit more than 6 hours a day are weak as well as tight, so the routine includes "
            "strengthening."
        )
    elif long_sitter:
        reasons.append(
            f"You sit about {hours} hours a day: past 6 hours a tight, weak psoas is common, so "
            "stand up and move about every hour."
        )
    elif kneel_skipped and lift_skipped and not see_professional:
        reasons.append(
            "You skipped both tests, so there is no sign to go on: the result stays neither "
            "until you take them, and the short maintenance routine is a safe start."
        )
    if answers.symptoms:
        ticked = _listing([label(SYMPTOMS, symptom) for symptom in answers.symptoms])
        reasons.append(
            f"You ticked: {ticked}. These are common signs of a tight or weak psoas; the tests "
            "tell which."
        )
        if verdict == "neither" and not (kneel_skipped and lift_skipped):
            reasons.append(
                "The tests found neither, yet you have symptoms: they may have another cause. "
                "If they persist, see a physiotherapist."
            )
    if answers.runner and verdict in ("tight", "weak", "both"):
        reasons.append(
            "You run or play sport: a tight psoas shortens the stride and a weak one costs "
            "swing-leg power and control, so the routine includes advice for before and after "
            "a run."
        )
    if see_professional:
        because = (
            "a test hurt and you reported a red flag"
            if pain and answers.red_flags
            else "a test hurt"
            if pain
            else "you reported a red flag"
        )
        reasons.append(
            f"Because {because}, the result is: see a professional. No routine is given; "
            "back and hip pain have many causes, and a physiotherapist can tell which it is."
        )
    return SelfTestResult(
        verdict=verdict,
        tight_sides=tight_sides,
        weak_sides=weak_sides,
        rectus_femoris=rectus_femoris,
        see_professional=see_professional,
        likely_both=likely_both,
        inferred=tuple(inferred),
        sides=sides,
        runner=answers.runner,
        long_sitter=long_sitter,
        reasons=tuple(reasons),
    )
