"""One line that shows a name from a file followed by its numbers ("Desk break — 4:10"): a long
name is cut with "…" so that the numbers always show, whatever the width."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from psoas_tui.textfile.printable import printable


class NameLine(Widget):
    """A name and, after it, numbers that must stay in sight."""

    DEFAULT_CSS = """
    NameLine {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._title = Content("")
        self._numbers = Content("")

    def show(self, name: str, numbers: str) -> None:
        """Show `name` (text from a file: never markup) and then `numbers`."""
        self._title = Content(printable(name))
        self._numbers = Content(printable(numbers))
        self.refresh()

    @property
    def text(self) -> str:
        """The line as it is drawn at the widget's width."""
        return self._fitted(self.size.width).plain

    def _fitted(self, width: int) -> Content:
        room = max(0, width - self._numbers.cell_length)
        name = self._title
        if name.cell_length > room:
            name = name.truncate(room, ellipsis=True)
        return name + self._numbers

    def render(self) -> Content:
        return self._fitted(self.size.width)
