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
from psoas_tui.services.plan_edit import SETTABLE, parse_value, save_edited, with_changes
from psoas_tui.store.plan_file import NewerPlan
from psoas_tui.textfile.printable import printable, printable_json
from psoas_tui.textfile.problems import ProblemsError
from psoas_tui.weeks.plan import PLAN_SOURCE, WeeklyPlan
from psoas_tui.weeks.stored_plan import plan_data, read_plan

_ASSIGNMENT = re.compile(r"(?P<key>[a-z_]+)=(?P<value>.*)", re.DOTALL)
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
    key, value = found["key"], found["value"]
    if key not in SETTABLE:
        return f'--set: unknown key "{key}" (it takes: {", ".join(SETTABLE)})'
    parsed = parse_value(key, value)
    return f"--set {parsed}" if isinstance(parsed, str) else parsed


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
    edited = with_changes(plan, changes)
    if isinstance(edited, str):
        return f"psoas plan: --set {edited}"
    saved = save_edited(edited, path)
    return saved if isinstance(saved, str) else edited


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
