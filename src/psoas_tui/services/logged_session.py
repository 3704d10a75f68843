"""A session done without the app (`psoas log`): the records of a routine done as planned,
written to the history like a played session, so that it counts in the history and the totals,
and marked as logged by hand.

Every segment of the routine's timeline is kept as done, for its planned length (open-ended reps
for their usual pace, as `psoas show` estimates them), one after another from the start time."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from psoas_tui.player.timeline import Timeline
from psoas_tui.services.session_recorder import session_start
from psoas_tui.store.history import History
from psoas_tui.store.records import Rating, SegmentRecord, SessionStart
from psoas_tui.store.tally import Tally, tally


@dataclass(frozen=True, slots=True)
class LoggedSession:
    """The records of one session logged by hand, ready to be written."""

    start: SessionStart
    segments: tuple[SegmentRecord, ...]
    ended_at: datetime

    @property
    def tally(self) -> Tally:
        return tally(self.segments)


def logged_session(timeline: Timeline, started_at: datetime) -> LoggedSession:
    """`timeline` done as planned from `started_at` (an aware datetime): every segment done."""
    when = started_at
    segments: list[SegmentRecord] = []
    for segment in timeline.segments:
        seconds = segment.estimated_seconds()
        when += timedelta(seconds=seconds)
        segments.append(
            SegmentRecord(
                position=segment.index,
                kind=segment.kind,
                exercise_id=segment.exercise.exercise_id,
                exercise_name=segment.exercise.name,
                side=segment.side,
                set_number=segment.set_number,
                sets=segment.sets,
                status="done",
                planned_seconds=segment.seconds,
                actual_seconds=seconds,
                finished_at=when,
                exercise_index=segment.exercise_index,
            )
        )
    start = replace(session_start(timeline), started_at=started_at, logged=True)
    return LoggedSession(start, tuple(segments), when)


def write_logged(history: History, logged: LoggedSession, rating: Rating | None) -> int:
    """Keep `logged` in `history`, played to the end (`completed`, as a played session with
    something done is), and rated; returns the session's id. Raises `HistoryError` when the
    history cannot be written."""
    session_id = history.start_session(logged.start)
    history.record_segments(session_id, logged.segments)
    history.end_session(session_id, logged.tally.outcome(reached_end=True), logged.ended_at)
    if rating is not None:
        history.rate_session(session_id, rating)
    return session_id
