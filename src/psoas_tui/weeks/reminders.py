"""When to remind a desk worker to get up: every `every` minutes within working hours.

The articles say to stand up and move about every hour at the desk (000, "Desk break interval:
about every hour"), so the default is every 60 minutes, 09:00 to 17:00, Monday to Friday. The
first reminder of a day comes one interval after the start (at 10:00: an hour of sitting), the
last one before the end (16:00). Times are naive local times, as the clock gives them; a day of
a daylight-saving change is counted on the wall clock, so a reminder may come an hour early or
late that one day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

DEFAULT_EVERY = 60
"""Minutes between two reminders: the articles' "about every hour"."""
WORKDAYS = frozenset(range(5))
"""Monday (0) to Friday (4), as `date.weekday()` counts them."""
ALL_DAYS = frozenset(range(7))


class ScheduleError(ValueError):
    """A schedule that cannot remind anyone: one line saying why."""


@dataclass(frozen=True, slots=True)
class ReminderSchedule:
    """Every `every` minutes from `start` (exclusive) to `end` (exclusive) on `days`."""

    every: int = DEFAULT_EVERY
    start: time = time(9, 0)
    end: time = time(17, 0)
    days: frozenset[int] = field(default=WORKDAYS)

    def __post_init__(self) -> None:
        if self.every < 1:
            raise ScheduleError(f"--every {self.every}: give at least 1 minute")
        if not self.days or not self.days <= ALL_DAYS:
            raise ScheduleError("no day to remind on")
        if self.start >= self.end:
            raise ScheduleError(f"--from {self.start:%H:%M} is not before --to {self.end:%H:%M}")
        if self._first(date(2000, 1, 3)) >= self._day_end(date(2000, 1, 3)):
            raise ScheduleError(
                f"--every {self.every} leaves no reminder between {self.start:%H:%M} "
                f"and {self.end:%H:%M}"
            )

    @property
    def interval(self) -> timedelta:
        return timedelta(minutes=self.every)

    def _first(self, day: date) -> datetime:
        return datetime.combine(day, self.start) + self.interval

    def _day_end(self, day: date) -> datetime:
        return datetime.combine(day, self.end)

    def reminders_on(self, day: date) -> list[datetime]:
        """Every reminder of `day`, in order (none on a day off)."""
        if day.weekday() not in self.days:
            return []
        found, moment = [], self._first(day)
        while moment < self._day_end(day):
            found.append(moment)
            moment += self.interval
        return found

    def next_reminder(self, now: datetime) -> datetime:
        """The first reminder strictly after `now` (a naive local time)."""
        for offset in range(8):
            day = now.date() + timedelta(days=offset)
            if day.weekday() not in self.days:
                continue
            opening = datetime.combine(day, self.start)
            steps = (now - opening) // self.interval + 1 if now >= opening else 1
            moment = opening + steps * self.interval
            if moment < self._day_end(day):
                return moment
        raise AssertionError("a valid schedule has a reminder every week")  # pragma: no cover
