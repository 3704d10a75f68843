"""A week in progress in the history, for home's "This week": built-in routines logged as done
(as `psoas log` keeps them) on given days, at noon UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

from psoas_tui import paths
from psoas_tui.player.timeline import build_timeline
from psoas_tui.routine.library import find_routine
from psoas_tui.services.logged_session import logged_session, write_logged
from psoas_tui.store.history import History
from psoas_tui.store.records import Rating

STRETCH = "runner-post-run"
"""A built-in routine of stretches only: a stretch day."""
STRENGTH = "strength-twice-weekly"
"""A built-in routine of strengthening only: a strength day."""


def log_days(routine_id: str, *days: str, rating: Rating | None = None) -> None:
    """Keep `routine_id` as done at noon UTC on each of `days` (YYYY-MM-DD), rated `rating`."""
    timeline = build_timeline(find_routine(routine_id).plan)
    with History.open(paths.history_db()) as history:
        for text in days:
            day = date.fromisoformat(text)
            started = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
            write_logged(history, logged_session(timeline, started), rating)


def week_in_progress() -> None:
    """As of Saturday 2026-11-21: stretch on Sat 14 to Sun 15 and Mon 16, Wed 18, Thu 19,
    strength on Tue 17; Friday a rest day. This week: stretch 3/5, strength 1/2; a streak of
    6 days (14 to 19)."""
    log_days(STRETCH, "2026-11-14", "2026-11-15", "2026-11-16", "2026-11-18", "2026-11-19")
    log_days(STRENGTH, "2026-11-17")
