"""Desktop notifications without a library: `notify-send` on Linux desktops, `osascript` on
macOS, else the terminal bell. The text goes to the program as arguments (no shell), and a
program that fails or hangs past `TIMEOUT` falls back to the bell."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from typing import TextIO

TIMEOUT = 5.0
"""Seconds a notification program has before the bell rings instead."""
BELL = "\a"

# AppleScript reads the title and text from its own arguments, so no text is ever quoted into it.
_OSASCRIPT = (
    "on run argv",
    "display notification (item 2 of argv) with title (item 1 of argv)",
    "end run",
)


def notification_command(
    title: str,
    text: str,
    which: Callable[[str], str | None] = shutil.which,
    platform: str = sys.platform,
) -> list[str] | None:
    """The command that shows a desktop notification here, or None (no such program)."""
    if platform == "darwin":
        found = which("osascript")
        if found is not None:
            return [found, *(part for line in _OSASCRIPT for part in ("-e", line)), title, text]
        return None
    found = which("notify-send")
    if found is not None:
        return [found, "--app-name=psoas", title, text]
    return None


def notify(
    title: str,
    text: str,
    terminal: TextIO,
    which: Callable[[str], str | None] = shutil.which,
    platform: str = sys.platform,
) -> str:
    """Show a notification; how it was shown: the program's name, or "bell" when the bell was
    written to `terminal` instead (no program, or it failed)."""
    command = notification_command(title, text, which, platform)
    if command is not None:
        try:
            done = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            pass
        else:
            if done.returncode == 0:
                return command[0].replace("\\", "/").rpartition("/")[2]
    terminal.write(BELL)
    terminal.flush()
    return "bell"
