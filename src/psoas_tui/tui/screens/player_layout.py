"""How big the player draws things in a window of a given size (pure: no Textual).

The countdown grows with the window: 3 rows in 40×12 (the smallest window), 7 in 80×24, about a
third of the height from 30 rows up. The side banner grows with it, the exercise name stands out
in a band of its own, and from 80 columns a region beside the countdown holds the pose figure.
"""

from __future__ import annotations

from dataclasses import dataclass

FIGURE_MIN_COLUMNS = 80
"""Narrower than this, the pose figure is not shown (the countdown takes the width)."""


@dataclass(frozen=True, slots=True)
class PlayerScale:
    """The sizes of the player's big parts, in terminal cells."""

    countdown_rows: int
    banner_rows: int
    """The side banner's height: 1 is a line of text, 3 and more draw big letters."""
    figure_columns: int
    """The width of the pose figure's region beside the countdown; 0 hides it."""
    large: bool
    """A window of 30 rows or more: the exercise name is centred in a band of its own."""


def player_scale(width: int, height: int) -> PlayerScale:
    """The sizes for a window of `width` × `height` cells."""
    if height < 15:
        countdown = 3
    elif height < 30:
        countdown = max(5, min(8, (height - 10) // 2))
    else:
        countdown = height // 3
    banner = 1 if height < 22 else 3 if height < 50 else 5
    figure = 0 if width < FIGURE_MIN_COLUMNS else max(22, min(40, width // 4))
    return PlayerScale(countdown, banner, figure, large=height >= 30)


def context_line(routine: str, position: str, width: int) -> str:
    """ "Routine name · exercise 2 of 5" in `width` columns: the name is shortened first (with
    "…"), the position last."""
    tail = f" · {position}"
    if len(routine) + len(tail) <= width:
        return routine + tail
    room = width - len(tail) - 1
    if room >= 4:
        return routine[:room].rstrip() + "…" + tail
    return position[:width]
