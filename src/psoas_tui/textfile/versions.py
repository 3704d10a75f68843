"""Versioned files: one wording for "this file comes from a newer psoas-tui"."""

from __future__ import annotations


def newer_schema_message(found: int, known: int, what: str = "schema") -> str:
    return (
        f"{what} {found} is newer than this program understands (it reads {what} {known}); "
        "update psoas-tui to open this file"
    )


def check_schema(found: int, known: int) -> int:
    """`found` if this program can read it; a ValueError saying so otherwise."""
    if found > known:
        raise ValueError(newer_schema_message(found, known))
    return found
