"""The weekly plan a person keeps, `plan.toml` in the user folder: read with one-line errors
naming file, line and field, upgraded from older schema numbers, written atomically. (The plan
itself, and what it means for the weeks, is `weeks.plan`; `weeks.stored_plan` joins the two.)

`load_plan_file` never fails: a file that is not a valid plan is moved aside and reported, and the
default plan used; a file from a newer psoas-tui is refused and left alone (`save_plan` will not
write over it either).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator

from psoas_tui import paths
from psoas_tui.textfile.atomic import atomic_write_text, move_aside
from psoas_tui.textfile.errors import Loc, validation_problems
from psoas_tui.textfile.locate import KeyLocator
from psoas_tui.textfile.problems import Problem, ProblemsError
from psoas_tui.textfile.read import read_toml
from psoas_tui.textfile.strict import UserFileModel
from psoas_tui.textfile.versions import VersionedFile

PLAN_SCHEMA = 1
"""The newest plan format this program reads and writes."""

MAX_STRETCH_DAYS = 7
MAX_STRENGTH_DAYS = 4
_CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")

UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""How to turn a plan of schema N into schema N + 1 (none yet: schema 1 is the first). Schema 2
adds `UPGRADES[1] = _from_1` and raises `PLAN_SCHEMA`."""


class PlanFile(UserFileModel, VersionedFile):
    """The weekly plan: days a week to stretch and strengthen, desk breaks, running."""

    SCHEMA_VERSION = PLAN_SCHEMA

    schema_: int = Field(alias="schema", ge=1)
    """Plan format version."""
    stretch_days: int = Field(default=5, ge=0, le=MAX_STRETCH_DAYS)
    """Days a week with stretching, 0 to 7."""
    strength_days: int = Field(default=2, ge=0, le=MAX_STRENGTH_DAYS)
    """Days a week with strengthening, 0 to 4, never two in a row."""
    desk_breaks: bool = True
    """Whether to take a short break to stand and stretch during working hours."""
    work_start: str = "09:00"
    """When working hours begin, "HH:MM"."""
    work_end: str = "17:00"
    """When working hours end, "HH:MM"."""
    every_minutes: int = Field(default=60, ge=15, le=240)
    """Minutes between desk breaks, 15 to 240."""
    runner: bool = False
    """Whether you run: dynamic work before a run, static holds after it."""
    source: str = Field(default="default", max_length=200)
    """Where the plan came from: "default", "self-test 2026-11-22: tight", "edited"."""

    @field_validator("work_start", "work_end", mode="after")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        if not _CLOCK.fullmatch(value):
            raise ValueError(f'"{value}" is not a time like "09:00"')
        return value


def _model_at(loc: Loc) -> type[PlanFile] | None:
    return PlanFile if loc == () else None


def upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Raw data of an older schema brought up to `PLAN_SCHEMA`, one step at a time."""
    found = raw.get("schema")
    while isinstance(found, int) and not isinstance(found, bool) and found in UPGRADES:
        raw = UPGRADES[found](raw)
        found = raw.get("schema")
    return raw


class NewerPlan(ProblemsError):
    """The plan file comes from a newer psoas-tui: it is neither read nor written over."""


def plan_from_data(path: Path, text: str, raw: dict[str, Any]) -> PlanFile:
    """Validate parsed TOML as a plan; raises `NewerPlan` or `ProblemsError`."""
    newer = PlanFile.newer_schema(raw)
    if newer is not None:
        line = KeyLocator.from_text(text).find(("schema",)) if text else None
        raise NewerPlan([Problem(path, newer, *(line or (None, None)))])
    try:
        return PlanFile.model_validate(upgrade(raw))
    except ValidationError as error:
        locator = KeyLocator.from_text(text)
        raise ProblemsError(validation_problems(path, error, locator, _model_at)) from None


def read_plan_file(path: Path | None = None) -> PlanFile | None:
    """The stored plan (None when there is no file); raises `ProblemsError` (`NewerPlan` for a
    file from a newer psoas-tui)."""
    path = path or paths.plan_file()
    if not path.exists():
        return None
    text, raw = read_toml(path)
    return plan_from_data(path, text, raw)


@dataclass(frozen=True, slots=True)
class PlanLoad:
    """A plan as read for use (None: use the default), and when the file could not be used, why:
    `notice` in full (file, line, field, what was done with the file), `brief` in one short
    line for a screen ("" for both when all went well)."""

    plan: PlanFile | None
    notice: str = ""
    brief: str = ""


def load_plan_file(path: Path | None = None) -> tuple[PlanFile | None, str]:
    """The stored plan (None: use the default) and a one-line notice ("" when all went well).
    Never raises: a plan that cannot be used is reported and moved aside when it is broken; a
    plan from a newer psoas-tui, or one that cannot be read, is left where it is."""
    loaded = load_plan_reported(path)
    return loaded.plan, loaded.notice


def load_plan_reported(path: Path | None = None) -> PlanLoad:
    """As `load_plan_file`, with the notice in brief too ("plan file broken: moved to
    plan.toml.corrupt-20261122-102043")."""
    path = path or paths.plan_file()
    try:
        return PlanLoad(read_plan_file(path))
    except NewerPlan as error:
        return PlanLoad(
            None,
            f"{error.first}; the default plan is used and the file kept",
            f"{path.name} is from a newer psoas-tui: left as it is, default plan used",
        )
    except ProblemsError as error:
        unused = f"{error.first}; the default plan is used"
        unread = f"{path.name} could not be read: the default plan is used"
        if not _movable(path):
            return PlanLoad(None, unused, unread)
        try:
            moved = move_aside(path, "corrupt")
        except OSError:
            return PlanLoad(None, unused, unread)
        return PlanLoad(
            None,
            f"{error.first}; it was moved to {moved.name} and the default plan is used",
            f"{path.name} was broken: moved to {moved.name}",
        )


def _movable(path: Path) -> bool:
    """Whether `path` is a file this program can read (a file it cannot read is not broken:
    it is left where it is)."""
    try:
        return path.is_file() and os.access(path, os.R_OK)
    except OSError:
        return False


def save_plan_file(plan: PlanFile, path: Path | None = None) -> Path:
    """Write the plan atomically and return where. Raises `NewerPlan` rather than write over a
    plan from a newer psoas-tui, and `OSError` when the file cannot be written."""
    import tomli_w

    path = path or paths.plan_file()
    if path.exists():
        try:
            read_plan_file(path)
        except NewerPlan:
            raise
        except ProblemsError:
            pass  # a broken plan is replaced
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, tomli_w.dumps(plan.model_dump(by_alias=True)))
    return path
