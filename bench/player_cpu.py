"""Benchmark: CPU used by the player during a 60 s hold, in a real terminal (tmux, 80x24).

Three programs, each in its own private tmux server (`tmux -L ...`) in the same run:

* player: `python -m psoas_tui play ROUTINE` with one 60 s hold (no prep), PSOAS_HOME in a temp dir;
* bare:   a bare Textual app (Header + Static + Footer) that does nothing;
* naive:  a Textual app that updates a Static every 0.1 s with `set_interval` (a countdown redrawn
          on every tick, the usual way to write a timer).

After a start-up wait, the CPU time (utime + stime from /proc/PID/stat, in clock ticks) of each
program's processes (the pane's process and its descendants) is sampled over the window, and
reported as % of one core, with the wake-ups per second (voluntary context switches of all its
threads) and the CPU of the program's tmux server (the terminal's side of the cost). By default the
three run side by side (same noise for all three); `--sequential` runs them one after the other.

    .venv/bin/python bench/player_cpu.py [--seconds 30] [--startup 3] [--sequential]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tmux_procs import (
    BARE_APP,
    CLK_TCK,
    Program,
    Sample,
    home_without_safety_note,
    sample,
    screen,
    start,
    stop,
)

ROUTINE = """schema = 1
name = "CPU bench: one hold"

[defaults]
prep_seconds = 0

[[moves]]
id = "still-hold"
name = "Still hold"
hold_seconds = 60

[[exercises]]
exercise = "still-hold"
sides = "none"
hold_seconds = 60
prep_seconds = 0
"""
NAIVE_APP = """import time

from textual.app import App
from textual.widgets import Footer, Header, Static


class Naive(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Header()
        yield Static("1:00", id="text")
        yield Footer()

    def on_mount(self):
        self.remaining = 60.0
        self.set_interval(0.1, self.tick)

    def tick(self):
        self.remaining = max(0.0, self.remaining - 0.1)
        whole = int(self.remaining + 0.999)
        self.query_one("#text", Static).update(f"{whole // 60}:{whole % 60:02d}")


Naive().run()
"""


@dataclass(frozen=True)
class Result:
    label: str
    percent: float
    wakeups: float
    server_percent: float
    processes: int


def result(program: Program, first: Sample, last: Sample) -> Result:
    if first.pids != last.pids:
        print(f"warning: {program.label}: processes changed {first.pids} -> {last.pids}")
    wall = last.at - first.at
    return Result(
        label=program.label,
        percent=100 * (last.cpu_ticks - first.cpu_ticks) / CLK_TCK / wall,
        wakeups=(last.switches - first.switches) / wall,
        server_percent=100 * (last.server_ticks - first.server_ticks) / CLK_TCK / wall,
        processes=len(last.pids),
    )


def measure(programs: list[Program], home: Path, startup: float, seconds: float) -> list[Result]:
    for program in programs:
        start(program, home)
    try:
        time.sleep(startup)
        for program in programs:
            if program.expect not in screen(program):
                raise SystemExit(f"{program.label} did not start as expected:\n{screen(program)}")
        firsts = [sample(program) for program in programs]
        time.sleep(seconds)
        lasts = [sample(program) for program in programs]
        for program in programs:
            if program.expect not in screen(program):
                raise SystemExit(f"{program.label} changed screen:\n{screen(program)}")
        return [result(p, f, la) for p, f, la in zip(programs, firsts, lasts, strict=True)]
    finally:
        for program in programs:
            stop(program)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="sampling window")
    parser.add_argument("--startup", type=float, default=3.0, help="wait before sampling")
    parser.add_argument("--sequential", action="store_true", help="one program at a time")
    args = parser.parse_args()
    if args.startup + args.seconds > 55:
        sys.exit("player_cpu.py: start-up + window must stay inside the 60 s hold")
    with tempfile.TemporaryDirectory(prefix="psoas-cpu-") as tmp:
        folder = Path(tmp)
        home = folder / "home"
        home_without_safety_note(home)
        (folder / "hold.toml").write_text(ROUTINE)
        (folder / "bare.py").write_text(BARE_APP)
        (folder / "naive.py").write_text(NAIVE_APP)
        tag = f"psoas-cpu-{os.getpid()}"
        python = sys.executable
        programs = [
            Program(
                "player (psoas play, 60 s hold)",
                [python, "-m", "psoas_tui", "play", str(folder / "hold.toml")],
                f"{tag}-player",
                "Still hold",
            ),
            Program("bare Textual app", [python, str(folder / "bare.py")], f"{tag}-bare", "bare"),
            Program(
                "naive 0.1 s set_interval app",
                [python, str(folder / "naive.py")],
                f"{tag}-naive",
                "Quit",
            ),
        ]
        if args.sequential:
            results = [
                measure([program], home, args.startup, args.seconds)[0] for program in programs
            ]
        else:
            results = measure(programs, home, args.startup, args.seconds)
    mode = "one after the other" if args.sequential else "side by side"
    print(
        f"window {args.seconds:g} s after {args.startup:g} s start-up, 80x24 tmux, {mode}; "
        f"clock ticks {CLK_TCK}/s (resolution {100 / CLK_TCK / args.seconds:.3f} %)"
    )
    print(f"{'program':32} {'CPU % core':>10} {'wakeups/s':>10} {'tmux server %':>14}")
    for item in results:
        print(
            f"{item.label:32} {item.percent:10.2f} {item.wakeups:10.1f} {item.server_percent:14.2f}"
        )
    player, bare, naive = results
    if bare.percent > 0:
        print(f"ratio player/bare:  {player.percent / bare.percent:.2f}×")
    if player.percent > 0:
        print(f"ratio naive/player: {naive.percent / player.percent:.2f}×")
    verdict = "met" if player.percent <= 1.0 else "NOT met"
    print(f"goal: player <= 1 % of one core: {verdict} ({player.percent:.2f} %)")


if __name__ == "__main__":
    main()
