"""The self-test answers as a pydantic model, and `load_answers` to read them from a TOML file
with every problem reported as `path:line:col: error: message`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from psoas_tui.selftest.questions import KneelAnswer, KneeLiftAnswer, RedFlagId, Side, SymptomId
from psoas_tui.textfile.errors import Loc, validation_problems
from psoas_tui.textfile.locate import KeyLocator
from psoas_tui.textfile.problems import Problem, ProblemsError, unexpected_problem
from psoas_tui.textfile.read import read_toml
from psoas_tui.textfile.strict import UserFileModel
from psoas_tui.textfile.versions import VersionedFile

ANSWERS_SCHEMA = 1
"""The newest answers format this program understands."""


class KneelTest(UserFileModel):
    """The half-kneeling test: where the pull was felt, per side of the knee that was down."""

    left: KneelAnswer = "skipped"
    """Left knee down: deep_front_hip | front_thigh | nothing | pain | cannot_kneel | skipped."""
    right: KneelAnswer = "skipped"
    """Right knee down: deep_front_hip | front_thigh | nothing | pain | cannot_kneel | skipped."""

    def on(self, side: Side) -> KneelAnswer:
        return self.left if side == "left" else self.right


class KneeLiftTest(UserFileModel):
    """The standing knee lift toward 90°: what happened, per side of the knee that was lifted."""

    left: KneeLiftAnswer = "skipped"
    """Left knee lifted: clean | pelvis_tips_back | back_rounds | unsteady | pain | skipped."""
    right: KneeLiftAnswer = "skipped"
    """Right knee lifted: clean | pelvis_tips_back | back_rounds | unsteady | pain | skipped."""

    def on(self, side: Side) -> KneeLiftAnswer:
        return self.left if side == "left" else self.right


def _no_repeats(values: list[str]) -> list[str]:
    for index, value in enumerate(values):
        if value in values[:index]:
            raise ValueError(f'lists "{value}" twice')
    return values


class Answers(UserFileModel, VersionedFile):
    """Everything a person answered in the self-test."""

    SCHEMA_VERSION = ANSWERS_SCHEMA

    # Unlike a routine, an answers file may leave its version out.
    schema_: int = Field(default=ANSWERS_SCHEMA, alias="schema", ge=1)
    """Answers format version (optional)."""
    sitting_hours: float | None = Field(default=None, ge=0, le=24, allow_inf_nan=False)
    """About how many hours a day you sit (work, driving, screens). Required, except when a red
    flag ends the self-test before the question is asked."""
    runner: bool = False
    """Whether you run or play sport."""
    symptoms: list[SymptomId] = Field(default_factory=list)
    """The symptoms you recognise (ids from the symptom checklist)."""
    red_flags: list[RedFlagId] = Field(default_factory=list)
    """Red flags that apply to you; any one means: see a professional first."""
    kneel_test: KneelTest = Field(default_factory=KneelTest)
    """The half-kneeling (tightness) test, per side."""
    knee_lift_test: KneeLiftTest = Field(default_factory=KneeLiftTest)
    """The standing knee lift (strength) test, per side."""

    @field_validator("sitting_hours", mode="after")
    @classmethod
    def _no_negative_zero(cls, value: float) -> float:
        return value + 0.0  # TOML's -0.0 reads as 0

    @field_validator("symptoms", "red_flags", mode="after")
    @classmethod
    def _unique(cls, values: list[str]) -> list[str]:
        return _no_repeats(values)

    @model_validator(mode="after")
    def _hours_unless_a_red_flag(self) -> Answers:
        if self.sitting_hours is None and not self.red_flags:
            raise ValueError('missing required key "sitting_hours"')
        return self

    def to_data(self) -> dict[str, Any]:
        """The answers as plain data (TOML or JSON), with the `schema` key; `sitting_hours` is
        left out when it was not asked."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Answers:
        """Answers from `to_data` output (as stored in the history database)."""
        return cls.model_validate(data)


def _model_at(loc: Loc) -> type[BaseModel] | None:
    if loc == ():
        return Answers
    if loc == ("kneel_test",):
        return KneelTest
    if loc == ("knee_lift_test",):
        return KneeLiftTest
    return None


_UNKNOWN_KEY = re.compile(r'unknown key "[^"]*" in (?P<table>[a-z_ ]+)')


def _with_allowed_keys(problem: Problem) -> Problem:
    """An unknown key with nothing close to suggest: list the keys that table allows."""
    found = _UNKNOWN_KEY.fullmatch(problem.message)
    table = found["table"] if found else ""
    model = _model_at(()) if table == "the top level" else _model_at((table,))
    if model is None:
        return problem
    keys = ", ".join(info.alias or name for name, info in model.model_fields.items())
    return replace(problem, message=f"{problem.message} (it takes: {keys})")


def answers_from_data(path: Path, text: str, raw: dict[str, Any]) -> Answers:
    """Validate parsed TOML data as `Answers`; raises `ProblemsError`."""
    try:
        return Answers.model_validate(raw)
    except ValidationError as error:
        locator = KeyLocator.from_text(text)
        problems = validation_problems(path, error, locator, _model_at)
        raise ProblemsError([_with_allowed_keys(problem) for problem in problems]) from None


def load_answers(path: Path) -> Answers:
    """Read and validate an answers file; raises `ProblemsError` on any problem (and on an
    unforeseen error too: the caller gets one clear line either way)."""
    try:
        text, raw = read_toml(path)
        if not text.strip():
            message = "the file is empty (an answers file needs at least `sitting_hours = …`)"
            raise ProblemsError([Problem(path, message)])
        return answers_from_data(path, text, raw)
    except ProblemsError:
        raise
    except Exception as error:  # a bug: the last line of defence, not the way files are checked
        raise ProblemsError([unexpected_problem(path, error)]) from error
