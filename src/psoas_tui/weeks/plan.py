"""The weekly plan the days are measured against: how many days a week to stretch and to
strengthen, as the articles advise.

Only the default plan exists for now; keeping and editing a plan of one's own is later work.
"""

from __future__ import annotations

from dataclasses import dataclass

PLAN_SOURCE = (
    "004_b08a8e43cb40d0bb.txt: stretch daily or 5 times a week, strengthen 2-3 times a week; "
    "003_f525bfbb801b210a.txt: alternate stretching days with strengthening days"
)
"""Where the default plan comes from (see the psoas inventory, section on frequency)."""

DAYS_A_WEEK = 7


@dataclass(frozen=True, slots=True)
class WeeklyPlan:
    """Days a Monday-Sunday week: `stretch_days` days with stretching (004: daily or 5 times a
    week), `strength_days` days with strengthening (004: 2-3 times a week), never two days of
    strengthening in a row (003: alternate them; 004: a day between)."""

    stretch_days: int = 5
    strength_days: int = 2
    strength_rest_between: bool = True
    """Strengthening wants a day between: two strength days in a row are counted as such."""

    def __post_init__(self) -> None:
        if not 1 <= self.stretch_days <= DAYS_A_WEEK:
            raise ValueError(f"stretch days a week must be 1 to 7, not {self.stretch_days}")
        if not 0 <= self.strength_days <= 4:
            raise ValueError(f"strength days a week must be 0 to 4, not {self.strength_days}")

    @property
    def rest_days(self) -> int:
        """Days a week without a session that the plan allows: 7 - stretch days (2 by
        default); they do not break a streak."""
        return DAYS_A_WEEK - self.stretch_days


DEFAULT_PLAN = WeeklyPlan()
