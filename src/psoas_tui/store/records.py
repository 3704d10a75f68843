"""The plain records the history database keeps and gives back, in its own words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from psoas_tui.store.tally import Tally

Outcome = Literal["completed", "skipped", "quit", "interrupted"]
"""How a session ended: played to the end with something done (`completed`), played to the end
with every set skipped (`skipped`), stopped early (`quit`), or left open by a process that is
gone (`interrupted`)."""
Rating = Literal["too_easy", "about_right", "too_hard"]
SegmentStatus = Literal["done", "skipped"]
PainKind = Literal["sharp", "discomfort", ""]
"""Sharp pain, or the discomfort of a stretch; "" for a report kept before the question was
asked."""
SideQuestionKind = Literal["tighter", "weaker"]
"""What was asked after a per-side exercise: which side felt tighter (a stretch) or weaker (a
strengthening move)."""
SideChoice = Literal["left", "same", "right"]
"""The answer: the left side, neither (the same), or the right side."""
Side = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class SessionStart:
    """A session as it begins: which routine, and how long it is planned to take."""

    routine_id: str
    routine_name: str
    file_hash: str
    planned_seconds: float
    started_at: datetime | None = None
    """When it began; None for "now", when it is written."""
    logged: bool = False
    """Logged by hand (`psoas log`), not played in the app."""


@dataclass(frozen=True, slots=True)
class PainRecord:
    """A "this hurts" report made during a segment."""

    location: str
    severity: int
    action: str
    kind: PainKind = ""


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
    exercise_index: int | None = None
    """Which exercise of the routine (from 0), telling apart two turns of the same exercise;
    None in records kept before it was."""


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One session read back with what it added up to (`tally`): a row of `psoas history`."""

    session_id: int
    routine_id: str
    routine_name: str
    started_at: datetime
    ended_at: datetime | None
    outcome: Outcome | Literal["in progress"]
    rating: Rating | None
    tally: Tally
    logged: bool = False
    """Logged by hand (`psoas log`), not played in the app."""

    @property
    def work_seconds(self) -> float:
        return self.tally.work_seconds

    @property
    def pain_reports(self) -> int:
        return len(self.tally.pain)

    def as_json(self) -> dict[str, Any]:
        tally = self.tally
        return {
            "id": self.session_id,
            "routine": {"id": self.routine_id, "name": self.routine_name},
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "outcome": self.outcome,
            "rating": self.rating,
            "logged_by_hand": self.logged,
            "work_seconds": round(tally.work_seconds, 1),
            "exercises": {"done": len(tally.exercises_done), "total": tally.exercises_total},
            "sets_and_sides": {"done": tally.sets_done, "total": tally.sets_total},
            "pain": [
                {
                    "exercise": exercise,
                    "location": report.location,
                    "kind": report.kind or None,
                    "severity": report.severity,
                    "action": report.action,
                }
                for exercise, report in tally.pain
            ],
        }


@dataclass(frozen=True, slots=True)
class SessionDetail:
    """One session read back whole: when and how it ended, and every segment kept of it (done
    or skipped, with their pain reports) in the order they were written."""

    session_id: int
    routine_id: str
    routine_name: str
    started_at: datetime
    ended_at: datetime | None
    outcome: Outcome | Literal["in progress"]
    rating: Rating | None
    planned_seconds: float
    segments: tuple[SegmentRecord, ...]
    logged: bool = False
    """Kept with `psoas log` (every set as planned), not played in the app."""

    @property
    def pain(self) -> tuple[tuple[SegmentRecord, PainRecord], ...]:
        """Every pain report, with the segment it was made in, in order."""
        return tuple((segment, report) for segment in self.segments for report in segment.pain)


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


@dataclass(frozen=True, slots=True)
class SideAnswer:
    """The one-key answer after a per-side exercise: which side felt tighter or weaker."""

    exercise_index: int
    """Which exercise of the routine (from 0)."""
    exercise_id: str
    question: SideQuestionKind
    answer: SideChoice
    answered_at: datetime
    session_id: int | None = None
    """The session it belongs to; None for an answer not yet written."""


@dataclass(frozen=True, slots=True)
class SidedPain:
    """A pain report made during a hold or a set of reps on one side."""

    side: Side
    report: PainRecord
    exercise_name: str
    reported_at: datetime
    """When the segment it was made in was left."""
    session_id: int
