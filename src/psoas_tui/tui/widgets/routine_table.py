"""The routine library's table, with columns that always fit its width (cells from files go
through `printable`, never markup).

Textual's DataTable sizes "auto" columns when it is next idle, but keeps the lines it drew
before: rows drawn between their arrival and that moment kept the header's widths ("Desk br",
"17:0"). Here every column has a width computed from the rows and the table's own width, set
before any row is drawn: the time and the number of exercises in full, the name cut with "…"
when it must be, then the tags and where the routine comes from while there is room.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from psoas_tui.textfile.printable import printable

NAME_MIN = 12
"""The name column is never narrower than this (the table scrolls instead)."""
TAGS_MIN = 6
"""Narrower than this, the tags are left out."""
CELL_PADDING = 1
"""Cells on each side of a cell's text (DataTable's `cell_padding`)."""


@dataclass(frozen=True, slots=True)
class RoutineRow:
    """One routine as the table shows it (a file that could not be read has `broken`)."""

    name: str
    time: str
    exercises: str
    tags: str
    source: str
    broken: bool = False


COLUMNS = {"name": "Routine", "time": "Time", "exercises": "Ex.", "tags": "Tags", "source": "From"}
"""The columns, in the order shown, with their headers."""


def fit_columns(available: int, rows: list[RoutineRow]) -> dict[str, int]:
    """The width of each column shown in `available` cells (padding not included), in order.

    The time and the number of exercises come first and are never cut; the name takes what it
    needs of the rest (at least `NAME_MIN`), then the tags (left out below `TAGS_MIN`), then
    the source if it fits whole.
    """

    def widest(key: str) -> int:
        return max(
            [len(COLUMNS[key]), *(Text(printable(getattr(row, key))).cell_len for row in rows)]
        )

    padding = 2 * CELL_PADDING
    widths = {"time": widest("time"), "exercises": widest("exercises")}
    rest = available - sum(width + padding for width in widths.values())
    widths["name"] = max(NAME_MIN, min(widest("name"), rest - padding))
    rest -= widths["name"] + padding
    tags = min(widest("tags"), rest - padding)
    if tags >= TAGS_MIN:
        widths["tags"] = tags
        rest -= tags + padding
    if rest >= widest("source") + padding:
        widths["source"] = widest("source")
    return {key: widths[key] for key in COLUMNS if key in widths}


class RoutineTable(DataTable[Text]):
    """The routines, one row each; `show` gives the rows, a resize lays the columns out again."""

    DEFAULT_CSS = """
    RoutineTable {
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, cell_padding=CELL_PADDING)
        self.routines: list[RoutineRow] = []
        self._laid_out_for = -1

    def show(self, rows: list[RoutineRow]) -> None:
        """Show `rows`, keeping the cursor on the same line where it can."""
        self.routines = rows
        self._lay_out()

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._laid_out_for:
            self._lay_out()

    def _lay_out(self) -> None:
        available = self.scrollable_content_region.width
        self._laid_out_for = available
        widths = fit_columns(available, self.routines)
        row = self.cursor_row
        self.clear(columns=True)
        for key, width in widths.items():
            self.add_column(COLUMNS[key], width=width, key=key)
        for routine in self.routines:
            self.add_row(*(self._cell(routine, key) for key in widths))
        if self.routines:
            self.move_cursor(row=min(row, len(self.routines) - 1))

    @staticmethod
    def _cell(routine: RoutineRow, key: str) -> Text:
        style = "bold red" if routine.broken and key == "name" else ""
        # names, tags and errors come from files: control characters shown as escapes
        text = printable(getattr(routine, key))
        return Text(text, style=style, no_wrap=True, overflow="ellipsis")
