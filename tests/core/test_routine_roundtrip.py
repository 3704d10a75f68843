"""Writing a routine and reading it back gives the same routine, for any valid routine."""

from __future__ import annotations

import math
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from psoas_tui.routine.model import CustomMove, Defaults, Routine, RoutineExercise
from psoas_tui.routine.parse import routine_from_data
from psoas_tui.routine.write import routine_to_toml, save_routine
from psoas_tui.textfile.read import read_toml

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
names = text.filter(lambda s: len(s) >= 1)
kebab = st.lists(
    st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=6),
    min_size=1,
    max_size=3,
).map("-".join)


def _opt(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


@st.composite
def exercises(draw: st.DrawFn) -> RoutineExercise:
    use_reps = draw(st.booleans())
    return RoutineExercise(
        exercise=draw(names),
        sets=draw(_opt(st.integers(1, 20))),
        hold_seconds=None if use_reps else draw(_opt(st.integers(1, 600))),
        reps=draw(st.integers(1, 200)) if use_reps else None,
        tempo_seconds=(
            draw(_opt(st.floats(0.5, 60, allow_nan=False, allow_infinity=False)))
            if use_reps
            else None
        ),
        sides=draw(_opt(st.sampled_from(["both", "left", "right", "alternating", "none"]))),
        rest_seconds=draw(_opt(st.integers(0, 600))),
        prep_seconds=draw(_opt(st.integers(0, 120))),
        switch_seconds=draw(_opt(st.integers(0, 60))),
        notes=draw(_opt(text)),
    )


@st.composite
def moves(draw: st.DrawFn) -> list[CustomMove]:
    ids = draw(st.lists(kebab, unique=True, max_size=3))
    result = []
    for move_id in ids:
        use_hold = draw(st.booleans())
        result.append(
            CustomMove(
                id=move_id,
                name=draw(names),
                per_side=draw(st.booleans()),
                steps=draw(st.lists(text, max_size=3)),
                cues=draw(st.lists(text, max_size=2)),
                hold_seconds=draw(st.integers(1, 600)) if use_hold else None,
                reps=None if use_hold else draw(_opt(st.integers(1, 200))),
                sets=draw(st.integers(1, 20)),
            )
        )
    return result


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    return Routine(
        schema=1,
        name=draw(names),
        description=draw(text),
        tags=draw(st.lists(text, max_size=4)),
        defaults=Defaults(
            prep_seconds=draw(st.integers(0, 120)),
            rest_seconds=draw(st.integers(0, 600)),
            switch_seconds=draw(st.integers(0, 60)),
        ),
        moves=draw(moves()),
        exercises=draw(st.lists(exercises(), min_size=1, max_size=5)),
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(routine=routines())
def test_load_of_save_is_identity(routine: Routine, tmp_path: Path) -> None:
    path = save_routine(routine, tmp_path / "r.toml")
    text, raw = read_toml(path)
    assert routine_from_data(path, text, raw) == routine


def test_saved_file_reads_like_the_documented_format(tmp_path: Path) -> None:
    routine = Routine(
        schema=1,
        name="Runner post-run",
        exercises=[RoutineExercise(exercise="Kneeling hip flexor lunge", sets=2, hold_seconds=45)],
    )
    written = routine_to_toml(routine)
    assert (
        '[[exercises]]\nexercise = "Kneeling hip flexor lunge"\nsets = 2\nhold_seconds = 45\n'
        in written
    )
    assert "[defaults]\nprep_seconds = 5\nrest_seconds = 15\nswitch_seconds = 5\n" in written


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    routine = Routine(schema=1, name="x", exercises=[RoutineExercise(exercise="dead bug")])
    target = tmp_path / "sub" / "x.toml"
    target.parent.mkdir()
    target.write_text("old contents")
    save_routine(routine, target)
    assert [p.name for p in target.parent.iterdir()] == ["x.toml"]
    assert "old contents" not in target.read_text()


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_tempo_must_be_finite(value: float) -> None:
    with pytest.raises(ValidationError, match="finite"):
        RoutineExercise(exercise="x", reps=3, tempo_seconds=value)
