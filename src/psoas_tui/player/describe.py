"""Routines in words: durations, doses and timeline lines, shared by the CLI and the screens.

Every place that tells the user how long something takes, or how much of an exercise to do,
asks this module, so `psoas show`, the library preview and the self-test result read the same.
"""

from __future__ import annotations

from psoas_tui.player.timeline import Segment, Timeline, build_timeline
from psoas_tui.routine.plan import PlannedExercise, RoutinePlan, SideMode
from psoas_tui.store.tally import Tally

_SIDES: dict[SideMode, str] = {
    "both": " each side",
    "alternating": " alternating",
    "left": ", left side only",
    "right": ", right side only",
    "none": "",
}


def format_duration(seconds: float) -> str:
    """`m:ss` (or `h:mm:ss` from an hour up)."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """A count and its noun, singular for one: "1 set", "3 sets", "2 pain reports"
    (`nouns` for a plural that is not the noun plus "s")."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def _reps(count: int | None) -> str:
    return plural(count or 0, "rep")


def amount_text(sets: int, *, hold_seconds: int | None, reps: int | None, sides: SideMode) -> str:
    """Sets times the hold or the reps, and the sides: "2 × 30 s each side", "3 × 10 reps",
    "1 × 8 reps alternating", "1 × 45 s, left side only"."""
    work = f"{hold_seconds} s" if hold_seconds is not None else _reps(reps)
    return f"{sets} × {work}{_SIDES[sides]}"


def dose_text(exercise: PlannedExercise) -> str:
    """What to do of a planned exercise: its amount, and for reps their pace —
    "2 × 10 reps each side (4 s a rep)" or "3 × 10 reps, your pace" when they are open-ended."""
    text = amount_text(
        exercise.sets,
        hold_seconds=exercise.hold_seconds,
        reps=exercise.reps,
        sides=exercise.sides,
    )
    if exercise.hold_seconds is not None:
        return text
    if exercise.tempo_seconds:
        return f"{text} ({exercise.tempo_seconds:g} s a rep)"
    return f"{text}, your pace"


def estimated_seconds(plan: RoutinePlan) -> float:
    """How long `plan` takes, with an estimate for reps done at the user's pace."""
    return build_timeline(plan).estimated_seconds


def estimated_duration(plan: RoutinePlan) -> str:
    """`estimated_seconds` of `plan` as `m:ss`."""
    return format_duration(estimated_seconds(plan))


def segment_amount(segment: Segment) -> str:
    """How much of one segment: "0:45", "10 reps (0:40)" or "10 reps, your pace"."""
    if segment.kind == "reps":
        pace = f" ({format_duration(segment.seconds)})" if segment.seconds else ", your pace"
        return f"{_reps(segment.reps)}{pace}"
    return format_duration(segment.seconds or 0)


def timeline_lines(timeline: Timeline) -> list[str]:
    """The timeline in words, a line a segment, each starting at its time from the start:
    `   0:05  hold    Low lunge left — set 1/2, 0:45`."""
    lines = []
    clock = 0.0
    for segment in timeline.segments:
        side = (
            f" {segment.side}"
            if segment.side
            else (" both sides, alternating" if segment.alternating else "")
        )
        where = f"set {segment.set_number}/{segment.sets}"
        lines.append(
            f"{format_duration(clock):>7}  {segment.kind:<6}  {segment.exercise.name}{side} — "
            f"{where}, {segment_amount(segment)}"
        )
        clock += segment.estimated_seconds()
    return lines


def sessions_total(count: int, work_seconds: float) -> str:
    """A count of sessions and the time spent in holds and reps: "3 sessions, 12:30 of holds
    and reps"."""
    return f"{plural(count, 'session')}, {format_duration(work_seconds)} of holds and reps"


def exercises_count(tally: Tally) -> str:
    """ "2 of 3" exercises done."""
    return f"{len(tally.exercises_done)} of {tally.exercises_total}"


def sets_count(tally: Tally) -> str:
    """ "6 of 8" sets/sides done."""
    return f"{tally.sets_done} of {tally.sets_total}"


def tally_parts(tally: Tally) -> tuple[str, str, str]:
    """A session's counts, in the words the summary and the history share: "Exercises: 2 of 3
    done", "Sets/sides: 6 of 8 done", "Work: 1:30 of holds and reps"."""
    return (
        f"Exercises: {exercises_count(tally)} done",
        f"Sets/sides: {sets_count(tally)} done",
        f"Work: {format_duration(tally.work_seconds)} of holds and reps",
    )


def tally_line(tally: Tally) -> str:
    """`tally_parts` on one line, for `psoas history`."""
    return " · ".join(tally_parts(tally))
