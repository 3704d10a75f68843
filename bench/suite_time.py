"""Time the whole test suite: wall and CPU seconds (user + sys, every process), per file too.

    .venv/bin/python bench/suite_time.py                 # pytest as configured (xdist workers)
    .venv/bin/python bench/suite_time.py --runs 3 -n 3   # three runs with three workers
    .venv/bin/python bench/suite_time.py -- tests/tui    # extra arguments go to pytest

CPU is what a quiet machine's wall time is made of (on 2 cores, wall ≥ CPU / 2), and unlike wall
time it hardly changes when other programs share the machine. The per-file table adds up, in each
test process, the CPU of each test (its setup and teardown included) and of the subprocesses it
waited for. The same module is the pytest plugin that measures them (`-p suite_time`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pytest

OUT_DIR = "SUITE_TIME_DIR"
_rows: list[tuple[str, float, float, float]] = []


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


# --- the plugin (in each test process) ------------------------------------------------------
@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> object:
    own, children = _cpu()
    start = time.perf_counter()
    try:
        return (yield)
    finally:
        own_after, children_after = _cpu()
        seconds = time.perf_counter() - start
        _rows.append((item.nodeid, own_after - own, children_after - children, seconds))


def pytest_sessionfinish(session: pytest.Session) -> None:
    folder = os.environ.get(OUT_DIR)
    if not folder:
        return
    name = os.environ.get("PYTEST_XDIST_WORKER", "main")
    own, children = _cpu()
    record = {"rows": _rows, "own": own, "children": children}
    Path(folder, f"{name}.json").write_text(json.dumps(record), encoding="utf-8")


# --- the script -----------------------------------------------------------------------------
def run_once(workers: str | None, extra: list[str], top: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="suite-time-") as folder:
        env = {
            **os.environ,
            OUT_DIR: folder,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(Path(__file__).parent), os.environ.get("PYTHONPATH")])
            ),
        }
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "suite_time",
            "-p",
            "no:cacheprovider",
        ]
        if workers is not None:
            command += ["-n", workers]
        load_before = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command + extra, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        lines = result.stdout.strip().splitlines()
        summary = next((line for line in reversed(lines) if " in " in line), "")
        records = [
            (path.stem, json.loads(path.read_text(encoding="utf-8")))
            for path in sorted(Path(folder).glob("*.json"))
        ]
    per_file: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    processes = [record for name, record in records if name != "main" or len(records) == 1]
    for record in processes:
        for nodeid, own, children, seconds in record["rows"]:
            entry = per_file[nodeid.split("::")[0]]
            entry[0] += own
            entry[1] += children
            entry[2] += seconds
            entry[3] += 1
    in_tests = sum(entry[0] + entry[1] for entry in per_file.values())
    outside = sum(record["own"] + record["children"] for record in processes) - in_tests
    print(
        f"wall {wall:6.1f} s   CPU {cpu:6.1f} s (user+sys)   load before {load_before:.1f}, "
        f"after {os.getloadavg()[0]:.1f}   {summary}"
    )
    print(
        f"  in tests {in_tests:.1f} s; test processes outside tests (start-up, collection) "
        f"{outside:.1f} s over {len(processes)} processes"
    )
    print(f"  {'CPU s':>7} {'of it in subprocesses':>22} {'wall s':>7} {'tests':>5}  file")
    ranked = sorted(per_file.items(), key=lambda item: -(item[1][0] + item[1][1]))
    for path, (own, children, seconds, count) in ranked[:top]:
        print(f"  {own + children:7.2f} {children:22.2f} {seconds:7.2f} {int(count):5d}  {path}")
    if result.returncode != 0:
        print(result.stdout[-3000:], result.stderr[-2000:], sep="\n")
    return {"wall": wall, "cpu": cpu, "failed": float(result.returncode != 0)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("-n", dest="workers", help="xdist workers (default: as in pyproject)")
    parser.add_argument("--top", type=int, default=15, help="files listed (default 15)")
    parser.add_argument("pytest_args", nargs="*", help="after --: arguments for pytest")
    options = parser.parse_args()
    runs = [
        run_once(options.workers, options.pytest_args, options.top) for _ in range(options.runs)
    ]
    if len(runs) > 1:
        walls = sorted(run["wall"] for run in runs)
        cpus = sorted(run["cpu"] for run in runs)
        print(
            f"{len(runs)} runs: wall {walls[0]:.1f}–{walls[-1]:.1f} s, "
            f"CPU {cpus[0]:.1f}–{cpus[-1]:.1f} s"
        )
    return int(any(run["failed"] for run in runs))


if __name__ == "__main__":
    raise SystemExit(main())
