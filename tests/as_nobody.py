"""Run psoas in a subprocess as a user without privileges, to meet real permission errors.

Root reads and writes files of any mode, so when the tests run as root the child imports what it
needs first (the interpreter's own files may be out of the other user's reach), then becomes
`nobody` (uid 65534). As another user, the child just runs: the modes apply to it already.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

NOBODY = 65534

CHILD = textwrap.dedent(
    """
    import argparse, contextlib, email.parser, errno, importlib.metadata, json, os, platform
    import shlex, sqlite3, sys, tomllib, traceback
    import tomli_w
    from psoas_tui.cli import crash_report, history, listing, main, play, selftest
    with contextlib.suppress(ImportError):
        from psoas_tui.cli import preflight
    from psoas_tui.catalogue.load import load_catalogue
    from psoas_tui.routine import library
    from psoas_tui.selftest import answers, prescribe, questions, report
    from psoas_tui.store import settings
    from psoas_tui.textfile import printable

    load_catalogue()
    questions.answers_help()
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid({uid})
        os.setuid({uid})
    exec(sys.argv[1])
    """
).format(uid=NOBODY)


@cache
def unavailable() -> str | None:
    """Why a child cannot run as an unprivileged user here (None when it can)."""
    if os.geteuid() != 0:
        return None
    probe = subprocess.run(
        [sys.executable, "-c", f"import os; os.setgid({NOBODY}); os.setuid({NOBODY})"],
        capture_output=True,
        check=False,
    )
    return None if probe.returncode == 0 else "cannot become an unprivileged user here"


@contextlib.contextmanager
def folder() -> Iterator[Path]:
    """A temporary folder the unprivileged user can reach (and that it owns)."""
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    place = Path(tempfile.mkdtemp(prefix="psoas-nobody-"))
    try:
        place.chmod(0o755)
        own(place)
        yield place
    finally:
        for path in place.rglob("*"):  # give back the modes the tests took away
            with contextlib.suppress(OSError):
                path.chmod(0o700)
        shutil.rmtree(place)


def own(*paths: Path) -> None:
    """Give `paths` to the unprivileged user (when running as root)."""
    if os.geteuid() == 0:
        for path in paths:
            os.chown(path, NOBODY, NOBODY)


def run(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Run `code` as the unprivileged user with PSOAS_HOME set to `home`."""
    env = {**os.environ, "PSOAS_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-c", CHILD, code],
        capture_output=True,
        text=True,
        env=env,
        cwd=home.parent if home.parent.is_dir() else None,
        timeout=60,
        check=False,
    )


def psoas(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """`psoas ARGV` as the unprivileged user."""
    return run(f"sys.exit(main.main({list(argv)!r}))", home)
