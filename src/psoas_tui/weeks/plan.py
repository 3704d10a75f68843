"""The weekly plan the days are measured against: how many days a week to stretch and to
strengthen, desk breaks in working hours and the runner's order, as the articles advise; and
`plan_for_verdict`, the plan a self-test result proposes.

The plan a person keeps is `plan.toml` (see `weeks.stored_plan`); `DEFAULT_PLAN` is used until
there is one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

PLAN_SOURCE = (
    "004_b08a8e43cb40d0bb.txt: stretch daily or 5 times a week, strengthen 2-3 times a week; "
    "003_f525bfbb801b210a.txt: alternate stretching days with strengthening days"
)
"""Where the default plan comes from (see the psoas inventory, section on frequency)."""

DESK_BREAK_SOURCE = "000_2a139b7f77750f37.txt: stand up and move about every hour at the desk"
"""Where the hourly desk break comes from (psoas inventory, 3.3)."""
RUNNER_SOURCE = (
    "004_b08a8e43cb40d0bb.txt: before a run dynamic lunges and marches, after a run static holds"
)
"""Where the runner's order comes from (psoas inventory, 3.2)."""

DAYS_A_WEEK = 7
MAX_STRENGTH_DAYS = 4
"""More strength days than this cannot keep a day between them in a week."""
LONG_SITTING_HOURS = 6
"""004: a psoas both tight and weak is nearly universal in adults who sit more than 6 hours."""


@dataclass(frozen=True, slots=True)
class WeeklyPlan:
    """Days a Monday-Sunday week: `stretch_days` days with stretching (004: daily or 5 times a
    week), `strength_days` days with strengthening (004: 2-3 times a week), never two days of
    strengthening in a row (003: alternate them; 004: a day between)."""

    stretch_days: int = 5
    strength_days: int = 2
    strength_rest_between: bool = True
    """Strengthening wants a day between: two strength days in a row are counted as such."""
    desk_breaks: bool = True
    """A short break to stand and stretch during working hours (000: about every hour)."""
    work_start: str = "09:00"
    """When working hours begin, HH:MM."""
    work_end: str = "17:00"
    """When working hours end, HH:MM."""
    every_minutes: int = 60
    """Minutes between desk breaks."""
    runner: bool = False
    """Dynamic lunges and marches before a run, static holds after it (004)."""
    source: str = "default"
    """Where the plan came from: "default", "self-test 2026-11-22: tight", or "edited"."""

    def __post_init__(self) -> None:
        if not 0 <= self.stretch_days <= DAYS_A_WEEK:
            raise ValueError(f"stretch days a week must be 0 to 7, not {self.stretch_days}")
        if not 0 <= self.strength_days <= MAX_STRENGTH_DAYS:
            raise ValueError(f"strength days a week must be 0 to 4, not {self.strength_days}")

    @property
    def rest_days(self) -> int:
        """Days a week without a session that the plan allows: 7 - stretch days (2 by
        default); they do not break a streak."""
        return DAYS_A_WEEK - self.stretch_days


DEFAULT_PLAN = WeeklyPlan()


class RunningAndSitting(Protocol):
    """What `plan_for_verdict` reads from the self-test's answers (`selftest.answers.Answers`)."""

    @property
    def runner(self) -> bool: ...

    @property
    def sitting_hours(self) -> float | None: ...


VERDICT_DAYS: dict[str, tuple[int, int, str]] = {
    "tight": (6, 2, "004_b08a8e43cb40d0bb.txt: a tight psoas wants stretching daily or 5x a week"),
    "weak": (
        3,
        3,
        "004_b08a8e43cb40d0bb.txt: strengthen 2-3x a week; "
        "003_f525bfbb801b210a.txt: stretch 2-3x a week, alternating with strengthening days",
    ),
    "both": (
        5,
        2,
        "004_b08a8e43cb40d0bb.txt: both are needed; stretch 5x a week, strengthen 2-3x a week",
    ),
    "neither": (5, 2, PLAN_SOURCE),
}
"""Per verdict: (stretch days, strength days, the article it follows). A verdict not here (see a
professional, seek care now) changes no plan."""


def plan_for_verdict(
    verdict: str,
    answers: RunningAndSitting | None = None,
    *,
    taken: date | None = None,
    current: WeeklyPlan = DEFAULT_PLAN,
) -> WeeklyPlan:
    """The plan a self-test result proposes, starting from `current` (its working hours are
    kept). Tight: stretch 6 days, strengthen 2; weak: stretch 3, strengthen 3 with a day between;
    both: stretch 5, strengthen 2; neither: the default 5 and 2. Runners (the answers say they
    run) get the runner's order; sitting 6 hours or more turns desk breaks on. A result that says
    to see a professional leaves `current` as it is."""
    days = VERDICT_DAYS.get(verdict)
    if days is None:
        return current
    stretch, strength, _ = days
    when = f" {taken.isoformat()}" if taken is not None else ""
    desk = current.desk_breaks
    runner = current.runner
    if answers is not None:
        runner = answers.runner
        hours = answers.sitting_hours
        desk = desk or (hours is not None and hours >= LONG_SITTING_HOURS)
    return replace(
        current,
        stretch_days=stretch,
        strength_days=strength,
        strength_rest_between=True,
        desk_breaks=desk,
        runner=runner,
        source=f"self-test{when}: {verdict}",
    )
