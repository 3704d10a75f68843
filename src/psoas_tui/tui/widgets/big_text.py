"""A line of text drawn as big as its region allows (a countdown, a side banner).

The widget's size comes from CSS (the player sets its height from the window's size); the text
is drawn in the tallest pixel font and scale that fit (`pixel_font.fit_big`), centred, and as
plain bold text when even the smallest does not fit. Changing the value repaints the widget
alone: its size does not depend on the value, so nothing is laid out again.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
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

    def render(self) -> Text:
        fit = self._fit()
        if fit is None:
            return Text(self.value, style=Style(bold=True), no_wrap=True, overflow="ellipsis")
        return Text("\n".join(fit.lines), no_wrap=True)
