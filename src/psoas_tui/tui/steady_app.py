"""`SteadyApp`, the app's base: no window size, burst of keys or ending can crash its screens.

- Below `window_size.MINIMUM` every screen's widgets are hidden and a notice gives the window's
  size and the size needed; the screens come back as they were when the window grows.
- Once the app is asked to end, input is ignored and no screen opens: Textual mounts no widget
  once the app is exiting, yet a new screen's `on_mount` would still run and look for them.
- A screen that is no longer current cannot close the one on top (`Screen.dismiss` pops
  whatever is on top, and a key queued before a screen closed can make it dismiss itself again).
- A worker of a screen already closed that no longer finds its widgets is not a crash: keys
  queued for the command palette before it closed start a search in it.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Literal, overload

from textual import events
from textual._context import active_message_pump
from textual.app import App, RenderResult
from textual.await_complete import AwaitComplete
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.screen import Screen, ScreenResultCallbackType, ScreenResultType
from textual.widget import AwaitMount, Widget
from textual.worker import NoActiveWorker, WorkerFailed, get_current_worker

from psoas_tui.tui.window_size import TOO_SMALL_CLASS, is_too_small, too_small_notice

if TYPE_CHECKING:
    from rich.console import RenderableType


class SteadyApp(App[None]):
    """An `App` whose screens survive any window size, fast typing and its own ending."""

    def __init__(self) -> None:
        super().__init__()
        self.ending = False
        """True once the app is asked to end (`exit`, or an unexpected error)."""

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, lambda _: self._fit_window(self.size))
        self._fit_window(self.size)

    # --- a window too small ------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self._fit_window(event.size)

    def _fit_window(self, size: Size) -> None:
        """Below the minimum size, hide every screen's widgets and draw the notice instead
        (on each resize, and on each screen opened or closed)."""
        small = is_too_small(size)
        for screen in self.screen_stack:
            screen.set_class(small, TOO_SMALL_CLASS)
            if small:
                screen.refresh()  # the notice shows the current size

    def render(self) -> RenderResult:
        """The background of every screen: the notice while the window is too small."""
        if is_too_small(self.size):
            return too_small_notice(self.size, self.screen.rich_style)
        return super().render()

    # --- the screen stack --------------------------------------------------------------
    if TYPE_CHECKING:

        @overload
        def push_screen(
            self,
            screen: Screen[ScreenResultType] | str,
            callback: ScreenResultCallbackType[ScreenResultType] | None = None,
            wait_for_dismiss: Literal[False] = False,
            *,
            mode: str | None = None,
        ) -> AwaitMount: ...

        @overload
        def push_screen(
            self,
            screen: Screen[ScreenResultType] | str,
            callback: ScreenResultCallbackType[ScreenResultType] | None = None,
            wait_for_dismiss: Literal[True] = True,
            *,
            mode: str | None = None,
        ) -> asyncio.Future[ScreenResultType]: ...

    def push_screen(
        self,
        screen: Screen[ScreenResultType] | str,
        callback: ScreenResultCallbackType[ScreenResultType] | None = None,
        wait_for_dismiss: bool = False,
        *,
        mode: str | None = None,
    ) -> AwaitMount | asyncio.Future[ScreenResultType]:
        """Push a screen, unless the app is ending (a key, a timer, a worker or a dialog's
        answer may open one just after quitting): it would get none of its widgets."""
        if self.ending:
            if wait_for_dismiss:  # nothing will ever answer
                refused: asyncio.Future[ScreenResultType] = asyncio.Future()
                refused.cancel()
                return refused
            return AwaitMount(screen if isinstance(screen, Screen) else self.screen, [])
        if wait_for_dismiss:
            return super().push_screen(screen, callback, wait_for_dismiss=True, mode=mode)
        return super().push_screen(screen, callback, wait_for_dismiss=False, mode=mode)

    def pop_screen(self) -> AwaitComplete:
        """Pop the current screen, unless a screen that is no longer current asks: two enters
        in a burst on the command palette make it dismiss itself twice, and the second would
        close the screen under it — the player, or the last screen of all. (Textual's own
        `Screen.dismiss` reads the calling message pump the same way.)"""
        caller = active_message_pump.get(None)
        if isinstance(caller, Widget) and (
            not caller.is_attached or caller.screen is not self.screen
        ):
            return AwaitComplete()  # nothing to wait for
        return super().pop_screen()

    # --- ending --------------------------------------------------------------------------
    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        """End the app: from now on `ending` is True."""
        self.ending = True
        super().exit(result, return_code, message)

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error ends the app too (unless `failed_after_closing`)."""
        if self.failed_after_closing(error):
            return
        self.ending = True
        super()._handle_exception(error)

    def failed_after_closing(self, error: Exception) -> bool:
        """True for a worker of a screen that is closed (or closing) failing to find one of its
        widgets: the screen is gone, and its work with it."""
        if not (isinstance(error, WorkerFailed) and isinstance(error.error, NoMatches)):
            return False
        try:
            node = get_current_worker().node
        except NoActiveWorker:
            return False
        if not isinstance(node, Widget):
            return False  # the app's own work
        return not node.is_attached or node.screen not in self.screen_stack

    async def on_event(self, event: events.Event) -> None:
        """Input that arrives once the app is ending is ignored: a key typed just after `q`
        (as in a burst of keys: "qs") must not start anything."""
        if self.ending and isinstance(event, events.InputEvent) and not event.is_forwarded:
            return
        await super().on_event(event)
