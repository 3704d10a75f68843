"""The weekly plan as kept in `plan.toml`: `load_plan` for the weeks (the default plan when there
is none), `save_plan` to keep one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from psoas_tui.store.plan_file import (
    PLAN_SCHEMA,
    PlanFile,
    load_plan_file,
    read_plan_file,
    save_plan_file,
)
from psoas_tui.store.plan_file import (
    load_plan_reported as load_plan_reported_file,
)
from psoas_tui.weeks.plan import DEFAULT_PLAN, WeeklyPlan


def plan_data(plan: WeeklyPlan) -> dict[str, Any]:
    """The plan as the data `plan.toml` holds (and `psoas plan --json` prints)."""
    return {
        "schema": PLAN_SCHEMA,
        "stretch_days": plan.stretch_days,
        "strength_days": plan.strength_days,
        "desk_breaks": plan.desk_breaks,
        "work_start": plan.work_start,
        "work_end": plan.work_end,
        "every_minutes": plan.every_minutes,
        "runner": plan.runner,
        "source": plan.source,
    }


def from_file(stored: PlanFile | None) -> WeeklyPlan:
    """The plan a file holds; the default plan for no file."""
    if stored is None:
        return DEFAULT_PLAN
    return WeeklyPlan(
        stretch_days=stored.stretch_days,
        strength_days=stored.strength_days,
        desk_breaks=stored.desk_breaks,
        work_start=stored.work_start,
        work_end=stored.work_end,
        every_minutes=stored.every_minutes,
        runner=stored.runner,
        source=stored.source,
    )


def read_plan(path: Path | None = None) -> WeeklyPlan:
    """The stored plan (the default without a file); raises `ProblemsError` (`NewerPlan`)."""
    return from_file(read_plan_file(path))


def load_plan(path: Path | None = None) -> tuple[WeeklyPlan, str]:
    """The stored plan and a one-line notice ("" when all went well); never raises (see
    `load_plan_file`)."""
    stored, notice = load_plan_file(path)
    return from_file(stored), notice


def load_plan_reported(path: Path | None = None) -> tuple[WeeklyPlan, str, str]:
    """As `load_plan`, with the notice in brief too, in one short line for a screen."""
    loaded = load_plan_reported_file(path)
    return from_file(loaded.plan), loaded.notice, loaded.brief


def save_plan(plan: WeeklyPlan, path: Path | None = None) -> Path:
    """Keep `plan` in `plan.toml` atomically; raises `NewerPlan` or `OSError`."""
    return save_plan_file(PlanFile.model_validate(plan_data(plan)), path)
