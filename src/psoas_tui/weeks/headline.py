"""The weeks in one line, for the history screen: "Streak: current 6 days, longest 14 · this
week 3 sessions, 48 min · 12 weeks: 31 sessions, 9:40"."""

from __future__ import annotations

from psoas_tui.player.describe import plural
from psoas_tui.weeks.record import WeeksRecord


def headline_parts(record: WeeksRecord) -> tuple[str, str, str]:
    """The current and longest streak; this week's sessions and minutes; the sessions and time
    (h:mm) of all the weeks shown."""
    current, longest = record.streaks.current, record.streaks.longest
    this_week = record.weeks[-1]
    total_seconds = sum(week.work_seconds for week in record.weeks)
    total_sessions = sum(week.sessions for week in record.weeks)
    hours, minutes = divmod(round(total_seconds / 60), 60)
    return (
        f"Streak: current {plural(current.days if current else 0, 'day')}, "
        f"longest {longest.days if longest else 0}",
        f"this week {plural(this_week.sessions, 'session')}, "
        f"{round(this_week.work_seconds / 60)} min",
        f"{len(record.weeks)} weeks: {plural(total_sessions, 'session')}, {hours}:{minutes:02d}",
    )


def headline(record: WeeksRecord) -> str:
    """The parts in one line, between dots."""
    return " · ".join(headline_parts(record))
