"""Pilot tests through the self-test: gate, habits, symptoms, the guided tests per side, review,
result, then playing the routine it made; red flags; going back to change an answer."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from textual.widgets import OptionList, Static

from psoas_tui import paths
from psoas_tui.player.clock import FakeClock
from psoas_tui.routine.parse import load_routine
from psoas_tui.services.selftest_history import last_selftest
from psoas_tui.store.history import History
from psoas_tui.store.settings import Settings, load_settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.player import PlayerScreen
from psoas_tui.tui.screens.selftest import SelfTestScreen
from psoas_tui.tui.screens.selftest_result import SelfTestResultScreen

NOON = datetime(2026, 11, 21, 12, 0)


def app() -> PsoasApp:
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock(), now=lambda: NOON, start="selftest")


def page_text(app: PsoasApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def choose(pilot, answer_id: str) -> None:  # type: ignore[no-untyped-def]
    options = pilot.app.screen.query_one("#answer", OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    options.focus()
    options.highlighted = ids.index(answer_id)
    await pilot.press("enter")
    await pilot.pause()


async def result_kept(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let the worker that keeps the result finish, and its message reach the screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_whole_questionnaire_to_a_played_routine() -> None:
    the_app = app()
    async with the_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(the_app.screen, SelfTestScreen)
        assert "see a physiotherapist" in page_text(the_app)
        await pilot.press("n")  # no red flags
        await pilot.press(*"9", "enter")  # sits 9 hours
        await pilot.press("space", "down", "space", "n")  # two symptoms
        assert "Half-kneeling test" in page_text(the_app) and "LEFT side" in page_text(the_app)
        # the guided steps advance on their timer
        clock = the_app.clock
        assert isinstance(clock, FakeClock)
        clock.advance(11)
        await pilot.pause(0.4)
        assert "✓ Kneel on your left knee" in page_text(the_app)
        await choose(pilot, "deep_front_hip")
        await choose(pilot, "nothing")  # right
        await choose(pilot, "pelvis_tips_back")  # knee lift, left
        await choose(pilot, "clean")  # right
        review = page_text(the_app)
        assert "Sitting: 9 hours" in review and "Tight or uncomfortable hips" in review
        await pilot.press("enter")
        await result_kept(pilot)
        assert isinstance(the_app.screen, SelfTestResultScreen)
        verdict = str(the_app.screen.query_one("#verdict", Static).render())
        assert verdict == "Tight psoas (left) and weak hip flexors (left)"
        await pilot.press("p")
        assert isinstance(the_app.screen, PlayerScreen)
    saved = load_settings()[0].selftest_routine
    assert saved and load_routine(paths.user_routines_dir() / saved.split("/")[-1])
    with History.open(paths.history_db()) as history:
        record = last_selftest(history)
    assert record is not None and record.result.verdict == "both"


async def test_a_red_flag_goes_straight_to_see_a_professional_with_no_routine() -> None:
    the_app = app()
    async with the_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space", "n")  # tick "sharp pain"
        await result_kept(pilot)
        assert isinstance(the_app.screen, SelfTestResultScreen)
        text = page_text(the_app)
        assert "See a professional" in text and "Routine:" not in text
        await pilot.press("p")
        assert isinstance(the_app.screen, SelfTestResultScreen)
    assert not paths.user_routines_dir().exists() or not any(paths.user_routines_dir().iterdir())


async def test_back_changes_an_answer_before_the_result() -> None:
    the_app = app()
    async with the_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", "enter", "n")
        await choose(pilot, "front_thigh")
        await pilot.press("b")  # back to the left kneel test
        assert "LEFT side" in page_text(the_app)
        await choose(pilot, "deep_front_hip")
        await pilot.press("s", "s", "s")
        assert "left: Deep in the front of the left hip" in page_text(the_app)


async def test_sitting_hours_must_be_a_number_from_0_to_24() -> None:
    the_app = app()
    async with the_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", *"30", "enter")
        screen = the_app.screen
        assert isinstance(screen, SelfTestScreen) and screen.page_name == "habits"


async def test_retaking_shows_what_changed_and_home_suggests_the_new_routine() -> None:
    first = app()
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", "enter", "n")
        await choose(pilot, "deep_front_hip")  # left tight
        await choose(pilot, "nothing")
        await choose(pilot, "clean")
        await choose(pilot, "clean")
        await pilot.press("enter")
        await result_kept(pilot)
        assert isinstance(first.screen, SelfTestResultScreen)
        assert not first.screen.query("#changes")
    second = app()
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", "enter", "n")
        await choose(pilot, "nothing")  # left no longer tight
        await choose(pilot, "nothing")
        await choose(pilot, "clean")
        await choose(pilot, "clean")
        await pilot.press("enter")
        await result_kept(pilot)
        changes = str(second.screen.query_one("#changes", Static).render())
        assert "Left: was tight, now clear" in changes
        await pilot.press("escape")  # the result
        await second.workers.wait_for_complete()
        await pilot.pause()
        assert "self-test" in str(second.screen.query_one("#suggested-why", Static).render())


async def test_the_result_is_kept_off_the_event_loop_and_only_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While the history is slow to answer, the screen still runs (and a second key does not
    finish the self-test twice); the result comes when the history has answered."""
    release = threading.Event()
    real_history = PsoasApp.history

    def slow_history(self: PsoasApp) -> History:
        release.wait(timeout=5)
        return real_history(self)

    monkeypatch.setattr(PsoasApp, "history", slow_history)
    the_app = app()
    async with the_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space", "n")  # a red flag: straight to the result
        await pilot.pause()
        screen = the_app.screen
        assert isinstance(screen, SelfTestScreen) and screen.finishing
        await pilot.press("n")
        release.set()
        await result_kept(pilot)
        assert isinstance(the_app.screen, SelfTestResultScreen)
    with History.open(paths.history_db()) as history:
        assert [row.verdict for row in history.selftests()] == ["see_professional"]
