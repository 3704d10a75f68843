"""The pose data file's models: a side-view stick figure per pose, by joint angles or by where a
hand or ankle rests, and the props (floor, bench, ball, bar …) drawn around it.

Coordinates are in body units (a standing figure is about 8.6 tall) with the floor at y = 0 and
the figure facing +x. Angles are absolute, in degrees: 0 points forward (the way the figure
faces), 90 up, -90 down, 180 backward.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Self

from pydantic import Field, field_validator, model_validator

from psoas_tui.textfile.strict import StrictModel

Angle = Annotated[float, Field(ge=-360, le=360)]
Coordinate = Annotated[float, Field(ge=-30, le=30)]
Point = tuple[Coordinate, Coordinate]
Bend = Literal["forward", "back", "up", "down"]
Working = Literal["near", "far", "none"]


def _angles_from_list(value: Any) -> Any:
    """`[a, b]` is short for `{ angles = [a, b] }`."""
    return {"angles": value} if isinstance(value, list | tuple) else value


class ArmSpec(StrictModel):
    """An arm: either its two angles, or where the hand rests and which way the elbow bends."""

    angles: tuple[Angle, ...] | None = None
    """Upper arm and forearm angles."""
    hand: Point | None = None
    """Where the hand is (the arm bends at the elbow to reach it, or points at it if too far)."""
    elbow: Bend | None = None
    """Which way the elbow points when the arm reaches for `hand`."""

    @model_validator(mode="after")
    def _one_way(self) -> Self:
        if self.angles is not None and len(self.angles) != 2:
            raise ValueError("angles needs 2 numbers: upper arm and forearm")
        if (self.angles is None) == (self.hand is None):
            raise ValueError("needs either angles or hand (with elbow), not both")
        if self.hand is not None and self.elbow is None:
            raise ValueError("needs elbow (forward, back, up or down) with hand")
        return self


class LegSpec(StrictModel):
    """A leg: either its three angles, or where the ankle rests, the knee's bend and the foot's
    angle."""

    angles: tuple[Angle, ...] | None = None
    """Thigh, shin and foot angles."""
    ankle: Point | None = None
    """Where the ankle is (the leg bends at the knee to reach it, or points at it if too far)."""
    knee: Bend | None = None
    """Which way the knee points when the leg reaches for `ankle`."""
    foot: Angle | None = None
    """The foot's angle when the leg reaches for `ankle` (0: flat, toes forward)."""

    @model_validator(mode="after")
    def _one_way(self) -> Self:
        if self.angles is not None and len(self.angles) != 3:
            raise ValueError("angles needs 3 numbers: thigh, shin and foot")
        if (self.angles is None) == (self.ankle is None):
            raise ValueError("needs either angles or ankle (with knee and foot), not both")
        if self.ankle is not None and (self.knee is None or self.foot is None):
            raise ValueError("needs knee and foot with ankle")
        return self


class PoseSpec(StrictModel):
    """One position of the figure."""

    hip: Point
    """Where the hip joint is (the root of the figure)."""
    torso: Angle
    """Angle of the lower back, from the hip to the middle of the back (90: upright)."""
    chest: Angle | None = None
    """Angle of the upper back, to the shoulder (the torso's angle if left out: a straight back;
    another angle arches or rounds it)."""
    head: Angle | None = None
    """Angle from the shoulder to the head (the torso's angle if left out)."""
    near_arm: ArmSpec
    """The arm nearer the viewer."""
    far_arm: ArmSpec | None = None
    """The other arm (the same as `near_arm` if left out)."""
    near_leg: LegSpec
    """The leg nearer the viewer."""
    far_leg: LegSpec | None = None
    """The other leg (the same as `near_leg` if left out)."""

    _lists = field_validator("near_arm", "far_arm", "near_leg", "far_leg", mode="before")(
        _angles_from_list
    )


class PropSpec(StrictModel):
    """Something drawn beside the figure: a line through points (a bench, a wall, a chair, a
    bar) or a circle (a ball, a foam roller)."""

    line: tuple[Point, ...] | None = Field(default=None, min_length=2)
    """The points of a line, drawn from one to the next."""
    circle: tuple[Coordinate, Coordinate, Annotated[float, Field(gt=0, le=10)]] | None = None
    """`[x, y, radius]` of a circle."""

    @model_validator(mode="after")
    def _one_shape(self) -> Self:
        if (self.line is None) == (self.circle is None):
            raise ValueError("needs either line or circle (one shape per prop)")
        return self


class FigureSpec(StrictModel):
    """The start and end position of one exercise."""

    description: str = Field(min_length=1)
    """One line saying what the figure shows."""
    working: Working
    """Which leg is the working or stretched one, drawn in the side's colour ("none" for an
    exercise done with both legs alike). The figure is drawn for the right side; the left side is
    its mirror image."""
    floor: bool = True
    """Whether to draw the floor."""
    props: tuple[PropSpec, ...] = ()
    """Other things drawn with the figure."""
    start: PoseSpec
    """The starting position (phase 0)."""
    end: PoseSpec
    """The end position (phase 1): the stretch held, or the top of a rep."""


class FiguresFile(StrictModel):
    """The whole pose data file."""

    schema_version: Literal[1] = Field(alias="schema")
    """The file format's version."""
    exercise: dict[str, FigureSpec]
    """The figure of each exercise, by exercise id."""
