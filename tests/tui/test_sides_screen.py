"""The Sides screen (s on the history): a row a week of the answers "which side felt tighter or
weaker" and the pain on each side, the call-out, the self-tests side by side; snapshots at 80×24
and 40×12."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from apps import settle
from histories import keep_sided_session
from textual.widgets import Static

from psoas_tui import paths
from psoas_tui.player.clock import FakeClock
from psoas_tui.store.history import History
from psoas_tui.store.records import (
    PainRecord,
    SelfTestRow,
    SideChoice,
)
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.history import HistoryScreen
from psoas_tui.tui.screens.sides import NO_ANSWERS, SidesScreen
from psoas_tui.tui.widgets.side_weeks import SideWeeks

TODAY = date(2026, 11, 19)  # a Thursday
NOON = datetime(2026, 11, 19, 12, 0)
SAID: dict[date, tuple[SideChoice, ...]] = {
    date(2026, 10, 6): ("right", "same"),
    date(2026, 10, 27): ("left",),
    date(2026, 11, 3): ("left", "left", "same"),
    date(2026, 11, 10): ("left", "right"),
    date(2026, 11, 17): ("left", "left", "left"),
}
"""Answers "tighter" by day: 7 of the latest 10 say left."""


def at(day: date, hour: int = 8) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def keep_sides() -> None:
    with History.open(paths.history_db()) as history:
        for day, said in SAID.items():
            for n, choice in enumerate(said):
                started = at(day) + timedelta(hours=n)
                hurts = (PainRecord("groin", 3, "continue", "discomfort"),) if n == 1 else ()
                keep_sided_session(history, started, choice, hurts)
        history.record_selftest(
            SelfTestRow(at(date(2026, 9, 1)), "both", ("left", "right"), ("left",), (), "{}", "{}")
        )
        history.record_selftest(
            SelfTestRow(at(date(2026, 10, 28)), "tight", ("left",), (), (), "{}", "{}")
        )


def app() -> PsoasApp:
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock(), now=lambda: NOON, today=lambda: TODAY)


async def open_sides(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    await pilot.press("s")
    await settle(pilot)


async def test_the_sides_screen_shows_the_weeks_and_calls_out_the_left(in_utc: None) -> None:
    keep_sides()
    async with app().run_test(size=(80, 24)) as pilot:
        await open_sides(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SidesScreen)
        trend = screen.query_one(SideWeeks).trend
        assert trend is not None
        rows = {week.monday: (week.left, week.same, week.right) for week in trend.weeks}
        assert rows[date(2026, 11, 16)] == (3, 0, 0)
        assert rows[date(2026, 11, 2)] == (2, 1, 0)
        assert rows[date(2026, 10, 5)] == (0, 1, 1)
        assert trend.weeks[-1].left_pain == 1  # the second session of a day hurt on the left
        call_out = str(screen.query_one("#sides-call-out", Static).render())
        assert call_out == (
            "Left has felt tighter in 7 of the last 10 answers — the self-test's routine "
            "(of 28 Oct 2026) gives it an extra set."
        )
        tests = str(screen.query_one("#sides-tests", Static).render()).splitlines()
        assert tests == [
            "28 Oct 2026  left  tight",
            "             right clear",
            "01 Sep 2026  left  tight, weak",
            "             right tight",
        ]
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, HistoryScreen)


async def test_with_no_answers_the_screen_says_how_they_come() -> None:
    async with app().run_test(size=(80, 24)) as pilot:
        await open_sides(pilot)
        text = str(pilot.app.screen.query_one("#sides-call-out", Static).render())
        assert text == NO_ANSWERS


def test_snapshot_sides_80x24(snap_compare, in_utc) -> None:  # type: ignore[no-untyped-def]
    keep_sides()
    assert snap_compare(app(), terminal_size=(80, 24), run_before=open_sides)


def test_snapshot_sides_40x12(snap_compare, in_utc) -> None:  # type: ignore[no-untyped-def]
    keep_sides()
    assert snap_compare(app(), terminal_size=(40, 12), run_before=open_sides)
