"""`PoseFigure`: an exercise's stick figure at a phase between its start and end position, the
working leg in the side's colour; `PosePair`: the start and end figures side by side."""

from __future__ import annotations

from typing import Literal

from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from psoas_tui.figures.canvas import Role
from psoas_tui.figures.render import figure_rows, has_figure, quantised

Side = Literal["left", "right"]
FEW_COLOURS = ("standard", "windows")
"""Colour systems in which the theme's two blues look alike: sides get ANSI colours then."""
_CACHE_SIZE = 32


class PoseFigure(Widget):
    """A stick figure drawn in braille to the widget's size; repaints only when what it shows
    (exercise, side, phase to the nearest step, size or theme) changes."""

    DEFAULT_CSS = """
    PoseFigure {
        width: 1fr;
        height: 6;
    }
    PoseFigure > .pose-figure--body {
        color: $foreground;
    }
    PoseFigure > .pose-figure--prop {
        color: $text-muted;
    }
    PoseFigure > .pose-figure--left {
        color: $text-primary;
        text-style: bold;
    }
    PoseFigure > .pose-figure--right {
        color: $text-secondary;
        text-style: bold;
    }
    PoseFigure.-few-colours > .pose-figure--left {
        color: ansi_blue;
    }
    PoseFigure.-few-colours > .pose-figure--right {
        color: ansi_yellow;
    }
    """
    COMPONENT_CLASSES = {
        "pose-figure--body",
        "pose-figure--prop",
        "pose-figure--left",
        "pose-figure--right",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.shown: tuple[str, Side | None, float] | None = None
        """What is drawn: exercise id, side and phase (to the nearest step); None: nothing."""
        self._strips: dict[tuple[object, ...], list[Strip]] = {}

    def on_mount(self) -> None:
        self.set_class(self.app.console.color_system in FEW_COLOURS, "-few-colours")
        self.set_class(self.shown is None, "-empty")

    def show(self, exercise_id: str | None, side: Side | None = None, phase: float = 0.0) -> None:
        """Draw `exercise_id`'s figure for `side` (None: no leg coloured) at `phase` (0: the start
        position, 1: the end position, between: on the way); None (or an exercise without a
        figure) draws nothing."""
        shown = None
        if exercise_id is not None and has_figure(exercise_id):
            shown = (exercise_id, side, quantised(phase))
        if shown != self.shown:
            self.shown = shown
            self.set_class(shown is None, "-empty")
            self.refresh()

    def notify_style_update(self) -> None:
        """The theme or the CSS changed: the styled lines are drawn again."""
        super().notify_style_update()
        self._strips.clear()

    def _styles(self) -> dict[Role, Style]:
        base = self.rich_style
        body = base + self.get_component_rich_style("pose-figure--body")
        side = self.shown[1] if self.shown else None
        working = base + self.get_component_rich_style(f"pose-figure--{side}") if side else body
        return {
            Role.EMPTY: base,
            Role.PROP: base + self.get_component_rich_style("pose-figure--prop"),
            Role.BODY: body,
            Role.LEG: body,
            Role.WORKING: working,
        }

    def render_line(self, y: int) -> Strip:
        """One line of the figure (the Line API: no text layout on each repaint, and the lines of
        each drawing are made once)."""
        width, height = self.size
        if self.shown is None or not 0 <= y < height:
            return Strip.blank(width, self.rich_style)
        key = (*self.shown, width, height)
        strips = self._strips.get(key)
        if strips is None:
            if len(self._strips) >= _CACHE_SIZE:
                self._strips.clear()
            exercise_id, side, phase = self.shown
            rows = figure_rows(exercise_id, side, phase, width, height)
            strips = self._strips[key] = _styled(rows, self._styles())
        return strips[y]


def _styled(
    rows: tuple[tuple[str, tuple[Role, ...]], ...], styles: dict[Role, Style]
) -> list[Strip]:
    """Each row of braille as a strip, each run of cells of one role in that role's style."""
    strips = []
    for line, roles in rows:
        segments = []
        start = 0
        for index in range(1, len(line) + 1):
            if index == len(line) or roles[index] != roles[start]:
                segments.append(Segment(line[start:index], styles[roles[start]]))
                start = index
        strips.append(Strip(segments, len(line)))
    return strips


class PosePair(Widget):
    """The start and end figures of an exercise side by side, each labelled."""

    DEFAULT_CSS = """
    PosePair {
        height: auto;
        layout: horizontal;
    }
    PosePair.-empty {
        display: none;
    }
    PosePair > Vertical {
        width: 1fr;
        height: auto;
    }
    PosePair > Vertical > Static {
        width: 1fr;
        text-align: center;
        color: $text-muted;
    }
    PosePair #pose-start-box {
        margin-right: 2;
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="pose-start-box"):
            yield PoseFigure(id="pose-start")
            yield Static("start", markup=False)
        with Vertical(id="pose-end-box"):
            yield PoseFigure(id="pose-end")
            yield Static("end", markup=False)

    def show(self, exercise_id: str | None, side: Side | None = None) -> None:
        """Show `exercise_id`'s start and end position (None, or no figure: hides the pair; the
        screen's CSS may hide it too)."""
        self.query_one("#pose-start", PoseFigure).show(exercise_id, side, 0.0)
        self.query_one("#pose-end", PoseFigure).show(exercise_id, side, 1.0)
        self.set_class(exercise_id is None or not has_figure(exercise_id), "-empty")
