"""A session from the history in words: when and how it ended, then every segment in order with
what was planned and what was done, and the pain reported in it. The history screen's detail and
`psoas history --session ID` read the same from here.

Skipped sets and pain are marked so they stand out in plain text too: `✗` before a skipped
segment, `⚠` before one with pain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from psoas_tui.player.describe import format_duration, plural, tally_line
from psoas_tui.player.pain import ACTION_WORDS, KIND_WORDS
from psoas_tui.store.records import PainRecord, SegmentRecord, SessionDetail
from psoas_tui.store.tally import WORK_KINDS, tally

DONE_MARK = "✓"
SKIPPED_MARK = "✗"
PAIN_MARK = "⚠"


@dataclass(frozen=True, slots=True)
class SegmentCells:
    """One segment as the cells of a row, each a short text."""

    mark: str
    """`✓` for a set done, `✗` for anything skipped, then `⚠` when pain was reported in it."""
    exercise: str
    side: str
    set: str
    kind: str
    planned: str
    actual: str
    status: str
    pain: str
    """The worst pain reported in it ("7/10 sharp"), or ""."""

    @property
    def skipped(self) -> bool:
        return self.status == "skipped"


def _time(moment: datetime, tz: tzinfo | None) -> datetime:
    return moment.astimezone(tz)


def when_line(detail: SessionDetail, tz: tzinfo | None = None) -> str:
    """ "Thu 2026-11-19 07:00 to 07:12 (12:03)"; the end's date too when it is another day."""
    start = _time(detail.started_at, tz)
    text = start.strftime("%a %Y-%m-%d %H:%M")
    if detail.ended_at is None:
        return f"{text}, never closed"
    end = _time(detail.ended_at, tz)
    end_text = end.strftime("%H:%M" if end.date() == start.date() else "%a %Y-%m-%d %H:%M")
    length = format_duration(max(0.0, (detail.ended_at - detail.started_at).total_seconds()))
    return f"{text} to {end_text} ({length})"


def outcome_line(detail: SessionDetail) -> str:
    """ "Completed, rated about right" / "Quit, not rated"."""
    rating = f"rated {detail.rating.replace('_', ' ')}" if detail.rating else "not rated"
    logged = " (logged by hand with psoas log)" if detail.logged else ""
    return f"{detail.outcome.capitalize()}{logged}, {rating}"


def pain_short(report: PainRecord) -> str:
    """ "7/10 sharp", "3/10 discomfort", "5/10" (a report from before the question)."""
    kind = f" {report.kind}" if report.kind else ""
    return f"{report.severity}/10{kind}"


def pain_words(report: PainRecord) -> str:
    """ "front of the hip, 7/10, sharp pain: ended the session"."""
    kind = f", {KIND_WORDS[report.kind]}" if report.kind else ""
    action = ACTION_WORDS.get(report.action, report.action)
    return f"{report.location}, {report.severity}/10{kind}: {action}"


def segment_cells(segment: SegmentRecord) -> SegmentCells:
    work = segment.kind in WORK_KINDS
    skipped = segment.status == "skipped"
    mark = SKIPPED_MARK if skipped else DONE_MARK if work else " "
    if segment.pain:
        mark += PAIN_MARK
    worst = max(segment.pain, key=lambda report: report.severity, default=None)
    planned = segment.planned_seconds
    return SegmentCells(
        mark=mark,
        exercise=segment.exercise_name,
        side=segment.side or "",
        set=f"{segment.set_number}/{segment.sets}" if work else "",
        kind=segment.kind,
        planned=format_duration(planned) if planned is not None else "open",
        actual=format_duration(segment.actual_seconds),
        status=segment.status,
        pain="" if worst is None else pain_short(worst),
    )


def summary_lines(detail: SessionDetail, tz: tzinfo | None = None) -> list[str]:
    """The lines above the segments: routine, when, outcome and rating, the counts."""
    counted = tally(detail.segments)
    pain = f" · {plural(len(detail.pain), 'pain report')}" if detail.pain else ""
    return [
        f"{detail.routine_name} ({detail.routine_id})",
        when_line(detail, tz),
        f"{outcome_line(detail)}{pain}",
        tally_line(counted),
    ]


def where_in_session(segment: SegmentRecord) -> str:
    """ "Kneeling lunge, left, set 2/3": the segment a pain report was made in."""
    parts = [segment.exercise_name]
    if segment.side:
        parts.append(segment.side)
    if segment.kind in WORK_KINDS:
        parts.append(f"set {segment.set_number}/{segment.sets}")
    return ", ".join(parts)


def pain_lines(detail: SessionDetail) -> list[str]:
    """A line for each pain report: where in the session, then where it hurt and what was done."""
    return [
        f"{PAIN_MARK} {where_in_session(segment)}: {pain_words(report)}"
        for segment, report in detail.pain
    ]


def detail_lines(detail: SessionDetail, tz: tzinfo | None = None) -> list[str]:
    """The whole detail as text, for `psoas history --session ID`: the summary, then a line per
    segment, each pain report under the segment it was made in."""
    lines = [f"Session {detail.session_id}: {summary_lines(detail, tz)[0]}"]
    lines += summary_lines(detail, tz)[1:]
    if not detail.segments:
        return [*lines, "", "No segment was kept of this session."]
    lines += ["", f"{plural(len(detail.segments), 'segment')}:"]
    rows = [segment_cells(segment) for segment in detail.segments]
    name_width = max(len(row.exercise) for row in rows)
    for row, segment in zip(rows, detail.segments, strict=True):
        times = f"{row.actual} of {row.planned}" if row.planned != "open" else row.actual
        lines.append(
            f"  {row.mark:<2} {row.exercise:<{name_width}}  {row.side:<5}  {row.set:>5}  "
            f"{row.kind:<6}  {times:<13}  {row.status}".rstrip()
        )
        lines += [f"       {PAIN_MARK} pain: {pain_words(report)}" for report in segment.pain]
    return lines


def detail_json(detail: SessionDetail) -> dict[str, Any]:
    """The detail as JSON data (`psoas history --session ID --json`)."""
    return {
        "id": detail.session_id,
        "routine": {"id": detail.routine_id, "name": detail.routine_name},
        "started_at": detail.started_at.isoformat(),
        "ended_at": detail.ended_at.isoformat() if detail.ended_at else None,
        "outcome": detail.outcome,
        "rating": detail.rating,
        "logged_by_hand": detail.logged,
        "segments": [
            {
                "position": segment.position,
                "kind": segment.kind,
                "exercise": {"id": segment.exercise_id, "name": segment.exercise_name},
                "side": segment.side,
                "set": segment.set_number,
                "sets": segment.sets,
                "status": segment.status,
                "planned_seconds": segment.planned_seconds,
                "actual_seconds": round(segment.actual_seconds, 1),
                "pain": [
                    {
                        "location": report.location,
                        "kind": report.kind or None,
                        "severity": report.severity,
                        "action": report.action,
                    }
                    for report in segment.pain
                ],
            }
            for segment in detail.segments
        ],
    }
