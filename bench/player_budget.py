"""Benchmark: the player's CPU and memory budgets, beside a bare Textual app in the same run.

Three programs side by side, each in its own private tmux server (`tmux -L ...`, 80x24), with
PSOAS_HOME in a temp dir (the safety note already seen, other settings at their defaults):

* hold:  `python -m psoas_tui play` on a routine of one long hold (Cobra pose, no prep);
* reps:  `python -m psoas_tui play` on timed reps (Stability-ball hip extension, left side,
         `reps` with `tempo_seconds = 2`, so a rep is lifted and lowered every 2 s: the figure,
         where there is one, moves all the time);
* bare:  a bare Textual app (Header + Static + Footer) that does nothing.

With `--compare SRC` (a folder holding another version's `psoas_tui` package, e.g. from
`git archive COMMIT src | tar -x -C /tmp/before`), the hold and the reps also run on that source
(`PYTHONPATH=SRC`) in the same run, so a change is measured before/after beside the same bare app.
Each program has a PSOAS_HOME of its own (players sharing one history would read each other's
writes). With `--history N` each home holds a history of N sessions of 6 segments before the
players start
(opening it checks the whole file; 10,000 sessions make a 9.4 MB file), as a long-time user's.
With `--custom` both routines use a custom move (`[[moves]]`) with the same timings instead of a
catalogue exercise. The routines last longer than start-up + window, so the window stays inside
the hold and inside the first set of reps.

After `--startup` seconds, each program's processes (the pane's process and its descendants, so a
sound player counts too) are sampled once a second over `--seconds`: CPU (utime + stime, and the
children's once they ended) as % of one core, wake-ups per second (voluntary context switches of
all threads), and memory (VmRSS, PSS and USS; mean of the samples, and the largest RSS). The RSS
budget compares the app's own process ("app RSS"); "+helpers" adds the sound and speech programs
it started (espeak-ng stays while phrases come every few seconds: ~7 MiB during timed reps).
Budgets (issue 11): hold ≤ 0.5 % of a core, reps ≤ 2 %, RSS ≤ 1.5× the bare app's.

    .venv/bin/python bench/player_budget.py [--seconds 30] [--startup 4] [--custom] [--compare SRC]
                                        [--history N] [--sound on|no-voice|muted]
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
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

HOLD_BUDGET = 0.5
"""% of one core during a hold."""
REPS_BUDGET = 2.0
"""% of one core during timed reps."""
RSS_BUDGET = 1.5
"""The player's RSS at most this many times the bare app's."""
RSS_TARGET = 1.35
"""What we aim for today, to leave room for the figure and the sounds."""
TEMPO = 2


@dataclass(frozen=True)
class Routine:
    file: str
    name: str
    """Shown on the player's screen (checked at the start and at the end of the window)."""
    text: str


def routines(seconds: int, custom: bool) -> tuple[Routine, Routine]:
    """A one-hold routine and a timed-reps routine that both last at least `seconds`."""
    hold = min(600, seconds)
    reps = min(200, math.ceil(seconds / TEMPO))
    head = 'schema = 1\nname = "{title}"\n\n[defaults]\nprep_seconds = 0\n\n'
    if custom:
        hold_text = (
            head.format(title="Budget bench: one hold")
            + '[[moves]]\nid = "still-hold"\nname = "Still hold"\n'
            + f"hold_seconds = {hold}\n\n"
            + '[[exercises]]\nexercise = "still-hold"\nsides = "none"\nsets = 1\n'
            + f"hold_seconds = {hold}\nprep_seconds = 0\n"
        )
        reps_text = (
            head.format(title="Budget bench: timed reps")
            + '[[moves]]\nid = "leg-lift"\nname = "Leg lift"\n'
            + f"reps = {reps}\n\n"
            + '[[exercises]]\nexercise = "leg-lift"\nsides = "none"\nsets = 1\n'
            + f"reps = {reps}\ntempo_seconds = {TEMPO}\nprep_seconds = 0\n"
        )
        return (
            Routine("hold.toml", "Still hold", hold_text),
            Routine("reps.toml", "Leg lift", reps_text),
        )
    hold_text = (
        head.format(title="Budget bench: one hold")
        + '[[exercises]]\nexercise = "cobra-pose"\nsides = "none"\nsets = 1\n'
        + f"hold_seconds = {hold}\nprep_seconds = 0\n"
    )
    reps_text = (
        head.format(title="Budget bench: timed reps")
        + '[[exercises]]\nexercise = "stability-ball-hip-extension"\nsides = "left"\nsets = 1\n'
        + f"reps = {reps}\ntempo_seconds = {TEMPO}\nprep_seconds = 0\n"
    )
    return (
        Routine("hold.toml", "Cobra pose", hold_text),
        Routine("reps.toml", "Stability-ball hip extension", reps_text),
    )


