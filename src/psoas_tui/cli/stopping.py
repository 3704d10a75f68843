"""Ending the app on SIGTERM, SIGHUP, SIGINT or a terminal that goes away: within a second, at
any moment from start-up to shutdown, with a session in progress kept as interrupted.

The signal handlers only ask the app to exit (waking its event loop) and wake a watchdog thread;
they never wait on a lock or touch the history, which the code they interrupt may be using. The
watchdog also notices a terminal that has gone without a SIGHUP (the process is not in the
terminal's session) and raises one. If the app has not ended `GRACE` seconds after a signal (its
loop blocked, say on a write to a terminal that is gone), the watchdog records the open sessions
as interrupted, puts the terminal back as well as it can and ends the process with `os._exit`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any, NoReturn

from psoas_tui.cli import exit_codes

if TYPE_CHECKING:
    from psoas_tui.tui.app import PsoasApp

STOP_SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")
GRACE = 0.5
"""Seconds the app has to end by itself after a signal."""
RECORDING_TIME = 0.15
"""Seconds the watchdog gives the history to record open sessions before it ends the process."""
WATCH_INTERVAL = 0.25
"""Seconds between two looks at whether the terminal is still there (with `GRACE`, a closed
terminal ends a hung app within 0.75 s)."""


class StoppedBeforeStart(BaseException):
    """A stop signal came before the app existed: there is nothing to end but the start-up."""


def _is_terminal(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


class Stopper:
    """While in its `with` block, ends the app attached to it on a stop signal; the signals'
    previous handlers come back at the end of the block. `return_code` is 128 + the signal's
    number once one has come (the shell's convention), else None."""

    def __init__(self, terminal_fds: tuple[int, ...] = (0, 2)) -> None:
        self.signum: int | None = None
        self._app: PsoasApp | None = None
        self._terminals = [fd for fd in terminal_fds if _is_terminal(fd)]
        self._requested = threading.Event()
        self._done = threading.Event()
        self._previous: dict[int, Any] = {}
        self._watchdog = threading.Thread(target=self._watch, name="psoas-watchdog", daemon=True)

    @property
    def return_code(self) -> int | None:
        return None if self.signum is None else exit_codes.from_signal(self.signum)

    def __enter__(self) -> Stopper:
        for name in STOP_SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, self._on_signal)
        self._watchdog.start()
        return self

    def attach(self, app: PsoasApp) -> None:
        """From now on a signal ends `app` (before, it ends the start-up)."""
        self._app = app

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._done.set()
        self._requested.set()
        self._watchdog.join()
        for number, handler in self._previous.items():
            signal.signal(number, handler)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self.signum is not None or self._done.is_set():
            return
        self.signum = signum
        self._requested.set()
        if self._app is None:
            raise StoppedBeforeStart
        self._app.exit_from_signal(exit_codes.from_signal(signum))

    def _watch(self) -> None:
        """The watchdog thread: looks at the terminal until a signal comes, then gives the app
        `GRACE` seconds to end."""
        while not self._requested.wait(WATCH_INTERVAL):
            if any(not _is_terminal(fd) for fd in self._terminals):
                self._terminals = []
                os.kill(os.getpid(), getattr(signal, "SIGHUP", signal.SIGTERM))
        if not self._done.wait(GRACE):
            self._end_now()

    def _end_now(self) -> None:
        app = self._app
        if app is not None:
            recording = threading.Thread(target=_interrupt_quietly, args=(app,), daemon=True)
            recording.start()
            recording.join(RECORDING_TIME)
            with contextlib.suppress(Exception):
                app.restore_terminal_now()
        os._exit(self.return_code or 1)


def end_process(code: int) -> NoReturn:
    """End the process at once with `code`, once standard output and error are flushed: after a
    stop signal, worker threads still busy (reading routines, say) are not waited for."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()
    os._exit(code)


def _interrupt_quietly(app: PsoasApp) -> None:
    with contextlib.suppress(Exception):
        app.interrupt_open_sessions()
