"""The history screen's last 12 weeks: the heat map shows the days sessions were logged on (by
the app's injected today), the line of streaks and totals beside it; a snapshot at 80×24 with
12 weeks of sessions; the map left out in a short window."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from apps import settle

from psoas_tui import paths
from psoas_tui.player.clock import FakeClock
from psoas_tui.player.timeline import build_timeline
from psoas_tui.routine.library import discover
from psoas_tui.services.logged_session import logged_session, write_logged
from psoas_tui.store.history import History
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.history import HistoryScreen
from psoas_tui.tui.widgets.heat_map import HeatMap

TODAY = date(2026, 11, 19)  # a Thursday
NOON = datetime(2026, 11, 19, 12, 0)


def log(day: date, routine_id: str = "desk-break", hour: int = 7) -> None:
    """`psoas log ROUTINE --date DAY`, at `hour` UTC."""
    loaded = next(e.loaded for e in discover() if e.routine_id == routine_id)
    assert loaded is not None
    started = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    with History.open(paths.history_db()) as history:
        write_logged(history, logged_session(build_timeline(loaded.plan), started), None)


def app() -> PsoasApp:
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock(), now=lambda: NOON, today=lambda: TODAY)


def screen_text(app: PsoasApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_the_map_shows_the_days_logged(in_utc: None) -> None:
    log(TODAY)  # desk break: 3:40 of holds, level 1
    log(TODAY - timedelta(days=1), "desk-worker-both")  # 19:40: level 2
    log(TODAY - timedelta(days=1), "tight-psoas")  # and 8:30 more: level 3
    log(date(2026, 8, 31), "desk-worker-both", hour=9)  # the oldest Monday shown
    log(date(2026, 8, 31), "desk-worker-both", hour=10)  # 39:20 in all: level 4
    log(date(2026, 8, 30))  # the Sunday before: not shown
    async with app().run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HistoryScreen)
        grid = pilot.app.screen.query_one(HeatMap).calendar
        assert grid is not None
        levels = {cell.day: cell.level for row in grid.rows for cell in row if cell.level}
        assert levels == {TODAY: 1, TODAY - timedelta(days=1): 3, date(2026, 8, 31): 4}
        text = screen_text(pilot.app).splitlines()
        assert text[2].startswith(" M ██ ·· ··")  # the oldest Monday
        assert text[4][:39].rstrip().endswith("▓▓")  # yesterday, Wednesday
        assert text[5][:39].rstrip().endswith("░░")  # today, Thursday
        assert text[6][:39].rstrip().endswith("··")  # Friday of the week before: no work
        assert text[6][36:39] == "   "  # Friday this week: still to come
        assert "Streak: current 2 days, longest 2" in text[2]
        assert "this week 3 sessions, 32 min" in text[3]
        assert "12 weeks: 5 sessions, 1:11" in text[4]
        assert "less ░░ ▒▒ ▓▓ ██ more" in text[9]


async def test_a_short_window_leaves_the_map_out(in_utc: None) -> None:
    log(TODAY)
    async with app().run_test(size=(80, 16)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        heat_map = pilot.app.screen.query_one(HeatMap)
        assert not heat_map.display or heat_map.region.height == 0
        text = screen_text(pilot.app)
        assert "Streak: current 1 day, longest 1 · this week 1 session, 4 min" in text
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert heat_map.region.height == 9


@pytest.fixture
def twelve_weeks(in_utc: None) -> None:
    """Sessions on most days of the 12 weeks, of four lengths, and a few of two sessions."""
    routines = ("desk-break", "tight-psoas", "desk-worker-both", "gentle-start")
    for n in range(84):
        day = TODAY - timedelta(days=n)
        if n % 7 in (2, 5) or n % 11 == 3:
            continue
        log(day, routines[n % 4])
        if n % 9 == 0:
            log(day, "tight-psoas", hour=18)


def test_snapshot_twelve_weeks(snap_compare, twelve_weeks) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)
