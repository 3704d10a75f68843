"""The exit statuses of `psoas`, named once: what a script calling `psoas` can rely on."""

from __future__ import annotations

import signal

OK = 0
"""Everything asked for was done (for `check`: every file is valid)."""
PROBLEMS = 1
"""A file, a routine name or a folder is wrong; one line per problem was printed on stderr."""
USAGE = 2
"""The command line is wrong (argparse's own status), or the app was asked for without a
terminal."""
SOFTWARE = 70
"""An unexpected error (a bug): a crash report was written (`EX_SOFTWARE` of sysexits.h)."""
INTERRUPTED = 128 + signal.SIGINT
"""Ctrl-C."""


def from_signal(signum: int) -> int:
    """The shell's convention for a process ended by a signal: 128 + its number."""
    return 128 + signum
