"""A light progress bar: a line of `━` that fills from the left.

Textual's ProgressBar keeps a timer of its own (for its ETA) that redraws it every second; the
player already knows when its bars change, so this one draws only when told, and only when a cell
changes (a 60 s hold moves an 80-column bar about one cell a second, the session bar less).
"""

from __future__ import annotations

from rich.text import Text
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

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._fraction = 0.0

    @property
    def fraction(self) -> float:
        """How much is done, from 0 to 1."""
        return self._fraction

    @fraction.setter
    def fraction(self, value: float) -> None:
        value = max(0.0, min(1.0, value))
        before = self._filled(self._fraction)
        self._fraction = value
        if self._filled(value) != before:
            self.refresh()

    def _filled(self, fraction: float) -> int:
        return round(fraction * self.size.width)

    def render(self) -> Text:
        width = self.size.width
        filled = self._filled(self._fraction)
        text = Text("━" * filled, style=self.rich_style)
        text.append("━" * (width - filled), style="grey30")
        return text
