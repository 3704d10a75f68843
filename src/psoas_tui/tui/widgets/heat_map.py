"""`HeatMap`: the calendar of the last weeks (see `weeks.calendar`), a month label row on top,
the days Monday to Sunday down with their initials, one two-column cell a day, and a legend.

Each level has a character of its own (`·` none, then `░ ▒ ▓ █`) as well as a colour from the
theme, so the map reads in a terminal with few colours or none; days still to come this week are
left blank. Drawn with the Line API from the calendar's data (no markup).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from psoas_tui.weeks.calendar import Calendar

LEVEL_CHARS = ("·", "░", "▒", "▓", "█")
"""The character of each level, 0 (no work) to 4 (30 minutes or more)."""
DAY_LETTERS = "MTWTFSS"
CELL = 2
"""Columns a day's cell takes; one more column separates the weeks."""
STEP = CELL + 1
LABEL_WIDTH = 2
"""Columns for a day's initial and a space."""
LEGEND = "less " + " ".join(ch * CELL for ch in LEVEL_CHARS[1:]) + " more"


def map_width(weeks: int) -> int:
    """Columns the map of `weeks` weeks takes."""
    return LABEL_WIDTH + weeks * STEP - 1


class HeatMap(Widget):
    """The calendar as a heat map, 9 rows: months, Monday to Sunday, the legend."""

    DEFAULT_CSS = """
    HeatMap {
        height: 9;
        width: auto;
    }
    HeatMap > .heat-map--label {
        color: $text-muted;
    }
    HeatMap > .heat-map--level-0 {
        color: $text-disabled;
    }
    HeatMap > .heat-map--level-1 {
        color: $success-darken-2;
    }
    HeatMap > .heat-map--level-2 {
        color: $success-darken-1;
    }
    HeatMap > .heat-map--level-3 {
        color: $success;
    }
    HeatMap > .heat-map--level-4 {
        color: $success-lighten-1;
    }
    HeatMap > .heat-map--today {
        text-style: underline;
    }
    """
    COMPONENT_CLASSES = {
        "heat-map--label",
        "heat-map--today",
        *(f"heat-map--level-{level}" for level in range(len(LEVEL_CHARS))),
    }

    def __init__(
        self,
        *,
        id: str | None = None,  # noqa: A002 (Textual's name for it)
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.calendar: Calendar | None = None

    def show(self, calendar: Calendar) -> None:
        """Draw `calendar`."""
        self.calendar = calendar
        self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        weeks = len(self.calendar.mondays) if self.calendar else 0
        return max(map_width(weeks), len(LEGEND) + LABEL_WIDTH)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 9

    def _style(self, name: str) -> Style:
        return self.rich_style + self.get_component_rich_style(f"heat-map--{name}")

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        grid = self.calendar
        if grid is None:
            return Strip.blank(width, base)
        label = self._style("label")
        segments: list[Segment] = []
        if y == 0:
            line = [" "] * map_width(len(grid.mondays))
            for column, name in grid.month_labels():
                start = LABEL_WIDTH + column * STEP
                line[start : start + len(name)] = name
            segments.append(Segment("".join(line).rstrip(), label))
        elif 1 <= y <= 7:
            segments.append(Segment(DAY_LETTERS[y - 1] + " ", label))
            for column, cell in enumerate(grid.rows[y - 1]):
                if column:
                    segments.append(Segment(" ", base))
                if cell.future:
                    segments.append(Segment(" " * CELL, base))
                    continue
                style = self._style(f"level-{cell.level}")
                if cell.day == grid.today:
                    style += self.get_component_rich_style("heat-map--today")
                segments.append(Segment(LEVEL_CHARS[cell.level] * CELL, style))
        elif y == 8:
            segments.append(Segment(" " * LABEL_WIDTH + "less ", label))
            for level in range(1, len(LEVEL_CHARS)):
                segments.append(Segment(LEVEL_CHARS[level] * CELL, self._style(f"level-{level}")))
                segments.append(Segment(" ", base))
            segments.append(Segment("more", label))
        return Strip(segments).adjust_cell_length(width, base)
