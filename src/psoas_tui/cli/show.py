"""`psoas show ROUTINE [--json]`: a routine's timeline and total time."""

from __future__ import annotations

from typing import Any, TextIO

from psoas_tui.cli import exit_codes
from psoas_tui.player.describe import format_duration, plural, timeline_lines
from psoas_tui.player.timeline import Timeline, build_timeline
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.textfile.printable import printable, printable_json


def _number(value: float | None) -> float | int | None:
    """Whole seconds as integers in JSON (45, not 45.0)."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    plan = timeline.plan
    return {
        "routine": {"id": plan.routine_id, "name": plan.name},
        "total_seconds": _number(timeline.total_seconds),
        "segments": [
            {
                "index": segment.index,
                "kind": segment.kind,
                "exercise": segment.exercise.name,
                "side": segment.side,
                "set": segment.set_number,
                "sets": segment.sets,
                "seconds": _number(segment.seconds),
                "reps": segment.reps,
            }
            for segment in timeline.segments
        ],
    }


def run(plan: RoutinePlan, as_json: bool, out: TextIO) -> int:
    timeline = build_timeline(plan)
    if as_json:
        print(printable_json(timeline_json(timeline)), file=out)
        return exit_codes.OK
    print(printable(f"{plan.name} ({plan.routine_id})"), file=out)
    if plan.description:
        print(printable(plan.description), file=out)
    print("", file=out)
    for line in timeline_lines(timeline):
        print(printable(line), file=out)
    open_ended = sum(1 for s in timeline.segments if s.seconds is None)
    total = f"\nTotal: {format_duration(timeline.total_seconds)} timed"
    if open_ended:
        total += (
            f" + {plural(open_ended, 'set')} of reps at your own pace "
            f"(about {format_duration(timeline.estimated_seconds)} in all)"
        )
    print(total, file=out)
    return exit_codes.OK