@dataclass(frozen=True)
class Result:
    label: str
    percent: float
    wakeups: float
    server_percent: float
    rss_mib: float
    """Mean RSS of the app and its helper programs together."""
    rss_max_mib: float
    app_rss_mib: float
    """Mean RSS of the app's own process (what the budget compares)."""
    pss_mib: float
    uss_mib: float
    processes: int


def result(label: str, samples: list[Sample]) -> Result:
    first, last = samples[0], samples[-1]
    wall = last.at - first.at
    mib = 1024.0
    return Result(
        label=label,
        percent=100 * (last.cpu_ticks - first.cpu_ticks) / CLK_TCK / wall,
        wakeups=(last.switches - first.switches) / wall,
        server_percent=100 * (last.server_ticks - first.server_ticks) / CLK_TCK / wall,
        rss_mib=statistics.fmean(item.memory.rss_kib for item in samples) / mib,
        rss_max_mib=max(item.memory.rss_kib for item in samples) / mib,
        app_rss_mib=statistics.fmean(item.app_memory.rss_kib for item in samples) / mib,
        pss_mib=statistics.fmean(item.memory.pss_kib for item in samples) / mib,
        uss_mib=statistics.fmean(item.memory.uss_kib for item in samples) / mib,
        processes=max(len(item.pids) for item in samples),
    )


def check_screen(program: Program, when: str) -> None:
    text = screen(program)
    if program.expect not in text:
        raise SystemExit(f"{program.label}: {program.expect!r} not on screen {when}:\n{text}")


def measure(programs: list[Program], homes: Path, startup: float, seconds: float) -> list[Result]:
    """Run `programs` side by side, each with a copy of the home `homes / "home"`."""
    for number, program in enumerate(programs):
        home = homes / f"home-{number}"
        shutil.copytree(homes / "home", home)
        start(program, home)
    try:
        time.sleep(startup)
        for program in programs:
            check_screen(program, "after start-up")
        samples: list[list[Sample]] = [[] for _ in programs]
        began = time.monotonic()
        tick = 0
        while True:
            for program, taken in zip(programs, samples, strict=True):
                taken.append(sample(program))
            tick += 1
            if time.monotonic() - began >= seconds:
                break
            time.sleep(max(0.0, began + min(tick, seconds) - time.monotonic()))
        for program in programs:
            check_screen(program, "at the end of the window")
        return [result(p.label, s) for p, s in zip(programs, samples, strict=True)]
    finally:
        for program in programs:
            stop(program)


def verdict(value: float, budget: float) -> str:
    return "met" if round(value, 2) <= budget else "NOT met"


