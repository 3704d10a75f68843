"""What is due today, as of an injected `today`: a stretch day, a strength day, or nothing more
(today's work is done, or the week's plan leaves nothing for today), with a short reason and the
routine to start for it.

The rule, with `left` the days of the Monday-Sunday week from today to Sunday, both included:

- **stretch** fits today when the week still needs stretch days and none was done today;
- **strength** fits today when the week still needs strength days and none was done today, nor
  yesterday when the plan wants a day between (yesterday may be last Sunday: the day between
  still counts across weeks);
- when both fit, the one with less room to spare wins, stretch on a tie: stretch's room is
  `left - stretch days needed`; strength's is the strength days that still fit in `left` with a
  day between each (`ceil(left / 2)`) less those needed. So strength comes first only when
  putting it off would leave the week short of it;
- when neither fits: **done** when something was done today ("stretched today"), otherwise
  **rest**: the week's plan is met, or strength is all that is left and yesterday was one.

The routine for a stretch day is the self-test's saved routine when there is one (it was made
for this body), else the built-in `tight-psoas` (stretch-led, daily); for a strength day the
built-in `strength-twice-weekly` (the twice-a-week gym session, on non-consecutive days).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from psoas_tui.player.describe import plural
from psoas_tui.weeks.days import Day, week_of
from psoas_tui.weeks.plan import DAYS_A_WEEK
from psoas_tui.weeks.record import WeeksRecord

STRETCH_ROUTINE = "tight-psoas"
"""The built-in routine for a stretch day when no self-test made one."""
STRENGTH_ROUTINE = "strength-twice-weekly"
"""The built-in routine for a strength day."""

DueKind = Literal["stretch", "strength", "done", "rest"]


@dataclass(frozen=True, slots=True)
class Due:
    """What today asks for: `kind`, why (`reason`), and the routine to start (a routine id or
    a path to a routine file; None for "done" and "rest")."""

    kind: DueKind
    reason: str
    routine_ref: str | None

    @property
    def startable(self) -> bool:
        return self.routine_ref is not None


def due_today(
    record: WeeksRecord, days: Mapping[date, Day], selftest_routine: str | None = None
) -> Due:
    """What is due on `record.today` against `record.week.plan`, given the `days` trained (see
    `weeks.days.training_days`); `selftest_routine` is the routine the last self-test made, if
    any. The rule is in the module's docstring."""
    today, week = record.today, record.week
    plan = week.plan
    done_today = days.get(today)
    before = days.get(today - timedelta(days=1))
    left = DAYS_A_WEEK - (today - week_of(today)).days
    stretch_needed = max(0, plan.stretch_days - week.stretch_days)
    strength_needed = max(0, plan.strength_days - week.strength_days)
    stretch_count = f"{week.stretch_days} of {plan.stretch_days} stretch days this week"
    strength_count = f"{week.strength_days} of {plan.strength_days} strength days this week"

    stretched = done_today is not None and done_today.stretch
    strengthened = done_today is not None and done_today.strength
    strength_yesterday = plan.strength_rest_between and before is not None and before.strength
    stretch_fits = stretch_needed > 0 and not stretched
    strength_fits = strength_needed > 0 and not strengthened and not strength_yesterday

    if stretch_fits and strength_fits:
        stretch_room = left - stretch_needed
        strength_room = (left + 1) // 2 - strength_needed
        if strength_room < stretch_room:
            return Due("strength", strength_count, STRENGTH_ROUTINE)
    if stretch_fits:
        return Due("stretch", stretch_count, selftest_routine or STRETCH_ROUTINE)
    if strength_fits:
        return Due("strength", strength_count, STRENGTH_ROUTINE)
    if done_today is not None:
        what = "stretched and strengthened" if stretched and strengthened else None
        what = what or ("stretched" if stretched else "strengthened")
        if stretch_needed == 0 and strength_needed == 0:
            return Due("done", f"{what} today; this week's plan is met", None)
        count = stretch_count if stretched else strength_count
        return Due("done", f"{what} today: {count}", None)
    if stretch_needed == 0 and strength_needed == 0:
        return Due("rest", "this week's plan is met: a rest day", None)
    return Due(
        "rest",
        f"strength yesterday: leave a day between; {plural(strength_needed, 'strength day')} "
        "still to do this week",
        None,
    )
