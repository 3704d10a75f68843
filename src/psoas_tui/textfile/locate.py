"""Find where a key sits in TOML source text, so that errors can name a line and a column.

`tomllib` gives values without positions; this reads the text line by line, following table
headers (`[defaults]`, `[[exercises]]`) and `key = value` lines, and maps each key path, such as
`("exercises", 2, "hold_seconds")`, to the line and column of its key. It also notes keys given
twice and multi-line strings that never close, which tomllib reports in unhelpful places.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

Path_ = tuple[str | int, ...]

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_ARRAY_HEADER = re.compile(rf"^\s*\[\[\s*({_DOTTED})\s*\]\]")
_TABLE_HEADER = re.compile(rf"^\s*\[\s*({_DOTTED})\s*\]")
_KEY_LINE = re.compile(rf"^(\s*)({_DOTTED})\s*=")
_PART = re.compile(_KEY)
_MULTILINE_QUOTES = ('"' * 3, "'" * 3)


def _split(dotted: str) -> list[str]:
    parts = []
    for match in _PART.finditer(dotted):
        part = match.group(0)
        if part[0] == "'":
            part = part[1:-1]
        elif part[0] == '"':
            part = _unescape(part)
        parts.append(part)
    return parts


def _unescape(quoted: str) -> str:
    """A double-quoted key as tomllib reads it (`"a\\nb"` holds a line break)."""
    if "\\" not in quoted:
        return quoted[1:-1]
    try:
        return str(tomllib.loads(f"key = {quoted}")["key"])
    except tomllib.TOMLDecodeError:
        return quoted[1:-1]


def nesting_too_deep(text: str, limit: int = 100) -> tuple[int, int] | None:
    """Where the value starts whose `[` / `{` nesting first goes past `limit`."""
    depth = 0
    line, column = 1, 0
    outermost = (1, 1)
    for char in text:
        column += 1
        if char == "\n":
            line, column = line + 1, 0
        elif char in "[{":
            if depth == 0:
                outermost = (line, column)
            depth += 1
            if depth > limit:
                return outermost
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


@dataclass
class KeyLocator:
    """Line and column (both from 1) of each key path in a TOML document."""

    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    duplicates: dict[int, tuple[str, int]] = field(default_factory=dict)
    """Line of a key or table given twice → (how it is written, the line it was first on)."""
    unclosed_string: tuple[int, int] | None = None
    """Where a multi-line string opens that never closes."""

    def _add(self, path: Path_, position: tuple[int, int], shown: str) -> None:
        first = self.positions.setdefault(path, position)
        if first != position:
            self.duplicates.setdefault(position[0], (shown, first[0]))

    @classmethod
    def from_text(cls, text: str) -> KeyLocator:
        locator = cls()
        array_counts: dict[tuple[str, ...], int] = {}
        context: Path_ = ()
        in_multiline: str | None = None
        # TOML ends lines at "\n" only; str.splitlines() would also split at U+2028, U+0085,
        # \x0b, \x0c and \x1c-\x1e, which a string may hold, and count lines wrong after them.
        for number, line in enumerate(text.split("\n"), start=1):
            if in_multiline is not None:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                    locator.unclosed_string = None
                continue
            if (header := _ARRAY_HEADER.match(line)) is not None:
                names = tuple(_split(header.group(1)))
                index = array_counts.get(names, 0)
                array_counts[names] = index + 1
                context = (*names, index)
                position = (number, line.index("[[") + 1)
                locator.positions.setdefault(context, position)
                locator.positions.setdefault(names, position)
                continue
            if (header := _TABLE_HEADER.match(line)) is not None:
                context = tuple(_split(header.group(1)))
                locator._add(context, (number, line.index("[") + 1), f"[{header.group(1)}]")
                continue
            if (key_line := _KEY_LINE.match(line)) is not None:
                path = (*context, *_split(key_line.group(2)))
                column = len(key_line.group(1)) + 1
                locator._add(path, (number, column), f'"{key_line.group(2)}"')
                rest = line[key_line.end() :]
                for quote in _MULTILINE_QUOTES:
                    if rest.count(quote) % 2 == 1:
                        in_multiline = quote
                        opening = key_line.end() + rest.index(quote) + 1
                        locator.unclosed_string = (number, opening)
        return locator

    def find(self, path: Path_) -> tuple[int, int] | None:
        """The position of `path`, or of its nearest enclosing key or table that was found."""
        probe = tuple(path)
        while probe:
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return None
