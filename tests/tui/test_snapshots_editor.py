"""Snapshots of the routine editor at 80×24 and 120×40: a hand-written file open, a value marked
invalid, and the dialog that adds an exercise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from apps import home_app, settle

from psoas_tui import paths
from psoas_tui.editing.session import open_file
from psoas_tui.tui.app import PsoasApp

SIZES = [(120, 40), (80, 24)]
COMMENTED = Path(__file__).parents[1] / "core" / "commented_routine.toml"


def app() -> PsoasApp:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hips.toml"
    shutil.copyfile(COMMENTED, path)
    return home_app(editing=open_file(path))


def keys(*pressed: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_editor(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=keys("down"))


def test_editor_invalid_value(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        field = pilot.app.screen.query_one("#exercise-sets")
        field.focus()
        await pilot.press("0")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=(120, 40), run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_add_exercise(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=keys("a", "c", "h", "a", "i", "r"))
