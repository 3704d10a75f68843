"""Left against right over the last 12 weeks, as of an injected `today`: per week, the answers to
"which side felt tighter / weaker" (left, same, right), the pain reported on each side, and what a
self-test found on each side; and the call-out when one side keeps coming out behind.

A call-out needs at least `MIN_ANSWERS` answers to one question among the last `RECENT_ANSWERS`
of the 12 weeks, and one side named in at least `SHARE` of them ("same" counts in the total, so
"left, same, left, same, left" is not a call-out). It says what the self-test's routine does
about it only when that is true: the routine gives a side an extra set when the latest self-test
found that side alone tight (for "tighter") or weak (for "weaker"); otherwise it suggests taking
the self-test again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from fractions import Fraction
from typing import Any

from psoas_tui.store.records import SelfTestRow, SideAnswer, SidedPain, SideQuestionKind
from psoas_tui.weeks.days import week_of

WEEKS = 12
MIN_ANSWERS = 5
"""Fewer answers to a question than this say nothing yet."""
RECENT_ANSWERS = 10
"""The call-out looks at this many of the latest answers to a question."""
SHARE = Fraction(2, 3)
"""The part of those answers that must name the same side."""
FINDING = {"tighter": "tight", "weaker": "weak"}
"""The self-test's finding that matches each question."""


@dataclass(frozen=True, slots=True)
class SideTest:
    """What one self-test found on each side ("tight", "weak"; none: tested clear)."""

    taken: date
    left: tuple[str, ...]
    right: tuple[str, ...]

    def of(self, side: str) -> tuple[str, ...]:
        return self.left if side == "left" else self.right


@dataclass(frozen=True, slots=True)
class SideWeek:
    """One Monday-Sunday week, left against right."""

    monday: date
    left: int
    """Answers "left" (felt tighter or weaker)."""
    same: int
    right: int
    left_pain: int
    """Pain reports made during a hold or reps on the left."""
    right_pain: int
    test: SideTest | None
    """The latest self-test taken that week, if any."""

    @property
    def answers(self) -> int:
        return self.left + self.same + self.right


@dataclass(frozen=True, slots=True)
class CallOut:
    """One side kept coming out behind on one question."""

    side: str
    question: SideQuestionKind
    named: int
    """Answers that named `side`..."""
    answers: int
    """...of this many, the latest."""
    extra_set: bool
    """Whether the latest self-test found that side alone (so its routine gives an extra set)."""
    taken: date | None
    """When the latest self-test was taken (None: never)."""

    @property
    def text(self) -> str:
        said = (
            f"{self.side.capitalize()} has felt {self.question} in {self.named} of the last "
            f"{self.answers} answers"
        )
        finding = FINDING[self.question]
        if self.extra_set and self.taken is not None:
            return (
                f"{said} — the self-test's routine (of {self.taken:%d %b %Y}) gives it an "
                "extra set."
            )
        if self.taken is None:
            return f"{said} — take the self-test (psoas selftest) to see whether it is {finding}."
        return (
            f"{said}, though the self-test of {self.taken:%d %b %Y} did not find it {finding} "
            "alone — take the self-test again (psoas selftest)."
        )


@dataclass(frozen=True, slots=True)
class SideTrend:
    """The last `WEEKS` weeks (oldest first), the self-tests per side (oldest first) and the
    call-outs (tighter before weaker)."""

    weeks: tuple[SideWeek, ...]
    tests: tuple[SideTest, ...]
    call_outs: tuple[CallOut, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "weeks": [
                {
                    "monday": week.monday.isoformat(),
                    "answers": {"left": week.left, "same": week.same, "right": week.right},
                    "pain": {"left": week.left_pain, "right": week.right_pain},
                    "selftest": None if week.test is None else _test_json(week.test),
                }
                for week in self.weeks
            ],
            "selftests": [_test_json(test) for test in self.tests],
            "call_outs": [
                {
                    "side": call.side,
                    "question": call.question,
                    "named": call.named,
                    "answers": call.answers,
                    "extra_set": call.extra_set,
                    "text": call.text,
                }
                for call in self.call_outs
            ],
        }


