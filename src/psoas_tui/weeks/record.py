"""The weeks at a glance, as of an injected `today`: this week against the plan, the streaks,
the totals of the last weeks and the per-side record. What `psoas stats` prints.

The per-side record: time worked on each side (from the segments' sides), pain reports in all
and on each side (a report made during a hold or reps on one side; those made in a prep, rest or
switch, or on alternating reps, have no side), the answers to "which side felt tighter / weaker"
in the last 12 weeks, the sides the latest self-test found tight or weak, and the trend by week
with its call-out (`weeks.sides`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from typing import Any

from psoas_tui.store.records import SelfTestRow, SessionRow, SideAnswer, SidedPain
from psoas_tui.weeks.days import KindOf, catalogue_kind, local_date, training_days, week_of
from psoas_tui.weeks.plan import DEFAULT_PLAN, WeeklyPlan
from psoas_tui.weeks.sides import SideTrend, side_trend
from psoas_tui.weeks.streaks import Streak, Streaks, streaks

WEEKS_SHOWN = 12


@dataclass(frozen=True, slots=True)
class WeekProgress:
    """This Monday-Sunday week so far, against the plan."""

    monday: date
    stretch_days: int
    strength_days: int
    strength_back_to_back: int
    """Strength days that followed a strength day (the plan wants a day between)."""
    plan: WeeklyPlan


@dataclass(frozen=True, slots=True)
class WeekTotal:
    """One week's sessions that did real work, and their minutes in holds and reps."""

    monday: date
    sessions: int
    days: int
    work_seconds: float


@dataclass(frozen=True, slots=True)
class SideRecord:
    """Left against right (see the module's words)."""

    left_seconds: float
    right_seconds: float
    pain_reports: int
    """Every pain report, with a side or not."""
    selftest_taken: date | None
    tight_sides: tuple[str, ...]
    weak_sides: tuple[str, ...]
    left_pain: int = 0
    right_pain: int = 0
    trend: SideTrend | None = None
    """The last 12 weeks side by side, the self-tests per side and the call-outs."""

    @property
    def answers(self) -> tuple[int, int, int]:
        """Answers left, same, right in the last 12 weeks."""
        weeks = self.trend.weeks if self.trend else ()
        return (
            sum(w.left for w in weeks),
            sum(w.same for w in weeks),
            sum(w.right for w in weeks),
        )


@dataclass(frozen=True, slots=True)
class WeeksRecord:
    today: date
    week: WeekProgress
    streaks: Streaks
    weeks: tuple[WeekTotal, ...]
    """The last `WEEKS_SHOWN` weeks, oldest first, this week last."""
    sides: SideRecord

    def as_json(self) -> dict[str, Any]:
        week, plan = self.week, self.week.plan
        return {
            "today": self.today.isoformat(),
            "plan": {
                "stretch_days": plan.stretch_days,
                "strength_days": plan.strength_days,
                "rest_days": plan.rest_days,
            },
            "week": {
                "monday": week.monday.isoformat(),
                "stretch_days": {"done": week.stretch_days, "planned": plan.stretch_days},
                "strength_days": {"done": week.strength_days, "planned": plan.strength_days},
                "strength_back_to_back": week.strength_back_to_back,
            },
            "streak": {
                "current": _streak_json(self.streaks.current),
                "longest": _streak_json(self.streaks.longest),
            },
            "weeks": [
                {
                    "monday": total.monday.isoformat(),
                    "sessions": total.sessions,
                    "days": total.days,
                    "minutes": round(total.work_seconds / 60, 1),
                }
                for total in self.weeks
            ],
            "sides": {
                "left_minutes": round(self.sides.left_seconds / 60, 1),
                "right_minutes": round(self.sides.right_seconds / 60, 1),
                "pain_reports": self.sides.pain_reports,
                "pain": {"left": self.sides.left_pain, "right": self.sides.right_pain},
                "answers": dict(zip(("left", "same", "right"), self.sides.answers, strict=True)),
                "trend": None if self.sides.trend is None else self.sides.trend.as_json(),
                "selftest": None
                if self.sides.selftest_taken is None
                else {
                    "taken": self.sides.selftest_taken.isoformat(),
                    "tight_sides": list(self.sides.tight_sides),
                    "weak_sides": list(self.sides.weak_sides),
                },
            },
        }


def _streak_json(streak: Streak | None) -> dict[str, Any]:
    if streak is None:
        return {"days": 0, "first": None, "last": None}
    return {"days": streak.days, "first": streak.first.isoformat(), "last": streak.last.isoformat()}


def weeks_record(
    sessions: Sequence[SessionRow],
    selftests: Sequence[SelfTestRow],
    today: date,
    plan: WeeklyPlan = DEFAULT_PLAN,
    kind_of: KindOf = catalogue_kind,
    tz: tzinfo | None = None,
    side_answers: Sequence[SideAnswer] = (),
    sided_pain: Sequence[SidedPain] = (),
) -> WeeksRecord:
    """The record as of `today` (in `tz`; None: this computer's time zone). Sessions, answers,
    pain reports and self-tests after `today` are left out."""
    kept = [row for row in sessions if local_date(row, tz) <= today]
    days = training_days(kept, kind_of, tz)
    monday = week_of(today)
    this_week = [days[d] for d in sorted(days) if d >= monday]
    back_to_back = sum(
        1
        for day in this_week
        if day.strength
        and (before := days.get(day.day - timedelta(days=1))) is not None
        and before.strength
        and before.day >= monday
    )
    week = WeekProgress(
        monday,
        sum(day.stretch for day in this_week),
        sum(day.strength for day in this_week),
        back_to_back,
        plan,
    )
    first_monday = monday - timedelta(weeks=WEEKS_SHOWN - 1)
    totals = {first_monday + timedelta(weeks=n): [0, 0, 0.0] for n in range(WEEKS_SHOWN)}
    for day in days.values():
        total = totals.get(week_of(day.day))
        if total is not None:
            total[0] += day.sessions
            total[1] += 1
            total[2] += day.work_seconds
    weeks = tuple(
        WeekTotal(week_start, int(s), int(n), float(w))
        for week_start, (s, n, w) in sorted(totals.items())
    )
    worked = [row for row in kept if row.tally.worked]
    latest = max(
        (test for test in selftests if test.taken_at.astimezone(tz).date() <= today),
        key=lambda test: test.taken_at,
        default=None,
    )
    sides = SideRecord(
        left_seconds=sum(row.tally.left_seconds for row in worked),
        right_seconds=sum(row.tally.right_seconds for row in worked),
        pain_reports=sum(row.pain_reports for row in kept),
        selftest_taken=None if latest is None else latest.taken_at.astimezone(tz).date(),
        tight_sides=() if latest is None else latest.tight_sides,
        weak_sides=() if latest is None else latest.weak_sides,
        left_pain=sum(
            p.side == "left" and p.reported_at.astimezone(tz).date() <= today for p in sided_pain
        ),
        right_pain=sum(
            p.side == "right" and p.reported_at.astimezone(tz).date() <= today for p in sided_pain
        ),
        trend=side_trend(side_answers, sided_pain, selftests, today, tz),
    )
    return WeeksRecord(today, week, streaks(days, today, plan), weeks, sides)
