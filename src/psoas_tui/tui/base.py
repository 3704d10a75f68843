"""Typed access from a screen to the `PsoasApp` it runs in."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, OptionList

from psoas_tui.tui.background import SteadyBackground

if TYPE_CHECKING:
    from psoas_tui.tui.app import PsoasApp


VIM_KEYS = [
    Binding("j", "cursor('down')", "Down", show=False, tooltip="Move down (as ↓)"),
    Binding("k", "cursor('up')", "Up", show=False, tooltip="Move up (as ↑)"),
]
"""j / k beside the arrow keys, for screens with lists."""


class AppScreen(SteadyBackground, Screen[None]):
    """A screen of psoas-tui."""

    def action_cursor(self, direction: str) -> None:
        """Move in whichever list or table has the focus (j / k)."""
        focused = self.focused
        if isinstance(focused, OptionList | DataTable):
            if direction == "down":
                focused.action_cursor_down()
            else:
                focused.action_cursor_up()

    @property
    def psoas(self) -> PsoasApp:
        return cast("PsoasApp", self.app)
