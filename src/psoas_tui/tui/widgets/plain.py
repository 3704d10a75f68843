"""Text from a file or the database, ready to draw: never read as markup, and with control
characters shown as escapes by `printable` (the one function the CLI uses too).

Every widget that shows such text takes it through here: `PlainStatic` for text on a screen,
`plain_cell` for a table cell. (Toasts go through `PsoasApp.notify`, the palette through
`tui.palette`, both with `printable`.)
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.visual import VisualType
from textual.widgets import Static

from psoas_tui.textfile.printable import printable


def plain_lines(text: str) -> str:
    """`text` through `printable` line by line: its line breaks stay, nothing else can act on
    the terminal."""
    return "\n".join(printable(line) for line in text.split("\n"))


def plain(text: str) -> Content:
    """`text` as content to draw: `plain_lines`, never markup."""
    return Content(plain_lines(text))


def plain_cell(text: str, style: str = "") -> Text:
    """`text` as one line of a `DataTable` cell (a table reads a bare string as markup)."""
    return Text(printable(text), style=style)


class PlainStatic(Static):
    """A `Static` for text that came from a file or the database: whatever string it is given,
    at first or by `update`, is shown through `plain`."""

    def __init__(
        self,
        content: str = "",
        *,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 (Textual's name for it)
        classes: str | None = None,
    ) -> None:
        super().__init__(plain(content), markup=False, name=name, id=id, classes=classes)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(plain(content) if isinstance(content, str) else content, layout=layout)
