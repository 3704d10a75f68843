"""Write a session to the history as it goes: one transaction for what each step finished.

`SessionRecorder` sits between the engine's events and the `History`, turning them into the
store's records. The segments a step finished (one as a segment ends; the sets a quit leaves
undone) are committed together before `handle` returns, so the player (which repaints after it)
never shows the next segment before the last one is on disk.

Writing never stops a session. When there is no history to write to (a database from a newer
program), `notice` says the session is not being recorded. When a write fails (the database is
locked, read-only, or the disk is full), what could not be written is kept in memory, in order,
and tried again with the next segment and at the end; `take_problem` tells the player once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime

from psoas_tui.player.session import Event, SegmentFinished
from psoas_tui.player.summary import segment_record
from psoas_tui.player.timeline import Timeline
from psoas_tui.store.history import History, HistoryError, utc_now
from psoas_tui.store.records import Outcome, Rating, SegmentRecord, SessionStart, SideAnswer

__all__ = ["SessionRecorder", "segment_record", "session_start"]


def session_start(timeline: Timeline) -> SessionStart:
    """The record of a session of `timeline` beginning."""
    plan = timeline.plan
    return SessionStart(
        routine_id=plan.routine_id,
        routine_name=plan.name,
        file_hash=plan.file_hash,
        planned_seconds=timeline.total_seconds,
    )


class SessionRecorder:
    """Records one session into a `History` it does not own (closing the recorder leaves the
    history open); safe to call `finish` more than once (the first outcome wins). No method
    raises for a history that cannot be written: see `problem` and `unsaved`."""

    def __init__(
        self, history: History | None, notice: str = "", now: Callable[[], datetime] = utc_now
    ) -> None:
        self.history = history
        self.notice = notice
        """Set when the session is not recorded at all (there is no history to write to)."""
        self.now = now
        """The wall clock that dates the records (when they happened, not when written)."""
        self.session_id: int | None = None
        self.outcome: Outcome | None = None
        self.problem = ""
        """Why the last write failed ("" once everything is written)."""
        self._start: SessionStart | None = None
        self._segments: list[SegmentRecord] = []
        self._ending: tuple[Outcome, datetime] | None = None
        self._rating: Rating | None = None
        self._side_answers: list[SideAnswer] = []
        self._told = False

    @property
    def recording(self) -> bool:
        """Whether a session has begun in a history (written or still waiting to be)."""
        return self.history is not None and (self._start is not None or self.session_id is not None)

    @property
    def unsaved(self) -> int:
        """How many records wait in memory to be written."""
        waiting = len(self._segments) + (self._ending is not None) + (self._rating is not None)
        waiting += len(self._side_answers)
        return waiting + (self._start is not None)

    def begin(self, timeline: Timeline) -> None:
        if self.history is not None:
            self._start = replace(session_start(timeline), started_at=self.now())
            self.flush()

    def handle(self, events: Iterable[Event]) -> None:
        """Keep every finished segment among `events`, committed before this returns (unless
        the history cannot be written just now: then it waits, with any earlier ones, for the
        next segment or the end; a tick without a finished segment does not try again)."""
        if not self.recording or self.outcome is not None:
            return
        finished = [event for event in events if isinstance(event, SegmentFinished)]
        if finished:
            when = self.now()
            self._segments += [replace(segment_record(e), finished_at=when) for e in finished]
            self.flush()

    def finish(self, outcome: Outcome) -> None:
        if self.outcome is not None:
            return
        self.outcome = outcome
        if self.recording:
            self._ending = (outcome, self.now())
            self.flush()

    def rate(self, rating: Rating) -> None:
        if self.recording:
            self._rating = rating
            self.flush()

    def answer_side(self, answer: SideAnswer) -> None:
        """Keep which side felt tighter or weaker after an exercise (dated by `now`)."""
        if self.recording:
            self._side_answers.append(replace(answer, answered_at=self.now()))
            self.flush()

    def flush(self) -> bool:
        """Write, in order, whatever waits to be written; True when nothing is left waiting."""
        history = self.history
        if history is None or not self.recording:
            return True
        try:
            if self._start is not None:
                self.session_id = history.start_session(self._start)
                self._start = None
            session_id = self.session_id or 0
            if self._segments:
                history.record_segments(session_id, self._segments)
                self._segments = []
            if self._ending is not None:
                outcome, ended_at = self._ending
                history.end_session(session_id, outcome, ended_at)
                self._ending = None
            if self._rating is not None:
                history.rate_session(session_id, self._rating)
                self._rating = None
            while self._side_answers:
                history.record_side_answer(session_id, self._side_answers[0])
                self._side_answers.pop(0)
        except HistoryError as error:
            self.problem = str(error)
            return False
        self.problem = ""
        return True

    def take_problem(self) -> str:
        """The first time a write fails, a line to show; "" otherwise (said once per session)."""
        if not self.problem or self._told:
            return ""
        self._told = True
        return (
            f"The history could not be written ({self.problem}). The session goes on; what you "
            "do is kept and written as soon as it can be."
        )

    def close(self) -> None:
        """Stop recording (the history stays open for its owner); a last try to write first."""
        self.flush()
        self.history = None
