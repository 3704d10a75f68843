"""Run `psoas` in this process (its `main`), as the CLI tests do."""

from __future__ import annotations

import pytest

from psoas_tui.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`psoas ARGV`: its exit code, what it printed and what it said on standard error."""
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
