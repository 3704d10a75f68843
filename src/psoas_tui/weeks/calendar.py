"""The calendar of the last weeks: one cell a day, Monday to Sunday down, the weeks across (the
oldest on the left, this week on the right), each day at a level of the minutes worked in it.

The levels (minutes in holds and reps that day, as `weeks.days` counts them):

- 0: no session that did real work;
- 1: under 10 minutes;
- 2: 10 to under 20 minutes;
- 3: 20 to under 30 minutes;
- 4: 30 minutes or more.

The days of this week after `today` are **future** days: they have no level yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from psoas_tui.weeks.days import Day, week_of
from psoas_tui.weeks.record import WEEKS_SHOWN

LEVEL_MINUTES = (10, 20, 30)
"""Minutes a day that reach levels 2, 3 and 4 (any work at all is level 1)."""
LEVELS = 5
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""Month names for the labels (the same in every locale, like the rest of the app's text)."""


def level_of(minutes: float) -> int:
    """The level, 0 to 4, of a day with `minutes` worked."""
    if minutes <= 0:
        return 0
    return 1 + sum(minutes >= threshold for threshold in LEVEL_MINUTES)


@dataclass(frozen=True, slots=True)
class Cell:
    """One day of the calendar."""

    day: date
    minutes: float
    level: int
    future: bool


@dataclass(frozen=True, slots=True)
class Calendar:
    """`weeks` Monday-Sunday weeks up to the one `today` is in."""

    today: date
    mondays: tuple[date, ...]
    """The first day of each week, oldest first."""
    rows: tuple[tuple[Cell, ...], ...]
    """Seven rows, Monday first; each holds one cell a week, oldest first."""

    def cell(self, day: date) -> Cell | None:
        """The cell of `day`, None when the calendar does not show it."""
        column, weekday = divmod((day - self.mondays[0]).days, 7)
        if day < self.mondays[0] or column >= len(self.mondays):
            return None
        return self.rows[weekday][column]

    def month_labels(self) -> tuple[tuple[int, str], ...]:
        """(column, month name) for each week with a month's first day, and for the first
        column (the month of its Sunday); of two labels in columns side by side only the later
        one is kept (there is no room for both)."""
        labels: list[tuple[int, str]] = []
        for column, monday in enumerate(self.mondays):
            sunday = monday + timedelta(days=6)
            if column > 0 and sunday.day > 7:  # no month starts in this week
                continue
            if labels and column - labels[-1][0] < 2:
                labels.pop()
            labels.append((column, MONTHS[sunday.month - 1]))
        return tuple(labels)


def calendar(days: Mapping[date, Day], today: date, weeks: int = WEEKS_SHOWN) -> Calendar:
    """The calendar of the `weeks` weeks up to `today`'s, from the days trained (see
    `weeks.days.training_days`)."""
    first = week_of(today) - timedelta(weeks=weeks - 1)
    mondays = tuple(first + timedelta(weeks=n) for n in range(weeks))
    rows = []
    for weekday in range(7):
        row = []
        for monday in mondays:
            day = monday + timedelta(days=weekday)
            trained = days.get(day)
            minutes = 0.0 if trained is None or day > today else trained.work_seconds / 60
            row.append(Cell(day, minutes, level_of(minutes), day > today))
        rows.append(tuple(row))
    return Calendar(today, mondays, tuple(rows))
