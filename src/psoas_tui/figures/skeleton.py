"""Forward kinematics: a pose (joint angles, or where a hand or ankle rests) at a phase between
start and end, as line segments and a head, each with the role it is drawn in."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from psoas_tui.figures.canvas import Role
from psoas_tui.figures.model import ArmSpec, Bend, FigureSpec, LegSpec, PoseSpec

XY = tuple[float, float]

TORSO = 2.8
NECK_TO_HEAD = 0.9
"""From the shoulder to the centre of the head."""
HEAD_RADIUS = 0.45
UPPER_ARM = 1.75
FOREARM = 1.6
THIGH = 2.3
SHIN = 2.2
FOOT = 0.7

_BEND_DIRECTIONS: dict[Bend, XY] = {
    "forward": (1.0, 0.0),
    "back": (-1.0, 0.0),
    "up": (0.0, 1.0),
    "down": (0.0, -1.0),
}


@dataclass(frozen=True, slots=True)
class Segment:
    """A straight line of the figure or a prop."""

    role: Role
    start: XY
    end: XY


@dataclass(frozen=True, slots=True)
class Circle:
    """A round shape: the head (filled) or a ball or roller (outlined)."""

    role: Role
    centre: XY
    radius: float
    filled: bool


@dataclass(frozen=True, slots=True)
class Skeleton:
    """Everything to draw for one pose, in body units (floor at y = 0, facing +x)."""

    segments: tuple[Segment, ...]
    circles: tuple[Circle, ...]
    floor: bool

    def points(self) -> list[XY]:
        """Every end point, and the extremes of every circle (to fit the figure in a box)."""
        found = [p for s in self.segments for p in (s.start, s.end)]
        for c in self.circles:
            x, y = c.centre
            found += [(x - c.radius, y - c.radius), (x + c.radius, y + c.radius)]
        return found


def _lerp(a: float, b: float, t: float) -> float:
    """`t` of the way from `a` to `b` (exactly `b` at 1)."""
    return b if t >= 1.0 else a + (b - a) * t


def _turn(a: float, b: float, t: float) -> float:
    """An angle `t` of the way from `a` to `b`, turning the shorter way round (exactly `a` at 0
    and `b` at 1)."""
    return b if t >= 1.0 else a + ((b - a + 180.0) % 360.0 - 180.0) * t


def _towards(origin: XY, angle: float, length: float) -> XY:
    radians = math.radians(angle)
    return origin[0] + length * math.cos(radians), origin[1] + length * math.sin(radians)


def _angle(origin: XY, target: XY) -> float:
    return math.degrees(math.atan2(target[1] - origin[1], target[0] - origin[0]))


def reach(root: XY, target: XY, first: float, second: float, bend: Bend) -> tuple[float, float]:
    """The two angles of a two-part limb from `root` whose end reaches `target`, its middle joint
    on the `bend` side; a target out of reach gets the limb pointing straight at it."""
    dx, dy = target[0] - root[0], target[1] - root[1]
    distance = math.hypot(dx, dy)
    base = math.degrees(math.atan2(dy, dx))
    if distance >= first + second or distance < 1e-9:
        return base, base
    distance = max(distance, abs(first - second) + 1e-6)
    cosine = (first * first + distance * distance - second * second) / (2 * first * distance)
    opening = math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
    wanted = _BEND_DIRECTIONS[bend]

    def sideways(angle: float) -> float:
        joint = _towards(root, angle, first)
        return (joint[0] - root[0]) * wanted[0] + (joint[1] - root[1]) * wanted[1]

    upper = max((base + opening, base - opening), key=sideways)
    return upper, _angle(_towards(root, upper, first), target)


def _arm_angles(arm: ArmSpec, shoulder: XY) -> tuple[float, float]:
    if arm.angles is not None:
        upper, lower = arm.angles
        return upper, lower
    assert arm.hand is not None and arm.elbow is not None
    return reach(shoulder, arm.hand, UPPER_ARM, FOREARM, arm.elbow)


def _leg_angles(leg: LegSpec, hip: XY) -> tuple[float, float, float]:
    if leg.angles is not None:
        thigh, shin, foot = leg.angles
        return thigh, shin, foot
    assert leg.ankle is not None and leg.knee is not None and leg.foot is not None
    thigh, shin = reach(hip, leg.ankle, THIGH, SHIN, leg.knee)
    return thigh, shin, leg.foot


def _arm_between(a: ArmSpec, b: ArmSpec, shoulders: tuple[XY, XY, XY], t: float) -> list[float]:
    """An arm's angles at phase `t`: a hand resting in both poses slides from one place to the
    other; otherwise the angles turn from one pose's to the other's."""
    start, end, now = shoulders
    if a.hand is not None and b.hand is not None and a.elbow is not None and b.elbow is not None:
        hand = (_lerp(a.hand[0], b.hand[0], t), _lerp(a.hand[1], b.hand[1], t))
        return list(reach(now, hand, UPPER_ARM, FOREARM, a.elbow if t < 0.5 else b.elbow))
    first, second = _arm_angles(a, start), _arm_angles(b, end)
    return [_turn(x, y, t) for x, y in zip(first, second, strict=True)]


def _leg_between(a: LegSpec, b: LegSpec, hips: tuple[XY, XY, XY], t: float) -> list[float]:
    """A leg's angles at phase `t` (a planted ankle stays planted while the hip moves)."""
    start, end, now = hips
    if a.ankle is not None and b.ankle is not None and a.knee and b.knee:
        ankle = (_lerp(a.ankle[0], b.ankle[0], t), _lerp(a.ankle[1], b.ankle[1], t))
        thigh, shin = reach(now, ankle, THIGH, SHIN, a.knee if t < 0.5 else b.knee)
        return [thigh, shin, _turn(a.foot or 0.0, b.foot or 0.0, t)]
    first, second = _leg_angles(a, start), _leg_angles(b, end)
    return [_turn(x, y, t) for x, y in zip(first, second, strict=True)]


