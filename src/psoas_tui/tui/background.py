"""How a screen draws its background: as Textual does (a translucent screen shows the one
below), except that a window too small shows the notice straight away and a screen never draws
one above it as its background.

Textual draws a translucent screen's background by drawing the next screen down, found on a
per-render list. While the window is too small every screen is transparent (the notice shows
through), and a resize that takes the window back above the minimum could find, before the
styles caught up, a screen drawing one above it as its background, and that one drawing it in
turn: endless recursion (seen once in a few full test runs, a dialog over the editor).
"""

from __future__ import annotations

from typing import cast

from rich.console import RenderableType
from textual._context import visible_screen_stack
from textual.renderables.background_screen import BackgroundScreen
from textual.renderables.blank import Blank
from textual.screen import Screen

from psoas_tui.tui.window_size import TOO_SMALL_CLASS


def screen_background(screen: Screen[object]) -> RenderableType:
    """What `screen.render()` gives: the notice in a window too small, else its background
    (a translucent one over the screen below it in the stack, never one above it)."""
    app = screen.app
    if screen.has_class(TOO_SMALL_CLASS):
        return cast(RenderableType, app.render())
    background = screen.styles.background
    try:
        below = visible_screen_stack.get().pop()
    except LookupError:
        below = None
    stack = app.screen_stack
    if (
        below is not None
        and background.a < 1
        and below in stack
        and screen in stack
        and stack.index(below) < stack.index(screen)
    ):
        return BackgroundScreen(below, background)
    if background.is_transparent:
        return cast(RenderableType, app.render())
    return cast(RenderableType, Blank(background))


class SteadyBackground:
    """Mixed into a screen class (first): its background is drawn by `screen_background`."""

    def render(self) -> RenderableType:
        return screen_background(cast("Screen[object]", self))
