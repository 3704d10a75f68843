"""Crash reports: an unexpected error is written to a file under the user log folder, with what
is needed to fix it, and the terminal gets one line saying what happened and where the file is."""

from __future__ import annotations

import contextlib
import os
import platform
import shlex
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from psoas_tui import paths

"""The exit status after an unexpected error (EX_SOFTWARE in sysexits.h)."""

_MESSAGE_CHARS = 200


def report_crash(
    error: BaseException,
    *,
    argv: Sequence[str] | None = None,
    when: datetime | None = None,
    stream: TextIO | None = None,
) -> Path | None:
    """Save a report of `error` and print one line about it; the report's path, or None.

    `argv` defaults to `sys.argv`, `when` to now and `stream` to stderr. Never raises (but for
    KeyboardInterrupt): a report that cannot be saved is said so in the same one line.
    """
    from psoas_tui.textfile.printable import printable

    what = f"psoas: unexpected error ({describe(error)})"
    report: Path | None = None
    try:
        report = save_crash_report(error, argv=argv, when=when)
    except Exception as failure:
        line = (
            f"{what}; the crash report could not be saved in {paths.crash_dir()} "
            f"({describe(failure)})"
        )
    else:
        line = f"{what}; a report was saved to {report} — please include it when reporting the bug"
    with contextlib.suppress(OSError, ValueError):  # no terminal left to tell (stderr closed)
        print(printable(line), file=stream or sys.stderr, flush=True)
    return report


def save_crash_report(
    error: BaseException, *, argv: Sequence[str] | None = None, when: datetime | None = None
) -> Path:
    """Write the report of `error` atomically to a new file in the crash folder; its path."""
    from psoas_tui.textfile.atomic import atomic_write_text

    when = when or datetime.now().astimezone()
    path = _new_report_path(paths.crash_dir(), when)
    atomic_write_text(path, crash_report_text(error, sys.argv if argv is None else argv, when))
    return path


def crash_report_text(error: BaseException, argv: Sequence[str], when: datetime) -> str:
    """The report: versions, platform, command line, time and the full traceback."""
    from psoas_tui import __version__

    fields = [
        ("time", when.isoformat(timespec="seconds")),
        ("psoas-tui", __version__),
        ("textual", _installed_version("textual")),
        ("python", f"{platform.python_implementation()} {sys.version}"),
        ("platform", platform.platform()),
        ("command", shlex.join(argv)),
        ("error", describe(error)),
    ]
    header = "\n".join(f"{name + ':':<11}{value}" for name, value in fields)
    trace = "".join(traceback.format_exception(error))
    return (
        "psoas-tui crash report. Please include this file when you report the bug.\n\n"
        f"{header}\n\n{trace}"
    )


def describe(error: BaseException) -> str:
    """`Type: message` on one line (the first line of the message, shortened when long)."""
    try:
        message = str(error)
    except Exception:
        message = "(the message could not be shown)"
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    if len(lines) > 1 or len(first) > _MESSAGE_CHARS:
        first = first[:_MESSAGE_CHARS].rstrip() + " …"
    name = type(error).__name__
    return f"{name}: {first}" if first else name


def _new_report_path(folder: Path, when: datetime) -> Path:
    """`crash-<date>-<time>-<pid>.txt` in `folder`, with a counter if that name is taken."""
    stem = f"crash-{when:%Y%m%d-%H%M%S}-{os.getpid()}"
    path = folder / f"{stem}.txt"
    counter = 2
    while path.exists():
        path = folder / f"{stem}-{counter}.txt"
        counter += 1
    return path


def _installed_version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"
