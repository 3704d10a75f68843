"""Keys typed in a burst, as a terminal delivers fast typing: keys that arrive while a screen is
being opened or closed, or once the app is quitting, never crash it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NoReturn

import pytest
from apps import advance, burst, plan_from, player, player_app
from textual.css.query import NoMatches
from textual.worker import WorkerFailed

from psoas_tui.player.clock import FakeClock
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.pain import PainDialog
from psoas_tui.tui.screens.catalogue import CatalogueScreen
from psoas_tui.tui.screens.home import HomeScreen
from psoas_tui.tui.screens.player import PlayerScreen

NOON = datetime(2026, 11, 21, 12, 0)


def home_app() -> PsoasApp:
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock(), now=lambda: NOON)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let every queued key, screen change and worker play out."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize(
    "keys",
    [
        ("q", "s"),  # quit, then start the suggested routine
        ("q", "enter"),
        ("q", "c"),
        ("q", "d"),
        ("q", "r"),
        ("q", "t"),
        ("q", "h"),
        ("q", "question_mark"),
        ("q", "escape", "question_mark", "escape", "r"),
    ],
    ids=lambda keys: "".join(keys),
)
async def test_keys_typed_after_quitting_open_nothing(keys: tuple[str, ...]) -> None:
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, *keys)
        await settle(pilot)
    assert app.crash is None and app.return_code == 0
    assert [type(screen) for screen in app.screen_stack] in ([], [HomeScreen])


@pytest.mark.parametrize(
    ("keys", "ends_on"),
    [
        (("s", "q"), "ConfirmDialog"),  # start, then quit the session (it asks)
        (("s", "q", "y"), "SummaryScreen"),
        (("c", "q"), "CatalogueScreen"),
        (("c", "escape", "c", "escape"), "HomeScreen"),
        (("c", "escape") * 4, "HomeScreen"),
        (("c", "enter", "escape", "escape", "c"), "CatalogueScreen"),
        (("r", "escape", "r", "q", "h", "q"), "HomeScreen"),
        (("question_mark", "escape", "c", "p"), "PlayerScreen"),
        (("s", "exclamation_mark", "escape", "q", "n"), "PlayerScreen"),
    ],
    ids=lambda value: "".join(value) if isinstance(value, tuple) else value,
)
async def test_bursts_on_home_land_where_the_keys_lead(keys: tuple[str, ...], ends_on: str) -> None:
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, *keys)
        await settle(pilot)
        assert type(app.screen).__name__ == ends_on
    assert app.crash is None


@pytest.mark.parametrize(
    "keys",
    [
        ("q", "y", "n", "n", "space", "exclamation_mark", "enter"),  # keys on the summary
        ("q", "y", "enter", "q", "exclamation_mark", "space"),  # keys once the app is ending
        ("q", "n", "q", "y", "2", "enter"),
        ("exclamation_mark", "escape", "space", "exclamation_mark", "escape"),
        ("exclamation_mark", "5", "s", "exclamation_mark", "3", "e", "n"),
        ("n",) * 12 + ("enter", "enter", "q", "y"),
    ],
    ids=lambda keys: "".join(key[:1] for key in keys),
)
async def test_bursts_in_the_player(keys: tuple[str, ...]) -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 17)
        burst(app, *keys)
        await settle(pilot)
    assert app.crash is None


OPENERS: dict[str, Callable[[PsoasApp], object]] = {
    "catalogue": lambda app: app.action_open_catalogue(),
    "routines": lambda app: app.action_open_library(),
    "self-test": lambda app: app.action_open_selftest(),
    "player": lambda app: app.play(plan_from()),
    "pain dialog": lambda app: app.push_screen(PainDialog("Lunge", None)),
}


@pytest.mark.parametrize("opens", OPENERS.values(), ids=OPENERS.keys())
async def test_no_screen_opens_once_the_app_is_ending(opens: Callable[[PsoasApp], object]) -> None:
    """A timer, a worker or a dialog's answer may open a screen just after the app was asked to
    end: Textual would mount none of its widgets, and the screen would look for them."""
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.exit()
        opens(app)
        await settle(pilot)
    assert app.crash is None and app.return_code == 0


async def test_a_screen_opened_in_a_burst_takes_the_keys_that_follow() -> None:
    """The list has the focus from the start, and p plays the exercise highlighted even before
    the detail has followed it."""
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "c", "j", "j", "p")
        await settle(pilot)
        assert player(app).session.segment.exercise.name == "Low lunge with quad stretch"


@pytest.mark.parametrize(
    ("start", "keys", "stays_on"),
    [
        ("player", (), PlayerScreen),
        ("home", ("c",), CatalogueScreen),
    ],
    ids=["player", "catalogue"],
)
async def test_a_closed_screen_answering_a_late_key_closes_nothing_else(
    start: str, keys: tuple[str, ...], stays_on: type[object]
) -> None:
    """Two enters in a burst on the command palette: the second reaches the palette after the
    first closed it (the first may run the highlighted command when the palette had time to list
    it), and it closes nothing else; the screen under it stays."""
    app = player_app() if start == "player" else home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
        burst(app, "ctrl+p", "enter", "enter")
        await settle(pilot)
        assert any(isinstance(screen, stays_on) for screen in app.screen_stack)
    assert app.crash is None


async def test_enter_then_the_palette_then_enter_on_home() -> None:
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "enter", "ctrl+p", "enter")
        await settle(pilot)
        assert app.screen_stack
    assert app.crash is None


async def test_keys_queued_for_the_palette_after_it_closed() -> None:
    """ctrl+p jumps ahead of the escapes typed before it: they close the palette (and history),
    then the letters typed after reach the closed palette and start a search in it."""
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "h", "escape", "escape", "ctrl+p", "t", "n")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert app.crash is None


async def test_a_live_screen_that_cannot_find_a_widget_still_crashes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def lost(*args: object) -> NoReturn:
        raise NoMatches("No nodes match '#gone'")

    monkeypatch.setattr("psoas_tui.routine.library.discover", lost)
    app = home_app()
    with pytest.raises(WorkerFailed):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("r")
            await settle(pilot)
    assert isinstance(app.crash, NoMatches)
