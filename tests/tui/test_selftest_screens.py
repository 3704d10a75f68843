"""Pilot tests through the self-test: gate, habits, symptoms, the guided tests per side, review,
result, then playing the routine it made; red flags; going back to change an answer; nothing
pre-filled; a painful test ends it; "see a professional" withdraws the routine from home."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest
from apps import settle, until
from textual.widgets import Input, OptionList, SelectionList, Static
from textual.widgets._footer import FooterKey

from psoas_tui import paths
from psoas_tui.player.clock import FakeClock
from psoas_tui.routine.parse import load_routine
from psoas_tui.services.selftest_history import last_selftest
from psoas_tui.store.history import History
from psoas_tui.store.settings import Settings, load_settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.home import HomeScreen
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
    await settle(pilot)


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
        await until(pilot, lambda: "✓ Kneel on your left knee" in page_text(the_app))
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
        await pilot.press("n", "4", "enter", "n")
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
        await pilot.press("n", "4", "enter", "n")
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
        await pilot.press("n", "4", "enter", "n")
        await choose(pilot, "nothing")  # left no longer tight
        await choose(pilot, "nothing")
        await choose(pilot, "clean")
        await choose(pilot, "clean")
        await pilot.press("enter")
        await result_kept(pilot)
        changes = str(second.screen.query_one("#changes", Static).render())
        assert "Left: was tight, now clear" in changes
        await pilot.press("escape")  # the result
        await settle(pilot)
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


# --- issue 10 --------------------------------------------------------------------------------


def footer_keys(app: PsoasApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_see_a_professional_withdraws_the_last_routine_and_offers_no_play_key() -> None:
    """Item 2: after a "see a professional" result, nothing leads to exercise."""
    first = app()
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", "4", "enter", "n")
        for answer in ("deep_front_hip", "nothing", "clean", "clean"):
            await choose(pilot, answer)
        await pilot.press("enter")
        await result_kept(pilot)
        assert "Play it now" in footer_keys(first)
    assert load_settings()[0].selftest_routine

    second = app()
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space", "n")  # a red flag
        await result_kept(pilot)
        assert isinstance(second.screen, SelfTestResultScreen)
        assert "Play it now" not in footer_keys(second)
        assert "play it now" not in page_text(second)
        await pilot.press("p")
        await pilot.press("enter")
        assert isinstance(second.screen, SelfTestResultScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(second.screen, HomeScreen)
        why = str(second.screen.query_one("#suggested-why", Static).render())
        assert "made for you" not in why and "physiotherapist or doctor" in why
        assert str(second.screen.query_one("#suggested-name", Static).render()) == "Nothing for now"
        assert "Start suggested" not in footer_keys(second)
        await pilot.press("enter")  # start suggested: there is none
        await pilot.pause()
        assert isinstance(second.screen, HomeScreen)
    assert load_settings()[0].selftest_routine == ""


async def test_no_answer_is_pre_filled_or_pre_picked() -> None:
    """Item 3: blank hours, no picked answer; a stray enter records nothing."""
    the_app = app()
    async with the_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = the_app.screen
        assert isinstance(screen, SelfTestScreen)
        await pilot.press("n")
        assert screen.query_one("#hours", Input).value == ""
        await pilot.press("enter")  # nothing typed
        assert screen.page_name == "habits" and screen.draft.sitting_hours is None
        await pilot.press("5", "enter", "n")
        assert screen.page_name == "test0"
        assert screen.query_one("#answer", OptionList).highlighted is None
        await pilot.press("space", "space", "space", "space", "enter")  # steps done, then enter
        await pilot.pause()
        assert screen.page_name == "test0" and screen.draft.tests == {}
        await pilot.press("down", "enter")  # now the first answer is picked on purpose
        await pilot.pause()
        assert screen.page_name == "test1"
        assert screen.draft.tests == {("kneel_test", "left"): "deep_front_hip"}


async def test_a_red_flag_records_no_sitting_hours() -> None:
    """Item 3: the sitting question was never asked, so no hours are recorded or shown."""
    the_app = app()
    async with the_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space", "n")
        await result_kept(pilot)
        assert "You sit" not in page_text(the_app)
    with History.open(paths.history_db()) as history:
        record = last_selftest(history)
    assert record is not None and record.answers.sitting_hours is None


async def test_a_painful_test_ends_the_self_test_at_once() -> None:
    """Item 8: no further test is guided after a pain answer."""
    the_app = app()
    async with the_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", "4", "enter", "n")
        screen = the_app.screen
        assert isinstance(screen, SelfTestScreen)
        await choose(pilot, "pain")  # the left kneel test hurt
        await result_kept(pilot)
        assert isinstance(the_app.screen, SelfTestResultScreen)
        assert screen.draft.tests == {("kneel_test", "left"): "pain"}
        assert str(the_app.screen.query_one("#verdict", Static).render()).startswith(
            "See a professional"
        )
        assert "Play it now" not in footer_keys(the_app)


async def test_i_cannot_kneel_gives_a_routine_without_kneeling() -> None:
    """Item 10: the kneel test offers "I can't kneel"; the routine leads with a stretch that is
    not done kneeling."""
    the_app = app()
    async with the_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", *"9", "enter", "n")
        options = the_app.screen.query_one("#answer", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(prompt.startswith("I can't kneel on the left knee") for prompt in prompts)
        await choose(pilot, "cannot_kneel")
        await choose(pilot, "cannot_kneel")
        await choose(pilot, "clean")
        await choose(pilot, "clean")
        await pilot.press("enter")
        await result_kept(pilot)
        routine = str(the_app.screen.query_one("#made-routine", Static).render())
        assert "no kneeling" in routine
        assert "1. Standing hip flexor stretch" in routine and "Half-kneeling" not in routine


async def test_an_urgent_red_flag_says_seek_care_now() -> None:
    """Item 15: the urgent flags come first on the gate; general knowledge is marked."""
    the_app = app()
    async with the_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "* general knowledge, not from the articles" in page_text(the_app)
        flags = the_app.screen.query_one("#red-flags", SelectionList)
        prompts = [str(flags.get_option_at_index(i).prompt) for i in range(flags.option_count)]
        assert prompts[1].startswith("New loss of bladder or bowel control")
        assert prompts[1].endswith(" *")  # general knowledge
        assert not prompts[0].endswith(" *")  # sharp pain: from the articles
        await pilot.press("down", "space", "n")  # bladder or bowel control
        await result_kept(pilot)
        verdict = the_app.screen.query_one("#verdict", Static)
        assert str(verdict.render()) == "Seek medical care now" and verdict.has_class("urgent")
        assert "Seek medical care now: today" in page_text(the_app)


async def test_a_see_a_professional_result_kept_by_the_cli_also_stops_the_suggestion(
    tmp_path: Path,
) -> None:
    """Item 2, through `psoas selftest --answers FILE --save`: home reads the last result."""
    from psoas_tui.cli.main import main

    tight = tmp_path / "tight.toml"
    tight.write_text('sitting_hours = 3\n[kneel_test]\nleft = "deep_front_hip"\n')
    assert main(["selftest", "--answers", str(tight), "--save"]) == 0
    (saved,) = paths.user_routines_dir().iterdir()
    save_settings(Settings(safety_note_seen=True, selftest_routine=str(saved)))
    flagged = tmp_path / "flag.toml"
    flagged.write_text('red_flags = ["pregnant"]\n')
    assert main(["selftest", "--answers", str(flagged), "--save"]) == 0
    home = PsoasApp(clock=FakeClock(), now=lambda: NOON)
    async with home.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert str(home.screen.query_one("#suggested-name", Static).render()) == "Nothing for now"