def report(results: list[Result], args: argparse.Namespace) -> None:
    history = f"; a history of {args.history:,} sessions" if args.history else ""
    print(
        f"window {args.seconds:g} s after {args.startup:g} s start-up, 80x24 tmux, side by side"
        f"{history}; "
        f"clock ticks {CLK_TCK}/s (resolution {100 / CLK_TCK / args.seconds:.3f} %)"
    )
    header = (
        f"{'program':38} {'CPU %':>6} {'wake/s':>7} {'tmux %':>7} "
        f"{'app RSS':>8} {'+helpers':>8} {'max':>6} {'PSS':>6} {'USS':>6}"
    )
    print(header)
    for item in results:
        print(
            f"{item.label:38} {item.percent:6.2f} {item.wakeups:7.1f} {item.server_percent:7.2f} "
            f"{item.app_rss_mib:8.1f} {item.rss_mib:8.1f} {item.rss_max_mib:6.1f} "
            f"{item.pss_mib:6.1f} {item.uss_mib:6.1f}"
        )
    hold, reps, bare, *others = results
    for index, item in enumerate((hold, reps, *others)):
        cpu_ratio = f"{item.percent / bare.percent:.1f}×" if bare.percent > 0 else "—"
        name = item.label.split(" (")[0] if index < 2 else item.label
        print(
            f"{name}/bare: CPU {cpu_ratio}, app RSS {item.app_rss_mib / bare.app_rss_mib:.2f}×"
            f" (with its helpers {item.rss_mib / bare.rss_mib:.2f}×)"
            f", PSS {item.pss_mib / bare.pss_mib:.2f}×, USS {item.uss_mib / bare.uss_mib:.2f}×"
        )
    print(
        f"budget: hold <= {HOLD_BUDGET} % of a core: {verdict(hold.percent, HOLD_BUDGET)} "
        f"({hold.percent:.2f} %)"
    )
    print(
        f"budget: reps <= {REPS_BUDGET} % of a core: {verdict(reps.percent, REPS_BUDGET)} "
        f"({reps.percent:.2f} %)"
    )
    for item in (hold, reps):
        ratio = item.app_rss_mib / bare.app_rss_mib
        print(
            f"budget: {item.label.split(' (')[0]} RSS <= {RSS_BUDGET}× bare: "
            f"{verdict(ratio, RSS_BUDGET)} ({ratio:.2f}×; target {RSS_TARGET}×: "
            f"{verdict(ratio, RSS_TARGET)})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="sampling window")
    parser.add_argument("--startup", type=float, default=4.0, help="wait before sampling")
    parser.add_argument("--custom", action="store_true", help="custom moves, not the catalogue")
    parser.add_argument(
        "--history", metavar="N", type=int, default=0, help="sessions in the history first"
    )
    parser.add_argument(
        "--compare", metavar="SRC", type=Path, help="also run the player from this source folder"
    )
    parser.add_argument(
        "--sound",
        choices=("on", "no-voice", "muted"),
        default="on",
        help="the players' sound setting: tones and voice (the default), tones only, or none",
    )
    args = parser.parse_args()
    length = math.ceil(args.startup + args.seconds + 20)
    if length > 400:
        sys.exit("player_budget.py: start-up + window must stay under 380 s")
    hold, reps = routines(length, args.custom)
    with tempfile.TemporaryDirectory(prefix="psoas-budget-") as tmp:
        folder = Path(tmp)
        home = folder / "home"
        home_without_safety_note(home)
        settings = {"on": "", "no-voice": "voice = false\n", "muted": "muted = true\n"}
        with (home / "settings.toml").open("a") as file:
            file.write(settings[args.sound])
        if args.history:
            from history_open import build

            build(home / "history.sqlite3", args.history, 6)
        for routine in (hold, reps):
            (folder / routine.file).write_text(routine.text)
        (folder / "bare.py").write_text(BARE_APP)
        tag = f"psoas-budget-{os.getpid()}"
        python = sys.executable
        programs = [
            Program(
                "hold (psoas play, one hold)",
                [python, "-m", "psoas_tui", "play", str(folder / hold.file)],
                f"{tag}-hold",
                hold.name,
            ),
            Program(
                f"reps (psoas play, timed reps, {TEMPO} s)",
                [python, "-m", "psoas_tui", "play", str(folder / reps.file)],
                f"{tag}-reps",
                reps.name,
            ),
            Program("bare Textual app", [python, str(folder / "bare.py")], f"{tag}-bare", "bare"),
        ]
        if args.compare is not None:
            source = args.compare.resolve()
            if not (source / "psoas_tui" / "__init__.py").is_file():
                sys.exit(f"player_budget.py: no psoas_tui package in {source}")
            for program in programs[:2]:
                kind = program.label.split(" (")[0]
                programs.append(
                    Program(
                        f"{kind} ({source.parent.name}/{source.name})",
                        program.command,
                        f"{program.socket}-compare",
                        program.expect,
                        (f"PYTHONPATH={source}",),
                    )
                )
        results = measure(programs, folder, args.startup, args.seconds)
    report(results, args)


if __name__ == "__main__":
    main()
