"""Write a session to the history as it goes: one transaction per finished segment.

`SessionRecorder` sits between the engine's events and the `History`, turning them into the
store's records. When there is no history to write to (a database from a newer program), the
session still plays and `notice` says it is not being recorded.
"""

from __future__ import annotations

from collections.abc import Iterable

from psoas_tui.player.session import Event, SegmentFinished
from psoas_tui.player.timeline import Timeline
from psoas_tui.store.history import History
from psoas_tui.store.records import Outcome, PainRecord, Rating, SegmentRecord, SessionStart


def session_start(timeline: Timeline) -> SessionStart:
    """The record of a session of `timeline` beginning."""
    plan = timeline.plan
    return SessionStart(
        routine_id=plan.routine_id,
        routine_name=plan.name,
        file_hash=plan.file_hash,
        planned_seconds=timeline.total_seconds,
    )


def segment_record(finished: SegmentFinished) -> SegmentRecord:
    """The record of a finished segment, with its pain reports."""
    segment = finished.segment
    return SegmentRecord(
        position=segment.index,
        kind=segment.kind,
        exercise_id=segment.exercise.exercise_id,
        exercise_name=segment.exercise.name,
        side=segment.side,
        set_number=segment.set_number,
        sets=segment.sets,
        status=finished.status,
        planned_seconds=finished.planned_seconds,
        actual_seconds=finished.actual_seconds,
        pain=tuple(
            PainRecord(report.location, report.severity, report.action) for report in finished.pain
        ),
    )


class SessionRecorder:
    """Records one session into a `History` it does not own (closing the recorder leaves the
    history open); safe to call `finish` more than once (the first outcome wins)."""

    def __init__(self, history: History | None, notice: str = "") -> None:
        self.history = history
        self.notice = notice
        self.session_id: int | None = None
        self.outcome: Outcome | None = None

    def begin(self, timeline: Timeline) -> None:
        if self.history is not None:
            self.session_id = self.history.start_session(session_start(timeline))

    def handle(self, events: Iterable[Event]) -> None:
        if self.history is None or self.session_id is None or self.outcome is not None:
            return
        for event in events:
            if isinstance(event, SegmentFinished):
                self.history.record_segment(self.session_id, segment_record(event))

    def finish(self, outcome: Outcome) -> None:
        if self.outcome is not None:
            return
        self.outcome = outcome
        if self.history is not None and self.session_id is not None:
            self.history.end_session(self.session_id, outcome)

    def rate(self, rating: Rating) -> None:
        if self.history is not None and self.session_id is not None:
            self.history.rate_session(self.session_id, rating)

    def close(self) -> None:
        """Stop recording (the history stays open for its owner)."""
        self.history = None
