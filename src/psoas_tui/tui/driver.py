"""The terminal driver: Textual's own for Linux and macOS, made to let go of a terminal that has
gone away (a closed window, a killed tmux server) instead of hanging, and to take its size from
the terminal it draws on (standard error) even when standard output is a pipe."""

from __future__ import annotations

import contextlib
import fcntl
import os
import selectors
import signal
import termios
import threading
from codecs import getincrementaldecoder
from typing import TYPE_CHECKING, Any

from textual._parser import ParseError
from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

if TYPE_CHECKING:
    from textual.app import App

RESET_SEQUENCES = (
    "\x1b[<u"  # the Kitty keyboard protocol off
    "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l"  # mouse reporting off
    "\x1b[?2004l"  # bracketed paste off
    "\x1b[?7h"  # line wrap back on
    "\x1b[?1004l"  # focus reporting off
    "\x1b[?1049l"  # leave the alternate screen
    "\x1b[?25h"  # show the cursor
)
"""What `stop_application_mode` writes, for a terminal left in a hurry."""


class TerminalOutput:
    """The driver's output (standard error) for Textual's writer thread. A write that fails
    because the terminal has gone (EIO) is dropped, and so is every later one: the writer thread
    lives on to drain its queue, instead of dying and leaving the app blocked for ever on a full
    queue."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.gone = False
        """A write or a flush has failed: the terminal is no longer there."""

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                self._stream.write(text)
            except (OSError, ValueError):
                self.gone = True
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self.gone = True

    def fileno(self) -> int:
        return int(self._stream.fileno())

    def isatty(self) -> bool:
        return not self.gone and os.isatty(self.fileno())


class WakingEvent(threading.Event):
    """Textual's exit event for the input thread, which also wakes that thread at once (a byte
    down a pipe it watches), so that it can wait for input without looking at the event ten
    times a second."""

    def __init__(self, wake_fd: int) -> None:
        super().__init__()
        self._wake_fd = wake_fd

    def set(self) -> None:
        super().set()
        with contextlib.suppress(OSError):
            os.write(self._wake_fd, b"x")


def input_timeout(parser: XTermParser) -> float | None:
    """How long the input thread may wait for a key: until the parser's pending timeout (a lone
    escape becomes the Escape key after a moment), else for ever (the exit event wakes it)."""
    due = getattr(parser, "_timeout_time", 0.0)  # Textual's parser, pinned below 9
    if due is None:
        return None
    return max(0.0, due - get_time())


class PsoasDriver(LinuxDriver):
    """`LinuxDriver` for a terminal that may go away at any moment.

    Closing a terminal sends SIGHUP and then SIGCONT; Textual's SIGCONT handler would start the
    application mode again on the dead terminal, with a new writer thread that dies on its first
    write, and the app would then block on that thread's full queue. Here SIGCONT resumes only a
    terminal that is still there, writes to a gone terminal are dropped, and a read that fails
    (EIO) ends the app as a hang-up does.
    """

    def __init__(
        self,
        app: App[Any],
        *,
        debug: bool = False,
        mouse: bool = True,
        size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        self.output = TerminalOutput(self._file)
        self._file = self.output  # type: ignore[assignment]  # a file-like in Textual's place
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_read, False)
        os.set_blocking(self._wake_write, False)
        self.exit_event = WakingEvent(self._wake_write)

    def terminal_present(self) -> bool:
        """Both ends of the terminal are still there."""
        return os.isatty(self.fileno) and self.output.isatty()

    def _get_terminal_size(self) -> tuple[int, int]:
        """The size of the terminal the app draws on (standard error), else of standard input;
        Textual's own guess reads standard output, which may be a pipe (`psoas | cat`)."""
        for fd in (self.output.fileno(), self.fileno):
            with contextlib.suppress(OSError, ValueError):
                columns, lines = os.get_terminal_size(fd)
                if columns and lines:
                    return columns, lines
        return super()._get_terminal_size()

    def _sigcont_application(self, *args: Any) -> None:
        if self.terminal_present():
            super()._sigcont_application(*args)

    def run_input_thread(self) -> None:
        try:
            self._read_input()
        except OSError:  # the terminal has gone: end as on a hang-up
            os.kill(os.getpid(), signal.SIGHUP)

    def _read_input(self) -> None:
        """Textual's input loop (`LinuxDriver.run_input_thread`), but waiting for a key, for the
        parser's escape timeout or for the exit event's wake-up, where Textual's looks ten times
        a second whether it should end: an app at rest is woken only by what happens."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        selector.register(self._wake_read, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode

        def process(ready: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> None:
            keys = [key for key, mask in ready if mask & selectors.EVENT_READ]
            if any(key.fd == self._wake_read for key in keys):
                with contextlib.suppress(OSError):
                    os.read(self._wake_read, 512)
            if any(key.fd == self.fileno for key in keys):
                data = decode(os.read(self.fileno, 4096), final=final)
                if data:
                    for event in parser.feed(data):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(input_timeout(parser)))
            selector.unregister(self._wake_read)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            with contextlib.suppress(EOFError, ParseError):
                for _ in parser.feed(""):
                    pass

    def restore_terminal_now(self) -> None:
        """Put the terminal back as well as can be done without waiting on anything: its modes
        and the screen, written without blocking. For an app that must end at once."""
        if self.attrs_before is not None:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self.fileno, termios.TCSANOW, self.attrs_before)
        with contextlib.suppress(OSError, ValueError):
            fd = self.output.fileno()
            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
            try:
                os.write(fd, RESET_SEQUENCES.encode())
            finally:
                fcntl.fcntl(fd, fcntl.F_SETFL, flags)
