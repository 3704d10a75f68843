"""Draw an exercise's figure at a phase between its start and end pose into a given number of
character cells, keeping its proportions; mirrored for the left side; cached."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from psoas_tui.figures.canvas import BrailleCanvas, Role, Row
from psoas_tui.figures.load import load_figures
from psoas_tui.figures.model import FigureSpec
from psoas_tui.figures.skeleton import Skeleton, skeleton

Side = Literal["left", "right"]
PHASE_STEPS = 6
"""Phases are drawn in steps of 1/6: an animation repaints at most 6 times per move from one
pose to the other (6 a second at the fastest tempo, 1 s a move; each repaint costs Textual ~2 ms
of a slow core, so 8 steps took the animation past its CPU budget: bench/figure_cpu.py)."""
_SAMPLES = 8
"""Phases sampled to find the box that holds the figure all the way from start to end."""


@dataclass(frozen=True, slots=True)
class Box:
    """The part of the world (body units) that the canvas shows."""

    left: float
    bottom: float
    right: float
    top: float


def quantised(phase: float) -> float:
    """`phase` clamped to 0–1 and rounded to the nearest step that is drawn."""
    return round(max(0.0, min(1.0, phase)) * PHASE_STEPS) / PHASE_STEPS


def figure_box(figure: FigureSpec) -> Box:
    """The box around the figure at every phase, from the floor up if the floor is drawn (what
    goes below it on the way is cut off)."""
    points = [p for i in range(_SAMPLES + 1) for p in skeleton(figure, i / _SAMPLES).points()]
    if figure.floor:
        points = [p for p in points if p[1] >= 0.0] + [(points[0][0], 0.0)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Box(min(xs), min(ys), max(xs), max(ys))


def draw(shape: Skeleton, box: Box, width: int, height: int) -> BrailleCanvas:
    """The skeleton on a canvas of `width` × `height` cells, `box` scaled to fit (as large as it
    goes with square dots), centred across and resting on the floor (the bottom row of dots)."""
    canvas = BrailleCanvas(width, height)
    floor_rows = 1 if shape.floor else 0
    base = canvas.dot_height - 1 - floor_rows
    box_width = max(box.right - box.left, 1e-6)
    box_height = max(box.top - box.bottom, 1e-6)
    scale = min((canvas.dot_width - 1) / box_width, base / box_height)
    offset_x = (canvas.dot_width - 1 - box_width * scale) / 2 - box.left * scale

    def at(point: tuple[float, float]) -> tuple[int, int]:
        return round(offset_x + point[0] * scale), round(base - (point[1] - box.bottom) * scale)

    if shape.floor:
        canvas.line(
            0, canvas.dot_height - 1, canvas.dot_width - 1, canvas.dot_height - 1, Role.PROP
        )
    for segment in shape.segments:
        canvas.line(*at(segment.start), *at(segment.end), segment.role)
    for circle in shape.circles:
        x = offset_x + circle.centre[0] * scale
        y = base - (circle.centre[1] - box.bottom) * scale
        canvas.circle(x, y, circle.radius * scale, circle.role, circle.filled)
    return canvas


@lru_cache(maxsize=64)
def _box(exercise_id: str) -> Box:
    return figure_box(load_figures()[exercise_id])


@lru_cache(maxsize=1024)
def _canvas(
    exercise_id: str, side: Side | None, phase: float, width: int, height: int
) -> BrailleCanvas:
    if side == "left":
        return _canvas(exercise_id, "right", phase, width, height).mirrored()
    figure = load_figures()[exercise_id]
    canvas = draw(skeleton(figure, phase), _box(exercise_id), width, height)
    if side is None:
        # Without a side, no leg is the working one.
        canvas.dots = canvas.dots.replace(bytes([Role.WORKING]), bytes([Role.LEG]))
    return canvas


def has_figure(exercise_id: str) -> bool:
    """Whether the exercise has a figure."""
    return exercise_id in load_figures()


def figure_canvas(
    exercise_id: str, side: Side | None, phase: float, width: int, height: int
) -> BrailleCanvas:
    """The exercise's figure on a canvas (the right side as drawn, the left side mirrored; no
    side: the working leg drawn like the other). Cached: do not change the canvas returned."""
    return _canvas(exercise_id, side, quantised(phase), max(1, width), max(1, height))


def figure_rows(
    exercise_id: str, side: Side | None, phase: float, width: int, height: int
) -> tuple[Row, ...]:
    """The figure as `height` lines of `width` characters, with a role per character. Cached."""
    return _rows(exercise_id, side, quantised(phase), max(1, width), max(1, height))


@lru_cache(maxsize=1024)
def _rows(
    exercise_id: str, side: Side | None, phase: float, width: int, height: int
) -> tuple[Row, ...]:
    return _canvas(exercise_id, side, phase, width, height).rows()