def _chest(pose: PoseSpec) -> float:
    return pose.torso if pose.chest is None else pose.chest


def _head(pose: PoseSpec) -> float:
    return _chest(pose) if pose.head is None else pose.head


def _shoulder(pose: PoseSpec) -> XY:
    return _towards(_towards(pose.hip, pose.torso, TORSO / 2), _chest(pose), TORSO / 2)


def skeleton(figure: FigureSpec, phase: float) -> Skeleton:
    """The figure at `phase` (0: the start pose, 1: the end pose, between: on the way)."""
    t = max(0.0, min(1.0, phase))
    a, b = figure.start, figure.end
    hip = (_lerp(a.hip[0], b.hip[0], t), _lerp(a.hip[1], b.hip[1], t))
    torso = _turn(a.torso, b.torso, t)
    chest = _turn(_chest(a), _chest(b), t)
    head = _turn(
        _chest(a) if a.head is None else a.head, _chest(b) if b.head is None else b.head, t
    )
    back = _towards(hip, torso, TORSO / 2)
    shoulder = _towards(back, chest, TORSO / 2)
    shoulders = (_shoulder(a), _shoulder(b), shoulder)
    hips = (a.hip, b.hip, hip)
    segments = [
        Segment(Role.BODY, hip, back),
        Segment(Role.BODY, back, shoulder),
        Segment(Role.BODY, shoulder, _towards(shoulder, head, NECK_TO_HEAD)),
    ]
    arms = ((a.near_arm, b.near_arm), (a.far_arm or a.near_arm, b.far_arm or b.near_arm))
    for start_arm, end_arm in arms:
        upper, lower = _arm_between(start_arm, end_arm, shoulders, t)
        elbow = _towards(shoulder, upper, UPPER_ARM)
        segments += [
            Segment(Role.BODY, shoulder, elbow),
            Segment(Role.BODY, elbow, _towards(elbow, lower, FOREARM)),
        ]
    legs = (
        ("near", a.near_leg, b.near_leg),
        ("far", a.far_leg or a.near_leg, b.far_leg or b.near_leg),
    )
    for name, start_leg, end_leg in legs:
        role = Role.WORKING if figure.working == name else Role.LEG
        thigh, shin, foot = _leg_between(start_leg, end_leg, hips, t)
        knee = _towards(hip, thigh, THIGH)
        ankle = _towards(knee, shin, SHIN)
        segments += [
            Segment(role, hip, knee),
            Segment(role, knee, ankle),
            Segment(role, ankle, _towards(ankle, foot, FOOT)),
        ]
    circles = [Circle(Role.BODY, _towards(shoulder, head, NECK_TO_HEAD), HEAD_RADIUS, True)]
    for prop in figure.props:
        if prop.line is not None:
            segments += [Segment(Role.PROP, p, q) for p, q in pairwise(prop.line)]
        if prop.circle is not None:
            x, y, radius = prop.circle
            circles.append(Circle(Role.PROP, (x, y), radius, False))
    return Skeleton(tuple(segments), tuple(circles), figure.floor)
