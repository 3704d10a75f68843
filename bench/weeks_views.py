"""Benchmark: the weeks views (issue 12) on a big history.

Builds, in a temporary `PSOAS_HOME`, a history of `--sessions` sessions (10,000 by default) spread
over three years up to `today`: each one a built-in routine done as planned
(`services.logged_session`, as `psoas log` writes it), 1 in 4 rated, 1 in 3 with a side answer
after each per-side exercise (`History.record_side_answer`), 1 in 10 with a pain report in a
one-sided hold, and a self-test every month. Then it times, on one open history, interleaved:

* baseline: `History.sessions()` — every session with its tally, what the history screen reads;
* `psoas stats`: what `cli/stats.py` does — `sessions()`, `selftests()`, `side_answers()`,
  `sided_pain()`, `load_plan()`, then `weeks_record(...)` (and that last call alone);
* the sides screen: `side_answers()`, `sided_pain()`, `selftests()`, then `side_trend(...)` (and
  that call alone);
* the time-per-exercise view: `session_details(since=since(today))` (the last 12 weeks, with
  every segment and pain report), then `exercise_times(...)` (and that call alone);
* `session_detail(id)`: one session, the newest and one in the middle.

Medians of `--repeat` timings (min–max), and each one's ratio to the baseline's median.

    .venv/bin/python bench/weeks_views.py [--sessions 10000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.player.timeline import Timeline, build_timeline
from psoas_tui.routine.parse import load_routine
from psoas_tui.services.logged_session import logged_session, write_logged
from psoas_tui.store.history import History
from psoas_tui.store.records import PainRecord, Rating, SelfTestRow, SideAnswer, SideChoice
from psoas_tui.weeks.exercise_time import exercise_times, since
from psoas_tui.weeks.record import weeks_record
from psoas_tui.weeks.sides import side_trend
from psoas_tui.weeks.stored_plan import load_plan

YEARS = 3
TODAY = date(2026, 11, 20)
RATINGS: tuple[Rating, ...] = ("too_easy", "about_right", "too_hard")
CHOICES: tuple[SideChoice, ...] = ("left", "same", "right", "left")


def timelines() -> list[Timeline]:
    catalogue = load_catalogue()
    files = sorted(paths.builtin_routines_dir().glob("*.toml"))
    return [build_timeline(load_routine(path, catalogue).plan) for path in files]


def build(history: History, sessions: int) -> dict[str, int]:
    """Write the history; returns what it holds."""
    # Only for building it faster: the reads timed below do not depend on it.
    history.connection.execute("PRAGMA synchronous=OFF")
    plans = timelines()
    first = datetime.combine(TODAY - timedelta(days=365 * YEARS), datetime.min.time(), UTC)
    step = timedelta(days=365 * YEARS) / sessions
    counts = {"sessions": 0, "segments": 0, "side answers": 0, "pain reports": 0, "self-tests": 0}
    for number in range(sessions):
        timeline = plans[number % len(plans)]
        started = first + step * number + timedelta(hours=7)
        logged = logged_session(timeline, started)
        segments = list(logged.segments)
        if number % 10 == 0:
            for index, segment in enumerate(segments):
                if segment.kind == "hold" and segment.side in ("left", "right"):
                    report = PainRecord("front of the hip", 2 + number % 4, "continued", "")
                    segments[index] = replace(segment, pain=(report,))
                    counts["pain reports"] += 1
                    break
            logged = replace(logged, segments=tuple(segments))
        rating = RATINGS[number % 3] if number % 4 == 0 else None
        session_id = write_logged(history, logged, rating)
        counts["sessions"] += 1
        counts["segments"] += len(segments)
        if number % 3 == 0:
            sided = {
                (s.exercise_index, s.exercise_id)
                for s in segments
                if s.side in ("left", "right") and s.exercise_index is not None
            }
            for exercise_index, exercise_id in sorted(sided):
                answer = SideAnswer(
                    exercise_index=exercise_index,
                    exercise_id=exercise_id,
                    question="tighter",
                    answer=CHOICES[(number + exercise_index) % len(CHOICES)],
                    answered_at=logged.ended_at,
                )
                history.record_side_answer(session_id, answer)
                counts["side answers"] += 1
    for month in range(12 * YEARS):
        taken = first + timedelta(days=30 * month, hours=20)
        history.record_selftest(
            SelfTestRow(
                taken_at=taken,
                verdict="tight",
                tight_sides=("left",) if month % 2 else ("left", "right"),
                weak_sides=("right",) if month % 3 == 0 else (),
                rectus_femoris=(),
                answers_json="{}",
                result_json="{}",
            )
        )
        counts["self-tests"] += 1
    history.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return counts


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["PSOAS_HOME"] = home
        start = time.perf_counter()
        with History.open(paths.history_db()) as history:
            counts = build(history, args.sessions)
        built = time.perf_counter() - start
        size = Path(paths.history_db()).stat().st_size / 1e6
        print(
            ", ".join(f"{value:,} {name}" for name, value in counts.items())
            + f"; {size:.1f} MB, built in {built:.0f} s; today = {TODAY}"
        )
        with History.open(paths.history_db()) as history:
            newest = history.sessions(limit=1)[0].session_id
            middle = newest // 2
            read: dict[str, Any] = {
                "sessions": history.sessions(),
                "selftests": history.selftests(),
                "answers": history.side_answers(),
                "pain": history.sided_pain(),
                "details": history.session_details(since=since(TODAY)),
            }
            plan, _ = load_plan()

            def stats() -> None:
                sessions = history.sessions()
                selftests = history.selftests()
                answers = history.side_answers()
                pain = history.sided_pain()
                stored, _ = load_plan()
                weeks_record(
                    sessions, selftests, TODAY, stored, side_answers=answers, sided_pain=pain
                )

            def record_only() -> None:
                weeks_record(
                    read["sessions"],
                    read["selftests"],
                    TODAY,
                    plan,
                    side_answers=read["answers"],
                    sided_pain=read["pain"],
                )

            def sides_screen() -> None:
                side_trend(history.side_answers(), history.sided_pain(), history.selftests(), TODAY)

            def trend_only() -> None:
                side_trend(read["answers"], read["pain"], read["selftests"], TODAY)

            def exercise_screen() -> None:
                exercise_times(history.session_details(since=since(TODAY)), TODAY)

            def exercise_screen_whole() -> None:
                """All the time screen reads, as tui/screens/exercise_time.py does: also the
                sessions of the 12 weeks, for each week's total."""
                exercise_screen()
                weeks_record(
                    history.sessions(since=since(TODAY)), (), TODAY, kind_of=lambda _: None
                )

            def times_only() -> None:
                exercise_times(read["details"], TODAY)

            actions: dict[str, Callable[[], object]] = {
                "baseline: sessions()": history.sessions,
                "psoas stats (reads + weeks_record)": stats,
                "  weeks_record alone": record_only,
                "sides screen (reads + side_trend)": sides_screen,
                "  side_trend alone": trend_only,
                "exercise time (session_details(since) + exercise_times)": exercise_screen,
                "  exercise_times alone": times_only,
                "exercise time screen, whole (+ sessions(since) + weeks)": exercise_screen_whole,
                "session_detail(newest)": lambda: history.session_detail(newest),
                "session_detail(middle)": lambda: history.session_detail(middle),
            }
            for action in actions.values():  # once first: caches, imports
                action()
            results: dict[str, list[float]] = {name: [] for name in actions}
            for _ in range(args.repeat):
                for name, action in actions.items():
                    results[name].append(timed(action))
            print(
                f"{len(read['details']):,} sessions since {since(TODAY):%Y-%m-%d} for the "
                f"exercise time; {len(read['answers']):,} answers, {len(read['pain']):,} sided "
                f"pain reports read"
            )
    base = statistics.median(results["baseline: sessions()"])
    print(f"medians of {args.repeat} (min–max), ratio to the baseline")
    for name, values in results.items():
        ms = 1000 * statistics.median(values)
        spread = f"({1000 * min(values):.2f}–{1000 * max(values):.2f})"
        print(f"  {name:<56} {ms:9.2f} ms {spread:<20} {ms / 1000 / base:7.4f}×")


if __name__ == "__main__":
    main()
