"""What is due today: stretch or strength against the week's plan, a day between strength days,
nothing more once the plan is met."""

from __future__ import annotations

from datetime import UTC, date, datetime

from psoas_tui.store.records import SessionRow
from psoas_tui.store.tally import Tally
from psoas_tui.weeks.days import training_days
from psoas_tui.weeks.due import STRENGTH_ROUTINE, STRETCH_ROUTINE, Due, due_today
from psoas_tui.weeks.plan import WeeklyPlan
from psoas_tui.weeks.record import weeks_record

KINDS = {"Lunge": "stretch", "Dead bug": "strengthen"}
STRETCH = ("Lunge",)
STRENGTH = ("Dead bug",)
BOTH = ("Lunge", "Dead bug")


def kind_of(name: str) -> str | None:
    return KINDS.get(name)


def session(day: str, names: tuple[str, ...]) -> SessionRow:
    when = date.fromisoformat(day)
    started = datetime(when.year, when.month, when.day, 12, tzinfo=UTC)
    counted = Tally(names, (), 1, 1, 120.0, 60.0, 60.0, 120.0, ())
    return SessionRow(1, "r", "R", started, started, "completed", None, counted)


def due(
    today: str,
    *done: tuple[str, tuple[str, ...]],
    plan: WeeklyPlan | None = None,
    selftest: str | None = None,
) -> Due:
    sessions = [session(day, names) for day, names in done]
    record = weeks_record(
        sessions, [], date.fromisoformat(today), plan or WeeklyPlan(), kind_of, UTC
    )
    return due_today(record, training_days(sessions, kind_of, UTC), selftest)


# 2026-11-16 is a Monday, 2026-11-22 a Sunday.


def test_an_empty_history_asks_for_a_stretch() -> None:
    assert due("2026-11-16") == Due("stretch", "0 of 5 stretch days this week", STRETCH_ROUTINE)


def test_the_selftest_routine_is_the_stretch_routine() -> None:
    assert due("2026-11-16", selftest="/home/me/mine.toml").routine_ref == "/home/me/mine.toml"


def test_stretch_is_needed_after_a_strength_day() -> None:
    found = due("2026-11-18", ("2026-11-16", STRETCH), ("2026-11-17", STRENGTH))
    assert found == Due("stretch", "1 of 5 stretch days this week", STRETCH_ROUTINE)


def test_strength_comes_first_when_putting_it_off_leaves_the_week_short() -> None:
    # Thursday on: 4 days left, 2 strength days needed fit only today and Saturday
    done = [(f"2026-11-{n}", STRETCH) for n in (16, 17, 18)]
    found = due("2026-11-19", *done)
    assert found == Due("strength", "0 of 2 strength days this week", STRENGTH_ROUTINE)


def test_stretch_wins_a_tie() -> None:
    # Monday: 7 days hold 5 stretch days with 2 to spare, and 4 strength days (2 needed)
    assert due("2026-11-16").kind == "stretch"


def test_strength_fits_later_the_same_day_as_a_stretch_when_the_week_needs_it() -> None:
    found = due("2026-11-16", ("2026-11-16", STRETCH))
    assert found == Due("strength", "0 of 2 strength days this week", STRENGTH_ROUTINE)


def test_strength_days_are_not_back_to_back() -> None:
    # stretch met, strength needed, but yesterday was strength: a day between
    done = [(f"2026-11-{n}", STRETCH) for n in (16, 17, 18, 19, 20)]
    found = due("2026-11-21", *done, ("2026-11-20", STRENGTH))
    assert found.kind == "rest"
    assert found.reason.startswith("strength yesterday: leave a day between")
    assert found.routine_ref is None


def test_the_day_between_counts_across_the_week_end() -> None:
    # strength last Sunday; a stretch is what is due this Monday
    only_strength = WeeklyPlan(stretch_days=1, strength_days=2)
    found = due("2026-11-23", ("2026-11-22", STRENGTH), plan=only_strength)
    assert found.kind == "stretch"
    found = due("2026-11-23", ("2026-11-22", STRENGTH), ("2026-11-23", STRETCH), plan=only_strength)
    assert found.kind == "done"


def test_a_week_that_met_the_plan_asks_for_nothing() -> None:
    done = [(f"2026-11-{n}", STRETCH) for n in (16, 17, 18, 19, 20)]
    done += [("2026-11-17", STRENGTH), ("2026-11-19", STRENGTH)]
    assert due("2026-11-21", *done) == Due("rest", "this week's plan is met: a rest day", None)
    found = due("2026-11-20", *done)
    assert found == Due("done", "stretched today; this week's plan is met", None)


def test_done_for_today() -> None:
    # stretched today, and strength was yesterday
    found = due("2026-11-18", ("2026-11-17", STRENGTH), ("2026-11-18", STRETCH))
    assert found == Due("done", "stretched today: 1 of 5 stretch days this week", None)
    assert not found.startable


def test_a_session_of_both_kinds_counts_for_both() -> None:
    found = due("2026-11-16", ("2026-11-16", BOTH))
    assert found.kind == "done"
    assert found.reason == "stretched and strengthened today: 1 of 5 stretch days this week"
