"""`BarChart`: horizontal bars, one a row: a label, a bar as long as its value against the
largest, and a text after it ("12:30 · 5 sessions"), drawn with the Line API.

Bars are drawn in eighths of a cell (`▏▎▍▌▋▊▉█`), so small differences show, and every bar with
a value above zero is at least an eighth long. Labels come from the database: they are drawn as
plain text (through `printable`, never markup) and cut with `…` when too long. In a narrow
widget each row's short text is used instead of its text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from psoas_tui.textfile.printable import printable

EIGHTHS = " ▏▎▍▌▋▊▉█"
LABEL_MAX = 24
"""Columns a label may take at most (and at most a third of the width)."""
NARROW = 60
"""Under this many columns, each row's `short` text is shown."""
BAR_MIN = 4
"""Columns a bar keeps at least: the label is cut shorter first."""


@dataclass(frozen=True, slots=True)
class BarRow:
    label: str
    value: float
    text: str = ""
    short: str | None = None
    """The text for a narrow widget (None: the same as `text`)."""


def bar_cells(value: float, largest: float, width: int) -> str:
    """A bar of `value` against `largest` in `width` columns, in eighths, padded with spaces."""
    if width <= 0 or largest <= 0 or value <= 0:
        return " " * max(0, width)
    eighths = max(1, round(min(1.0, value / largest) * width * 8))
    full, part = divmod(eighths, 8)
    return ("█" * full + (EIGHTHS[part] if part else "")).ljust(width)


def fit(text: str, width: int) -> str:
    """`text` made printable and cut to `width` cells (with `…`), padded to it."""
    text = printable(text)
    if cell_len(text) > width:
        text = set_cell_size(text, max(0, width - 1)) + "…" if width > 0 else ""
    return set_cell_size(text, max(0, width))


class BarChart(Widget):
    """The rows given to `show`, as bars."""

    DEFAULT_CSS = """
    BarChart {
        height: auto;
        width: 1fr;
        color: $accent;
    }
    BarChart > .bar-chart--label {
        color: $foreground;
    }
    BarChart > .bar-chart--text {
        color: $text-muted;
    }
    """
    COMPONENT_CLASSES = {"bar-chart--label", "bar-chart--text"}

    def __init__(
        self,
        *,
        id: str | None = None,  # noqa: A002 (Textual's name for it)
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: tuple[BarRow, ...] = ()

    def show(self, rows: Sequence[BarRow]) -> None:
        self.rows = tuple(rows)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows)

    def _texts(self) -> list[str]:
        narrow = self.size.width < NARROW
        return [
            printable(row.short if narrow and row.short is not None else row.text)
            for row in self.rows
        ]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y >= len(self.rows):
            return Strip.blank(width, base)
        texts = self._texts()
        text_width = max(cell_len(text) for text in texts)
        text_width = text_width + 1 if text_width else 0
        label_width = min(
            max(cell_len(printable(row.label)) for row in self.rows) + 1,
            LABEL_MAX,
            width // 3,
        )
        bar_width = width - label_width - text_width
        if bar_width < BAR_MIN:
            label_width = max(0, label_width - (BAR_MIN - bar_width))
            bar_width = width - label_width - text_width
        row = self.rows[y]
        largest = max(item.value for item in self.rows)
        label_style = base + self.get_component_rich_style("bar-chart--label")
        text_style = base + self.get_component_rich_style("bar-chart--text")
        segments = [
            Segment(fit(row.label, label_width - 1) + " " if label_width else "", label_style),
            Segment(bar_cells(row.value, largest, max(0, bar_width)), base),
            Segment(texts[y].rjust(text_width) if text_width else "", text_style),
        ]
        return Strip(segments).adjust_cell_length(width, base)
