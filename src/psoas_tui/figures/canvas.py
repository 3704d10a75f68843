"""A braille canvas: 2×4 dots per character cell, each dot remembering the role that drew it, so
the working leg can be coloured apart from the rest of the figure.

Hand-written rather than a library: a braille canvas is about sixty lines, and none we found
keeps a role per dot (drawille, the usual one, is a tiny unmaintained package without colour;
plotext and textual-canvas are plotting and half-block widgets, and the latter imports Textual,
which the core must not).
"""

from __future__ import annotations

from enum import IntEnum

BRAILLE_BASE = 0x2800
_DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
"""`_DOT_BITS[row][column]`: the bit of a dot within a braille cell."""


class Role(IntEnum):
    """What drew a dot; where two overlap, the higher one wins."""

    EMPTY = 0
    PROP = 1
    BODY = 2
    LEG = 3
    WORKING = 4


Row = tuple[str, tuple[Role, ...]]
"""One line of text and, for each of its characters, the role to colour it with."""


class BrailleCanvas:
    """`width` × `height` character cells of 2 × 4 dots each; (0, 0) is the top-left dot."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.dot_width, self.dot_height = 2 * width, 4 * height
        self.dots = bytearray(self.dot_width * self.dot_height)

    def dot(self, x: int, y: int, role: Role) -> None:
        """Set a dot (outside the canvas: ignored), keeping the higher of two roles."""
        if 0 <= x < self.dot_width and 0 <= y < self.dot_height:
            index = y * self.dot_width + x
            if role > self.dots[index]:
                self.dots[index] = role

    def line(self, x0: int, y0: int, x1: int, y1: int, role: Role) -> None:
        """A straight line of dots (Bresenham)."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        step_x, step_y = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        error = dx + dy
        while True:
            self.dot(x0, y0, role)
            if x0 == x1 and y0 == y1:
                return
            doubled = 2 * error
            if doubled >= dy:
                error += dy
                x0 += step_x
            if doubled <= dx:
                error += dx
                y0 += step_y

    def circle(self, cx: float, cy: float, radius: float, role: Role, filled: bool) -> None:
        """A disc, or the ring of dots at `radius` from the centre (at least one dot)."""
        reach = int(radius) + 1
        for y in range(round(cy) - reach, round(cy) + reach + 1):
            for x in range(round(cx) - reach, round(cx) + reach + 1):
                distance = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
                if distance <= radius + 0.5 and (filled or distance >= radius - 0.5):
                    self.dot(x, y, role)
        self.dot(round(cx), round(cy) if filled else round(cy - radius), role)

    def mirrored(self) -> BrailleCanvas:
        """The canvas flipped left to right."""
        flipped = BrailleCanvas(self.width, self.height)
        w = self.dot_width
        for y in range(self.dot_height):
            flipped.dots[y * w : (y + 1) * w] = self.dots[y * w : (y + 1) * w][::-1]
        return flipped

    def rows(self) -> tuple[Row, ...]:
        """Each line of cells as braille characters, with the highest role of each cell."""
        rows = []
        w = self.dot_width
        for cell_y in range(self.height):
            chars, roles = [], []
            for cell_x in range(self.width):
                bits, role = 0, 0
                for dy in range(4):
                    base = (cell_y * 4 + dy) * w + cell_x * 2
                    for dx in range(2):
                        value = self.dots[base + dx]
                        if value:
                            bits |= _DOT_BITS[dy][dx]
                            role = max(role, value)
                chars.append(chr(BRAILLE_BASE + bits) if bits else " ")
                roles.append(Role(role))
            rows.append(("".join(chars), tuple(roles)))
        return tuple(rows)
