"""Progression in the app: after a session whose rating (or pain) calls for it, the summary says a
next level or a step back is proposed and `g` shows the diff; `a` keeps it as a new routine of
yours (a file the routine parser reads), escape dismisses it; with nothing to propose, nothing is
shown. The library's `g` proposes for the highlighted routine."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from apps import SHORT_ROUTINE, advance, home_app, settle
from textual.widgets import Static

from psoas_tui import paths
from psoas_tui.player.timeline import build_timeline
from psoas_tui.routine.parse import load_routine
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.services.logged_session import logged_session, write_logged
from psoas_tui.store.history import History
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.confirm import ConfirmDialog
from psoas_tui.tui.screens.library import LibraryScreen
from psoas_tui.tui.screens.proposal import ProposalScreen
from psoas_tui.tui.screens.summary import SummaryScreen


def short_routine(folder: Path) -> RoutinePlan:
    """The short test routine as a routine of the user's, rated too easy once already."""
    path = folder / "short.toml"
    path.write_text(SHORT_ROUTINE, encoding="utf-8")
    plan = load_routine(path).plan
    with History.open(paths.history_db()) as history:
        started = datetime(2026, 11, 20, 12, tzinfo=UTC)
        write_logged(history, logged_session(build_timeline(plan), started), "too_easy")
    return plan


def text(app: PsoasApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def to_summary(app: PsoasApp, pilot: object, plan: RoutinePlan) -> SummaryScreen:
    """Play 10 s of the first hold, then quit: the summary."""
    await settle(pilot)
    app.play(plan)
    await pilot.pause()  # type: ignore[attr-defined]
    await advance(app, pilot, 5 + 10)
    await pilot.press("q")  # type: ignore[attr-defined]
    assert isinstance(app.screen, ConfirmDialog)
    await pilot.press("y")  # type: ignore[attr-defined]
    assert isinstance(app.screen, SummaryScreen)
    return app.screen


def shown_keys(app: PsoasApp) -> set[str]:
    return {binding.key for (_, binding, enabled, _) in app.screen.active_bindings.values()}


async def test_too_easy_again_proposes_the_next_level_and_a_saves_it(user_routines: Path) -> None:
    plan = short_routine(user_routines)
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await to_summary(app, pilot, plan)
        assert not summary.query_one("#summary-proposal").display  # not rated yet
        assert "g" not in shown_keys(app)
        await pilot.press("1")  # too easy, the second time in a row
        await settle(pilot)
        assert summary.proposal is not None
        assert text(app, "#summary-proposal") == (
            "Next level proposed: the last 2 sessions were rated too easy, without pain."
            " Press g to see it."
        )
        assert "g" in shown_keys(app)
        await pilot.press("g")
        assert isinstance(app.screen, ProposalScreen)
        assert text(app, "#proposal-title") == "Next level: Short test routine"
        why = text(app, "#proposal-why")
        assert "short: next level, because the last 2 sessions were rated too easy" in why
        assert "hold 30 s → 40 s: too easy 2× in a row" in why
        diff = text(app, "#proposal-diff")
        assert "--- short.toml\n+++ short-level-2.toml" in diff
        assert "-hold_seconds = 30\n+hold_seconds = 40" in diff
        await pilot.press("a")
        assert app.screen is summary
        saved = user_routines / "short-level-2.toml"
        assert text(app, "#summary-proposal") == f"Saved as {saved}"
        assert "g" not in shown_keys(app)
        assert any(f"Saved as {saved}" in str(n.message) for n in app._notifications)
        await pilot.press("1")  # rated again: no second copy proposed
        await settle(pilot)
        assert summary.proposal is None
        assert text(app, "#summary-proposal") == f"Saved as {saved}"
    new = load_routine(saved)  # the routine parser reads it
    assert new.plan.name == "Short test routine — level 2"
    assert new.routine.exercises[0].hold_seconds == 40
    assert (user_routines / "short.toml").read_text(encoding="utf-8") == SHORT_ROUTINE


async def test_a_proposal_dismissed_saves_nothing(user_routines: Path) -> None:
    plan = short_routine(user_routines)
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await to_summary(app, pilot, plan)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("g")
        assert isinstance(app.screen, ProposalScreen)
        await pilot.press("escape")
        assert app.screen is summary
        assert not summary.query_one("#summary-proposal").display
        assert summary.proposal is None
        await pilot.press("g")  # nothing left to show
        assert app.screen is summary
    assert sorted(p.name for p in user_routines.iterdir()) == ["short.toml"]


async def test_nothing_to_propose_shows_nothing(user_routines: Path) -> None:
    plan = short_routine(user_routines)
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await to_summary(app, pilot, plan)
        await pilot.press("2")  # about right
        await settle(pilot)
        assert summary.proposal is None
        assert not summary.query_one("#summary-proposal").display
        assert "g" not in shown_keys(app)


async def test_the_library_proposes_for_the_highlighted_routine(user_routines: Path) -> None:
    plan = short_routine(user_routines)
    with History.open(paths.history_db()) as history:
        started = datetime(2026, 11, 21, 12, tzinfo=UTC)
        write_logged(history, logged_session(build_timeline(plan), started), "too_easy")
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press("g")  # the first built-in: never played
        await settle(pilot)
        assert app.screen is library
        told = [str(n.message) for n in app._notifications]
        never = "No change proposed for Bedtime release: no rated session of this routine yet."
        assert never in told
        row = next(i for i, e in enumerate(library.entries) if e.routine_id == "short")
        for _ in range(row):
            await pilot.press("j")
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ProposalScreen)
        await pilot.press("a")
        await settle(pilot)
        assert app.screen is library
        assert any(e.routine_id == "short-level-2" for e in library.entries)


async def test_pain_in_the_session_proposes_a_step_back_before_any_rating(
    user_routines: Path,
) -> None:
    plan = short_routine(user_routines)
    app = home_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.play(plan)
        await pilot.pause()
        await advance(app, pilot, 5 + 9)  # 9 s into the first hold it hurts: skipped
        await pilot.press("exclamation_mark", "d", "down", "down", "down", "5", "s")
        await advance(app, pilot, 5 + 20)
        await pilot.press("enter")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        await settle(pilot)
        assert text(app, "#summary-proposal") == (
            "A step back proposed: pain reported in the last session (1×). Press g to see it."
        )
        await pilot.press("g")
        assert text(app, "#proposal-title") == "A step back: Short test routine"
