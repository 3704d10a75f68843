"""What every dialog shares: its widgets scroll when the window is too short for them, and in a
short window it drops its border and margins."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.screen import ModalScreen

from psoas_tui.tui.background import SteadyBackground

ResultType = TypeVar("ResultType")

SHORT_HEIGHT = 20
"""Below this many rows a dialog takes the whole window, without border or margins."""


class Dialog(SteadyBackground, ModalScreen[ResultType]):
    """A modal dialog (its widgets sit in a `VerticalScroll` with the `dialog` class)."""

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < SHORT_HEIGHT, "-short")
