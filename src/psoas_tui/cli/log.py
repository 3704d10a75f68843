"""`psoas log ROUTINE [--date YYYY-MM-DD] [--rating easy|right|hard]`: keep a session done
without the app in the history, done as planned."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TextIO

from psoas_tui import paths
from psoas_tui.cli import exit_codes
from psoas_tui.player.describe import format_duration
from psoas_tui.player.timeline import build_timeline
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.services.logged_session import logged_session, write_logged
from psoas_tui.store.history import History, HistoryError, utc_now
from psoas_tui.store.records import Rating
from psoas_tui.textfile.printable import printable

RATINGS: dict[str, Rating] = {"easy": "too_easy", "right": "about_right", "hard": "too_hard"}
"""The words of `--rating`, and the ratings the app keeps for them."""
LOGGED_HOUR = 12
"""A logged session starts at noon, local time (today, before noon: it ends now)."""
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(text: str) -> date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def start_time(day: date, now: datetime, seconds: float) -> datetime:
    """When a session of `seconds` done on `day` began: at noon, local time, unless that would
    end it after `now` (then it ends now, or starts at midnight if it is too early for that)."""
    midnight = datetime(day.year, day.month, day.day).astimezone()
    noon = midnight.replace(hour=LOGGED_HOUR)
    return max(midnight, min(noon, now.astimezone() - timedelta(seconds=seconds)))


def run(
    plan: RoutinePlan,
    when: str | None,
    rating: str | None,
    out: TextIO,
    now: Callable[[], datetime] = utc_now,
) -> int:
    """0 with the session kept and one line saying so; 1, with one line saying why, for a bad
    or future date or a history that cannot be written (then nothing is kept)."""
    today = now().astimezone().date()
    day = today if when is None else _day(when)
    if day is None:
        return _fail(f"--date must be YYYY-MM-DD, got '{when}'")
    if day > today:
        return _fail(f"--date {day.isoformat()} is in the future (today is {today.isoformat()})")
    timeline = build_timeline(plan)
    started_at = start_time(day, now(), timeline.estimated_seconds)
    logged = logged_session(timeline, started_at)
    try:
        with History.open(paths.history_db()) as history:
            if history.notice:
                print(printable(f"psoas: {history.notice}"), file=sys.stderr)
            write_logged(history, logged, RATINGS[rating] if rating else None)
    except HistoryError as error:
        return _fail(str(error))
    work = format_duration(logged.tally.work_seconds)
    print(printable(f"Logged {plan.name} on {day.isoformat()} ({work} of work)"), file=out)
    return exit_codes.OK


def _fail(message: str) -> int:
    print(printable(f"psoas log: {message}"), file=sys.stderr)
    return exit_codes.PROBLEMS
