"""Benchmark: CPU of a stick figure held still and animated at a rep's tempo, in a real terminal.

Three small Textual apps, each in its own private tmux server (80x24), side by side in one run:

* bare:     a Static and a countdown redrawn once a second (what any hold screen does);
* hold:     the same plus a `PoseFigure` (couch stretch, left side, 40x10 cells) held still;
* reps:     the same plus a `PoseFigure` animated at the fastest tempo of the catalogue
            (mountain climbers, 2 s a rep): a 10 Hz timer asks `figure.show(..., phase)`, and the
            figure repaints only when the phase moves to the next step (6 repaints a second).

The CPU time of each app's processes (utime + stime from /proc) over the window is reported as %
of one core, beside the bare app's, whose figure is the baseline.

    .venv/bin/python bench/figure_cpu.py [--seconds 30] [--startup 4]
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

APP = """import sys, time
from textual.app import App
from textual.widgets import Static
from psoas_tui.figures.tempo import rep_phase
from psoas_tui.tui.widgets.figure import PoseFigure

MODE = sys.argv[1]


class Bench(App):
    CSS = "PoseFigure { width: 40; height: 10; }"

    def compose(self):
        yield Static(MODE, id="mode")
        yield Static("", id="countdown")
        if MODE != "bare":
            yield PoseFigure(id="figure")

    def on_mount(self):
        self.started = time.monotonic()
        self.set_interval(1.0, self.second)
        if MODE == "hold":
            self.query_one(PoseFigure).show("couch-stretch", "left", 1.0)
        if MODE == "reps":
            self.set_interval(0.1, self.frame)

    def second(self):
        self.query_one("#countdown", Static).update(f"{int(time.monotonic() - self.started)} s")

    def frame(self):
        phase = rep_phase(time.monotonic() - self.started, 2.0, {"in": 1, "back": 1})
        self.query_one(PoseFigure).show("mountain-climbers", "left", phase)


Bench().run()
"""
CLK_TCK = os.sysconf("SC_CLK_TCK")
MODES = ("bare", "hold", "reps")


def tmux(socket: str, *args: str) -> str:
    command = ["tmux", "-L", socket, "-f", "/dev/null", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                text = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents.setdefault(int(text[text.rindex(")") + 2 :].split()[1]), []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def cpu_ticks(socket: str) -> int:
    pane = int(tmux(socket, "list-panes", "-t", "bench", "-F", "#{pane_pid}").split()[0])
    total = 0
    for pid in descendants(pane):
        try:
            text = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        total += int(fields[11]) + int(fields[12])
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--startup", type=float, default=4.0)
    options = parser.parse_args()
    script = Path(os.environ.get("TMPDIR", "/tmp")) / f"figure-bench-{os.getpid()}.py"
    script.write_text(APP)
    sockets = {mode: f"figure-bench-{os.getpid()}-{mode}" for mode in MODES}
    try:
        for mode, socket in sockets.items():
            command = shlex.join([sys.executable, str(script), mode])
            tmux(socket, "new-session", "-d", "-s", "bench", "-x", "80", "-y", "24",
                 "-e", "TERM=xterm-256color", "-e", "COLORTERM=truecolor", command)  # fmt: skip
        time.sleep(options.startup)
        first = {mode: cpu_ticks(socket) for mode, socket in sockets.items()}
        began = time.monotonic()
        time.sleep(options.seconds)
        wall = time.monotonic() - began
        last = {mode: cpu_ticks(socket) for mode, socket in sockets.items()}
        screens = {mode: tmux(socket, "capture-pane", "-p", "-t", "bench") for mode, socket in
                   sockets.items()}  # fmt: skip
    finally:
        for socket in sockets.values():
            tmux(socket, "kill-server")
        script.unlink(missing_ok=True)
    for mode in MODES:
        if mode not in screens[mode]:
            raise SystemExit(f"{mode} did not run:\n{screens[mode]}")
    percent = {mode: 100 * (last[mode] - first[mode]) / CLK_TCK / wall for mode in MODES}
    for mode in MODES:
        extra = percent[mode] - percent["bare"]
        print(f"{mode:5} {percent[mode]:5.2f} % of a core  (figure's share: {extra:+.2f} %)")
    print(f"over {wall:.0f} s")


if __name__ == "__main__":
    main()
