"""Snapshots of the plan screen (a field changed, a value refused) and of a proposed next level
(what changes, why, the diff), at 80×24 and at 40×12."""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import SHORT_ROUTINE, home_app, settle
from textual.widgets import Input

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.routine.parse import parse_routine_text
from psoas_tui.routine.progress import Feedback, propose
from psoas_tui.tui.screens.proposal import ProposalScreen

SIZES = [(80, 24), (40, 12)]


async def plan_with_a_change(pilot) -> None:  # type: ignore[no-untyped-def]
    """Stretch days up one, then 9 strength days typed: refused."""
    await settle(pilot)
    await pilot.press("p", "right", "down", "enter")
    pilot.app.screen.query_one("#plan-input", Input).value = ""
    await pilot.press("9", "enter")


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_plan_screen(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(home_app(), terminal_size=size, run_before=plan_with_a_change)


async def a_proposal(pilot) -> None:  # type: ignore[no-untyped-def]
    """The short routine's next level after two sessions rated too easy."""
    await settle(pilot)
    catalogue = load_catalogue()
    loaded = parse_routine_text(Path("short.toml"), SHORT_ROUTINE, catalogue)
    easy = Feedback("too_easy")
    proposal = propose(loaded.routine, "short", [easy, easy], catalogue)
    await pilot.app.push_screen(ProposalScreen(proposal))
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_proposal(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(home_app(), terminal_size=size, run_before=a_proposal)


def test_home_with_a_plan_from_a_newer_psoas(snap_compare, psoas_home: Path) -> None:  # type: ignore[no-untyped-def]
    """Home's one line about a plan.toml it cannot use (a broken one's line names the file it
    was moved to, with the time in its name: the Pilot tests check that one)."""
    psoas_home.mkdir(parents=True)
    (psoas_home / "plan.toml").write_text("schema = 9\n", encoding="utf-8")
    assert snap_compare(home_app(), terminal_size=(80, 24), run_before=settle)


def test_summary_with_a_proposal(snap_compare, user_routines: Path) -> None:  # type: ignore[no-untyped-def]
    """The summary after a second "too easy": the next level proposed, g to see it."""
    from test_progression_app import short_routine, to_summary

    plan = short_routine(user_routines)

    async def rated_too_easy(pilot) -> None:  # type: ignore[no-untyped-def]
        await to_summary(pilot.app, pilot, plan)
        await pilot.press("1")
        await settle(pilot)

    assert snap_compare(home_app(), terminal_size=(80, 24), run_before=rated_too_easy)
