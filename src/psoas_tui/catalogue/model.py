"""The exercise catalogue's models: an `Exercise`, its dosage, and the `Catalogue` index.

Look an exercise up by id, name or alias with `Catalogue.lookup` (case and punctuation ignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal, Self

from pydantic import Field, StringConstraints, model_validator

from psoas_tui.catalogue.bounds import HoldSeconds, Reps, Sets, TempoSeconds
from psoas_tui.catalogue.vocabulary import Equipment, Kind, Position, Sidedness
from psoas_tui.textfile.names import normalise
from psoas_tui.textfile.strict import StrictModel

KebabId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class Dosage(StrictModel):
    """The default dose and the range the articles give. Either a hold or reps."""

    sets: Sets
    """Default number of sets."""
    sets_range: tuple[int, int]
    """Lowest and highest number of sets the articles suggest."""
    hold_seconds: HoldSeconds | None = None
    """Default hold per side, in seconds (for holds)."""
    hold_range: tuple[int, int] | None = None
    """Shortest and longest hold the articles give."""
    reps: Reps | None = None
    """Default reps per side per set (for rep-based exercises)."""
    reps_range: tuple[int, int] | None = None
    """Fewest and most reps the articles give."""
    seconds_per_rep: TempoSeconds | None = None
    """About how long one rep takes with its pause: used to estimate durations, and as the tempo
    when an exercise is played on its own."""

    @model_validator(mode="after")
    def _hold_or_reps(self) -> Self:
        if (self.hold_seconds is None) == (self.reps is None):
            raise ValueError("a dosage has either hold_seconds or reps")
        if self.hold_seconds is not None and self.hold_range is None:
            raise ValueError("hold_seconds needs hold_range")
        if self.reps is not None and (self.reps_range is None or self.seconds_per_rep is None):
            raise ValueError("reps needs reps_range and seconds_per_rep")
        for low_high, value in (
            (self.sets_range, self.sets),
            (self.hold_range, self.hold_seconds),
            (self.reps_range, self.reps),
        ):
            if low_high is not None and value is not None:
                low, high = low_high
                if not low <= value <= high:
                    raise ValueError(f"default {value} is outside its range {low}-{high}")
        return self


class Exercise(StrictModel):
    """One exercise of the catalogue, written in our own words from the source articles."""

    id: KebabId
    """Stable kebab-case identifier used by routine files."""
    name: str
    """The name shown on screen."""
    aliases: tuple[str, ...] = ()
    """Other names the articles use for the same movement."""
    kind: Kind
    position: Position
    equipment: tuple[Equipment, ...] = ()
    """What you need; empty means nothing but the floor."""
    optional_equipment: tuple[Equipment, ...] = ()
    """What helps (support, padding) or makes it harder (bands, weights), but is not needed."""
    sidedness: Sidedness
    dosage: Dosage
    summary: str
    """One sentence: what it is and what it is for."""
    side_role: str = ""
    """For per-side and alternating exercises: what each leg does when the player says LEFT or
    RIGHT, with `{side}` and `{other}` standing for the two sides ("{side} knee down, {other}
    foot forward")."""
    steps: tuple[str, ...] = Field(min_length=2)
    """How to get into position and do it, in order."""
    cues: tuple[str, ...] = Field(min_length=1)
    """Short reminders shown during the hold."""
    mistakes: tuple[str, ...] = ()
    easier: tuple[KebabId, ...] = ()
    """Ids of easier variants in this catalogue."""
    harder: tuple[KebabId, ...] = ()
    """Ids of harder variants in this catalogue."""
    variations: tuple[str, ...] = ()
    """Easier or harder versions that are not separate entries (a cushion, a band)."""
    cautions: tuple[str, ...] = ()
    """When not to do it, or what to watch for."""
    sources: tuple[str, ...] = Field(min_length=1)
    """Seed article file names this entry is drawn from."""
    source_notes: str = ""
    """Where the articles disagree, and which default we chose."""
    tier: Literal["A", "B"]
    """A: the articles give steps. B: the articles only recommend it; steps are our own."""

    @property
    def per_side(self) -> bool:
        return self.sidedness is not Sidedness.NONE

    @property
    def desk_friendly(self) -> bool:
        """Can be done at a desk: standing with at most a chair or wall, or seated on a chair."""
        gear = set(self.equipment)
        if self.position is Position.STANDING:
            return gear <= {Equipment.CHAIR, Equipment.WALL}
        return self.position is Position.SEATED and gear == {Equipment.CHAIR}

    def side_instruction(self, side: str) -> str:
        """`side_role` filled in for "left" or "right" (empty when there is none)."""
        if not self.side_role:
            return ""
        other = "right" if side == "left" else "left"
        return self.side_role.replace("{side}", side).replace("{other}", other)

    def names(self) -> Iterator[str]:
        """The name, every alias and the id."""
        yield self.name
        yield from self.aliases
        yield self.id


class CatalogueFile(StrictModel):
    """The layout of `data/exercises.toml`."""

    exercise: tuple[Exercise, ...]


class Catalogue:
    """All exercises, indexed by every normalised id, name and alias."""

    def __init__(self, exercises: tuple[Exercise, ...]) -> None:
        self.exercises = exercises
        self._by_id = {exercise.id: exercise for exercise in exercises}
        self._by_key: dict[str, Exercise] = {}
        for exercise in exercises:
            for name in exercise.names():
                key = normalise(name)
                other = self._by_key.get(key)
                if other is not None and other.id != exercise.id:
                    raise ValueError(f'"{name}" names both {other.id} and {exercise.id}')
                self._by_key[key] = exercise

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def get(self, exercise_id: str) -> Exercise:
        """The entry with exactly this id."""
        return self._by_id[exercise_id]

    def lookup(self, name: str) -> Exercise | None:
        """The entry for an id, name or alias (case and punctuation ignored), or None."""
        return self._by_key.get(normalise(name))

    def all_names(self) -> list[str]:
        return [name for exercise in self.exercises for name in exercise.names()]
