"""The words an exercise is described with — kind, position, equipment, sidedness — as plain
enums, so the command line can offer them without loading pydantic."""

from __future__ import annotations

from enum import StrEnum


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
