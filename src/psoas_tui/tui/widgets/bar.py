"""A light progress bar on one line: a label, a line of `━` that fills from the left, and an
optional text after it ("3:01 left").

Textual's ProgressBar keeps a timer of its own (for its ETA) that redraws it every second; the
player already knows when its bars change, so this one draws only when told, and only when what
it shows changes (a 60 s hold moves an 80-column bar about one cell a second). Label, bar and
text are one widget drawn with the Line API: every widget on the player is drawn again on each of
its repaints, so fewer and cheaper widgets are what keep a hold's CPU low.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

LABEL_WIDTH = 6
"""Columns for the label ("this", "all")."""
SUFFIX_MIN_WIDTH = 10
"""Columns kept for the text after the bar when there is one ("59:59 left")."""


class Bar(Widget):
    """Shows `label`, then `fraction` (0–1) of the rest of the width filled, then `suffix`."""

    DEFAULT_CSS = """
    Bar {
        height: 1;
        width: 1fr;
        color: $accent;
    }
    Bar > .bar--label {
        color: $text-muted;
    }
    Bar > .bar--empty {
        color: $text-disabled;
    }
    Bar > .bar--suffix {
        color: $foreground;
    }
    """
    COMPONENT_CLASSES = {"bar--label", "bar--empty", "bar--suffix"}

    def __init__(
        self,
        label: str = "",
        *,
        id: str | None = None,  # noqa: A002 (Textual's name for it)
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self._fraction = 0.0
        self._suffix = ""

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

    @property
    def suffix(self) -> str:
        """The text after the bar ("" for none)."""
        return self._suffix

    @suffix.setter
    def suffix(self, value: str) -> None:
        if value != self._suffix:
            self._suffix = value
            self.refresh()

    def _widths(self) -> tuple[int, int, int]:
        """Columns for the label, the bar and the text after it."""
        width = self.size.width
        label = LABEL_WIDTH if self.label else 0
        suffix = max(SUFFIX_MIN_WIDTH, len(self._suffix) + 1) if self._suffix else 0
        if label + suffix >= width:
            label, suffix = 0, 0
        return label, width - label - suffix, suffix

    def _filled(self, fraction: float) -> int:
        return round(fraction * self._widths()[1])

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y != 0:
            return Strip.blank(width, base)
        label_width, bar_width, suffix_width = self._widths()
        filled = self._filled(self._fraction)

        def part(name: str) -> Style:
            return base + self.get_component_rich_style(name)

        segments = []
        if label_width:
            label = self.label[:label_width].ljust(label_width)
            segments.append(Segment(label, part("bar--label")))
        segments.append(Segment("━" * filled, base))
        segments.append(Segment("━" * (bar_width - filled), part("bar--empty")))
        if suffix_width:
            segments.append(Segment(self._suffix.rjust(suffix_width), part("bar--suffix")))
        return Strip(segments, width)
