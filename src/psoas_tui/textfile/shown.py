"""How a value from a file is shown inside a one-line message: text quoted and escaped as TOML
writes it, long text cut short, and numbers too large to print said in words."""

from __future__ import annotations

import math
import unicodedata
from datetime import date, datetime, time
from typing import Any

SHORT_TEXT = 40
"""Text longer than this many characters is cut short in a message."""
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
"""TOML's short escapes."""
_UNSEEN = ("Cc", "Cf", "Cs", "Co", "Zl", "Zp")
"""Control, format and private characters, and line and paragraph separators."""
_PLAIN_BITS = 64
"""Whole numbers up to this size (every TOML integer) are printed in full."""


def escaped(text: str) -> str:
    """`text` with backslashes, quotes and every character that is not seen or breaks a line
    written as a TOML escape, so that it stays on one line and reads back the same."""
    return "".join(_ESCAPES.get(char) or _unseen(char) or char for char in text)


def visible(text: str, limit: int = 80) -> str:
    """Text copied from a file (a key as written, say), cut to `limit` characters, with only the
    characters that are not seen or break a line escaped."""
    shown = _cut(text, limit)
    return "".join(_unseen(char) or char for char in shown)


def quoted(text: str, limit: int = SHORT_TEXT) -> str:
    """`text` as a TOML string in double quotes, cut to `limit` characters and an ellipsis."""
    return f'"{escaped(_cut(text, limit))}"'


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "…"


def _unseen(char: str) -> str:
    """`\\u2028` for a character that is not seen or breaks a line, else ""."""
    if char == "\t" or unicodedata.category(char) not in _UNSEEN:
        return ""
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def digit_count(number: int) -> int:
    """How many decimal digits `number` has, worked out without converting it to text (which
    Python refuses beyond 4,300 digits, and which takes quadratic time)."""
    magnitude = abs(number)
    if magnitude.bit_length() <= _PLAIN_BITS:
        return len(str(magnitude))
    digits = math.floor((magnitude.bit_length() - 1) * math.log10(2)) + 1
    power = 10 ** (digits - 1)
    while magnitude < power:
        digits, power = digits - 1, power // 10
    while magnitude >= power * 10:
        digits, power = digits + 1, power * 10
    return digits


def shown_int(number: int) -> str:
    """`-12`; or, beyond 64 bits, "a number with 5001 digits" (printing it helps nobody)."""
    if abs(number).bit_length() <= _PLAIN_BITS:
        return str(number)
    sign = "a negative" if number < 0 else "a"
    return f"{sign} number with {digit_count(number)} digits"


def shown_value(value: Any) -> str:
    """A value read from TOML as a message shows it: `"text"`, `true`, `12`, `1.5`, `inf`,
    `1979-05-27`, "a table", "a list"."""
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return shown_int(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return escaped(type(value).__name__)
