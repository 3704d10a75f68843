"""Typed access from a screen to the `PsoasApp` it runs in."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from psoas_tui.tui.app import PsoasApp


class AppScreen(Screen[None]):
    """A screen of psoas-tui."""

    @property
    def psoas(self) -> PsoasApp:
        return cast("PsoasApp", self.app)
