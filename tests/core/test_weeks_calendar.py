"""The calendar of the last 12 weeks: Monday to Sunday down, oldest week on the left, a level
per day from the minutes worked, future days of this week marked, month labels across month and
year ends; and the one-line headline of the weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from psoas_tui.store.records import SessionRow
from psoas_tui.store.tally import Tally
from psoas_tui.weeks.calendar import calendar, level_of
from psoas_tui.weeks.days import Day, training_days
from psoas_tui.weeks.headline import headline, headline_parts
from psoas_tui.weeks.record import weeks_record


def d(text: str) -> date:
    return date.fromisoformat(text)


def worked(*days: tuple[str, float]) -> dict[date, Day]:
    """Days trained with the minutes worked in each."""
    return {d(text): Day(d(text), 1, minutes * 60, True, False) for text, minutes in days}


def session(day: date, minutes: float, hour: int = 12) -> SessionRow:
    started = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    seconds = minutes * 60
    counted = Tally(("Lunge",), (), 1, 1, seconds, seconds / 2, seconds / 2, seconds, ())
    return SessionRow(1, "r", "R", started, started, "completed", None, counted)


@pytest.mark.parametrize(
    ("minutes", "level"),
    [(0, 0), (0.02, 1), (9.99, 1), (10, 2), (19.9, 2), (20, 3), (29.9, 3), (30, 4), (200, 4)],
)
def test_levels_by_minutes(minutes: float, level: int) -> None:
    assert level_of(minutes) == level


def test_twelve_weeks_monday_down_oldest_left_today_mid_week() -> None:
    today = d("2026-11-19")  # a Thursday
    grid = calendar(worked(("2026-11-19", 12), ("2026-08-31", 35), ("2026-08-30", 5)), today)
    assert len(grid.mondays) == 12 and len(grid.rows) == 7
    assert all(len(row) == 12 for row in grid.rows)
    assert grid.mondays[0] == d("2026-08-31") and grid.mondays[-1] == d("2026-11-16")
    assert [grid.rows[n][0].day.weekday() for n in range(7)] == list(range(7))
    assert grid.rows[0][0].level == 4  # the oldest Monday shown
    assert grid.rows[3][-1].level == 2 and not grid.rows[3][-1].future  # today
    assert [grid.rows[n][-1].future for n in range(7)] == [False] * 4 + [True] * 3
    assert grid.cell(d("2026-08-30")) is None  # the Sunday before: not shown
    assert grid.cell(d("2026-11-23")) is None
    assert sum(cell.level > 0 for row in grid.rows for cell in row) == 2


def test_empty_history_is_all_level_zero() -> None:
    grid = calendar({}, d("2026-11-22"))  # a Sunday: no future days
    cells = [cell for row in grid.rows for cell in row]
    assert len(cells) == 84
    assert {cell.level for cell in cells} == {0}
    assert not any(cell.future for cell in cells)


def test_days_after_today_keep_no_level() -> None:
    grid = calendar(worked(("2026-11-20", 40)), d("2026-11-17"))
    cell = grid.cell(d("2026-11-20"))
    assert cell is not None and cell.future and cell.level == 0


def test_a_year_end_inside_a_week() -> None:
    today = d("2027-01-01")  # a Friday; its week starts on Monday 28 December
    grid = calendar(worked(("2026-12-31", 25), ("2027-01-01", 1)), today)
    assert grid.mondays[-1] == d("2026-12-28")
    assert grid.rows[3][-1].day == d("2026-12-31") and grid.rows[3][-1].level == 3
    assert grid.rows[4][-1].day == d("2027-01-01") and grid.rows[4][-1].level == 1
    assert grid.rows[5][-1].future
    assert grid.month_labels()[-1] == (11, "Jan")


def test_month_labels_mark_the_week_of_each_first() -> None:
    grid = calendar({}, d("2026-11-22"))
    assert grid.mondays[0] == d("2026-08-31")  # 1 September is in the first week
    assert grid.month_labels() == ((0, "Sep"), (4, "Oct"), (8, "Nov"))


def test_of_two_labels_side_by_side_the_later_is_kept() -> None:
    grid = calendar({}, d("2026-12-07"))  # first column: Mon 21 Sep; the next one holds 1 Oct
    assert grid.mondays[:2] == (d("2026-09-21"), d("2026-09-28"))
    assert grid.month_labels() == ((1, "Oct"), (5, "Nov"), (10, "Dec"))
    short = calendar({}, d("2026-10-05"), weeks=2)  # the week of 28 September holds 1 October
    assert short.month_labels() == ((0, "Oct"),)


def test_headline_counts_the_streaks_this_week_and_the_twelve_weeks() -> None:
    today = d("2026-11-19")
    sessions = [session(today - timedelta(days=n), 16) for n in range(6)]
    sessions.append(session(d("2026-09-01"), 100))
    record = weeks_record(sessions, [], today, kind_of=lambda _: "stretch", tz=UTC)
    assert headline(record) == (
        "Streak: current 6 days, longest 6 · this week 4 sessions, 64 min"
        " · 12 weeks: 7 sessions, 3:16"
    )
    assert headline_parts(record)[0] == "Streak: current 6 days, longest 6"
    assert training_days(sessions, lambda _: "stretch", UTC)[today].work_seconds == 960


def test_headline_of_an_empty_history() -> None:
    record = weeks_record([], [], d("2026-11-19"), kind_of=lambda _: None, tz=UTC)
    assert headline(record) == (
        "Streak: current 0 days, longest 0 · this week 0 sessions, 0 min"
        " · 12 weeks: 0 sessions, 0:00"
    )
