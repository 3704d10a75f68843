"""Snapshots of home, catalogue, detail and library at 100×30 and 80×24; the catalogue and the
library in a narrow window; the notice in a window too small."""

from __future__ import annotations

from datetime import datetime

import pytest

from psoas_tui.player.clock import FakeClock
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp

SIZES = [(100, 30), (80, 24)]
NOON = datetime(2026, 11, 21, 12, 0)


def app() -> PsoasApp:
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock(), now=lambda: NOON)


def keys(*pressed: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_home(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_catalogue(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=keys("c"))


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_catalogue_detail_desk_filter(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=keys("d", "j"))


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_library(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=keys("r", "j", "j"))


def test_catalogue_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=(40, 12), run_before=keys("c"))


def test_catalogue_narrow_detail(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=(40, 12), run_before=keys("c", "j", "enter"))


def test_library_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=(40, 24), run_before=keys("r", "j"))


def test_window_too_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=(30, 8), run_before=keys())


def test_help(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=(100, 30), run_before=keys("question_mark"))


def selftest_app() -> PsoasApp:
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock(), now=lambda: NOON, start="selftest")


def test_selftest_gate(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(selftest_app(), terminal_size=(80, 24), run_before=keys())


def test_selftest_kneel_test_left(snap_compare) -> None:  # type: ignore[no-untyped-def]
    steps = keys("n", "enter", "n", "space")
    assert snap_compare(selftest_app(), terminal_size=(80, 24), run_before=steps)


def test_selftest_result(snap_compare) -> None:  # type: ignore[no-untyped-def]
    # deep pull on the left, nothing on the right, knee lifts skipped, 8 hours of sitting
    steps = keys("n", "enter", "n", "enter", "down", "down", "enter", "s", "s", "enter")
    assert snap_compare(selftest_app(), terminal_size=(100, 30), run_before=steps)
