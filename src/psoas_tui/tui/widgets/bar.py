"""A light progress bar: a line of `━` that fills from the left.

Textual's ProgressBar keeps a timer of its own (for its ETA) that redraws it every second; the
player already knows when its bars change, so this one draws only when told.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class Bar(Widget):
    """Shows `fraction` (0–1) of its width filled."""

    DEFAULT_CSS = """
    Bar {
        height: 1;
        width: 1fr;
        color: $accent;
    }
    """

    fraction: reactive[float] = reactive(0.0)
    """How much is done, from 0 to 1."""

    def render(self) -> Text:
        width = self.size.width
        filled = round(max(0.0, min(1.0, self.fraction)) * width)
        text = Text("━" * filled, style=self.rich_style)
        text.append("━" * (width - filled), style="grey30")
        return text
