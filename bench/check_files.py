"""Benchmark: `psoas check` on 1,000 routine files, beside a baseline in the same run.

Baseline: a bare Python process that only reads and `tomllib`-parses the same files. The ratio
says what validation, catalogue resolution and timeline building cost on top of parsing.

    .venv/bin/python bench/check_files.py [--files 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = (
    "import sys, tomllib, pathlib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.toml')):\n"
    "    tomllib.loads(p.read_text())\n"
)


def make_files(folder: Path, count: int) -> None:
    builtins = sorted((ROOT / "routines").glob("*.toml"))
    for number in range(count):
        source = builtins[number % len(builtins)]
        shutil.copy(source, folder / f"routine-{number:04d}.toml")


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{command[:3]} failed: {result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_files(folder, args.files)
        ours, base = [], []
        for _ in range(args.repeat):  # interleaved, so noise hits both alike
            base.append(timed([sys.executable, "-c", BASELINE, str(folder)]))
            ours.append(timed([sys.executable, "-m", "psoas_tui", "check", str(folder)]))
    b, o = statistics.median(base), statistics.median(ours)
    print(f"files: {args.files}, runs: {args.repeat} (medians)")
    print(f"baseline (python + tomllib parse only): {b:.3f} s")
    print(f"psoas check:                            {o:.3f} s  ({o / b:.2f}× baseline)")
    print(f"per file: {1000 * (o - b) / args.files:.2f} ms beyond parsing")


if __name__ == "__main__":
    main()
