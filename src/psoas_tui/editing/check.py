"""Check a draft as `psoas check` would, field by field, and work out its plan and total time.

The messages are the ones `psoas check` prints (the same functions make them); each is tied to
the field it is about, so an editor can mark it in place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from psoas_tui.catalogue.model import Catalogue
from psoas_tui.player.describe import estimated_seconds
from psoas_tui.player.timeline import Timeline, build_timeline
from psoas_tui.routine.model import SCHEMA_VERSION, Routine
from psoas_tui.routine.parse import model_at
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.routine.resolve import PlanError, resolve
from psoas_tui.textfile.errors import error_message

Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One problem with the draft: the field it is about and what is wrong, in words."""

    loc: Loc
    message: str


@dataclass(frozen=True, slots=True)
class Checked:
    """The outcome of checking a draft: its problems, or its plan when there are none."""

    problems: tuple[FieldProblem, ...] = ()
    plan: RoutinePlan | None = None
    routine: Routine | None = None
    timeline: Timeline | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problems and self.plan is not None

    @property
    def total_seconds(self) -> float | None:
        return None if self.plan is None else estimated_seconds(self.plan)

    def at(self, loc: Loc) -> list[str]:
        """The messages about the field at `loc`."""
        return [problem.message for problem in self.problems if problem.loc == loc]

    def about_entry(self, key: str, index: int) -> list[FieldProblem]:
        """The problems about `[[key]]` entry `index` or one of its fields."""
        return [p for p in self.problems if p.loc[:2] == (key, index)]


def _field_of(loc: Loc, message: str, data: Mapping[str, Any]) -> Loc:
    """A rule about a whole table (hold or reps, not both) is put on the last key it names that
    the table has, as `psoas check` points at it."""
    if loc and isinstance(loc[-1], str):
        return loc
    table: Any = data
    for part in loc:
        try:
            table = table[part]
        except (KeyError, IndexError, TypeError):
            return loc
    if isinstance(table, Mapping):
        named = [key for key in re.findall(r"[a-z_]+", message) if key in table]
        if named:
            return (*loc, named[-1])
    return loc


def check_data(data: Mapping[str, Any], catalogue: Catalogue, routine_id: str = "") -> Checked:
    """Every problem with routine `data`, or its plan when it has none."""
    if data.get("schema") != SCHEMA_VERSION:
        message = f"schema must be {SCHEMA_VERSION} (got {data.get('schema')!r})"
        return Checked(problems=(FieldProblem(("schema",), message),))
    try:
        routine = Routine.model_validate(dict(data))
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            loc: Loc = tuple(detail["loc"])
            message = error_message(detail, model_at)
            problems.append(FieldProblem(_field_of(loc, message, data), message))
        return Checked(problems=tuple(problems))
    try:
        plan = resolve(routine, catalogue, routine_id=routine_id)
    except PlanError as error:
        found = tuple(FieldProblem(issue.loc, issue.message) for issue in error.issues)
        return Checked(problems=found, routine=routine)
    return Checked(plan=plan, routine=routine, timeline=build_timeline(plan))


def problem_lines(checked: Checked, path: Path) -> list[str]:
    """The problems as `psoas check` prints them, without line numbers: `path: error: …`."""
    return [f"{path}: error: {problem.message}" for problem in checked.problems]
