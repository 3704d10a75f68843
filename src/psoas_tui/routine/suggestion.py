"""What to do now: the routine the home screen suggests, and why.

The self-test's routine wins when there is one; otherwise the time of day decides (an hourly desk
break during the day, the bedtime release in the evening). When the last self-test said to see a
professional, nothing is suggested until a later self-test allows it. Plain Python, so it is easy
to test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Suggestion:
    routine_ref: str | None
    """A routine id or a path to a routine file; None: no routine is suggested."""
    reason: str


SEE_PROFESSIONAL_FIRST = (
    "your last self-test said to see a physiotherapist or doctor before these exercises, so no "
    "routine is suggested; take the self-test again once they say it is fine"
)


def suggest(
    now: datetime, selftest_routine: str | None = None, see_professional: bool = False
) -> Suggestion:
    """The suggested routine for `now` (local time); none when the last self-test said to see
    a professional (`see_professional`)."""
    if see_professional:
        return Suggestion(None, SEE_PROFESSIONAL_FIRST)
    if selftest_routine:
        return Suggestion(selftest_routine, "made for you by your last self-test")
    hour = now.hour
    if hour >= 21 or hour < 5:
        return Suggestion("bedtime-release", "evening: slow, passive stretches before bed")
    if 5 <= hour < 8:
        return Suggestion("gentle-start", "early morning: start gently while the muscles are cold")
    return Suggestion("desk-break", "a short break every hour beats one long session at the end")
