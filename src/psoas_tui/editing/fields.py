"""What a person types in an editor field, turned into the value a routine file holds (and back).

A value that cannot be read is kept as the text typed, so that the check says what is wrong with
it in the words of `psoas check` ("… must be a whole number (got "ten")").
"""

from __future__ import annotations

from typing import Any

from psoas_tui.textfile.printable import printable

WHOLE_NUMBERS = frozenset(
    {"sets", "hold_seconds", "reps", "rest_seconds", "prep_seconds", "switch_seconds"}
)
NUMBERS = frozenset({"tempo_seconds"})
LISTS = frozenset({"tags", "steps", "cues"})
FLAGS = frozenset({"per_side"})
NEW_LINE = "⏎"
"""How a line break inside a value is shown in a one-line field (and typed there)."""


def value_from_text(key: str, text: str) -> Any:
    """The value for field `key` from the text typed: None (left out) when it is empty."""
    stripped = text.strip()
    if key in LISTS:
        return [part.strip() for part in text.split(",") if part.strip()] or None
    if not stripped:
        return None
    if key in WHOLE_NUMBERS:
        try:
            return int(stripped)
        except ValueError:
            return stripped
    if key in NUMBERS:
        try:
            number = float(stripped)
        except ValueError:
            return stripped
        return int(number) if number.is_integer() else number
    if key in FLAGS:
        lowered = stripped.lower()
        if lowered in ("true", "yes", "y", "1"):
            return True
        if lowered in ("false", "no", "n", "0"):
            return False
        return stripped
    return text.replace(NEW_LINE, "\n")


def text_from_value(key: str, value: Any) -> str:
    """The text to show in the field for `value` ("" when left out)."""
    if value is None:
        return ""
    if key in LISTS and isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").replace("\n", NEW_LINE)


def display_text(key: str, value: Any) -> str:
    """`text_from_value`, with any control character left shown as an escape (`\\x1b`): text
    from a file never drives the terminal. Typed over, the escape is kept as the text it shows."""
    return printable(text_from_value(key, value))
