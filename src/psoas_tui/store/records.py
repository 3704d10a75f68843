"""The plain records the history database keeps and gives back, in its own words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

Outcome = Literal["completed", "quit", "interrupted"]
Rating = Literal["too_easy", "about_right", "too_hard"]
SegmentStatus = Literal["done", "skipped"]


@dataclass(frozen=True, slots=True)
class SessionStart:
    """A session as it begins: which routine, and how long it is planned to take."""

    routine_id: str
    routine_name: str
    file_hash: str
    planned_seconds: float
    started_at: datetime | None = None
    """When it began; None for "now", when it is written."""


@dataclass(frozen=True, slots=True)
class PainRecord:
    """A "this hurts" report made during a segment."""

    location: str
    severity: int
    action: str


@dataclass(frozen=True, slots=True)
class SegmentRecord:
    """One finished segment of a session (done or skipped), with the pain reported in it."""

    position: int
    kind: str
    exercise_id: str
    exercise_name: str
    side: str | None
    set_number: int
    sets: int
    status: SegmentStatus
    planned_seconds: float | None
    actual_seconds: float
    pain: tuple[PainRecord, ...] = ()
    finished_at: datetime | None = None
    """When it was left; None for "now", when it is written."""


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One session read back with its totals: a row of `psoas history`."""

    session_id: int
    routine_id: str
    routine_name: str
    started_at: datetime
    ended_at: datetime | None
    outcome: Outcome | Literal["in progress"]
    rating: Rating | None
    work_seconds: float
    done_segments: int
    skipped_segments: int
    pain_reports: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.session_id,
            "routine": {"id": self.routine_id, "name": self.routine_name},
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "outcome": self.outcome,
            "rating": self.rating,
            "work_seconds": round(self.work_seconds, 1),
            "segments_done": self.done_segments,
            "segments_skipped": self.skipped_segments,
            "pain_reports": self.pain_reports,
        }


@dataclass(frozen=True, slots=True)
class SelfTestRow:
    """A self-test result as the store keeps it: columns to search by, and the answers and the
    result as JSON text for whoever reads it back (the store does not interpret them)."""

    taken_at: datetime
    verdict: str
    tight_sides: tuple[str, ...]
    weak_sides: tuple[str, ...]
    rectus_femoris: tuple[str, ...]
    answers_json: str
    result_json: str
    record_id: int | None = None
    """The row's id once stored; None for a row not yet written."""
