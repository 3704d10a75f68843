"""The smallest window the screens are laid out for, and what is shown in a smaller one."""

from __future__ import annotations

from rich.align import Align
from rich.console import RenderableType
from rich.style import Style
from rich.text import Text
from textual.geometry import Size

MINIMUM = Size(40, 12)
"""Every screen and dialog is laid out for at least this many columns and rows."""
TOO_SMALL_CLASS = "-window-too-small"
"""Set on every screen while the window is smaller than `MINIMUM`: the CSS hides the screen's
widgets (nothing is laid out in a window too small for it) and makes the screen transparent, so
the app's background, the notice, shows instead."""


def is_too_small(size: Size) -> bool:
    """True for a window smaller than `MINIMUM` either way."""
    return size.width < MINIMUM.width or size.height < MINIMUM.height


def too_small_text(size: Size) -> str:
    """The notice: the window's size and the size needed."""
    return (
        f"Make the window larger: it is {size.width}×{size.height}, "
        f"psoas needs {MINIMUM.width}×{MINIMUM.height}."
    )


def too_small_notice(size: Size, style: Style) -> RenderableType:
    """The notice, centred in the window."""
    return Align.center(
        Text(too_small_text(size), justify="center", style=style), vertical="middle", style=style
    )
