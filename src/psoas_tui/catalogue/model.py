"""The exercise catalogue's models: an `Exercise`, its dosage, and the `Catalogue` index.

Look an exercise up by id, name or alias with `Catalogue.find` (case and punctuation ignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from psoas_tui.textfile.names import did_you_mean, normalise

KebabId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
SOURCE_FILES = (
    "000_2a139b7f77750f37.txt",
    "001_a369f2e55bcd282b.txt",
    "002_3300b23856dd6860.txt",
    "003_f525bfbb801b210a.txt",
    "004_b08a8e43cb40d0bb.txt",
)


class Kind(StrEnum):
    """What an exercise does for the psoas."""

    STRETCH = "stretch"
    STRENGTHEN = "strengthen"
    RELEASE = "release"
    ACTIVATION = "activation"


class Position(StrEnum):
    """The body position an exercise is done in."""

    STANDING = "standing"
    SEATED = "seated"
    KNEELING = "kneeling"
    LYING = "lying"
    HANGING = "hanging"
    PLANK = "plank"


class Equipment(StrEnum):
    """Things from around you that an exercise uses."""

    CHAIR = "chair"
    BED = "bed"
    WALL = "wall"
    FOAM_ROLLER = "foam roller"
    BALL = "ball"
    STEP = "step"
    BAND = "band"
    WEIGHTS = "weights"
    PULL_UP_BAR = "pull-up bar"
    BLOCK = "block"


class Sidedness(StrEnum):
    """How an exercise treats the two sides of the body."""

    PER_SIDE = "per_side"
    """Done on one side, then the other (left then right in each set)."""
    ALTERNATING = "alternating"
    """Sides alternate rep by rep within one set."""
    NONE = "none"
    """Both sides work together (a bridge, a cobra)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Dosage(_Strict):
    """The default dose and the range the articles give. Either a hold or reps."""

    sets: int = Field(ge=1, le=20)
    """Default number of sets."""
    sets_range: tuple[int, int]
    """Lowest and highest number of sets the articles suggest."""
    hold_seconds: int | None = Field(default=None, ge=1, le=600)
    """Default hold per side, in seconds (for holds)."""
    hold_range: tuple[int, int] | None = None
    """Shortest and longest hold the articles give."""
    reps: int | None = Field(default=None, ge=1, le=200)
    """Default reps per side per set (for rep-based exercises)."""
    reps_range: tuple[int, int] | None = None
    """Fewest and most reps the articles give."""
    seconds_per_rep: float | None = Field(default=None, gt=0, le=60)
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

    @property
    def is_hold(self) -> bool:
        return self.hold_seconds is not None


class Exercise(_Strict):
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
    def steps_from_general_knowledge(self) -> bool:
        """Tier-B steps are written from the articles' descriptions and general knowledge."""
        return self.tier == "B"

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


class CatalogueFile(_Strict):
    """The layout of `data/exercises.toml`."""

    exercise: tuple[Exercise, ...]


class UnknownExercise(LookupError):
    """No catalogue entry has that id, name or alias."""

    def __init__(self, name: str, suggestion: str) -> None:
        super().__init__(f'unknown exercise "{name}"{suggestion}')
        self.name = name


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

    def find(self, name: str) -> Exercise:
        """Like `lookup`, but raise `UnknownExercise` with the closest names as suggestions."""
        found = self.lookup(name)
        if found is None:
            every_name = [n for exercise in self.exercises for n in exercise.names()]
            raise UnknownExercise(name, did_you_mean(name, every_name, cutoff=0.5))
        return found

    def all_names(self) -> list[str]:
        return [name for exercise in self.exercises for name in exercise.names()]
