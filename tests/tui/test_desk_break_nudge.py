"""The desk-break nudge while the app is open: at the plan's next break in working hours, on home
only (never over a session), start it, snooze it or let it be."""

from __future__ import annotations

from datetime import datetime

from apps import settle
from textual.timer import Timer

from psoas_tui.player.clock import FakeClock
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.desk_break import DeskBreakNudge
from psoas_tui.tui.screens.player import PlayerScreen
from psoas_tui.weeks.stored_plan import read_plan, save_plan

TEN_PAST_TEN = datetime(2026, 11, 20, 10, 10)  # a Friday


def app_at(now: datetime) -> PsoasApp:
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock(), now=lambda: now)


def due_in(app: PsoasApp) -> float:
    timer = app._nudge_timer
    assert isinstance(timer, Timer)
    return float(timer._interval)


async def test_the_nudge_waits_for_the_next_break_in_working_hours() -> None:
    app = app_at(TEN_PAST_TEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert due_in(app) == 50 * 60  # 11:00, the next hour of the working day
    app = app_at(datetime(2026, 11, 20, 18, 0))  # Friday evening: Monday at 10:00
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert due_in(app) == (2 * 24 + 16) * 3600


async def test_no_nudge_when_the_plan_has_no_desk_breaks(psoas_home: object) -> None:
    from dataclasses import replace

    save_plan(replace(read_plan(), desk_breaks=False))
    app = app_at(TEN_PAST_TEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app._nudge_timer is None


async def test_start_snooze_and_not_now() -> None:
    app = app_at(TEN_PAST_TEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.nudge_desk_break()
        await pilot.pause()
        assert isinstance(app.screen, DeskBreakNudge)
        await pilot.press("z")
        await pilot.pause()
        assert not isinstance(app.screen, DeskBreakNudge) and due_in(app) == 10 * 60
        app.nudge_desk_break()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert due_in(app) == 50 * 60  # not now: the next one
        app.nudge_desk_break()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert app.screen.session.timeline.plan.name == "Desk break"


async def test_a_session_is_never_interrupted() -> None:
    app = app_at(TEN_PAST_TEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.nudge_desk_break()
        await pilot.pause()
        await pilot.press("enter")  # a desk break is on
        await pilot.pause()
        app.nudge_desk_break()  # the next one falls due during it
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)  # no dialog over the session
        assert due_in(app) == 50 * 60
