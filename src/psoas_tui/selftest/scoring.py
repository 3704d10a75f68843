"""Score the self-test: `score_selftest(answers)` gives the verdict, the sides, and the reasons.

The rules follow the articles (inventory section 2):
- tight on a side when the half-kneeling test pulls deep in the front of that hip;
- a pull in the front of the thigh means the rectus femoris is tighter than the psoas: a note and
  a quad stretch, not a psoas verdict;
- weak on a side when lifting that knee tips the pelvis back or rounds the lower back;
- unsteady while lifting a knee counts against the *standing* leg: the articles (004, FAQ) list an
  unstable one-leg stance as a sign of weakness without naming a side, and balance is mostly the
  standing leg's work (an inference, and the reason says so);
- any `pain` answer or any red flag: see a professional, and no routine; an urgent red flag
  (bladder or bowel control, saddle numbness, fever with back pain): seek care now;
- more than 6 hours of sitting a day with a test not done on either side: what that test would
  look for is taken as likely, because long sitters are usually tight *and* weak;
- lasting back or hip pain among the symptoms: see a physical therapist about it (003), whatever
  the tests show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal, TypeVar

from psoas_tui.selftest.answers import Answers
from psoas_tui.selftest.questions import (
    GENERAL_KNOWLEDGE,
    PAIN_SYMPTOMS,
    PHYSIO_SOURCE,
    RED_FLAGS,
    SIDES,
    SITTING_HOURS_LIKELY_BOTH,
    SYMPTOMS,
    Choice,
    KneelAnswer,
    KneeLiftAnswer,
    Side,
    SymptomId,
    label,
)
from psoas_tui.textfile.strict import StrictModel

Verdict = Literal["tight", "weak", "both", "neither", "see_professional", "seek_care_now"]
Finding = Literal["tight", "weak"]
_Answer = TypeVar("_Answer", bound=str)
WEAK_SIGNS: tuple[KneeLiftAnswer, ...] = ("pelvis_tips_back", "back_rounds")
"""Signs of weak hip flexors on the side of the knee that was lifted."""
KNEEL_NOT_DONE: tuple[KneelAnswer, ...] = ("skipped", "cannot_kneel")
INFERENCE = "an inference, not from the articles"

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
    "cannot_kneel": (
        "you can't kneel on that knee, so the half-kneeling test was not done and tightness is "
        "not known."
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
    "unsteady": "",  # worded per side: it counts against the standing leg
    "pain": (
        "lifting the knee hurt — pain is a reason to stop and see a professional, "
        "not to strengthen."
    ),
    "skipped": "the knee-lift test was skipped, so strength is not known.",
}
_NOT_DONE = {
    "kneel": "the half-kneeling test was not done.",
    "knee_lift": "the knee-lift test was not done.",
}
_UNSTEADY_WHY = (
    "The SportCoaching article lists an unsteady one-leg stance as a sign of weak hip flexors "
    "but does not say on which side; keeping your balance is mostly the standing leg's work"
)


def _other(side: Side) -> Side:
    return "right" if side == "left" else "left"


def _unsteady_reason(side: Side | None) -> str:
    """Why `unsteady` counts against the standing leg; `side` None: both knees lifted so."""
    if side is None:
        return (
            "you were unsteady standing on each leg while lifting the other knee. "
            f"{_UNSTEADY_WHY}, so each time it counts against the standing side: both sides "
            f"({INFERENCE})."
        )
    other = _other(side)
    return (
        f"you were unsteady standing on the {other} leg while lifting the {side} knee. "
        f"{_UNSTEADY_WHY}, so it counts against the {other} side, not the {side} ({INFERENCE})."
    )


class SideResult(StrictModel):
    """The two test answers for one side, and what they show."""

    side: Side
    kneel: KneelAnswer
    """The half-kneeling test with this knee down."""
    knee_lift: KneeLiftAnswer
    """The standing knee lift with this knee lifted."""
    unsteady_standing: bool = False
    """Unsteady standing on this leg while the other knee was lifted: it counts against this
    side (an inference)."""

    @property
    def tight(self) -> bool | None:
        """Tight psoas on this side; None when the test was not done or hurt."""
        if self.kneel in (*KNEEL_NOT_DONE, "pain"):
            return None
        return self.kneel == "deep_front_hip"

    @property
    def weak(self) -> bool | None:
        """Weak hip flexors on this side; None when the test was skipped or hurt (and this leg
        was not unsteady standing)."""
        if self.knee_lift in WEAK_SIGNS or self.unsteady_standing:
            return True
        return None if self.knee_lift in ("skipped", "pain") else False

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
    """Sides where the knee lift showed a sign of weakness (or this leg was unsteady standing)."""
    rectus_femoris: tuple[Side, ...]
    """Sides where the half-kneeling test pulled in the front of the thigh instead."""
    see_professional: bool
    """A test hurt or a red flag was ticked: no routine, see a physiotherapist or doctor."""
    urgent: bool = False
    """An urgent red flag was ticked: seek medical care now (the verdict is `seek_care_now`)."""
    likely_both: bool
    """The verdict is "both" at least partly because of long sitting with a test not done."""
    inferred: tuple[Finding, ...] = ()
    """Findings that come from sitting more than 6 hours a day, not from a test."""
    sides: tuple[SideResult, ...]
    """The answers per side, left then right."""
    runner: bool = False
    long_sitter: bool = False
    """Sits more than 6 hours a day."""
    cannot_kneel: bool = False
    """Kneeling is not possible on at least one knee: the routine leaves kneeling out."""
    physio_symptoms: tuple[SymptomId, ...] = ()
    """Lasting pain among the symptoms, which the articles send to a physical therapist."""
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


def _per_side(
    answers: Mapping[Side, _Answer], reason: Callable[[_Answer, Side | None], str]
) -> list[str]:
    """A sentence per side, or one for both sides when they are the same."""
    if answers["left"] == answers["right"]:
        return [f"Both sides: {reason(answers['left'], None)}"]
    return [f"{side.capitalize()}: {reason(answers[side], side)}" for side in SIDES]


def _lowered(text: str) -> str:
    return text[:1].lower() + text[1:]


def _listing(labels: list[str]) -> str:
    return "; ".join(_lowered(text) for text in labels)


def _flag(flag_id: str) -> Choice:
    return next(flag for flag in RED_FLAGS if flag.id == flag_id)


def _red_flag_reasons(flag_ids: list[str]) -> list[str]:
    """What the red flags mean: the urgent ones first, then the others."""
    flags = [_flag(flag_id) for flag_id in flag_ids]
    reasons = []
    urgent = [flag for flag in flags if flag.urgent]
    if urgent:
        reasons.append(
            f"You reported: {_listing([flag.label for flag in urgent])}. {urgent[0].why} "
            f"({GENERAL_KNOWLEDGE}): seek medical care now."
        )
    others = [flag for flag in flags if not flag.urgent]
    if others:
        shown = [
            f"{flag.label} ({GENERAL_KNOWLEDGE})" if flag.inference and not flag.why else flag.label
            for flag in others
        ]
        text = (
            f"You reported: {_listing(shown)}. That is a red flag: see a physiotherapist or "
            "doctor before doing these tests or exercises."
        )
        text += "".join(f" {flag.why} ({GENERAL_KNOWLEDGE})." for flag in others if flag.why)
        reasons.append(text)
    return reasons


def _sitting_reason(hours: float, inferred: list[Finding]) -> str:
    shown = _hours(hours)
    if inferred == ["tight", "weak"]:
        return (
            f"You sit about {shown} hours a day and did neither test: most people who sit more "
            "than 6 hours a day have a psoas that is both tight and weak, so the result is "
            "likely both."
        )
    if inferred == ["tight"]:
        return (
            f"You sit about {shown} hours a day and did not do the half-kneeling test: most "
            "people who sit more than 6 hours a day are tight as well as weak, so the routine "
            "includes stretching."
        )
    if inferred == ["weak"]:
        return (
            f"You sit about {shown} hours a day and skipped the knee-lift test: most people who "
            "sit more than 6 hours a day are weak as well as tight, so the routine includes "
            "strengthening."
        )
    return (
        f"You sit about {shown} hours a day: past 6 hours a tight, weak psoas is common, so "
        "stand up and move about every hour."
    )


def score_selftest(answers: Answers) -> SelfTestResult:
    """The verdict, the sides and the reasons for one set of answers."""
    lifts = {side: answers.knee_lift_test.on(side) for side in SIDES}
    sides = tuple(
        SideResult(
            side=s,
            kneel=answers.kneel_test.on(s),
            knee_lift=lifts[s],
            unsteady_standing=lifts[_other(s)] == "unsteady",
        )
        for s in SIDES
    )
    tight_sides = tuple(s.side for s in sides if s.tight)
    weak_sides = tuple(s.side for s in sides if s.weak)
    rectus_femoris = tuple(s.side for s in sides if s.rectus_femoris)
    pain = any(s.pain for s in sides)
    urgent = any(_flag(flag).urgent for flag in answers.red_flags)
    see_professional = pain or bool(answers.red_flags)
    hours = answers.sitting_hours
    long_sitter = hours is not None and hours > SITTING_HOURS_LIKELY_BOTH
    kneel_not_done = all(s.kneel in KNEEL_NOT_DONE for s in sides)
    lift_skipped = all(s.knee_lift == "skipped" for s in sides)
    inferred: list[Finding] = []
    if long_sitter and not see_professional:
        if kneel_not_done:
            inferred.append("tight")
        if lift_skipped:
            inferred.append("weak")
    tight = bool(tight_sides) or "tight" in inferred
    weak = bool(weak_sides) or "weak" in inferred
    verdict: Verdict
    if urgent:
        verdict = "seek_care_now"
    elif see_professional:
        verdict = "see_professional"
    else:
        verdict = "both" if tight and weak else "tight" if tight else "weak" if weak else "neither"
    likely_both = tight and weak and bool(inferred)
    cannot_kneel = any(s.kneel == "cannot_kneel" for s in sides)
    physio = tuple(symptom for symptom in answers.symptoms if symptom in PAIN_SYMPTOMS)

    reasons = _red_flag_reasons(list(answers.red_flags))
    if answers.red_flags and kneel_not_done and lift_skipped:
        reasons.append("The tests were not done: with a red flag, they wait for a professional.")
    else:

        def kneel_reason(answer: KneelAnswer, _: Side | None) -> str:
            return _NOT_DONE["kneel"] if pain and answer == "skipped" else _KNEEL_REASONS[answer]

        def lift_reason(answer: KneeLiftAnswer, side: Side | None) -> str:
            if answer == "unsteady":
                return _unsteady_reason(side)
            if pain and answer == "skipped":
                return _NOT_DONE["knee_lift"]
            return _KNEE_LIFT_REASONS[answer]

        reasons += _per_side({s.side: s.kneel for s in sides}, kneel_reason)
        reasons += _per_side({s.side: s.knee_lift for s in sides}, lift_reason)
    if hours is not None and long_sitter and not see_professional:
        reasons.append(_sitting_reason(hours, inferred))
    elif kneel_not_done and lift_skipped and not see_professional:
        reasons.append(
            "Neither test was done, so there is no sign to go on: the result stays neither "
            "until you take them, and the short maintenance routine is a safe start."
        )
    if cannot_kneel and not see_professional:
        reasons.append(
            "You can't kneel, so the routine leaves out kneeling: its stretches are done "
            "standing or lying down."
        )
    signs = [symptom for symptom in answers.symptoms if symptom not in PAIN_SYMPTOMS]
    if signs:
        ticked = _listing([label(SYMPTOMS, symptom) for symptom in signs])
        tell = "" if see_professional else "; the tests tell which"
        reasons.append(
            f"You ticked: {ticked}. These are common signs of a tight or weak psoas{tell}."
        )
    if physio:
        ticked = _listing([label(SYMPTOMS, symptom) for symptom in physio])
        reasons.append(
            f"You ticked: {ticked}. Lasting pain is worth a physical therapist's look, whatever "
            f"the tests show: {PHYSIO_SOURCE}."
        )
    if answers.symptoms and verdict == "neither" and not (kneel_not_done and lift_skipped):
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
    if urgent:
        reasons.append(
            "Because of what you reported, the result is: seek medical care now. No routine "
            "is given."
        )
    elif see_professional:
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
        urgent=urgent,
        likely_both=likely_both,
        inferred=tuple(inferred),
        sides=sides,
        runner=answers.runner,
        long_sitter=long_sitter,
        cannot_kneel=cannot_kneel,
        physio_symptoms=physio,
        reasons=tuple(reasons),
    )
