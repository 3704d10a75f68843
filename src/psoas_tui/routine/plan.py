"""A routine resolved against the catalogue: every exercise with concrete sides, sets and timings.

`PlannedExercise` is what the timeline and the player work from; nothing in it is left to defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SideMode = Literal["both", "left", "right", "alternating", "none"]


@dataclass(frozen=True, slots=True)
class PlannedExercise:
    """One exercise of a routine with every value filled in."""

    exercise_id: str
    name: str
    sides: SideMode
    sets: int
    hold_seconds: int | None
    reps: int | None
    tempo_seconds: float | None
    seconds_per_rep_estimate: float
    prep_seconds: int
    rest_seconds: int
    switch_seconds: int
    notes: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    is_custom: bool = False


@dataclass(frozen=True, slots=True)
class RoutinePlan:
    """A routine ready to play: its identity and its planned exercises."""

    routine_id: str
    name: str
    description: str
    tags: tuple[str, ...]
    exercises: tuple[PlannedExercise, ...]
    source: Literal["built-in", "user", "file", "generated"] = "file"
    path: Path | None = None
    file_hash: str = ""
