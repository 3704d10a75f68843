"""Benchmark: launch to first frame of `psoas` (home screen) beside a bare Textual app.

Each program runs in a pseudo-terminal (80×24); the time is from `fork` until its first frame's
marker text has been written to the terminal. Runs are interleaved so machine noise hits both
alike; medians are compared. Also measured with 1,000 user routines in PSOAS_HOME.

    .venv/bin/python bench/launch.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("bare textual app")
        yield Footer()

Bare().run()
"""


def first_frame_seconds(argv: list[str], marker: bytes, env: dict[str, str]) -> float:
    """Seconds from fork until `marker` appears on the terminal (the program is then killed)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    elapsed = float("nan")
    deadline = start + 30
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if marker in seen:
                elapsed = time.perf_counter() - start
                break
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
    return elapsed


def fill(folder: Path, count: int) -> None:
    routines = folder / "routines"
    routines.mkdir(parents=True, exist_ok=True)
    builtins = sorted((ROOT / "routines").glob("*.toml"))
    for number in range(count):
        shutil.copy(builtins[number % len(builtins)], routines / f"r{number:04d}.toml")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        empty, full = Path(tmp) / "empty", Path(tmp) / "full"
        for home in (empty, full):
            home.mkdir()
            (home / "settings.toml").write_text("safety_note_seen = true\n")
        fill(full, 1000)
        bare_file = Path(tmp) / "bare.py"
        bare_file.write_text(BARE_APP)
        base_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
        runs: dict[str, list[float]] = {"bare": [], "psoas": [], "psoas+1000": []}
        for _ in range(args.repeat):
            runs["bare"].append(
                first_frame_seconds([sys.executable, str(bare_file)], b"bare textual app", base_env)
            )
            for name, home in (("psoas", empty), ("psoas+1000", full)):
                env = {**base_env, "PSOAS_HOME": str(home)}
                argv = [sys.executable, "-m", "psoas_tui"]
                runs[name].append(first_frame_seconds(argv, b"Suggested now", env))
    bare = statistics.median(runs["bare"])
    print(f"runs: {args.repeat} each, interleaved; medians (min–max)")
    for name, values in runs.items():
        median = statistics.median(values)
        spread = f"({1000 * min(values):.0f}–{1000 * max(values):.0f})"
        print(f"  {name:<11} {1000 * median:7.1f} ms  {spread}  {median / bare:.2f}× bare")


if __name__ == "__main__":
    main()
