"""Weeks, not sessions: days trained, streaks across plan rest days and month, year and week
ends, this week against the plan, weekly totals and the per-side record, on an injected today."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from cli_runs import run

from psoas_tui import paths
from psoas_tui.store.history import History
from psoas_tui.store.records import PainRecord, SegmentRecord, SelfTestRow, SessionRow, SessionStart
from psoas_tui.store.tally import Tally
from psoas_tui.weeks.days import catalogue_kind, training_days, week_of
from psoas_tui.weeks.plan import DEFAULT_PLAN, PLAN_SOURCE, WeeklyPlan
from psoas_tui.weeks.record import WEEKS_SHOWN, weeks_record
from psoas_tui.weeks.streaks import Streak, streaks

KINDS = {"Lunge": "stretch", "Dead bug": "strengthen", "Foam roll": "release"}


def kind_of(name: str) -> str | None:
    return KINDS.get(name)


def session(
    day: date,
    names: tuple[str, ...] = ("Lunge",),
    work: float = 120.0,
    hour: int = 12,
    pain: int = 0,
) -> SessionRow:
    started = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    reports = tuple(("Lunge", PainRecord("groin", 4, "carry on")) for _ in range(pain))
    counted = Tally(names, (), 1, 1, work, work / 2, work / 2, work, reports)
    return SessionRow(1, "r", "R", started, started, "completed", None, counted)


def trained(*days: date) -> set[date]:
    return set(days)


def d(text: str) -> date:
    return date.fromisoformat(text)


def span(first: str, last: str) -> list[date]:
    start, end = d(first), d(last)
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def test_the_default_plan_comes_from_the_articles() -> None:
    assert (DEFAULT_PLAN.stretch_days, DEFAULT_PLAN.strength_days) == (5, 2)
    assert DEFAULT_PLAN.rest_days == 2
    assert "004_b08a8e43cb40d0bb" in PLAN_SOURCE
    with pytest.raises(ValueError, match="stretch days"):
        WeeklyPlan(stretch_days=8)


def test_a_week_starts_on_monday_across_month_and_year_ends() -> None:
    assert week_of(d("2026-11-22")) == d("2026-11-16")  # a Sunday
    assert week_of(d("2026-11-16")) == d("2026-11-16")  # a Monday
    assert week_of(d("2027-01-01")) == d("2026-12-28")
    assert week_of(d("2026-03-01")) == d("2026-02-23")


def test_two_rest_days_a_week_keep_the_streak() -> None:
    # Mon 9 Nov to Sun 15 Nov 2026, rest on Tue and Thu
    days = trained(d("2026-11-09"), d("2026-11-11"), d("2026-11-13"), d("2026-11-14"))
    days.add(d("2026-11-15"))
    found = streaks(days, d("2026-11-15"))
    assert found.current == Streak(d("2026-11-09"), d("2026-11-15"))
    assert found.current.days == 7


def test_a_third_rest_day_in_a_week_breaks_the_streak() -> None:
    # Mon trained, Tue and Wed rest, Thu trained, Fri rest (the third), Sat rest, Sun trained
    days = trained(d("2026-11-09"), d("2026-11-12"), d("2026-11-15"))
    found = streaks(days, d("2026-11-15"))
    assert found.current == Streak(d("2026-11-15"), d("2026-11-15"))
    assert found.longest == Streak(d("2026-11-09"), d("2026-11-12"))
    assert found.longest.days == 4


def test_a_plan_of_daily_stretching_allows_no_rest_day() -> None:
    days = trained(d("2026-11-09"), d("2026-11-11"))
    found = streaks(days, d("2026-11-11"), WeeklyPlan(stretch_days=7))
    assert found.current is not None and found.current.days == 1


def test_rest_days_are_counted_afresh_from_monday() -> None:
    # week of 9 Nov: rest Tue 10 and Sat 14; week of 16 Nov: rest Mon 16 is its first
    days = set(span("2026-11-09", "2026-11-17")) - {d("2026-11-10"), d("2026-11-14")}
    days.discard(d("2026-11-16"))
    assert streaks(days, d("2026-11-17")).current == Streak(d("2026-11-09"), d("2026-11-17"))
    # a rest on Sun 15 as well is the third of its week
    days.discard(d("2026-11-15"))
    found = streaks(days, d("2026-11-17"))
    assert found.current == Streak(d("2026-11-17"), d("2026-11-17"))
    assert found.longest == Streak(d("2026-11-09"), d("2026-11-13"))


def test_a_streak_runs_across_a_month_end() -> None:
    days = set(span("2027-01-29", "2027-02-02"))
    assert streaks(days, d("2027-02-02")).current == Streak(d("2027-01-29"), d("2027-02-02"))
    # Sun 31 Jan ends one week and Mon 1 Feb starts the next: each allows its own rest days
    days = set(span("2027-01-25", "2027-02-02")) - {d("2027-01-26"), d("2027-01-27")}
    days -= {d("2027-02-01")}
    found = streaks(days, d("2027-02-02"))
    assert found.current == Streak(d("2027-01-25"), d("2027-02-02"))
    assert found.current.days == 9


def test_a_streak_runs_across_a_year_end_in_one_week() -> None:
    days = set(span("2026-12-30", "2027-01-02"))
    assert streaks(days, d("2027-01-02")).current == Streak(d("2026-12-30"), d("2027-01-02"))
    # Mon 28 Dec to Sun 3 Jan is one week: a rest on 1 Jan is its third
    days = trained(d("2026-12-28"), d("2026-12-31"), d("2027-01-02"))
    found = streaks(days, d("2027-01-02"))
    assert found.current == Streak(d("2027-01-02"), d("2027-01-02"))
    assert found.longest == Streak(d("2026-12-28"), d("2026-12-31"))


def test_today_without_a_session_yet_does_not_break_the_streak() -> None:
    days = trained(d("2026-11-16"), d("2026-11-17"), d("2026-11-18"))
    # Thu and Fri rest, Sat is today: still going
    assert streaks(days, d("2026-11-21")).current == Streak(d("2026-11-16"), d("2026-11-18"))
    # on Sun the Sat is a third rest day
    assert streaks(days, d("2026-11-22")).current is None


def test_the_longest_streak_and_days_after_today() -> None:
    days = set(span("2026-10-01", "2026-10-14")) | set(span("2026-11-20", "2026-11-22"))
    days.add(d("2026-11-30"))
    found = streaks(days, d("2026-11-22"))
    assert found.current is not None and found.current.days == 3
    assert found.longest is not None and found.longest.days == 14


def test_no_days_no_streak() -> None:
    found = streaks(set(), d("2026-11-22"))
    assert found.current is None and found.longest is None


def test_days_count_only_real_work_in_local_time() -> None:
    rows = [
        session(d("2026-11-20")),
        session(d("2026-11-20"), ("Dead bug",), work=60),
        session(d("2026-11-21"), work=0.4),
        session(d("2026-11-21"), hour=23),
    ]
    days = training_days(rows, kind_of, UTC)
    assert sorted(days) == [d("2026-11-20"), d("2026-11-21")]
    assert days[d("2026-11-20")].sessions == 2
    assert days[d("2026-11-20")].work_seconds == 180
    assert days[d("2026-11-20")].stretch and days[d("2026-11-20")].strength
    ahead = timezone(timedelta(hours=2))
    assert sorted(training_days(rows, kind_of, ahead)) == [d("2026-11-20"), d("2026-11-22")]


def test_kinds_of_a_session() -> None:
    rows = [
        session(d("2026-11-16"), ("Dead bug",)),
        session(d("2026-11-17"), ("Foam roll",)),
        session(d("2026-11-18"), ("Something new",)),
    ]
    days = training_days(rows, kind_of, UTC)
    assert (days[d("2026-11-16")].stretch, days[d("2026-11-16")].strength) == (False, True)
    assert (days[d("2026-11-17")].stretch, days[d("2026-11-17")].strength) == (True, False)
    assert (days[d("2026-11-18")].stretch, days[d("2026-11-18")].strength) == (True, False)
    assert catalogue_kind("Seated leg raise") == "strengthen"
    assert catalogue_kind("Couch stretch") == "stretch"
    assert catalogue_kind("Nothing of the sort") is None


def test_a_session_is_the_kind_most_of_its_exercises_are() -> None:
    rows = [
        session(d("2026-11-16"), ("Lunge", "Foam roll", "Lunge", "Dead bug")),  # ends with bridges
        session(d("2026-11-17"), ("Dead bug", "Dead bug", "Lunge")),
        session(d("2026-11-18"), ("Dead bug", "Lunge")),
    ]
    days = training_days(rows, kind_of, UTC)
    assert (days[d("2026-11-16")].stretch, days[d("2026-11-16")].strength) == (True, False)
    assert (days[d("2026-11-17")].stretch, days[d("2026-11-17")].strength) == (False, True)
    assert (days[d("2026-11-18")].stretch, days[d("2026-11-18")].strength) == (True, True)


def test_this_weeks_progress_against_the_plan() -> None:
    rows = [
        session(d("2026-11-15")),  # last week's Sunday
        session(d("2026-11-16")),
        session(d("2026-11-17"), ("Dead bug", "Lunge")),
        session(d("2026-11-18"), ("Dead bug",)),
        session(d("2026-11-20")),
    ]
    record = weeks_record(rows, [], d("2026-11-20"), kind_of=kind_of, tz=UTC)
    assert record.week.monday == d("2026-11-16")
    assert (record.week.stretch_days, record.week.strength_days) == (3, 2)
    assert record.week.strength_back_to_back == 1
    data = record.as_json()
    assert data["week"]["stretch_days"] == {"done": 3, "planned": 5}
    assert data["week"]["strength_days"] == {"done": 2, "planned": 2}
    assert data["streak"]["current"] == {"days": 6, "first": "2026-11-15", "last": "2026-11-20"}


def test_weekly_totals_of_the_last_twelve_weeks() -> None:
    rows = [
        session(d("2026-11-22"), work=600),
        session(d("2026-11-16"), work=300),
        session(d("2026-11-16"), work=300),
        session(d("2026-09-01"), work=60),  # in week 12 back
        session(d("2026-08-30"), work=60),  # 13 weeks back: left out
    ]
    record = weeks_record(rows, [], d("2026-11-22"), kind_of=kind_of, tz=UTC)
    assert len(record.weeks) == WEEKS_SHOWN
    assert record.weeks[0].monday == d("2026-08-31")
    assert record.weeks[-1].monday == d("2026-11-16")
    assert (record.weeks[-1].sessions, record.weeks[-1].days) == (3, 2)
    assert record.weeks[-1].work_seconds == 1200
    assert record.weeks[0].sessions == 1
    assert sum(week.sessions for week in record.weeks[1:-1]) == 0


def test_the_per_side_record() -> None:
    rows = [session(d("2026-11-20"), work=120, pain=2), session(d("2026-11-21"), work=60)]
    tests = [
        SelfTestRow(datetime(2026, 11, 1, tzinfo=UTC), "tight", ("left",), (), (), "{}", "{}"),
        SelfTestRow(datetime(2026, 11, 10, tzinfo=UTC), "both", ("left",), ("right",), (), "", ""),
        SelfTestRow(datetime(2026, 12, 1, tzinfo=UTC), "neither", (), (), (), "{}", "{}"),
    ]
    sides = weeks_record(rows, tests, d("2026-11-22"), kind_of=kind_of, tz=UTC).sides
    assert (sides.left_seconds, sides.right_seconds, sides.pain_reports) == (90, 90, 2)
    assert sides.selftest_taken == d("2026-11-10")
    assert (sides.tight_sides, sides.weak_sides) == (("left",), ("right",))


def test_an_empty_history() -> None:
    record = weeks_record([], [], d("2026-11-22"), kind_of=kind_of, tz=UTC)
    data = record.as_json()
    assert data["week"]["stretch_days"] == {"done": 0, "planned": 5}
    assert data["streak"]["current"] == {"days": 0, "first": None, "last": None}
    assert data["streak"]["longest"]["days"] == 0
    assert [week["sessions"] for week in data["weeks"]] == [0] * WEEKS_SHOWN
    assert data["sides"]["selftest"] is None


# --- psoas stats ---------------------------------------------------------------------------


def _keep(day: date, name: str, seconds: float = 120) -> None:
    when = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    with History.open(paths.history_db()) as history:
        number = history.start_session(SessionStart("r", "R", "", seconds, when))
        segment = SegmentRecord(0, "hold", "x", name, "left", 1, 1, "done", seconds, seconds)
        history.record_segments(number, [segment])
        history.end_session(number, "completed", when)


def test_stats_as_json(psoas_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for day in span("2026-11-14", "2026-11-20"):
        _keep(day, "Couch stretch")
    _keep(d("2026-11-18"), "Seated leg raise")
    code, out, err = run(capsys, "stats", "--today", "2026-11-22", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["today"] == "2026-11-22"
    assert data["week"]["stretch_days"] == {"done": 5, "planned": 5}
    assert data["week"]["strength_days"] == {"done": 1, "planned": 2}
    assert data["streak"]["current"]["days"] == 7
    assert data["weeks"][-1] == {"monday": "2026-11-16", "sessions": 6, "days": 5, "minutes": 12.0}
    assert data["sides"]["left_minutes"] == 16.0


def test_stats_as_text(psoas_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _keep(d("2026-11-20"), "Couch stretch")
    code, out, _ = run(capsys, "stats", "--today", "2026-11-22")
    assert code == 0
    assert "This week (from Mon 16 Nov): 1 of 5 stretch days, 0 of 2 strength days" in out
    assert "Streak: current 1 day, longest 1 day" in out


def test_stats_with_no_history(psoas_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", "--today", "2026-11-22")
    assert code == 0
    assert "0 of 5 stretch days" in out


@pytest.mark.parametrize("text", ["2026-13-01", "yesterday", "20261122", ""])
def test_stats_with_a_bad_today(
    psoas_home: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    code, out, err = run(capsys, "stats", "--today", text)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "--today" in err


def test_stats_with_an_unreadable_history(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.history_db().mkdir(parents=True)  # a folder where the file should be
    code, out, err = run(capsys, "stats", "--json")
    assert (code, out) == (1, "")
    assert err.startswith("psoas: ") and err.count("\n") == 1


def test_stats_text_lists_twelve_weeks(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _keep(d("2026-11-20"), "Couch stretch")
    _keep(d("2026-11-21"), "Couch stretch")
    _, out, _ = run(capsys, "stats", "--today", "2026-11-22")
    weeks = [line for line in out.splitlines() if line.startswith("  2026-")]
    assert len(weeks) == 12
    assert weeks[-1] == "  2026-11-16    2     4  ##"
    assert weeks[0] == "  2026-08-31    0     0"
