"""Make text from files safe to print on a terminal (no escape sequences or control characters)."""

from __future__ import annotations

import unicodedata


def printable(text: str) -> str:
    """`text` with control characters shown as escapes, so a file cannot drive the terminal."""
    out = []
    for char in text:
        if char in "\t" or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"):
            out.append(char)
        else:
            out.append(char.encode("unicode_escape").decode("ascii"))
    return "".join(out)
