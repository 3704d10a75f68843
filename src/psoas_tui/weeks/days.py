"""The days trained: the history's sessions gathered by local date, each day marked as a stretch
day, a strength day or both, and the Monday-Sunday weeks they fall in.

A session counts for the day it started on (in local time) when it did real work: a whole second
in holds and reps (`Tally.worked`), whatever its outcome. Its exercises say what kind of day it
was, by what most of them were: a session is a **strength** session when at least half of the
exercises it did are `strengthen` ones, and a **stretch** session when at least half are anything
else (a stretch, a release, an activation, or an exercise the catalogue does not know, taken to
be a stretch); a half-and-half session is both. A stretching routine that ends with a set of
bridges (Tight psoas) is a stretch day, not a strength day too. A day is a strength day or a
stretch day when one of its sessions is.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from psoas_tui.store.records import SessionRow

STRENGTH = "strengthen"
KindOf = Callable[[str], str | None]
"""The catalogue kind of an exercise, by the name a session kept; None when unknown."""


@functools.lru_cache(maxsize=1024)
def catalogue_kind(name: str) -> str | None:
    """The kind of the catalogue's exercise with this name or alias, None when there is none
    (kept per name: a history names the same few exercises tens of thousands of times)."""
    from psoas_tui.catalogue.load import load_catalogue

    exercise = load_catalogue().lookup(name)
    return None if exercise is None else str(exercise.kind)


def week_of(day: date) -> date:
    """The Monday that starts the week `day` is in (across month and year ends)."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class Day:
    """One local date with at least one session that did real work."""

    day: date
    sessions: int
    work_seconds: float
    stretch: bool
    strength: bool


def local_date(row: SessionRow, tz: tzinfo | None = None) -> date:
    """The date a session started on, in `tz` (None: this computer's time zone)."""
    return row.started_at.astimezone(tz).date()


def training_days(
    sessions: Iterable[SessionRow], kind_of: KindOf = catalogue_kind, tz: tzinfo | None = None
) -> dict[date, Day]:
    """The days with a session that did real work, by date (in no particular order)."""
    found: dict[date, Day] = {}
    for row in sessions:
        if not row.tally.worked:
            continue
        kinds = [kind_of(name) for name in row.tally.exercises_done] or [None]
        strengthening = sum(kind == STRENGTH for kind in kinds)
        others = len(kinds) - strengthening
        strength = strengthening > 0 and strengthening >= others
        stretch = others > 0 and others >= strengthening
        day = local_date(row, tz)
        before = found.get(day)
        if before is not None:
            found[day] = Day(
                day,
                before.sessions + 1,
                before.work_seconds + row.work_seconds,
                before.stretch or stretch,
                before.strength or strength,
            )
        else:
            found[day] = Day(day, 1, row.work_seconds, stretch, strength)
    return found
