"""The dose limits are declared once (`catalogue.bounds`): the README says the same, and the
routine format and the catalogue's doses use them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest

from psoas_tui.catalogue.bounds import (
    HoldSeconds,
    PrepSeconds,
    Reps,
    RestSeconds,
    Sets,
    SwitchSeconds,
    TempoSeconds,
)
from psoas_tui.catalogue.model import Dosage
from psoas_tui.routine.model import CustomMove, Defaults, RoutineExercise
from psoas_tui.textfile.errors import _bounds

README = Path(__file__).parents[2] / "README.md"
IN_README = {
    "holds": (HoldSeconds, " s"),
    "sets": (Sets, ""),
    "reps": (Reps, ""),
    "tempo": (TempoSeconds, " s"),
    "rests": (RestSeconds, " s"),
    "get-ready": (PrepSeconds, " s"),
    "side switch": (SwitchSeconds, " s"),
}


def _range(bound: Any) -> tuple[float, float]:
    (limits,) = get_args(bound)[1:]
    low = next(meta.ge for meta in limits.metadata if hasattr(meta, "ge"))
    high = next(meta.le for meta in limits.metadata if hasattr(meta, "le"))
    return low, high


def _limits_paragraph() -> str:
    paragraphs = README.read_text(encoding="utf-8").split("\n\n")
    return " ".join(next(p for p in paragraphs if p.startswith("Limits:")).split())


@pytest.mark.parametrize("word", IN_README)
def test_the_readme_gives_each_limit(word: str) -> None:
    bound, unit = IN_README[word]
    low, high = _range(bound)
    assert f"{word} {low:g}–{high:g}{unit}" in _limits_paragraph()


def test_routines_and_the_catalogue_use_the_same_limits() -> None:
    """Each field's range, as error messages read it ("must be between 1 and 600")."""
    for model, name, bound in (
        (RoutineExercise, "hold_seconds", HoldSeconds),
        (RoutineExercise, "reps", Reps),
        (RoutineExercise, "sets", Sets),
        (RoutineExercise, "tempo_seconds", TempoSeconds),
        (RoutineExercise, "rest_seconds", RestSeconds),
        (CustomMove, "hold_seconds", HoldSeconds),
        (CustomMove, "sets", Sets),
        (Defaults, "rest_seconds", RestSeconds),
        (Defaults, "prep_seconds", PrepSeconds),
        (Defaults, "switch_seconds", SwitchSeconds),
        (Dosage, "hold_seconds", HoldSeconds),
        (Dosage, "reps", Reps),
        (Dosage, "sets", Sets),
        (Dosage, "seconds_per_rep", TempoSeconds),
    ):
        assert _bounds(model, name) == _range(bound), (model.__name__, name)
