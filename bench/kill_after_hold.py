"""Benchmark: is a hold on disk when the process is killed (-9) just after it ends?

Each run plays a short routine (a 2 s hold, then a second move) with `psoas play` in a
pseudo-terminal (80×24), PSOAS_HOME in a temp dir, and kills it with SIGKILL:

* `shown`: as soon as the terminal shows GET READY after HOLD (the next segment is shown);
* `+N ms`: N ms after the hold's deadline (the child tells its monotonic deadline; the monotonic
  clock is shared by every process on Linux).

Then it opens the database and counts the runs where the hold was kept. The program must keep
the hold before it shows what comes next (`shown` must be 10 of 10); at a fixed delay after the
deadline, the hold can only be kept once the player has woken up and committed it.

Also: the time of one segment commit (`record_segment`, synchronous=FULL, WAL), the cost the
player adds between a hold's end and the next segment's repaint.

    .venv/bin/python bench/kill_after_hold.py [--runs 10] [--delays 0,2,5,20]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import sqlite3
import statistics
import struct
import sys
import tempfile
import termios
import textwrap
import time
from pathlib import Path

ROUTINE = """schema = 1
name = "Kill bench"

[defaults]
prep_seconds = 1
rest_seconds = 0
switch_seconds = 0

[[moves]]
id = "first-hold"
name = "First hold"
hold_seconds = 2

[[moves]]
id = "zebra-march"
name = "Zebra march"
hold_seconds = 30

[[exercises]]
exercise = "first-hold"
sides = "none"

[[exercises]]
exercise = "zebra-march"
sides = "none"
"""
# The real `psoas play`, told to write where its first hold ends (monotonic seconds).
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from psoas_tui.cli import play
    from psoas_tui.routine.parse import load_routine
    from psoas_tui.tui.screens.player import PlayerScreen

    mount = PlayerScreen.on_mount

    def on_mount(self):
        mount(self)
        session = self.session
        deadline = session._run.started_at
        for segment in session.timeline.segments:
            deadline += segment.seconds or 0
            if segment.kind == "hold":
                break
        Path(sys.argv[2]).write_text(repr(deadline))

    PlayerScreen.on_mount = on_mount
    sys.exit(play.run_app(load_routine(Path(sys.argv[1])).plan))
    """
)


def run_once(folder: Path, delay_ms: float | None) -> bool:
    """Play, kill, and say whether the first hold was kept."""
    home = folder / "home"
    home.mkdir()
    routine = folder / "kill.toml"
    routine.write_text(ROUTINE)
    deadline_file = folder / "deadline"
    env = {**os.environ, "PSOAS_HOME": str(home), "TERM": "xterm-256color"}
    argv = [sys.executable, "-c", CHILD, str(routine), str(deadline_file)]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    give_up = time.monotonic() + 30
    try:
        while time.monotonic() < give_up:
            if delay_ms is not None and deadline_file.exists():
                text = deadline_file.read_text()
                if text:
                    kill_at = float(text) + delay_ms / 1000
                    while time.monotonic() < kill_at:
                        ready, _, _ = select.select(
                            [fd], [], [], max(0, kill_at - time.monotonic())
                        )
                        if ready:
                            os.read(fd, 65536)
                    break
            ready, _, _ = select.select([fd], [], [], 0.001 if delay_ms is not None else 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            hold = seen.find(b"HOLD")
            if delay_ms is None and hold >= 0 and b"GET READY" in seen[hold:]:
                break
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    connection = sqlite3.connect(home / "history.sqlite3")
    try:
        holds = connection.execute("SELECT COUNT(*) FROM segments WHERE kind = 'hold'").fetchone()
    finally:
        connection.close()
    return bool(holds[0])


def commit_seconds(repeat: int = 200) -> list[float]:
    """The time of `record_segment` (one transaction, synchronous=FULL) on a fresh database."""
    from psoas_tui.store.history import History
    from psoas_tui.store.records import SegmentRecord, SessionStart

    record = SegmentRecord(1, "hold", "x", "X", None, 1, 1, "done", 30.0, 30.0)
    times = []
    with tempfile.TemporaryDirectory() as tmp, History.open(Path(tmp) / "h.sqlite3") as history:
        session = history.start_session(SessionStart("r", "R", "", 60.0))
        for _ in range(repeat):
            start = time.perf_counter()
            history.record_segment(session, record)
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--delays", default="0,2,5,20", help="ms after the deadline, comma-sep.")
    args = parser.parse_args()
    cases: list[tuple[str, float | None]] = [("shown", None)]
    cases += [(f"+{d} ms", float(d)) for d in args.delays.split(",") if d]
    for name, delay in cases:
        kept = 0
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                kept += run_once(Path(tmp), delay)
        print(f"kill at {name:<8} hold kept in {kept} of {args.runs} runs")
    times = commit_seconds()
    print(
        f"one segment commit (synchronous=FULL): median {1000 * statistics.median(times):.2f} ms,"
        f" 95th percentile {1000 * sorted(times)[int(0.95 * len(times))]:.2f} ms"
    )


if __name__ == "__main__":
    main()
