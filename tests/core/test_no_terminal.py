"""Without a terminal the app does not start: `psoas`, `psoas play X` and `psoas selftest` say so
in one line and exit 2, whatever standard input is (a file, closed) and standard output is (a pipe,
a file); the text commands work the same with no terminal at all. With standard output alone a
pipe (`psoas | cat`) the app runs, at the size of the terminal it draws on."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

import pytest

from psoas_tui import paths
from psoas_tui.store.settings import Settings, save_settings

ROOT = Path(__file__).resolve().parents[2]
PSOAS = [sys.executable, "-m", "psoas_tui"]
APP_COMMANDS = [[], ["play", "desk-break"], ["selftest"]]
NO_TERMINAL = "psoas: the app needs a terminal"


def _psoas(argv: list[str], stdin: str, stdout: int | IO[Any], **options: Any) -> Any:
    """Run `psoas ARGV` with standard input from /dev/null or closed (`<&-` in a shell)."""
    if stdin == "closed":
        command = ["sh", "-c", 'exec "$@" <&-', "sh", *PSOAS, *argv]
        return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, timeout=20, **options)
    return subprocess.run(
        [*PSOAS, *argv],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=20,
        **options,
    )


def _refused(result: Any, stdout: bytes) -> None:
    """One line on standard error, exit 2, nothing on standard output, no session recorded."""
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith(NO_TERMINAL), lines
    assert "psoas list" in lines[0] or "--answers" in lines[0]
    assert stdout == b""
    assert not paths.history_db().exists()


@pytest.mark.parametrize("stdin", ["/dev/null", "closed"])
@pytest.mark.parametrize("argv", APP_COMMANDS, ids=lambda argv: " ".join(["psoas", *argv]))
def test_the_app_with_no_terminal_says_so_and_exits_2(
    argv: list[str], stdin: str, tmp_path: Path
) -> None:
    """Item 6: standard output a pipe, or a file."""
    result = _psoas(argv, stdin, subprocess.PIPE)
    _refused(result, result.stdout)
    out = tmp_path / "out.txt"
    with out.open("wb") as file:
        result = _psoas(argv, stdin, file)
    _refused(result, out.read_bytes())


def test_the_app_with_only_its_input_a_terminal_says_so_and_exits_2(tmp_path: Path) -> None:
    """Standard input a terminal but standard error (where the app draws) a pipe."""
    master, slave = os.openpty()
    try:
        result = subprocess.run(PSOAS, stdin=slave, capture_output=True, timeout=20)
    finally:
        os.close(slave)
        os.close(master)
    _refused(result, result.stdout)


TEXT_COMMANDS = [
    ["check", str(ROOT / "routines" / "desk-break.toml")],
    ["list"],
    ["show", "desk-break"],
    ["history"],
    ["exercises"],
    ["schema"],
    ["selftest", "--answers", str(ROOT / "examples" / "selftest-answers.toml")],
]


@pytest.mark.parametrize("argv", TEXT_COMMANDS, ids=lambda argv: argv[0])
def test_text_commands_work_with_no_terminal(argv: list[str], tmp_path: Path) -> None:
    """Standard input closed, standard output a file; then /dev/null and a pipe."""
    out = tmp_path / "out.txt"
    with out.open("wb") as file:
        result = _psoas(argv, "closed", file)
    assert (result.returncode, result.stderr) == (0, b"")
    assert out.read_bytes().strip() and b"\x1b" not in out.read_bytes()
    piped = _psoas(argv, "/dev/null", subprocess.PIPE)
    assert (piped.returncode, piped.stderr, piped.stdout) == (0, b"", out.read_bytes())


def test_the_app_with_its_output_piped_draws_at_the_terminal_size(psoas_home: Path) -> None:
    """`psoas | cat`: the app draws on standard error, so it runs, on the whole terminal (not the
    80 × 24 guessed when standard output, which is not the terminal, is asked its size)."""
    from terminals import PtyApp, wait_until

    save_settings(Settings(safety_note_seen=True))  # straight to the player
    with PtyApp("play", "desk-break", size=(100, 30), stdout=subprocess.PIPE) as app:
        wait_until(lambda: b" left" in app.output)
        app.sleep_until(1.0)
        lines = re.findall(rb"\x1b\[(\d+);\d+H", bytes(app.output))  # cursor moves
        app.seconds_to_exit(app.send(signal.SIGTERM))
        assert app.process.stdout is not None and app.process.stdout.read() == b""
    assert max(int(line) for line in lines) == 30
