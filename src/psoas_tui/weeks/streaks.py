"""Streaks of days trained, where the rest days the weekly plan allows do not break them.

The rule, day by day from the first day trained up to `today`:

- a day with a session (see `weeks.days`) extends the streak, or starts one;
- a day without one is a **rest day**: the first `plan.rest_days` rest days (7 - stretch days:
  2 by default) of each Monday-Sunday week that fall inside a streak keep it going; the next one
  in the same week ends it. Rest days before a streak starts are not counted against it;
- `today` without a session yet neither breaks a streak nor counts as a rest day: the day is not
  over.

A streak runs from its first day trained to its last day trained, and its length is the days
between, both included (the allowed rest days inside it count: they were part of the plan).
The **current** streak is the one still going on `today` (none when it ended); the **longest**
is the longest of all, the current one included. Sessions after `today` are ignored.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from psoas_tui.weeks.days import week_of
from psoas_tui.weeks.plan import DEFAULT_PLAN, WeeklyPlan


@dataclass(frozen=True, slots=True)
class Streak:
    """Days trained from `first` to `last`, both included, with no forbidden gap."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True, slots=True)
class Streaks:
    current: Streak | None
    longest: Streak | None


def streaks(trained: Collection[date], today: date, plan: WeeklyPlan = DEFAULT_PLAN) -> Streaks:
    """The current and the longest streak of the days `trained`, as of `today`."""
    days = sorted(day for day in trained if day <= today)
    if not days:
        return Streaks(None, None)
    trained_set = set(days)
    found: list[Streak] = []
    first: date | None = None
    last: date | None = None
    rests: dict[date, int] = {}
    day = days[0]
    while day <= today:
        if day in trained_set:
            if first is None:
                first, rests = day, {}
            last = day
        elif first is not None and last is not None and day != today:
            week = week_of(day)
            rests[week] = rests.get(week, 0) + 1
            if rests[week] > plan.rest_days:
                found.append(Streak(first, last))
                first = last = None
        day += timedelta(days=1)
    current = Streak(first, last) if first is not None and last is not None else None
    if current is not None:
        found.append(current)
    longest = max(found, key=lambda streak: (streak.days, streak.last))
    return Streaks(current, longest)
