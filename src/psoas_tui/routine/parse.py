"""Read a routine file: TOML text → `Routine` model → `RoutinePlan`, with every problem found
reported as `path:line:col: error: message`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.model import Catalogue
from psoas_tui.routine.model import SCHEMA_VERSION, CustomMove, Defaults, Routine, RoutineExercise
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.routine.resolve import PlanError, resolve
from psoas_tui.textfile.errors import Loc, validation_problems
from psoas_tui.textfile.locate import KeyLocator
from psoas_tui.textfile.problems import Problem, ProblemsError, unexpected_problem
from psoas_tui.textfile.read import parse_toml as _parse_toml
from psoas_tui.textfile.read import read_text


@dataclass(frozen=True, slots=True)
class LoadedRoutine:
    """A routine file that was read and resolved without problems."""

    path: Path
    routine: Routine
    plan: RoutinePlan


def _model_at(loc: Loc) -> type[BaseModel] | None:
    if loc == ():
        return Routine
    if loc == ("defaults",):
        return Defaults
    if len(loc) == 2 and loc[0] == "exercises":
        return RoutineExercise
    if len(loc) == 2 and loc[0] == "moves":
        return CustomMove
    return None


model_at = _model_at
"""The routine model that describes the table at a location (to name its keys in messages)."""


def _check_schema(path: Path, raw: dict[str, Any], locator: KeyLocator) -> None:
    """Refuse files without a schema, or from a newer program, before looking at anything else."""
    schema = raw.get("schema")
    if schema is None:
        raise ProblemsError(
            [
                Problem(
                    path,
                    f'missing required key "schema" (add `schema = {SCHEMA_VERSION}` at the top)',
                    1,
                    1,
                )
            ]
        )
    newer = Routine.newer_schema(raw)
    if newer is not None:
        line, column = locator.find(("schema",)) or (1, 1)
        raise ProblemsError([Problem(path, newer, line, column)])


def routine_from_data(path: Path, text: str, raw: dict[str, Any]) -> Routine:
    """Validate parsed TOML data as a `Routine`; raises `ProblemsError`."""
    locator = KeyLocator.from_text(text)
    _check_schema(path, raw, locator)
    try:
        return Routine.model_validate(raw)
    except ValidationError as error:
        raise ProblemsError(validation_problems(path, error, locator, _model_at)) from None


def _what_remains(
    raw: dict[str, Any], error: ValidationError
) -> tuple[Routine, tuple[list[int], list[int]]] | None:
    """The routine without the parts that failed validation, and where its moves and exercises
    stood in the file; None when too little is left to check."""
    bad: dict[str, set[int]] = {"moves": set(), "exercises": set()}
    rest = dict(raw)
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        if len(loc) >= 2 and loc[0] in bad and isinstance(loc[1], int):
            bad[str(loc[0])].add(loc[1])
        elif len(loc) >= 2 and loc[0] == "defaults" and isinstance(rest.get("defaults"), dict):
            rest["defaults"] = {k: v for k, v in rest["defaults"].items() if k != loc[1]}
        elif len(loc) == 1 and loc[0] not in ("schema", "name", "moves", "exercises"):
            rest.pop(str(loc[0]), None)
        else:
            return None
    kept: dict[str, list[int]] = {}
    for key, wrong in bad.items():
        entries = rest.get(key, [])
        if not isinstance(entries, list):
            return None
        kept[key] = [i for i in range(len(entries)) if i not in wrong]
        rest[key] = [entries[i] for i in kept[key]]
    # An exercise naming a custom move that was left out is not unknown: leave it out too.
    moves = raw.get("moves", [])
    missing = {moves[i].get("id") for i in bad["moves"] if isinstance(moves[i], dict)}
    exercises = raw.get("exercises", [])
    kept["exercises"] = [
        i
        for i in kept["exercises"]
        if not (isinstance(exercises[i], dict) and exercises[i].get("exercise") in missing)
    ]
    rest["exercises"] = [exercises[i] for i in kept["exercises"]]
    try:
        return Routine.model_validate(rest), (kept["moves"], kept["exercises"])
    except ValidationError:
        return None


def _insert_by_line(problems: list[Problem], problem: Problem) -> None:
    """Put `problem` before the first one on a later line (the others keep their order)."""
    line = problem.line or 0
    at = next((i for i, p in enumerate(problems) if (p.line or 0) > line), len(problems))
    problems.insert(at, problem)


def _resolve_problems(
    path: Path,
    routine: Routine,
    catalogue: Catalogue,
    locator: KeyLocator,
    places: tuple[list[int], list[int]] | None = None,
) -> tuple[RoutinePlan | None, list[Problem]]:
    try:
        return resolve(routine, catalogue, routine_id=path.stem, places=places), []
    except PlanError as error:
        problems = [
            Problem(path, issue.message, *(locator.find(issue.loc) or (1, 1)))
            for issue in error.issues
        ]
        return None, problems


def parse_routine_text(path: Path, text: str, catalogue: Catalogue | None = None) -> LoadedRoutine:
    """Parse routine text that claims to come from `path` (used for messages and the id)."""
    if not text.strip():
        message = (
            "the file is empty (a routine needs `schema = 1`, a name and at least one "
            "[[exercises]] entry)"
        )
        raise ProblemsError([Problem(path, message)])
    raw = _parse_toml(path, text)
    catalogue = catalogue or load_catalogue()
    locator = KeyLocator.from_text(text)
    _check_schema(path, raw, locator)
    try:
        routine = Routine.model_validate(raw)
    except ValidationError as error:
        # Every problem at once: the entries that did validate are resolved as well.
        problems = validation_problems(path, error, locator, _model_at)
        remains = _what_remains(raw, error)
        if remains is not None:
            for found in _resolve_problems(path, remains[0], catalogue, locator, remains[1])[1]:
                _insert_by_line(problems, found)
        raise ProblemsError(problems) from None
    plan, problems = _resolve_problems(path, routine, catalogue, locator)
    if plan is None:
        raise ProblemsError(problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    plan = replace(plan, path=path, file_hash=digest)
    return LoadedRoutine(path=path, routine=routine, plan=plan)


def load_routine(path: Path, catalogue: Catalogue | None = None) -> LoadedRoutine:
    """Read, validate and resolve a routine file; raises `ProblemsError` on any problem (and on
    an unforeseen error too, so that one file never stops a folder of them from loading)."""
    try:
        return parse_routine_text(path, read_text(path), catalogue)
    except ProblemsError:
        raise
    except Exception as error:  # a bug: the last line of defence, not the way files are checked
        raise ProblemsError([unexpected_problem(path, error)]) from error
