"""The routine file format (schema 1) as pydantic models.

These models describe exactly what a person writes in a routine TOML file; values left out are
filled from the catalogue when the routine is resolved (see `psoas_tui.routine.resolve`).
"""

from __future__ import annotations

import math
from typing import Annotated, Literal, Self

from pydantic import Field, StringConstraints, field_validator, model_validator

from psoas_tui.catalogue.bounds import (
    HoldSeconds,
    PrepSeconds,
    Reps,
    RestSeconds,
    Sets,
    SwitchSeconds,
    TempoSeconds,
)
from psoas_tui.textfile.strict import UserFileModel
from psoas_tui.textfile.versions import VersionedFile

SCHEMA_VERSION = 1
"""The newest routine schema this program understands."""

Sides = Literal["both", "left", "right", "alternating", "none"]
MoveId = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Text = Annotated[str, StringConstraints(max_length=2000)]
ShortText = Annotated[str, StringConstraints(max_length=200)]


class Defaults(UserFileModel):
    """Timings applied to every exercise unless the exercise says otherwise."""

    prep_seconds: PrepSeconds = 5
    """Get-ready time before each exercise, in seconds."""
    rest_seconds: RestSeconds = 15
    """Rest between sets, in seconds."""
    switch_seconds: SwitchSeconds = 5
    """Time to change from the left side to the right, in seconds."""


class CustomMove(UserFileModel):
    """A move that is not in the catalogue, defined in the routine itself."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
    """Kebab-case id that `[[exercises]]` entries use to refer to this move."""
    name: ShortText
    """The name shown on screen."""
    per_side: bool = False
    """Whether it is done on the left and on the right."""
    steps: list[Text] = Field(default_factory=list, max_length=50)
    """How to do it, in order."""
    cues: list[Text] = Field(default_factory=list, max_length=50)
    """Short reminders shown while doing it."""
    hold_seconds: HoldSeconds | None = None
    """Default hold, when the move is a hold."""
    reps: Reps | None = None
    """Default reps, when the move is done in reps."""
    sets: Sets = 1
    """Default number of sets."""

    @model_validator(mode="after")
    def _hold_or_reps(self) -> Self:
        if self.hold_seconds is not None and self.reps is not None:
            raise ValueError("give hold_seconds or reps, not both")
        return self


class RoutineExercise(UserFileModel):
    """One `[[exercises]]` entry: which exercise, and how much of it."""

    exercise: MoveId
    """Catalogue id, name or alias (case and punctuation ignored), or the id of a custom move."""
    sets: Sets | None = None
    """How many sets; the catalogue's default when left out."""
    hold_seconds: HoldSeconds | None = None
    """Seconds to hold, per side and set."""
    reps: Reps | None = None
    """Reps per side and set."""
    tempo_seconds: TempoSeconds | None = None
    """Seconds per rep, pause at the top included; without it reps are open-ended."""
    sides: Sides | None = None
    """both | left | right | alternating (sides alternate rep by rep) | none."""
    rest_seconds: RestSeconds | None = None
    """Rest between sets for this exercise (overrides the default)."""
    prep_seconds: PrepSeconds | None = None
    """Get-ready time for this exercise (overrides the default)."""
    switch_seconds: SwitchSeconds | None = None
    """Time to switch sides for this exercise (overrides the default)."""
    notes: Text | None = None
    """Your own reminder, shown during the exercise."""

    @field_validator("tempo_seconds", mode="before")
    @classmethod
    def _finite(cls, value: object) -> object:
        # A whole number is left to pydantic, which compares it exactly: float() of one beyond
        # 1.8e308 raises OverflowError, and the message should show the number that was written.
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"must be a finite number (got {value})")
        return value

    @model_validator(mode="after")
    def _hold_or_reps(self) -> Self:
        if self.hold_seconds is not None and self.reps is not None:
            raise ValueError("give hold_seconds or reps, not both")
        if self.tempo_seconds is not None and self.hold_seconds is not None:
            raise ValueError("tempo_seconds goes with reps, not with hold_seconds")
        return self


class Routine(UserFileModel, VersionedFile):
    """A whole routine file."""

    SCHEMA_VERSION = SCHEMA_VERSION

    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    """The routine's name."""
    description: Text = ""
    """Who it is for, and how often to do it."""
    tags: list[ShortText] = Field(default_factory=list, max_length=30)
    """Words to find it by (runner, desk, stretch …)."""
    defaults: Defaults = Field(default_factory=Defaults)
    """Timings used when an exercise does not give its own."""
    moves: list[CustomMove] = Field(default_factory=list, max_length=100)
    """Custom moves that are not in the catalogue."""
    exercises: list[RoutineExercise] = Field(min_length=1, max_length=200)
    """The exercises, in order."""
