"""Find exercises by words and by what you have around you (the catalogue browser's filter).

Plain Python: the browser screen only passes the filter on and shows the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from psoas_tui.catalogue.model import Catalogue, Exercise
from psoas_tui.catalogue.vocabulary import Equipment, Kind, Position
from psoas_tui.textfile.names import normalise

NOTHING = "none"
"""The "I have" facet value for exercises that need no equipment at all."""


def facet_positions(catalogue: Catalogue) -> tuple[Position, ...]:
    """Every position some exercise is done in, in the vocabulary's order: each one filters
    something and none is left out."""
    used = {exercise.position for exercise in catalogue}
    return tuple(position for position in Position if position in used)


def facet_equipment(catalogue: Catalogue) -> tuple[str, ...]:
    """The "I have" values: nothing, then every thing some exercise needs, in the vocabulary's
    order. Things only ever optional (a band that helps) are left out: with only them, the
    exercises you can do are the ones needing nothing."""
    needed = {item for exercise in catalogue for item in exercise.equipment}
    return (NOTHING, *(item.value for item in Equipment if item in needed))


@dataclass(frozen=True)
class ExerciseFilter:
    """What the user is looking for. Empty fields match everything."""

    text: str = ""
    kind: Kind | None = None
    position: Position | None = None
    have: str | None = None
    """A thing the user has around them ("none" = nothing at all): exercises needing only that."""
    desk: bool = False
    """Only exercises that can be done at a desk."""
    _words: tuple[str, ...] = field(init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "_words", tuple(normalise(self.text).split()))

    def matches(self, exercise: Exercise) -> bool:
        if self.kind is not None and exercise.kind is not self.kind:
            return False
        if self.position is not None and exercise.position is not self.position:
            return False
        if self.desk and not exercise.desk_friendly:
            return False
        if self.have is not None:
            allowed = set() if self.have == NOTHING else {Equipment(self.have)}
            if not set(exercise.equipment) <= allowed:
                return False
        if self._words:
            haystack = search_text(exercise)
            return all(word in haystack for word in self._words)
        return True


_SEARCH_TEXT: dict[str, str] = {}


def search_text(exercise: Exercise) -> str:
    """Name, aliases, cues and summary, normalised (computed once per exercise)."""
    cached = _SEARCH_TEXT.get(exercise.id)
    if cached is None:
        parts = [*exercise.names(), exercise.summary, *exercise.cues, exercise.kind.value]
        parts += [exercise.position.value, *[e.value for e in exercise.equipment]]
        cached = " " + " ".join(normalise(part) for part in parts) + " "
        _SEARCH_TEXT[exercise.id] = cached
    return cached


def search(catalogue: Catalogue, wanted: ExerciseFilter) -> list[Exercise]:
    """The exercises that match, in catalogue order."""
    return [exercise for exercise in catalogue if wanted.matches(exercise)]
