"""An exercise's default dose, where each of its figures comes from, and how long one rep takes.

Each figure (sets, hold, reps, the hold at the top of a rep) records its origin: the articles that
give a number for it, with their numbers, or "ours" when none does. A rep is split into timed
phases (lift 1 s, hold 3 s, lower 1 s) whose sum is the least time a rep can take, so a tempo
that is shorter than its own cue is a data error, not a matter of taste.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from psoas_tui.catalogue.articles import SeedKey
from psoas_tui.catalogue.bounds import HoldSeconds, Reps, Sets, TempoSeconds
from psoas_tui.textfile.strict import StrictModel

Span = tuple[int, int]
"""Lowest and highest value, inclusive."""
FromArticles = dict[SeedKey, Span]
"""The figure each article gives, by seed key ("004_…txt" = [45, 60])."""
Origin = FromArticles | Literal["ours"]
"""Where a figure comes from: the articles that give it, or "ours" when none does."""
PhaseSeconds = Annotated[float, Field(gt=0, le=60)]
HOLD_PHASE = "hold"
"""The rep phase that is the pause at the top; its origin is `top_hold_seconds`."""


class DoseOrigin(StrictModel):
    """Where each figure of a dose comes from."""

    sets: Origin
    """The articles' number of sets, or "ours"."""
    hold_seconds: Origin | None = None
    """The articles' holds in seconds (for holds), or "ours"."""
    reps: Origin | None = None
    """The articles' reps per side and set (for reps), or "ours"."""
    top_hold_seconds: Origin | None = None
    """The articles' pause at the top of each rep in seconds (for reps with a hold), or "ours"."""

    def figures(self) -> dict[str, Origin]:
        """Every figure that has an origin, by name."""
        named = {
            "sets": self.sets,
            "hold_seconds": self.hold_seconds,
            "reps": self.reps,
            "top_hold_seconds": self.top_hold_seconds,
        }
        return {name: origin for name, origin in named.items() if origin is not None}

    def articles(self) -> set[str]:
        """The seed keys cited anywhere in this origin."""
        return {key for origin in self.figures().values() if origin != "ours" for key in origin}


class Dosage(StrictModel):
    """The default dose and our range for it. Either a hold or reps."""

    sets: Sets
    """Default number of sets."""
    sets_range: Span
    """Fewest and most sets we suggest: every article's figure, and any lighter option of ours."""
    hold_seconds: HoldSeconds | None = None
    """Default hold per side, in seconds (for holds)."""
    hold_range: Span | None = None
    """Shortest and longest hold we suggest, covering every article's figure."""
    reps: Reps | None = None
    """Default reps per side per set (for rep-based exercises)."""
    reps_range: Span | None = None
    """Fewest and most reps we suggest, covering every article's figure."""
    seconds_per_rep: TempoSeconds | None = None
    """About how long one rep takes with its pause: used to estimate durations, and as the tempo
    when an exercise is played on its own. At least the sum of `rep_phases`."""
    rep_phases: dict[str, PhaseSeconds] | None = None
    """The parts of one rep in order, each with the least time it takes in seconds
    (`{ lift = 1, hold = 3, lower = 1 }`); their sum is `min_seconds_per_rep`."""
    origin: DoseOrigin
    """Where each figure comes from."""

    @property
    def min_seconds_per_rep(self) -> float | None:
        """The least time one rep takes as its steps and cues ask (None for holds)."""
        return sum(self.rep_phases.values()) if self.rep_phases else None

    @model_validator(mode="after")
    def _hold_or_reps(self) -> Self:
        if (self.hold_seconds is None) == (self.reps is None):
            raise ValueError("a dosage has either hold_seconds or reps")
        if self.hold_seconds is not None and self.hold_range is None:
            raise ValueError("hold_seconds needs hold_range")
        if self.reps is not None and (
            self.reps_range is None or self.seconds_per_rep is None or not self.rep_phases
        ):
            raise ValueError("reps needs reps_range, seconds_per_rep and rep_phases")
        if self.hold_seconds is not None and (self.seconds_per_rep or self.rep_phases):
            raise ValueError("seconds_per_rep and rep_phases go with reps, not with a hold")
        for name, low_high, value in (
            ("sets", self.sets_range, self.sets),
            ("hold_seconds", self.hold_range, self.hold_seconds),
            ("reps", self.reps_range, self.reps),
        ):
            if low_high is not None and value is not None:
                low, high = low_high
                if not low <= value <= high:
                    raise ValueError(f"default {name} {value} is outside its range {low}-{high}")
        self._check_tempo()
        self._check_origin()
        return self

    def _check_tempo(self) -> None:
        least = self.min_seconds_per_rep
        if least is not None and self.seconds_per_rep is not None and self.seconds_per_rep < least:
            raise ValueError(
                f"seconds_per_rep {self.seconds_per_rep:g} is shorter than its phases "
                f"({least:g} s: {self.rep_phases})"
            )

    def _check_origin(self) -> None:
        origin = self.origin
        for name, needed, given in (
            ("hold_seconds", self.hold_seconds is not None, origin.hold_seconds),
            ("reps", self.reps is not None, origin.reps),
            ("top_hold_seconds", HOLD_PHASE in (self.rep_phases or {}), origin.top_hold_seconds),
        ):
            if needed and given is None:
                raise ValueError(f'origin.{name} is missing: the articles\' figures, or "ours"')
            if not needed and given is not None:
                raise ValueError(f"origin.{name} is given, but the dose has no such figure")
        ranges = {"sets": self.sets_range, "hold_seconds": self.hold_range}
        ranges["reps"] = self.reps_range
        for name, figure in origin.figures().items():
            if figure == "ours":
                continue
            if not figure:
                raise ValueError(f'origin.{name} is empty: list the articles, or say "ours"')
            ours = ranges.get(name)
            for key, (low, high) in figure.items():
                if low > high:
                    raise ValueError(f"origin.{name}: {key} gives {low}-{high}, low above high")
                if ours is not None and not (ours[0] <= low and high <= ours[1]):
                    raise ValueError(
                        f"{name} range {ours[0]}-{ours[1]} leaves out {key}'s {low}-{high}"
                    )
        if self.rep_phases and isinstance(origin.top_hold_seconds, dict):
            shortest = min(low for low, _ in origin.top_hold_seconds.values())
            if self.rep_phases[HOLD_PHASE] < shortest:
                raise ValueError(
                    f"the hold phase ({self.rep_phases[HOLD_PHASE]:g} s) is shorter than any "
                    f"article's hold at the top (at least {shortest} s)"
                )
