"""Whether the app can run here: it reads keys from standard input and draws on standard error
(as Textual does), so both must be a terminal; standard output may be a pipe or a file."""

from __future__ import annotations

import contextlib
import sys
from typing import TextIO

from psoas_tui.audio.processes import SERVED, served

__all__ = ["SERVED", "is_terminal", "missing_terminal", "say", "served"]


def is_terminal(stream: TextIO | None) -> bool:
    """`stream` is open and is a terminal (a closed descriptor's stream is None)."""
    if stream is None:
        return False
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False


def missing_terminal(text_instead: str = "`psoas list` or `psoas show ROUTINE`") -> str | None:
    """The one line that says why the app cannot run here, or None when it can."""
    if served():
        return None
    if is_terminal(sys.__stdin__) and is_terminal(sys.__stderr__):
        return None
    return (
        "psoas: the app needs a terminal (standard input and standard error must be a terminal); "
        f"try {text_instead} for text output"
    )


def say(line: str) -> None:
    """Print `line` on standard error, if there is one to print on."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr, flush=True)
