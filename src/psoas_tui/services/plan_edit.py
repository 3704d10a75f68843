"""Changing the weekly plan, field by field, for `psoas plan --set` and the app's plan screen:
the fields a person may change, a typed value read from text, one step up or down, the plan
with changes checked as `plan.toml` is checked, and saving it. Every problem is one line in the
same words wherever the plan is edited ("stretch_days must be at most 7 (got 9)")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from psoas_tui import paths
from psoas_tui.store.plan_file import PlanFile
from psoas_tui.textfile.errors import validation_problems
from psoas_tui.textfile.locate import KeyLocator
from psoas_tui.textfile.problems import ProblemsError
from psoas_tui.weeks.plan import WeeklyPlan
from psoas_tui.weeks.stored_plan import from_file, plan_data, save_plan

SETTABLE = (
    "stretch_days",
    "strength_days",
    "desk_breaks",
    "work_start",
    "work_end",
    "every_minutes",
    "runner",
)
"""The fields a person changes (`schema` and `source` are the program's), in the order shown."""
EDITED = "edited"
"""The plan's `source` once a person has changed it."""

Kind = Literal["number", "yes/no", "time"]
BOOLS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
"""The words read as yes or no."""
_WHOLE_NUMBER = re.compile(r"[0-9]{1,6}")
STEPS = {"stretch_days": 1, "strength_days": 1, "every_minutes": 15}
"""How far one step moves a number."""
TIME_STEP_MINUTES = 30
"""How far one step moves a time of day."""
MINUTES_A_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class PlanField:
    """One field of the plan as an editor shows it."""

    key: str
    label: str
    kind: Kind
    help: str
    """What it means and its range (the file's own words for the field)."""


LABELS = {
    "stretch_days": "Stretch days a week",
    "strength_days": "Strength days a week",
    "desk_breaks": "Desk breaks",
    "work_start": "Working hours from",
    "work_end": "Working hours to",
    "every_minutes": "Desk break every (min)",
    "runner": "I run",
}


def kind_of(key: str) -> Kind:
    """Whether `key` holds a number, a yes/no or a time of day."""
    expected = PlanFile.model_fields[key].annotation
    if expected is bool:
        return "yes/no"
    if expected is int:
        return "number"
    return "time"


def plan_fields() -> tuple[PlanField, ...]:
    """The fields a person changes, with their labels, kinds and help."""
    return tuple(
        PlanField(key, LABELS[key], kind_of(key), PlanFile.model_fields[key].description or "")
        for key in SETTABLE
    )


def value_of(plan: WeeklyPlan, key: str) -> Any:
    """The plan's value for `key`."""
    return plan_data(plan)[key]


def shown_value(plan: WeeklyPlan, key: str) -> str:
    """The value as text: "5", "yes", "09:00"."""
    value = value_of(plan, key)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def parse_value(key: str, text: str) -> tuple[str, Any] | str:
    """(key, value) from the text typed for `key` (a known key), or one line saying why it is
    not a value of the right kind ('stretch_days: "x" is not a whole number')."""
    value = text.strip()
    kind = kind_of(key)
    if kind == "yes/no":
        if value.lower() not in BOOLS:
            return f'{key}: "{value}" is not true or false'
        return key, BOOLS[value.lower()]
    if kind == "number":
        if not _WHOLE_NUMBER.fullmatch(value):
            return f'{key}: "{value}" is not a whole number'
        return key, int(value)
    return key, value


def with_changes(plan: WeeklyPlan, changes: dict[str, Any]) -> WeeklyPlan | str:
    """`plan` with `changes`, checked as `plan.toml` is and marked as edited; or one line saying
    why it cannot be ("stretch_days must be at most 7 (got 9)")."""
    data = {**plan_data(plan), **changes, "source": EDITED}
    try:
        return from_file(PlanFile.model_validate(data))
    except ValidationError as error:
        problems = validation_problems(Path(), error, KeyLocator.from_text(""), lambda _loc: None)
        return problems[0].message


def stepped(plan: WeeklyPlan, key: str, up: bool) -> WeeklyPlan | str:
    """`plan` with `key` one step up (or down): a number by its step, a time by half an hour
    (round the clock), a yes/no turned over; or, for a step past the end of a range, one line
    saying so ("stretch_days must be at most 7 (got 8)")."""
    value = value_of(plan, key)
    kind = kind_of(key)
    if kind == "yes/no":
        new: Any = not value
    elif kind == "number":
        new = value + (STEPS[key] if up else -STEPS[key])
    else:
        hours, minutes = (int(part) for part in str(value).split(":"))
        moved = hours * 60 + minutes + (TIME_STEP_MINUTES if up else -TIME_STEP_MINUTES)
        moved %= MINUTES_A_DAY
        new = f"{moved // 60:02d}:{moved % 60:02d}"
    return with_changes(plan, {key: new})


def same_values(one: WeeklyPlan, other: WeeklyPlan) -> bool:
    """Whether two plans hold the same values (wherever each came from)."""
    return replace(one, source=other.source) == other


def save_edited(plan: WeeklyPlan, path: Path | None = None) -> Path | str:
    """Keep `plan` in `plan.toml` atomically: where it went, or one line saying why it could
    not be saved (a plan file from a newer psoas-tui, a folder that cannot be written)."""
    path = path or paths.plan_file()
    try:
        return save_plan(plan, path)
    except ProblemsError as error:
        return str(error.first)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        return f"{path}: the plan could not be saved: {reason}"
