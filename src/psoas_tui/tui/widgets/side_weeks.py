"""`SideWeeks`: the last weeks left against right (see `weeks.sides`), a row a week, newest first
(as the history lists sessions; a small window shows the latest weeks): the answers
"left" as a bar growing leftwards from a middle line and "right" growing rightwards, each with its
count beside the line, then the answers "same" and the pain reports on each side.

A bar has a cell an answer, up to `BAR_CELLS` (a longer one ends in `+`), so the rows read without
colour; with colour, left and right take the player's colours for the sides. Drawn with the Line
API from the trend's data (no markup).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from psoas_tui.weeks.sides import SideTrend, SideWeek

BAR_CELLS = 4
"""Cells of the longest bar; more answers than that end the bar in `+`."""
BAR = "■"
WEEK_WIDTH = 7
"""Columns of the week's label ("16 Nov ")."""
SIDE_WIDTH = BAR_CELLS + 4
"""Columns of each side's part: a bar, a space, a count of up to two digits."""
HEADER = f"{'week':<{WEEK_WIDTH}}{'left ':>{SIDE_WIDTH}}│{' right':<{SIDE_WIDTH}} same pain L R"
"""The label row (the middle line under the one of the rows)."""


def bar(count: int) -> str:
    """A bar of `count` answers, at most `BAR_CELLS` cells."""
    if count <= BAR_CELLS:
        return BAR * count
    return BAR * (BAR_CELLS - 1) + "+"


def row_parts(week: SideWeek) -> tuple[str, str, str, str, str]:
    """The texts of a week's row: label, left part, right part, same, pain."""
    left = f"{bar(week.left)} {week.left or '·'} ".rjust(SIDE_WIDTH)
    right = f" {week.right or '·'} {bar(week.right)}".ljust(SIDE_WIDTH)
    same = f"{week.same or '·':>5}"
    pain = f"{week.left_pain or '·':>7} {week.right_pain or '·'}"
    return f"{week.monday:%d %b} ", left, right, same, pain


class SideWeeks(Widget):
    """The trend's weeks as rows, newest first, under a label row."""

    DEFAULT_CSS = """
    SideWeeks {
        height: auto;
        width: auto;
    }
    SideWeeks > .side-weeks--label {
        color: $text-muted;
    }
    SideWeeks > .side-weeks--left {
        color: $primary;
    }
    SideWeeks > .side-weeks--right {
        color: $secondary;
    }
    SideWeeks > .side-weeks--quiet {
        color: $text-disabled;
    }
    SideWeeks > .side-weeks--pain {
        color: $warning;
    }
    """
    COMPONENT_CLASSES = {
        "side-weeks--label",
        "side-weeks--left",
        "side-weeks--right",
        "side-weeks--quiet",
        "side-weeks--pain",
    }

    def __init__(
        self,
        *,
        id: str | None = None,  # noqa: A002 (Textual's name for it)
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.trend: SideTrend | None = None

    def show(self, trend: SideTrend) -> None:
        """Draw `trend`."""
        self.trend = trend
        self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return len(HEADER)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 + (len(self.trend.weeks) if self.trend else 0)

    def _style(self, name: str) -> Style:
        return self.rich_style + self.get_component_rich_style(f"side-weeks--{name}")

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        trend = self.trend
        if trend is None or y > len(trend.weeks):
            return Strip.blank(width, base)
        label = self._style("label")
        if y == 0:
            return Strip([Segment(HEADER, label)]).adjust_cell_length(width, base)
        week = trend.weeks[-y]
        monday, left, right, same, pain = row_parts(week)
        quiet = self._style("quiet")
        segments = [
            Segment(monday, label),
            Segment(left, self._style("left") if week.left else quiet),
            Segment("│", label),
            Segment(right, self._style("right") if week.right else quiet),
            Segment(same, base if week.same else quiet),
            Segment(pain, self._style("pain") if week.left_pain or week.right_pain else quiet),
        ]
        return Strip(segments).adjust_cell_length(width, base)
