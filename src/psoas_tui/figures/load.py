"""Read the pose data file (`data/poses.toml`) into a figure per exercise id, once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from psoas_tui.figures.model import ArmSpec, FiguresFile, FigureSpec, LegSpec, PoseSpec, PropSpec
from psoas_tui.textfile.errors import Loc, validation_problems
from psoas_tui.textfile.locate import KeyLocator
from psoas_tui.textfile.problems import Problem, ProblemsError
from psoas_tui.textfile.read import read_toml

POSES_FILE = Path(__file__).parent / "data" / "poses.toml"


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model of the table at `loc` (to suggest keys for a misspelt one)."""
    depth = len(loc)
    if depth == 0:
        return FiguresFile
    if depth == 2:
        return FigureSpec
    if depth == 3 and loc[2] in ("start", "end"):
        return PoseSpec
    if depth == 4 and loc[2] == "props":
        return PropSpec
    if depth == 4 and str(loc[3]).endswith("arm"):
        return ArmSpec
    if depth == 4 and str(loc[3]).endswith("leg"):
        return LegSpec
    return None


def load_figures_file(path: Path) -> dict[str, FigureSpec]:
    """Read and validate a pose data file; raises `ProblemsError` (lines like
    `poses.toml:12:1: error: exercise.glute-bridge.start: unknown key "hips" …`)."""
    text, raw = read_toml(path)
    try:
        return dict(FiguresFile.model_validate(raw).exercise)
    except ValidationError as error:
        problems = validation_problems(path, error, KeyLocator.from_text(text), _model_at)
        raise ProblemsError(problems) from None


def check_ids(path: Path, figures: dict[str, FigureSpec], ids: list[str]) -> list[Problem]:
    """A problem for each exercise without a figure and each figure of no exercise."""
    missing = [i for i in ids if i not in figures]
    unknown = [i for i in figures if i not in ids]
    return [
        *(Problem(path, f"exercise.{i}: missing (every exercise needs a figure)") for i in missing),
        *(Problem(path, f"exercise.{i}: no exercise has this id") for i in unknown),
    ]


@cache
def load_figures() -> dict[str, FigureSpec]:
    """The built-in figures, read once per process."""
    return load_figures_file(POSES_FILE)
