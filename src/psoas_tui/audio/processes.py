"""Helper programs run in the background (a sound player, a speech engine): started without a
shell and without waiting, reaped when they end, killed when no longer wanted, so that none is
left behind."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

FILE = "{file}"
"""Stands in a command for the file it plays or writes."""
FILE_VARIABLE = "PSOAS_AUDIO_FILE"
"""The same file, in the helper's environment (for a script, where quoting a path is fragile)."""
AUDIO_SWITCH = "PSOAS_AUDIO"
"""`PSOAS_AUDIO=off` in the environment: no sound player and no speech engine is looked for
(the terminal bell only)."""


SERVED = "PSOAS_SERVED"
"""`PSOAS_SERVED=1`, set by `psoas serve` for the app it runs for each page: the app's terminal is
a web page (textual-serve's driver, through pipes), not this process's standard streams, and its
cues can only ring the page's bell."""


def served() -> bool:
    """The app runs for a page of `psoas serve` (its screen is drawn by textual-serve's driver)."""
    return os.environ.get(SERVED) == "1" and bool(os.environ.get("TEXTUAL_DRIVER"))


def audio_switched_off() -> bool:
    return os.environ.get(AUDIO_SWITCH, "").strip().lower() in ("off", "0", "no", "false")


def with_file(command: Sequence[str], path: Path) -> list[str]:
    """`command` with `path` in place of `{file}`."""
    return [part.replace(FILE, str(path)) for part in command]


def file_environment(path: Path | None) -> dict[str, str]:
    """This process's environment, with `path` as `PSOAS_AUDIO_FILE`."""
    environment = dict(os.environ)
    if path is not None:
        environment[FILE_VARIABLE] = str(path)
    return environment


_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)
"""On Windows, no console window pops up for a helper."""


class Helpers:
    """The helper processes started and not yet reaped."""

    def __init__(self) -> None:
        self.running: list[subprocess.Popen[bytes]] = []
        self.succeeded = 0
        self.failed = 0

    def start(
        # (a session of its own: Ctrl-C in the terminal reaches the app, not its helpers)
        self,
        argv: list[str],
        text: str | None = None,
        path: Path | None = None,
        keep_open: bool = False,
    ) -> subprocess.Popen[bytes] | None:
        """Start `argv` (with `text` on its standard input, `path` as `PSOAS_AUDIO_FILE`);
        None when it cannot start. With `keep_open` its standard input stays open for more."""
        self.reap()
        try:
            process = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL if text is None else subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                close_fds=True,
                env=file_environment(path),
                start_new_session=sys.platform != "win32",
                creationflags=_NO_WINDOW,
            )
        except OSError:
            self.failed += 1
            return None
        if text is not None and process.stdin is not None:
            # a few hundred bytes: the pipe takes them at once, the helper reads them at leisure
            with contextlib.suppress(OSError):
                process.stdin.write(text.encode("utf-8", "replace"))
                process.stdin.flush()
            if not keep_open:
                with contextlib.suppress(OSError):
                    process.stdin.close()
        self.running.append(process)
        return process

    def reap(self) -> None:
        """Forget the processes that have ended, counting how they ended."""
        still: list[subprocess.Popen[bytes]] = []
        for process in self.running:
            code = process.poll()
            if code is None:
                still.append(process)
            elif code == 0:
                self.succeeded += 1
            elif code > 0:  # (killed ones, code < 0, were cut off on purpose)
                self.failed += 1
        self.running = still

    @property
    def broken(self) -> bool:
        """The program never worked and failed twice: no sound device, say. (Read from any
        thread: it only reads the counts of the last `reap`.)"""
        return self.succeeded == 0 and self.failed >= 2

    def stop(self, process: subprocess.Popen[bytes]) -> None:
        """Kill `process` if it still runs, and reap it."""
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        if process.poll() is None:
            with contextlib.suppress(OSError):
                process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=1.0)
        self.reap()

    def stop_all(self) -> None:
        for process in list(self.running):
            self.stop(process)
        self.running = [process for process in self.running if process.poll() is None]