def _test_json(test: SideTest) -> dict[str, Any]:
    return {"taken": test.taken.isoformat(), "left": list(test.left), "right": list(test.right)}


def side_test(row: SelfTestRow, tz: tzinfo | None = None) -> SideTest:
    def found(side: str) -> tuple[str, ...]:
        return tuple(
            finding
            for finding, sides in (("tight", row.tight_sides), ("weak", row.weak_sides))
            if side in sides
        )

    return SideTest(row.taken_at.astimezone(tz).date(), found("left"), found("right"))


def call_out(
    answers: Sequence[SideAnswer],
    question: SideQuestionKind,
    latest: SelfTestRow | None,
    tz: tzinfo | None = None,
) -> CallOut | None:
    """The call-out on `question` from `answers` (oldest first) and the `latest` self-test, or
    None."""
    asked = [answer.answer for answer in answers if answer.question == question]
    recent = asked[-RECENT_ANSWERS:]
    if len(recent) < MIN_ANSWERS:
        return None
    for side in ("left", "right"):
        named = sum(answer == side for answer in recent)
        if named >= SHARE * len(recent):
            found = () if latest is None else _found(latest, question)
            return CallOut(
                side,
                question,
                named,
                len(recent),
                extra_set=found == (side,),
                taken=None if latest is None else latest.taken_at.astimezone(tz).date(),
            )
    return None


def _found(test: SelfTestRow, question: SideQuestionKind) -> tuple[str, ...]:
    return tuple(test.tight_sides if question == "tighter" else test.weak_sides)


def side_trend(
    answers: Sequence[SideAnswer],
    pain: Sequence[SidedPain],
    selftests: Sequence[SelfTestRow],
    today: date,
    tz: tzinfo | None = None,
) -> SideTrend:
    """Left against right in the 12 weeks up to `today` (in `tz`; None: this computer's time
    zone). What came after `today` is left out."""
    first = week_of(today) - timedelta(weeks=WEEKS - 1)

    def day(moment: datetime) -> date:
        return moment.astimezone(tz).date()

    kept_answers = sorted(
        (a for a in answers if first <= day(a.answered_at) <= today), key=lambda a: a.answered_at
    )
    tests = sorted(
        (t for t in selftests if day(t.taken_at) <= today),
        key=lambda t: (t.taken_at, t.record_id or 0),
    )
    mondays = [first + timedelta(weeks=n) for n in range(WEEKS)]
    said: dict[tuple[date, str], int] = {}
    for answer in kept_answers:
        key = (week_of(day(answer.answered_at)), answer.answer)
        said[key] = said.get(key, 0) + 1
    hurt: dict[tuple[date, str], int] = {}
    for report in pain:
        when = day(report.reported_at)
        if first <= when <= today:
            hurt[(week_of(when), report.side)] = hurt.get((week_of(when), report.side), 0) + 1
    latest_of_week: dict[date, SideTest] = {}
    for test in tests:
        shown = side_test(test, tz)
        latest_of_week[week_of(shown.taken)] = shown
    weeks = tuple(
        SideWeek(
            monday,
            left=said.get((monday, "left"), 0),
            same=said.get((monday, "same"), 0),
            right=said.get((monday, "right"), 0),
            left_pain=hurt.get((monday, "left"), 0),
            right_pain=hurt.get((monday, "right"), 0),
            test=latest_of_week.get(monday),
        )
        for monday in mondays
    )
    latest = tests[-1] if tests else None
    questions: tuple[SideQuestionKind, ...] = ("tighter", "weaker")
    found = (call_out(kept_answers, question, latest, tz) for question in questions)
    return SideTrend(
        weeks,
        tuple(side_test(test, tz) for test in tests),
        tuple(call for call in found if call is not None),
    )
