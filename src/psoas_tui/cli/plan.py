"""`psoas plan [--json] [--set KEY=VALUE ...]`: the weekly plan and where it came from; `--set`
edits it (checked like the file, written atomically)."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from psoas_tui import paths
from psoas_tui.cli import exit_codes
from psoas_tui.store.plan_file import NewerPlan, PlanFile
from psoas_tui.textfile.printable import printable, printable_json
from psoas_tui.textfile.problems import ProblemsError
from psoas_tui.weeks.plan import PLAN_SOURCE, WeeklyPlan
from psoas_tui.weeks.stored_plan import from_file, plan_data, read_plan, save_plan

SETTABLE = (
    "stretch_days",
    "strength_days",
    "desk_breaks",
    "work_start",
    "work_end",
    "every_minutes",
    "runner",
)
"""The keys `--set` changes (`schema` and `source` are the program's)."""
_ASSIGNMENT = re.compile(r"(?P<key>[a-z_]+)=(?P<value>.*)", re.DOTALL)
_BOOLS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
JSON_HELP = (
    "--json prints {file, schema, stretch_days, strength_days, desk_breaks, work_start,\n"
    "work_end, every_minutes, runner, source}; --set takes "
    + ", ".join(SETTABLE[:4])
    + ",\n"
    + ", ".join(SETTABLE[4:])
    + " (true/false for the yes-or-no ones, HH:MM for times)."
)


def parse_assignment(text: str) -> tuple[str, Any] | str:
    """(key, value) from `key=value`, or one line saying what is wrong with it."""
    found = _ASSIGNMENT.fullmatch(text.strip())
    if found is None:
        return f'--set "{text}" is not KEY=VALUE (e.g. --set stretch_days=6)'
    key, value = found["key"], found["value"].strip()
    if key not in SETTABLE:
        return f'--set: unknown key "{key}" (it takes: {", ".join(SETTABLE)})'
    expected = PlanFile.model_fields[key].annotation
    if expected is bool:
        if value.lower() not in _BOOLS:
            return f'--set {key}: "{value}" is not true or false'
        return key, _BOOLS[value.lower()]
    if expected is int:
        if not re.fullmatch(r"[0-9]{1,6}", value):
            return f'--set {key}: "{value}" is not a whole number'
        return key, int(value)
    return key, value


def run(as_json: bool, assignments: Sequence[str], out: TextIO) -> int:
    """0 with the plan printed; 2 for a `--set` that is not KEY=VALUE with a known key and a value
    of the right kind; 1, with one line saying why, for a value out of range or a plan file that
    cannot be read or written."""
    path = paths.plan_file()
    changes: dict[str, Any] = {}
    for text in assignments:
        parsed = parse_assignment(text)
        if isinstance(parsed, str):
            print(printable(f"psoas plan: {parsed}"), file=sys.stderr)
            return exit_codes.USAGE
        changes[parsed[0]] = parsed[1]
    try:
        plan = read_plan(path)
    except ProblemsError as error:
        print(printable(str(error.first)), file=sys.stderr)
        if not isinstance(error, NewerPlan) and not changes:
            print("psoas plan: fix the file, or set values to write a new one", file=sys.stderr)
        if isinstance(error, NewerPlan) or not changes:
            return exit_codes.PROBLEMS
        plan = WeeklyPlan()
    if changes:
        problem = _edited(plan, changes, path)
        if isinstance(problem, str):
            print(printable(problem), file=sys.stderr)
            return exit_codes.PROBLEMS
        plan = problem
    if as_json:
        print(printable_json({"file": str(path), **plan_data(plan)}), file=out)
    else:
        for line in summary_lines(plan, path):
            print(printable(line), file=out)
    return exit_codes.OK


def _edited(plan: WeeklyPlan, changes: dict[str, Any], path: Path) -> WeeklyPlan | str:
    """The plan with `changes`, saved; or one line saying why it cannot be."""
    from pydantic import ValidationError

    from psoas_tui.textfile.errors import validation_problems
    from psoas_tui.textfile.locate import KeyLocator

    data = {**plan_data(plan), **changes, "source": "edited"}
    try:
        edited = from_file(PlanFile.model_validate(data))
    except ValidationError as error:
        problems = validation_problems(path, error, KeyLocator.from_text(""), lambda _loc: None)
        return f"psoas plan: --set {problems[0].message}"
    try:
        save_plan(edited, path)
    except ProblemsError as error:
        return str(error.first)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        return f"{path}: the plan could not be saved: {reason}"
    return edited


def summary_lines(plan: WeeklyPlan, path: Path) -> list[str]:
    """The plan in a few lines of text."""
    lines = [
        f"Stretch {plan.stretch_days} days a week, strengthen {plan.strength_days} "
        "(never two strength days in a row)",
    ]
    if plan.desk_breaks:
        lines.append(
            f"Desk breaks every {plan.every_minutes} min from {plan.work_start} to {plan.work_end}"
        )
    else:
        lines.append("Desk breaks: off")
    if plan.runner:
        lines.append("Running: dynamic lunges and marches before a run, static holds after it")
    source = plan.source
    if source == "default":
        source = f"the default plan ({PLAN_SOURCE})"
    where = str(path) if path.exists() else f"{path} (not written yet)"
    lines.append(f"From: {source}")
    lines.append(f"File: {where}")
    return lines
