"""A screen's background: the notice in a window too small, the screen below through a
translucent one, and never a screen above it (which would draw it in turn, endlessly)."""

from __future__ import annotations

from apps import settle
from textual._context import visible_screen_stack
from textual.renderables.background_screen import BackgroundScreen

from psoas_tui.player.clock import FakeClock
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.background import screen_background
from psoas_tui.tui.dialogs.confirm import ConfirmDialog
from psoas_tui.tui.window_size import TOO_SMALL_CLASS


async def test_a_dialog_shows_the_screen_below_and_that_screen_never_the_dialog() -> None:
    save_settings(Settings(safety_note_seen=True))
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        await app.push_screen(ConfirmDialog("Sure?", ""))
        await settle(pilot)
        dialog = app.screen
        visible_screen_stack.set([home])
        drawn = screen_background(dialog)
        assert isinstance(drawn, BackgroundScreen) and drawn.screen is home
        # made transparent (as while the window was too small), home is handed the dialog
        home.styles.background = "transparent"
        visible_screen_stack.set([dialog])
        assert not isinstance(screen_background(home), BackgroundScreen)
        # too small: the notice, whatever is below
        dialog.add_class(TOO_SMALL_CLASS)
        visible_screen_stack.set([home])
        assert not isinstance(screen_background(dialog), BackgroundScreen)
