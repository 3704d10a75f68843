"""A session with a bit of everything for the detail views: sets done and skipped on both sides,
a rest, an open-ended set of reps, and two pain reports (one sharp, one without a kind, as kept
before the question was asked); and a hostile one whose names are markup and escapes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from psoas_tui.store.history import History
from psoas_tui.store.records import PainRecord, SegmentRecord, SessionStart

STARTED = datetime(2026, 11, 19, 7, 0, tzinfo=UTC)


def segment(
    position: int,
    kind: str,
    name: str,
    side: str | None = None,
    set_number: int = 1,
    status: str = "done",
    planned: float | None = 30.0,
    actual: float = 30.0,
    pain: tuple[PainRecord, ...] = (),
    exercise_id: str | None = None,
) -> SegmentRecord:
    return SegmentRecord(
        position=position,
        kind=kind,
        exercise_id=exercise_id or name.lower().replace(" ", "-"),
        exercise_name=name,
        side=side,
        set_number=set_number,
        sets=2,
        status=status,  # type: ignore[arg-type]
        planned_seconds=planned,
        actual_seconds=actual,
        pain=pain,
        finished_at=STARTED + timedelta(seconds=30 * position),
        exercise_index=0 if "lunge" in name.lower() else 1,
    )


SHARP = PainRecord("front of the hip", 7, "end", "sharp")
OLD = PainRecord("knee", 4, "continue", "")

SEGMENTS = (
    segment(0, "prep", "Kneeling lunge", "left", planned=5, actual=5),
    segment(1, "hold", "Kneeling lunge", "left", actual=31),
    segment(2, "switch", "Kneeling lunge", "right", planned=5, actual=4),
    segment(3, "hold", "Kneeling lunge", "right", status="skipped", actual=3),
    segment(4, "rest", "Kneeling lunge", planned=15, actual=15),
    segment(5, "hold", "Kneeling lunge", "left", set_number=2, actual=29, pain=(OLD,)),
    segment(6, "reps", "Glute bridge", None, planned=None, actual=42),
    segment(7, "reps", "Glute bridge", None, set_number=2, planned=None, actual=12, pain=(SHARP,)),
)


def keep(
    history: History,
    segments: tuple[SegmentRecord, ...] = SEGMENTS,
    started: datetime = STARTED,
    name: str = "Tight psoas",
    minutes: float = 4,
) -> int:
    """Keep a finished, rated session of `segments`; its id."""
    session = history.start_session(
        SessionStart("tight-psoas", name, "hash", 300.0, started_at=started)
    )
    history.record_segments(session, segments)
    history.end_session(session, "quit", started + timedelta(minutes=minutes))
    history.rate_session(session, "too_hard")
    return session


def keep_at(path: Path, started: datetime = STARTED) -> int:
    with History.open(path) as history:
        return keep(history, started=started)
