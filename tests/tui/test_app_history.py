"""The app owns one history database: home, the history screen and the player share it, a
session still open when the app ends reads as interrupted, and the database is closed then."""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import advance, plan_from, player_app, settle

from psoas_tui import paths
from psoas_tui.player.clock import FakeClock
from psoas_tui.store.history import History
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.history import HistoryScreen
from psoas_tui.tui.screens.home import HomeScreen
from psoas_tui.tui.screens.player import PlayerScreen


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[History]:
    """Every history database opened while the test runs."""
    found: list[History] = []
    real_open = History.open

    def counting_open(path: Path) -> History:
        history = real_open(path)
        found.append(history)
        return history

    monkeypatch.setattr(History, "open", counting_open)
    return found


async def test_home_history_and_player_share_one_history_closed_at_the_end(
    opened: list[History],
) -> None:
    save_settings(Settings(safety_note_seen=True))
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        app.play(plan_from())
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        await advance(app, pilot, 5 + 10)  # ten seconds into the first hold
        await pilot.press("q", "y", "enter")  # quit the session, close the summary
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "quit          0:10" in str(app.screen.query_one("#recent-list").render())
        assert len(opened) == 1 and not opened[0].closed
    assert opened[0].closed


async def test_a_session_open_when_the_app_ends_reads_as_interrupted() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
    with History.open(paths.history_db()) as history:
        (session,) = history.sessions()
    assert session.outcome == "interrupted"
