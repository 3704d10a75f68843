"""Benchmark: the cost of checking the history when it is opened.

Builds a history of 10,000 sessions (each with `--segments` segments, 20 by default: a routine of
five exercises, both sides, two sets) and times, over `--repeat` runs each:

* `PRAGMA quick_check` alone, on a fresh connection;
* the check of the expected tables and columns alone;
* `History.open` as a whole (connect, pragmas, both checks; no migration to run).

    .venv/bin/python bench/history_open.py [--sessions 10000] [--segments 20] [--repeat 9]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from psoas_tui.store.history import SCHEMA_VERSION, History, _columns_of_schema


def build(path: Path, sessions: int, segments: int) -> None:
    with History.open(path) as history:
        connection = history.connection
        connection.execute("BEGIN")
        for number in range(sessions):
            cursor = connection.execute(
                "INSERT INTO sessions (routine_id, routine_name, started_at, ended_at, outcome,"
                " planned_seconds, pid) VALUES ('desk-break', ?, '2024-01-01T08:00:00+00:00',"
                " '2024-01-01T08:10:00+00:00', 'completed', 600, 1)",
                (f"Routine {number % 9}",),
            )
            connection.executemany(
                "INSERT INTO segments (session_id, position, kind, exercise_id, exercise_name,"
                " side, set_number, sets, status, planned_seconds, actual_seconds, finished_at)"
                " VALUES (?, ?, 'hold', 'half-kneeling-hip-flexor-stretch',"
                " 'Half-kneeling hip flexor stretch', 'left', 1, 2, 'done', 30, 30,"
                " '2024-01-01T08:03:00+00:00')",
                [(cursor.lastrowid, position) for position in range(segments)],
            )
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def timed(action: Callable[[], None], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--segments", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "history.sqlite3"
        build(path, args.sessions, args.segments)
        size = path.stat().st_size / 1e6

        def quick_check() -> None:
            connection = sqlite3.connect(path)
            connection.execute("PRAGMA quick_check(1)").fetchone()
            connection.close()

        def columns() -> None:
            connection = sqlite3.connect(path)
            for table in _columns_of_schema(SCHEMA_VERSION):
                connection.execute(f"PRAGMA table_info({table})").fetchall()
            connection.close()

        def opening() -> None:
            History.open(path).close()

        results = {
            "quick_check": timed(quick_check, args.repeat),
            "columns": timed(columns, args.repeat),
            "History.open": timed(opening, args.repeat),
        }
    rows = args.sessions * args.segments
    print(
        f"{args.sessions} sessions, {rows} segments, {size:.1f} MB, schema {SCHEMA_VERSION}; "
        f"medians of {args.repeat} (min–max)"
    )
    for name, values in results.items():
        spread = f"({1000 * min(values):.1f}–{1000 * max(values):.1f})"
        print(f"  {name:<13} {1000 * statistics.median(values):7.1f} ms  {spread}")


if __name__ == "__main__":
    main()
