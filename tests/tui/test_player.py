"""Pilot tests of the player: whole routines to the summary, keys, pain, quitting, markup."""

from __future__ import annotations

from apps import SHORT_ROUTINE, advance, plan_from, player, player_app
from textual.widgets import Static

from psoas_tui import paths
from psoas_tui.player.timeline import build_timeline
from psoas_tui.routine.library import scan
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.store.history import History
from psoas_tui.tui.dialogs.confirm import ConfirmDialog
from psoas_tui.tui.dialogs.pain import PainDialog
from psoas_tui.tui.screens.player import PlayerScreen
from psoas_tui.tui.screens.summary import SummaryScreen
from psoas_tui.tui.widgets.big_text import BigText


def text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


def big(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one(selector, BigText).value


async def test_a_whole_routine_plays_to_the_summary_and_is_saved() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert text(app, "#headline") == "GET READY"
        assert big(app, "#side") == "LEFT SIDE"
        assert "left knee down" in text(app, "#side-instruction")
        await advance(app, pilot, 5)
        assert text(app, "#headline") == "HOLD"
        assert app.screen.query_one("#countdown", BigText).value == "0:30"
        await advance(app, pilot, 30)
        assert text(app, "#headline") == "SWITCH SIDES"
        await advance(app, pilot, 5)
        assert big(app, "#side") == "RIGHT SIDE" and text(app, "#set") == "set 1 of 2"
        await advance(app, pilot, 30)
        assert text(app, "#headline") == "REST"
        await advance(app, pilot, 10 + 30 + 5 + 30)
        assert text(app, "#headline") == "GET READY" and "Dead bug" in text(app, "#exercise")
        await advance(app, pilot, 5)
        assert text(app, "#headline") == "REPS"
        assert "6 reps each side" in text(app, "#reps")
        await advance(app, pilot, 100)  # open-ended: waits for the user
        assert text(app, "#headline") == "REPS"
        await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        lines = [str(w.render()) for w in app.screen.query("#summary-lines Static")]
        assert lines[:2] == ["Exercises: 2 of 2 done", "Sets/sides: 5 of 5 done"]
        assert "Skipped" not in " ".join(lines)
        await pilot.press("2")
        await pilot.press("enter")
    with History.open(paths.history_db()) as history:
        (session,) = history.sessions()
    assert session.outcome == "completed" and session.rating == "about_right"
    assert session.tally.sets_done == 5 and session.tally.sets_skipped == 0


async def test_pause_stops_the_countdown_and_space_resumes() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5)
        await pilot.press("space")
        assert "PAUSED" in text(app, "#hint")
        await advance(app, pilot, 20)
        assert app.screen.query_one("#countdown", BigText).value == "0:30"
        await pilot.press("space")
        await advance(app, pilot, 10)
        assert app.screen.query_one("#countdown", BigText).value == "0:20"


async def test_next_previous_and_adjust_keys() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert text(app, "#headline") == "HOLD"
        await pilot.press("plus")
        assert app.screen.query_one("#countdown", BigText).value == "0:35"
        await pilot.press("minus", "minus")
        assert app.screen.query_one("#countdown", BigText).value == "0:25"
        await pilot.press("left")
        assert text(app, "#headline") == "GET READY"
        await pilot.press("l", "l")
        assert text(app, "#headline") == "SWITCH SIDES"


async def test_this_hurts_asks_where_and_how_bad_and_skips_the_exercise() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 8)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, PainDialog)
        paused_player = app.screen_stack[-2]
        assert isinstance(paused_player, PlayerScreen) and paused_player.session.paused
        await pilot.press("d")  # discomfort
        await pilot.press("down", "down")  # lower back
        await pilot.press("8", "c")  # strong: carrying on is not offered
        assert isinstance(app.screen, PainDialog)
        await pilot.press("s")
        assert "Dead bug" in text(app, "#exercise")
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("enter")
    with History.open(paths.history_db()) as history:
        (session,) = history.sessions()
        rows = history.connection.execute(
            "SELECT location, severity, action FROM pain_reports"
        ).fetchall()
    assert rows == [("lower back", 8, "skip")]
    assert session.outcome == "quit" and session.pain_reports == 1
    assert session.tally.pain[0][1].kind == "discomfort"


async def test_easier_variant_replaces_the_exercise() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 8)
        await pilot.press("exclamation_mark", "d", "3", "e")
        assert text(app, "#exercise") == "Standing hip flexor stretch"
        assert text(app, "#headline") == "GET READY"


async def test_quit_can_be_cancelled() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert text(app, "#headline") == "GET READY"


async def test_names_from_files_are_text_not_markup() -> None:
    routine = SHORT_ROUTINE.replace('"Short test routine"', '"[/]"').replace(
        '"Squeeze the back glute."', '"[@click=app.quit]x[/]"'
    )
    app = player_app(plan_from(routine))
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 6)
        assert "note: [@click=app.quit]x[/]" in text(app, "#cue")
        await pilot.click("#cue")
        assert app.is_running
        await pilot.press("n", "n", "n", "n", "n", "n", "n", "n", "enter")
        assert isinstance(app.screen, SummaryScreen)
        assert "[/]" in str(app.screen.query_one(".subtitle", Static).render())


async def test_tiny_terminal_and_resizes_do_not_crash() -> None:
    app = player_app()
    async with app.run_test(size=(40, 12)) as pilot:
        assert app.screen.query_one("#countdown", BigText).value == "0:05"
        for size in [(20, 6), (120, 40), (40, 12), (10, 3)]:
            await pilot.resize_terminal(*size)
            await advance(app, pilot, 3)
        assert app.is_running


def shortest_built_in_routine() -> RoutinePlan:
    """The built-in routine that takes least time (every one is played on the engine in
    tests/core/test_builtin_routines_play.py; this one proves the screen path)."""
    plans = [e.loaded.plan for e in scan(paths.builtin_routines_dir(), "built-in") if e.loaded]
    return min(plans, key=lambda plan: build_timeline(plan).estimated_seconds)


async def test_a_built_in_routine_plays_to_the_summary() -> None:
    app = player_app(shortest_built_in_routine())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = player(app)
        for _ in range(2000):
            if isinstance(app.screen, SummaryScreen):
                break
            if screen.session.remaining() is None:
                await pilot.press("enter")  # open-ended reps: the user says when
            else:
                await advance(app, pilot, screen.session.remaining() or 0.5)
        assert isinstance(app.screen, SummaryScreen)
        summary = screen.session.finished
        work = [r for r in summary if r.segment.is_work]
        assert work and all(r.status == "done" for r in work)
        await pilot.press("enter")
    with History.open(paths.history_db()) as history:
        (session,) = history.sessions()
    assert session.outcome == "completed" and session.tally.sets_skipped == 0
