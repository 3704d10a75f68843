"""`psoas` in a real pseudo-terminal, for tests of signals and closed terminals: start it, type
at it, hang its terminal up or signal it, and time how long it takes to end."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from types import TracebackType

from psoas_tui import paths
from psoas_tui.store.history import History
from psoas_tui.store.records import SessionRow

EXIT_WITHIN = 1.0
"""Seconds the app may take to end after its terminal closes or a stop signal comes."""


def _take_terminal() -> None:
    """In the child, after `setsid`: make standard input its controlling terminal, as a
    terminal window does for the shell it starts (so closing the terminal sends SIGHUP)."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyApp:
    """`python -m psoas_tui ARGS` (or `python -c CODE ARGS`) on a pty of `size` (columns,
    lines), its output drained (and kept) so that it never blocks on a full terminal. With
    `controlling=False` the pty is not the process's controlling terminal: closing it sends no
    SIGHUP, reads just end."""

    def __init__(
        self,
        *args: str,
        size: tuple[int, int] = (80, 24),
        controlling: bool = True,
        stdout: int | None = None,
        code: str | None = None,
    ) -> None:
        self.master, slave = os.openpty()
        termios.tcsetwinsize(slave, (size[1], size[0]))
        env = {**os.environ, "TERM": "xterm-256color"}
        for name in ("COLUMNS", "LINES", "TEXTUAL_DRIVER"):
            env.pop(name, None)
        self.process = subprocess.Popen(
            [sys.executable, *(["-m", "psoas_tui"] if code is None else ["-c", code]), *args],
            stdin=slave,
            stdout=slave if stdout is None else stdout,
            stderr=slave,
            env=env,
            start_new_session=True,
            preexec_fn=_take_terminal if controlling else None,
        )
        os.close(slave)
        self.started = time.monotonic()
        self.output = bytearray()
        self._stop_reading = threading.Event()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()
        self._closed = False

    def _drain(self) -> None:
        while not self._stop_reading.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.02)
            if ready:
                try:
                    data = os.read(self.master, 65536)
                except OSError:
                    return
                if not data:
                    return
                self.output += data

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def sleep_until(self, seconds_after_start: float) -> None:
        time.sleep(max(0.0, self.started + seconds_after_start - time.monotonic()))

    def hang_up(self) -> float:
        """Close the terminal (its master side), as closing a window does; the time it was."""
        self._stop_reading.set()
        self._reader.join()
        os.close(self.master)
        self._closed = True
        return time.monotonic()

    def send(self, signum: int) -> float:
        self.process.send_signal(signum)
        return time.monotonic()

    def seconds_to_exit(self, since: float, timeout: float = 10.0) -> float:
        """Seconds from `since` until the process ended (waiting at most `timeout`); then what it
        wrote last is read too (the reader ends once the terminal's other side is closed)."""
        seconds = wait_for_exit(self.process, since, timeout)
        if not self._closed:
            self._reader.join(timeout=2.0)
        return seconds

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if not self._closed:
            self._stop_reading.set()
            self._reader.join()
            os.close(self.master)


def wait_for_exit(process: subprocess.Popen[bytes], since: float, timeout: float = 10.0) -> float:
    """Seconds from `since` until `process` ended, polled every 5 ms (at most `timeout`)."""
    deadline = since + timeout
    while process.poll() is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"psoas still running {timeout} s later")
        time.sleep(0.005)
    return time.monotonic() - since


def wait_until(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the condition never came true")
        time.sleep(0.02)


def sessions() -> list[SessionRow]:
    """The sessions in the test's history database (none when it does not exist yet)."""
    if not paths.history_db().exists():
        return []
    with History.open(paths.history_db()) as history:
        return history.sessions()


def recorded_segments() -> int:
    """Segments finished (done or skipped) in the one session recorded so far, else 0."""
    found = sessions()
    return found[0].tally.sets_total if found else 0


def signal_name(signum: int) -> str:
    return signal.Signals(signum).name
