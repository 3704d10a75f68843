"""Time per exercise over the last weeks (as the history's heat map shows them, as of an injected
`today`): the seconds of every hold and set of reps done, the sessions it came in and the
sets/sides done, most time first.

A set/side counts as done as the tally counts it (`store.tally`): going back and doing it again
in the same session adds its time but not another set. Skipped sets and prep, switch and rest
add nothing. Exercises are told apart by their catalogue id; the name shown is the one the
newest session kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from psoas_tui.store.records import SessionDetail
from psoas_tui.store.tally import WORK_KINDS
from psoas_tui.weeks.days import week_of
from psoas_tui.weeks.record import WEEKS_SHOWN


@dataclass(frozen=True, slots=True)
class ExerciseTime:
    """One exercise's work over the weeks counted."""

    exercise_id: str
    name: str
    work_seconds: float
    sessions: int
    sets: int


def first_day(today: date, weeks: int = WEEKS_SHOWN) -> date:
    """The Monday that starts the oldest of the `weeks` weeks up to `today`'s."""
    return week_of(today) - timedelta(weeks=weeks - 1)


def since(today: date, weeks: int = WEEKS_SHOWN) -> datetime:
    """A moment safely before the first of those weeks, in any time zone: what to ask the
    history for (the days themselves are picked by `exercise_times`)."""
    return datetime.combine(first_day(today, weeks) - timedelta(days=1), time(), UTC)


def exercise_times(
    sessions: Iterable[SessionDetail],
    today: date,
    weeks: int = WEEKS_SHOWN,
    tz: tzinfo | None = None,
) -> list[ExerciseTime]:
    """Each exercise done in the `weeks` Monday-Sunday weeks up to `today` (dates in `tz`; None:
    this computer's time zone), most time first (then by name). Sessions after `today` are left
    out, and so are exercises with no set done."""
    start = first_day(today, weeks)
    seconds: dict[str, float] = {}
    names: dict[str, tuple[datetime, str]] = {}
    sessions_of: dict[str, set[int]] = {}
    sets: dict[str, set[tuple[int, int]]] = {}
    for session in sessions:
        day = session.started_at.astimezone(tz).date()
        if not start <= day <= today:
            continue
        for segment in session.segments:
            if segment.kind not in WORK_KINDS or segment.status != "done":
                continue
            key = segment.exercise_id
            seconds[key] = seconds.get(key, 0.0) + segment.actual_seconds
            newest = names.get(key)
            if newest is None or session.started_at >= newest[0]:
                names[key] = (session.started_at, segment.exercise_name)
            sessions_of.setdefault(key, set()).add(session.session_id)
            sets.setdefault(key, set()).add((session.session_id, segment.position))
    found = [
        ExerciseTime(key, names[key][1], seconds[key], len(sessions_of[key]), len(sets[key]))
        for key in seconds
    ]
    return sorted(found, key=lambda item: (-item.work_seconds, item.name.casefold(), item.name))
