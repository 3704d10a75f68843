"""`psoas check` tells every problem of a file at once: the entries that validate are resolved
too, so an unknown exercise is reported beside an unknown key and a number out of range."""

from __future__ import annotations

from pathlib import Path

import pytest

from psoas_tui.routine.parse import load_routine
from psoas_tui.textfile.problems import ProblemsError

THREE_PROBLEMS = """\
schema = 1
name = "Three problems"
colour = "blue"

[[exercises]]
exercise = "glute-bridge"
sets = 99
reps = 10

[[exercises]]
exercise = "not-a-move"
sets = 2
hold_seconds = 30

[[exercises]]
exercise = "low-lunge"
hold_seconds = 30
"""


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "r.toml"
    path.write_text(text)
    with pytest.raises(ProblemsError) as caught:
        load_routine(path)
    return [str(problem).removeprefix(str(path)) for problem in caught.value.problems]


def test_validation_and_resolve_problems_are_all_told_in_line_order(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, THREE_PROBLEMS)
    assert [line.split(": error: ")[0] for line in problems] == [":3:1", ":7:1", ":11:1"]
    assert 'unknown key "colour"' in problems[0]
    assert "sets must be between 1 and 20 (got 99)" in problems[1]
    assert 'exercises #2: unknown exercise "not-a-move"' in problems[2]


def test_an_exercise_using_a_broken_custom_move_is_not_called_unknown(tmp_path: Path) -> None:
    text = """\
schema = 1
name = "Bad move"

[[moves]]
id = "wall-angel"
name = "Wall angel"
hold_seconds = -5

[[exercises]]
exercise = "wall-angel"

[[exercises]]
exercise = "nope-nope"
hold_seconds = 30
"""
    problems = problems_of(tmp_path, text)
    assert len(problems) == 2, problems
    assert problems[0].startswith(":7:1: error: moves #1: hold_seconds")
    assert 'exercises #2: unknown exercise "nope-nope"' in problems[1]
