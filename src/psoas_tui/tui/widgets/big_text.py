"""A line of text drawn as big as its region allows (a countdown, a side banner).

The widget's size comes from CSS (the player sets its height from the window's size); the text
is drawn in the tallest pixel font and scale that fit (`pixel_font.fit_big`), centred, and as
plain bold text when even the smallest does not fit. Changing the value repaints the widget
alone: its size does not depend on the value, so nothing is laid out again.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from psoas_tui.tui.widgets.pixel_font import Fit, fit_big


class BigText(Widget):
    """Shows `value` in big pixel letters, or as a bold line where they do not fit."""

    DEFAULT_CSS = """
    BigText {
        height: 3;
        width: 1fr;
        content-align: center middle;
    }
    """

    value: reactive[str] = reactive("", layout=False)
    """The text drawn (digits, `:`, capitals, spaces, `-`, `·`, `/`)."""
    sizing: reactive[str] = reactive("", layout=False)
    """A text at least as wide as any `value` to come (a countdown's start): the size is chosen
    for it, so the letters keep their size as the value gets shorter."""

    def __init__(
        self,
        value: str = "",
        *,
        id: str | None = None,  # noqa: A002 (Textual's name for it)
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(BigText.value, value)
        self._key: tuple[object, ...] | None = None
        """What the lines in `_strips` were drawn for (value, sizing, size, style)."""
        self._strips: list[Strip] = []

    def update(self, value: str) -> None:
        """Show `value` (repaints only if it differs)."""
        self.value = value

    @property
    def is_big(self) -> bool:
        """Whether `value` is drawn in pixel letters at the present size."""
        return self._fit() is not None

    def _fit(self) -> Fit | None:
        width, height = self.content_region.size
        return fit_big(self.value, height, width, self.sizing)

    def render_line(self, y: int) -> Strip:
        """One line of the text (the Line API: each value's lines are made once per size and
        style, and a repaint only hands them over)."""
        width, height = self.content_region.size
        style = self.rich_style
        key = (self.value, self.sizing, width, height, style)
        if key != self._key:
            self._key = key
            self._strips = self._draw(width, height, style)
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(width, style)

    def _draw(self, width: int, height: int, style: Style) -> list[Strip]:
        """The lines of the value, centred in `width` × `height`."""
        fit = self._fit()
        if fit is None:
            text = self.value
            if len(text) > width:
                text = text[: max(0, width - 1)] + "…"
            lines = [text]
            style = style + Style(bold=True)
        else:
            lines = list(fit.lines)
        top = max(0, (height - len(lines)) // 2)
        blank = Style(bgcolor=style.bgcolor)
        strips = [Strip.blank(width, self.rich_style) for _ in range(top)]
        for line in lines[: height - top]:
            left = max(0, (width - len(line)) // 2)
            right = max(0, width - left - len(line))
            # The margins are segments of their own (only the background), as Textual draws
            # them for centred text: a screenshot (SVG) then places the letters where they are.
            segments = [
                Segment(" " * left, blank),
                Segment(line[:width], style),
                Segment(" " * right, blank),
            ]
            strips.append(Strip(segments, width))
        return strips
