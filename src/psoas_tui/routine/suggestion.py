"""What to do now: the routine the home screen suggests, and why.

The self-test's routine wins when there is one; otherwise the time of day decides (an hourly desk
break during the day, the bedtime release in the evening). Plain Python, so it is easy to test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Suggestion:
    routine_ref: str
    """A routine id or a path to a routine file."""
    reason: str


def suggest(now: datetime, selftest_routine: str | None = None) -> Suggestion:
    """The suggested routine for `now` (local time)."""
    if selftest_routine:
        return Suggestion(selftest_routine, "made for you by your last self-test")
    hour = now.hour
    if hour >= 21 or hour < 5:
        return Suggestion("bedtime-release", "evening: slow, passive stretches before bed")
    if 5 <= hour < 8:
        return Suggestion("gentle-start", "early morning: start gently while the muscles are cold")
    return Suggestion("desk-break", "a short break every hour beats one long session at the end")
