"""Big text from small pixel fonts, drawn with half blocks (`▀ ▄ █`): pure functions, no Textual.

Two fonts are kept as data: a 5×7 one for the digits of a countdown and a 3×5 one with the
capital letters as well. `fit_big` picks the font and the whole-number scale that make a text as
tall as it can be within a number of rows and columns; a pixel is `scale` columns wide and
`scale` half-rows tall, so it looks square in a terminal whose cells are twice as tall as wide.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

Bitmap = tuple[str, ...]
"""A glyph: its rows from top to bottom, `#` for a pixel that is on, `.` for one that is off."""


@dataclass(frozen=True, slots=True)
class PixelFont:
    """Glyphs of one height, of any width, with one blank column between two glyphs."""

    name: str
    height: int
    glyphs: dict[str, Bitmap]

    def covers(self, text: str) -> bool:
        return all(character in self.glyphs for character in text)


def _glyphs(height: int, table: dict[str, str]) -> dict[str, Bitmap]:
    """Glyphs from rows written as space-separated words ("### #.# ###")."""
    glyphs: dict[str, Bitmap] = {}
    for character, rows in table.items():
        bitmap = tuple(rows.split())
        if len(bitmap) != height or len({len(row) for row in bitmap}) != 1:
            raise ValueError(f"glyph {character!r} is not {height} rows of one width")
        glyphs[character] = bitmap
    return glyphs


SMALL = PixelFont(
    "3x5",
    5,
    _glyphs(
        5,
        {
            "0": "### #.# #.# #.# ###",
            "1": ".#. ##. .#. .#. ###",
            "2": "### ..# ### #.. ###",
            "3": "### ..# .## ..# ###",
            "4": "#.# #.# ### ..# ..#",
            "5": "### #.. ### ..# ###",
            "6": "### #.. ### #.# ###",
            "7": "### ..# ..# .#. .#.",
            "8": "### #.# ### #.# ###",
            "9": "### #.# ### ..# ###",
            ":": ". # . # .",
            "·": ". . # . .",
            "-": "... ... ### ... ...",
            "/": "..# ..# .#. #.. #..",
            " ": ".. .. .. .. ..",
            "A": ".#. #.# ### #.# #.#",
            "B": "##. #.# ##. #.# ##.",
            "C": ".## #.. #.. #.. .##",
            "D": "##. #.# #.# #.# ##.",
            "E": "### #.. ##. #.. ###",
            "F": "### #.. ##. #.. #..",
            "G": ".## #.. #.# #.# .##",
            "H": "#.# #.# ### #.# #.#",
            "I": "### .#. .#. .#. ###",
            "J": "..# ..# ..# #.# .#.",
            "K": "#.# #.# ##. #.# #.#",
            "L": "#.. #.. #.. #.. ###",
            "M": "#...# ##.## #.#.# #...# #...#",
            "N": "#..# ##.# #.## #..# #..#",
            "O": ".#. #.# #.# #.# .#.",
            "P": "##. #.# ##. #.. #..",
            "Q": ".#. #.# #.# ##. .##",
            "R": "##. #.# ##. #.# #.#",
            "S": ".## #.. .#. ..# ##.",
            "T": "### .#. .#. .#. .#.",
            "U": "#.# #.# #.# #.# ###",
            "V": "#.# #.# #.# #.# .#.",
            "W": "#...# #...# #.#.# ##.## #...#",
            "X": "#.# #.# .#. #.# #.#",
            "Y": "#.# #.# .#. .#. .#.",
            "Z": "### ..# .#. #.. ###",
        },
    ),
)
"""Digits, capitals and a few signs, 3 pixels wide (M, N and W wider) and 5 tall."""

LARGE = PixelFont(
    "5x7",
    7,
    _glyphs(
        7,
        {
            "0": ".###. #...# #...# #...# #...# #...# .###.",
            "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
            "2": ".###. #...# ....# ...#. ..#.. .#... #####",
            "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
            "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
            "5": "##### #.... ####. ....# ....# #...# .###.",
            "6": "..##. .#... #.... ####. #...# #...# .###.",
            "7": "##### ....# ...#. ..#.. .#... .#... .#...",
            "8": ".###. #...# #...# .###. #...# #...# .###.",
            "9": ".###. #...# #...# .#### ....# ...#. .##..",
            ":": ".. ## ## .. ## ## ..",
            " ": "... ... ... ... ... ... ...",
        },
    ),
)
"""The digits and `:` of a clock, 5 pixels wide and 7 tall."""

FONTS = (LARGE, SMALL)
"""In order of preference when both fit as tall."""

_HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def pixels(text: str, font: PixelFont) -> list[str]:
    """`text` set in `font` at one pixel a pixel: rows of `#` and `.`, glyphs one column apart."""
    rows = ["" for _ in range(font.height)]
    for position, character in enumerate(text):
        glyph = font.glyphs[character]
        for number, row in enumerate(glyph):
            rows[number] += ("." if position else "") + row
    return rows


def text_width(text: str, font: PixelFont, scale: int = 1) -> int:
    """How many columns `text` takes in `font` at `scale`."""
    if not text:
        return 0
    width = sum(len(font.glyphs[character][0]) for character in text) + len(text) - 1
    return width * scale


def text_rows(font: PixelFont, scale: int = 1) -> int:
    """How many terminal rows a text in `font` at `scale` takes (two pixel rows a row)."""
    return math.ceil(font.height * scale / 2)


def draw(rows: list[str], scale: int = 1) -> list[str]:
    """Pixel rows, each pixel `scale` columns wide and `scale` half-rows tall, as lines of half
    blocks (an odd last pixel row shares its line with blank)."""
    tall = [row for row in rows for _ in range(scale)]
    if len(tall) % 2:
        tall.append("." * len(tall[0]) if tall else "")
    lines = []
    for top, bottom in zip(tall[::2], tall[1::2], strict=True):
        cells = (
            _HALF_BLOCKS[(upper == "#", lower == "#")] * scale
            for upper, lower in zip(top, bottom, strict=True)
        )
        lines.append("".join(cells))
    return lines


@dataclass(frozen=True, slots=True)
class Fit:
    """The font and scale chosen for a text, and the lines they draw."""

    font: PixelFont
    scale: int
    lines: tuple[str, ...]


@lru_cache(maxsize=256)  # a countdown draws each of its values once per size
def fit_big(text: str, rows: int, columns: int, sizing: str = "") -> Fit | None:
    """`text` as big as it fits in `rows` × `columns`, or None if even the smallest size does
    not (or a character has no glyph): the caller then shows plain text.

    Taller wins; at the same height, the 5×7 font (finer strokes) wins over the 3×5. With
    `sizing` (a text at least as wide, such as "10:00" for a countdown now at "9:59"), the size
    is the one `sizing` fits at, so a text that gets shorter keeps its size.
    """
    best: Fit | None = None
    widest = sizing if len(sizing) >= len(text) else text
    for font in FONTS:
        if not text or not font.covers(text) or not font.covers(widest):
            continue
        scale = 1
        while text_rows(font, scale) <= rows and text_width(widest, font, scale) <= columns:
            scale += 1
        scale -= 1
        if scale < 1:
            continue
        if best is None or text_rows(font, scale) > text_rows(best.font, best.scale):
            best = Fit(font, scale, tuple(draw(pixels(text, font), scale)))
    return best
