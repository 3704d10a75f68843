"""The exercise catalogue's models: an `Exercise`, the data file's layout, and the `Catalogue`.

Look an exercise up by id, name or alias with `Catalogue.lookup` (case and punctuation ignored),
and a source article by its seed key with `Catalogue.article`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal, Self

from pydantic import Field, StringConstraints, model_validator

from psoas_tui.catalogue.articles import Article, SeedKey
from psoas_tui.catalogue.dosage import Dosage
from psoas_tui.catalogue.vocabulary import Equipment, Kind, Position, Sidedness
from psoas_tui.textfile.names import normalise
from psoas_tui.textfile.strict import StrictModel

KebabId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Target = Literal["stretched", "worked"]
TARGET_VERB: dict[str, str] = {"stretched": "stretches", "worked": "works"}
"""The word a side_role's last clause starts with, for each target."""


def side_role_problem(side_role: str, target: Target) -> str:
    """Why `side_role` breaks the convention for `target`, or "" when it keeps it: after the
    last ": " it says what the exercise does ("stretches …", "works …") for the `{side}` leg,
    and never for the `{other}`."""
    what, colon, effect = side_role.rpartition(": ")
    verb = TARGET_VERB[target]
    if not colon or not what:
        return f'it needs "…: {verb} … {{side}} …" at the end'
    if not effect.startswith(f"{verb} "):
        return f'after the last ": " it should start with "{verb}" (target is {target})'
    if "{side}" not in effect or "{other}" in effect:
        return f'what it {verb} must be on the {{side}} leg, not the {{other}}: "{effect}"'
    if "{side}" not in what:
        return "it should say what the {side} leg does before the colon"
    return ""


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
    target: Target | None = None
    """For per-side and alternating exercises: whether the side the player names (LEFT, RIGHT)
    is the leg that is stretched or the leg that is worked. It is always that leg."""
    side_role: str = ""
    """For per-side and alternating exercises: what each leg does when the player says LEFT or
    RIGHT, with `{side}` and `{other}` standing for the two sides, ending with what it does for
    the `{side}` leg ("{side} knee down, {other} foot forward: stretches the front of the {side}
    hip"; "…: works the {side} hip flexors")."""
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
    sources: tuple[SeedKey, ...] = Field(min_length=1)
    """Seed keys (file names) of the articles this entry is drawn from; the catalogue's
    `articles` table names them."""
    source_notes: str = ""
    """Shown to the user: where the articles disagree, which default we chose, and where we
    depart from an article or add general knowledge. Names articles as a person would."""
    tier: Literal["A", "B"]
    """A: the articles give steps. B: the articles only recommend it; steps are our own."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        cited = self.dosage.origin.articles() - set(self.sources)
        if cited:
            raise ValueError(f"dosage.origin cites {sorted(cited)}, which are not in sources")
        if self.sidedness is Sidedness.NONE:
            if self.target is not None or self.side_role:
                raise ValueError("target and side_role are for per-side or alternating exercises")
            return self
        if self.target is None:
            raise ValueError('a per-side exercise needs target = "stretched" or "worked"')
        problem = side_role_problem(self.side_role, self.target)
        if problem:
            raise ValueError(f"side_role: {problem}")
        return self

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

    articles: dict[SeedKey, Article]
    """The source articles, by seed key: every key an exercise cites must be here."""
    exercise: tuple[Exercise, ...]

    @model_validator(mode="after")
    def _known_sources(self) -> Self:
        for exercise in self.exercise:
            unknown = sorted(set(exercise.sources) - set(self.articles))
            if unknown:
                raise ValueError(f"{exercise.id}: unknown source {', '.join(unknown)}")
        return self


class Catalogue:
    """All exercises, indexed by every normalised id, name and alias, and the articles they come
    from."""

    def __init__(
        self, exercises: tuple[Exercise, ...], articles: dict[str, Article] | None = None
    ) -> None:
        self.exercises = exercises
        self.articles: dict[str, Article] = dict(articles or {})
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

    def article(self, key: str) -> Article:
        """The article with this seed key."""
        return self.articles[key]

    def all_names(self) -> list[str]:
        return [name for exercise in self.exercises for name in exercise.names()]
