"""Expand a `RoutinePlan` into the timeline of segments the player walks through.

For each exercise: a `prep`; then, per set, the work (`hold` or `reps`) — left, `switch`, right
for per-side exercises — and a `rest` between sets (none after the last set: the next exercise's
prep is the transition).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from psoas_tui.routine.plan import PlannedExercise, RoutinePlan

SegmentKind = Literal["prep", "hold", "reps", "switch", "rest"]
Side = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class Segment:
    """One step of a session: what to do, for how long, on which side."""

    index: int
    kind: SegmentKind
    exercise_index: int
    exercise: PlannedExercise
    side: Side | None
    set_number: int
    sets: int
    seconds: float | None
    """Planned length; None for open-ended reps (the user marks them done)."""
    reps: int | None = None
    alternating: bool = False

    @property
    def is_work(self) -> bool:
        return self.kind in ("hold", "reps")

    def estimated_seconds(self) -> float:
        """The planned length, or an estimate for open-ended reps."""
        if self.seconds is not None:
            return self.seconds
        return (
            (self.reps or 0)
            * self.exercise.seconds_per_rep_estimate
            * (2 if self.alternating else 1)
        )


@dataclass(frozen=True, slots=True)
class Timeline:
    """All segments of a routine, in order."""

    plan: RoutinePlan
    segments: tuple[Segment, ...]

    def __len__(self) -> int:
        return len(self.segments)

    @property
    def total_seconds(self) -> float:
        """Sum of the timed segments (open-ended reps count as zero)."""
        return sum(segment.seconds or 0 for segment in self.segments)

    @property
    def estimated_seconds(self) -> float:
        """Total including an estimate for open-ended reps."""
        return sum(segment.estimated_seconds() for segment in self.segments)

    def first_of_exercise(self, exercise_index: int) -> int:
        for segment in self.segments:
            if segment.exercise_index == exercise_index:
                return segment.index
        raise IndexError(exercise_index)


def _work(exercise: PlannedExercise) -> tuple[SegmentKind, float | None, int | None]:
    if exercise.hold_seconds is not None:
        return "hold", float(exercise.hold_seconds), None
    reps = exercise.reps or 0
    if exercise.tempo_seconds is None:
        return "reps", None, reps
    per_set = reps * exercise.tempo_seconds * (2 if exercise.sides == "alternating" else 1)
    return "reps", float(per_set), reps


def _sides(exercise: PlannedExercise) -> list[Side | None]:
    if exercise.sides == "both":
        return ["left", "right"]
    if exercise.sides in ("left", "right"):
        return [exercise.sides]
    return [None]


def build_timeline(plan: RoutinePlan) -> Timeline:
    """The segments of `plan`, numbered from 0 (zero-length transitions are left out)."""
    segments: list[Segment] = []
    for exercise_index, exercise in enumerate(plan.exercises):

        def add(
            kind: SegmentKind,
            side: Side | None,
            set_number: int,
            seconds: float | None,
            reps: int | None = None,
        ) -> None:
            if kind in ("prep", "switch", "rest") and not seconds:
                return
            segments.append(
                Segment(
                    index=len(segments),
                    kind=kind,
                    exercise_index=exercise_index,  # noqa: B023 - used at once, in this iteration
                    exercise=exercise,  # noqa: B023
                    side=side,
                    set_number=set_number,
                    sets=exercise.sets,  # noqa: B023
                    seconds=None if seconds is None else float(seconds),
                    reps=reps,
                    alternating=exercise.sides == "alternating",  # noqa: B023
                )
            )

        sides = _sides(exercise)
        kind, seconds, reps = _work(exercise)
        add("prep", sides[0], 1, exercise.prep_seconds)
        for set_number in range(1, exercise.sets + 1):
            for side_number, side in enumerate(sides):
                if side_number > 0:
                    add("switch", side, set_number, exercise.switch_seconds)
                add(kind, side, set_number, seconds, reps)
            if set_number < exercise.sets:
                add("rest", sides[0], set_number + 1, exercise.rest_seconds)
    return Timeline(plan=plan, segments=tuple(segments))
