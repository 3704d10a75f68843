"""Make text from files and the database safe to show on a terminal: `printable` for text, and
`printable_json` for JSON. Every screen and every CLI line that shows such text goes through them.
"""

from __future__ import annotations

import re
import unicodedata

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
"""Characters a terminal may act on, or that change how the text around them reads: C0 and DEL,
C1 (CSI U+009B, NEL U+0085 …), format characters (bidi overrides such as U+202E, zero-width
ones), lone surrogates (undecodable file names), private use, line and paragraph separators."""


def _unsafe(char: str) -> bool:
    """Whether `char` must not reach a terminal as it is (a tab may)."""
    return char != "\t" and unicodedata.category(char) in _UNSAFE_CATEGORIES


def printable(text: str) -> str:
    """`text` with control characters shown as escapes (`\\x1b`, `\\x9b`, `\\u202e`, `\\n` …),
    so a file cannot drive the terminal. The result has no such character, and passing it
    through again changes nothing."""
    if text.isprintable():  # the usual case, with no work
        return text
    return "".join(
        char.encode("unicode_escape").decode("ascii") if _unsafe(char) else char for char in text
    )


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if not _unsafe(char):
        return char
    code = ord(char)
    if code > 0xFFFF:  # JSON spells a character beyond the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


_NOT_ASCII = re.compile(r"[^\n\x20-\x7e]")


def printable_json(data: object) -> str:
    """`data` as indented JSON that is safe to print: the characters `printable` escapes are
    written as `\\uXXXX` (so the JSON still holds the exact text), other Unicode stays readable."""
    import json  # (only here: the app, which shows no JSON, need not load it)

    return _NOT_ASCII.sub(_json_escape, json.dumps(data, indent=2, ensure_ascii=False))
