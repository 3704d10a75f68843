"""Write a session to the history as it goes: one transaction per finished segment.

`SessionRecorder` sits between the engine's events and the `History`. When the history cannot be
opened (a database from a newer program), the session still plays and `notice` says it is not
being recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from psoas_tui.player.session import Event, SegmentFinished
from psoas_tui.player.timeline import Timeline
from psoas_tui.store.history import History, HistoryError, Outcome, Rating


class SessionRecorder:
    """Records one session; safe to call `finish` more than once (the first outcome wins)."""

    def __init__(self, history: History | None, notice: str = "") -> None:
        self.history = history
        self.notice = notice
        self.session_id: int | None = None
        self.outcome: Outcome | None = None

    @classmethod
    def open(cls, path: Path) -> SessionRecorder:
        try:
            history = History.open(path)
        except (HistoryError, OSError) as error:
            return cls(None, f"This session will not be saved: {error}")
        history.close_abandoned()
        return cls(history, history.notice)

    def begin(self, timeline: Timeline) -> None:
        if self.history is not None:
            self.session_id = self.history.start_session(timeline.plan, timeline.total_seconds)

    def handle(self, events: Iterable[Event]) -> None:
        if self.history is None or self.session_id is None or self.outcome is not None:
            return
        for event in events:
            if isinstance(event, SegmentFinished):
                self.history.record_segment(self.session_id, event)

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
        if self.history is not None:
            self.history.close()
            self.history = None
