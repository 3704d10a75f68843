"""The end-of-session summary: the session's records counted by `store.tally` (as the history
counts them), in words, with advice when pain was reported."""

from __future__ import annotations

from dataclasses import dataclass

from psoas_tui.player.describe import format_duration, tally_parts
from psoas_tui.player.pain import ACTION_WORDS, pain_advice
from psoas_tui.player.session import SegmentFinished, Session
from psoas_tui.store.records import Outcome, PainRecord, SegmentRecord
from psoas_tui.store.tally import Tally, tally

TITLES: dict[Outcome, str] = {
    "completed": "Well done!",
    "skipped": "Everything was skipped",
    "quit": "Session stopped early",
    "interrupted": "Session stopped early",
}


def segment_record(finished: SegmentFinished) -> SegmentRecord:
    """The store's record of a segment the engine finished, with its pain reports."""
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
            PainRecord(report.location, report.severity, report.action, report.kind)
            for report in finished.pain
        ),
        exercise_index=segment.exercise_index,
    )


@dataclass(frozen=True, slots=True)
class SessionTotals:
    """What a session added up to, and how it ended."""

    routine_name: str
    outcome: Outcome
    tally: Tally

    @property
    def title(self) -> str:
        return TITLES[self.outcome]

    @property
    def completed(self) -> bool:
        return self.outcome == "completed"

    def lines(self) -> list[str]:
        """The summary in plain words, a line each: the counts the history shows too, first."""
        counted = self.tally
        lines = [
            *tally_parts(counted),
            f"Time spent: {format_duration(counted.spent_seconds)}, pauses left out",
        ]
        if counted.exercises_done:
            lines.append(f"Done: {', '.join(counted.exercises_done)}")
        if counted.exercises_skipped:
            lines.append(f"Skipped: {', '.join(counted.exercises_skipped)}")
        if counted.left_seconds or counted.right_seconds:
            lines.append(
                f"Sides: left {format_duration(counted.left_seconds)}, "
                f"right {format_duration(counted.right_seconds)}"
            )
        if not counted.pain:
            lines.append("Pain reports: none")
        for name, report in counted.pain:
            kind = f"{report.kind} " if report.kind else ""
            action = ACTION_WORDS.get(report.action, report.action)
            lines.append(f"Pain: {name} — {report.location}, {kind}{report.severity}/10 ({action})")
        return lines

    def advice(self) -> list[str]:
        """What to do after the pain reported (none without reports), a paragraph each."""
        return pain_advice(report for _, report in self.tally.pain)


def summarise(session: Session) -> SessionTotals:
    """The totals of `session` so far (played to the end, or stopped)."""
    counted = tally(segment_record(record) for record in session.finished)
    return SessionTotals(
        routine_name=session.timeline.plan.name,
        outcome=counted.outcome(reached_end=session.state == "finished"),
        tally=counted,
    )
