"""The end-of-session summary: time spent, exercises done and skipped, sides, pain reports."""

from __future__ import annotations

from dataclasses import dataclass

from psoas_tui.player.describe import format_duration
from psoas_tui.player.session import PainReport, Session


@dataclass(frozen=True, slots=True)
class SessionTotals:
    """What a session added up to."""

    routine_name: str
    completed: bool
    seconds_spent: float
    work_seconds: float
    done: tuple[str, ...]
    skipped: tuple[str, ...]
    left_seconds: float
    right_seconds: float
    pain: tuple[tuple[str, PainReport], ...]

    def lines(self) -> list[str]:
        """The summary in plain words, a line each."""
        lines = [
            f"Time spent: {format_duration(self.seconds_spent)} "
            f"({format_duration(self.work_seconds)} of holds and reps)",
            f"Exercises done: {len(self.done)}"
            + (f" — {', '.join(self.done)}" if self.done else ""),
            f"Skipped: {len(self.skipped)}"
            + (f" — {', '.join(self.skipped)}" if self.skipped else ""),
        ]
        if self.left_seconds or self.right_seconds:
            lines.append(
                f"Sides: left {format_duration(self.left_seconds)}, "
                f"right {format_duration(self.right_seconds)}"
            )
        if self.pain:
            for name, report in self.pain:
                lines.append(
                    f"Pain: {name} — {report.location}, {report.severity}/10 ({report.action})"
                )
        else:
            lines.append("Pain reports: none")
        return lines


def summarise(session: Session) -> SessionTotals:
    done: dict[str, None] = {}
    attempted: dict[str, None] = {}
    spent = work = left = right = 0.0
    pain: list[tuple[str, PainReport]] = []
    for record in session.finished:
        segment = record.segment
        spent += record.actual_seconds
        pain.extend((segment.exercise.name, report) for report in record.pain)
        if not segment.is_work:
            continue
        attempted[segment.exercise.name] = None
        if record.status == "done":
            done[segment.exercise.name] = None
            work += record.actual_seconds
            if segment.side == "left":
                left += record.actual_seconds
            elif segment.side == "right":
                right += record.actual_seconds
    skipped = tuple(name for name in attempted if name not in done)
    return SessionTotals(
        routine_name=session.timeline.plan.name,
        completed=session.state == "finished",
        seconds_spent=spent,
        work_seconds=work,
        done=tuple(done),
        skipped=skipped,
        left_seconds=left,
        right_seconds=right,
        pain=tuple(pain),
    )
