"""Every screen and dialog works in a 40×12 window and survives resizes, keys pressed at each size,
down to a window too small for any of them (a notice says so, the screen comes back after)."""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import pytest
from apps import advance, player, player_app, settle
from detail_sessions import keep_at
from rich.console import Console
from textual.screen import Screen
from textual.widgets import OptionList, Static
from week_history import log_days

import psoas_tui.tui
from psoas_tui import paths
from psoas_tui.player.clock import FakeClock
from psoas_tui.player.timeline import SegmentKind
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.add_exercise import AddExerciseDialog
from psoas_tui.tui.dialogs.confirm import ConfirmDialog
from psoas_tui.tui.dialogs.desk_break import DeskBreakNudge
from psoas_tui.tui.dialogs.new_routine import NewRoutineDialog
from psoas_tui.tui.dialogs.pain import PainDialog
from psoas_tui.tui.dialogs.safety import SafetyNote
from psoas_tui.tui.screens import catalogue
from psoas_tui.tui.screens.catalogue import CatalogueScreen
from psoas_tui.tui.screens.editor import EditorScreen
from psoas_tui.tui.screens.exercise_time import ExerciseTimeScreen
from psoas_tui.tui.screens.help import HelpScreen
from psoas_tui.tui.screens.history import HistoryScreen
from psoas_tui.tui.screens.home import HomeScreen
from psoas_tui.tui.screens.library import LibraryScreen
from psoas_tui.tui.screens.plan import PlanScreen
from psoas_tui.tui.screens.player import PlayerScreen
from psoas_tui.tui.screens.proposal import ProposalScreen
from psoas_tui.tui.screens.selftest import SelfTestScreen
from psoas_tui.tui.screens.selftest_history import SelfTestHistoryScreen
from psoas_tui.tui.screens.selftest_result import SelfTestResultScreen
from psoas_tui.tui.screens.session_detail import SessionDetailScreen
from psoas_tui.tui.screens.sides import SidesScreen
from psoas_tui.tui.screens.summary import SummaryScreen
from psoas_tui.tui.window_size import MINIMUM, TOO_SMALL_CLASS

NOON = datetime(2026, 11, 21, 12, 0)
SMALLEST = (MINIMUM.width, MINIMUM.height)
RESIZES = [(120, 40), SMALLEST, (20, 6), (80, 24)]
KEYS_AT_EACH_SIZE = ("down", "up", "tab", "j")
"""Keys that move within a screen without leaving it."""


@dataclass(frozen=True, slots=True)
class Route:
    """How to reach a screen: the app to start, then keys (or seconds of the player's clock)."""

    start: str
    steps: tuple[str | float, ...]
    screen: type[Screen[object]]
    segment: SegmentKind | None = None
    setup: Callable[[], None] | None = None
    """What the user folder holds first, if anything (a history, a plan)."""


def bedtime_too_easy_twice() -> None:
    """The library's first routine, rated too easy twice: `g` there proposes its next level."""
    log_days("bedtime-release", "2026-11-19", "2026-11-20", rating="too_easy")


WITH_A_SESSION = "home with a session"
"""Home, with a session in the history (one with skips and pain, `detail_sessions`)."""
NUDGE = "<the desk-break nudge falls due>"
"""A step that is not a key: the app's desk-break timer fires."""

ROUTES = {
    "safety note": Route("first run", (), SafetyNote),
    "home": Route("home", (), HomeScreen),
    "catalogue": Route("home", ("c",), CatalogueScreen),
    "catalogue detail": Route("home", ("c", "j", "enter"), CatalogueScreen),
    "catalogue filter": Route("home", ("c", "slash", "l", "u"), CatalogueScreen),
    "at my desk": Route("home", ("d", "j"), CatalogueScreen),
    "routines": Route("home", ("r", "j"), LibraryScreen),
    "history": Route("home", ("h",), HistoryScreen),
    "sides": Route("home", ("h", "s"), SidesScreen),
    "help": Route("home", ("question_mark",), HelpScreen),
    "session detail": Route(WITH_A_SESSION, ("h", "enter"), SessionDetailScreen),
    "time per exercise": Route(WITH_A_SESSION, ("h", "t"), ExerciseTimeScreen),
    "self-tests over time": Route("home", ("h", "f"), SelfTestHistoryScreen),
    "self-test gate": Route("self-test", (), SelfTestScreen),
    "self-test habits": Route("self-test", ("n",), SelfTestScreen),
    "self-test symptoms": Route("self-test", ("n", "4", "enter"), SelfTestScreen),
    "self-test kneel test": Route("self-test", ("n", "4", "enter", "n"), SelfTestScreen),
    "self-test review": Route("self-test", ("n", "4", "enter", "n", *"ssss"), SelfTestScreen),
    "self-test result": Route(
        "self-test", ("n", "4", "enter", "n", *"ssss", "enter"), SelfTestResultScreen
    ),
    "player get ready": Route("player", (), PlayerScreen, "prep"),
    "player hold": Route("player", (17.0,), PlayerScreen, "hold"),
    "player switch sides": Route("player", (37.0,), PlayerScreen, "switch"),
    "player rest": Route("player", (73.0,), PlayerScreen, "rest"),
    "player reps": Route("player", (159.0,), PlayerScreen, "reps"),
    "player side question": Route("player", (146.0,), PlayerScreen, "prep"),
    "player steps": Route("player", (17.0, "i"), PlayerScreen, "hold"),
    "pain dialog": Route("player", (17.0, "exclamation_mark", "5"), PainDialog),
    "quit dialog": Route("player", (17.0, "q"), ConfirmDialog),
    "summary": Route("player", (17.0, "q", "y"), SummaryScreen),
    "desk-break nudge": Route("home", (NUDGE,), DeskBreakNudge),
    "plan": Route("home", ("p",), PlanScreen),
    "plan typing": Route("home", ("p", "down", "enter"), PlanScreen),
    "proposal": Route("home", ("r", "g"), ProposalScreen, setup=bedtime_too_easy_twice),
    "routine editor": Route("home", ("r", "e"), EditorScreen),
    "add an exercise": Route("home", ("r", "e", "a"), AddExerciseDialog),
    "new routine": Route("home", ("r", "n"), NewRoutineDialog),
}


def start_app(start: str) -> PsoasApp:
    if start != "first run":
        save_settings(Settings(safety_note_seen=True))
    if start == "player":
        return player_app()
    if start == WITH_A_SESSION:
        keep_at(paths.history_db())
        start = "home"
    return PsoasApp(clock=FakeClock(), now=lambda: NOON, start=start.replace("-", ""))


async def follow(pilot, route: Route) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.pause()
    for step in route.steps:
        if isinstance(step, float):
            await advance(app, pilot, step)
        elif step == NUDGE:
            await settle(pilot)  # (the routines are read in the background first)
            app.nudge_desk_break()
        else:
            await pilot.press(step)
        await settle(pilot)
    assert isinstance(app.screen, route.screen)
    if route.segment is not None:
        assert player(app).session.segment.kind == route.segment


def is_hidden(app: PsoasApp) -> bool:
    """The screen shows the too-small notice: all its widgets are hidden."""
    shown = [child for child in app.screen.children if child.display]
    return TOO_SMALL_CLASS in app.screen.classes and not shown


def screens_in_the_package() -> set[type[Screen[object]]]:
    """Every screen and dialog of psoas_tui.tui (those with keys of their own to show in help)."""
    found: set[type[Screen[object]]] = set()
    for module_info in pkgutil.walk_packages(psoas_tui.tui.__path__, "psoas_tui.tui."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and "HELP_TITLE" in cls.__dict__:
                found.add(cls)
    return found


def test_every_screen_and_dialog_has_a_route() -> None:
    assert screens_in_the_package() == {route.screen for route in ROUTES.values()}


@pytest.mark.parametrize("name", ROUTES)
async def test_every_screen_works_in_the_smallest_window_and_survives_resizes(name: str) -> None:
    """Reached in a 40×12 window, the screen shows and takes keys; then it lives through
    120×40 → 40×12 → 20×6 (the notice) → 80×24 with keys pressed at each size."""
    route = ROUTES[name]
    if route.setup is not None:
        route.setup()
    app = start_app(route.start)
    async with app.run_test(size=SMALLEST) as pilot:
        await follow(pilot, route)
        assert not is_hidden(app)
        for key in KEYS_AT_EACH_SIZE:
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, route.screen)
        focused = app.focused
        assert focused is None or focused.region.area > 0, f"{focused} has no room"
        for size in RESIZES:
            await pilot.resize_terminal(*size)  # (it waits for the screen to take the size)
            assert is_hidden(app) == (size == (20, 6)), size
            for key in KEYS_AT_EACH_SIZE:
                await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, route.screen)
        assert any(child.display for child in app.screen.children)
    assert app.crash is None


def background_text(app: PsoasApp) -> str:
    """What the app draws behind every screen, as one line of words."""
    console = Console(width=app.size.width, file=io.StringIO(), record=True)
    console.print(app.render())
    return " ".join(console.export_text().split())


async def test_the_notice_gives_the_window_size_and_the_size_needed() -> None:
    app = start_app("home")
    async with app.run_test(size=(39, 30)) as pilot:
        await pilot.pause()
        assert is_hidden(app)
        assert "it is 39×30, psoas needs 40×12" in background_text(app)
        await pilot.resize_terminal(40, 11)
        await pilot.pause()
        assert is_hidden(app)
        assert "it is 40×11, psoas needs 40×12" in background_text(app)
        await pilot.resize_terminal(*SMALLEST)
        await pilot.pause()
        assert not is_hidden(app)
        assert "Make the window larger" not in background_text(app)


async def test_a_screen_opened_in_a_window_too_small_is_hidden_too() -> None:
    app = player_app()
    async with app.run_test(size=(30, 10)) as pilot:
        await advance(app, pilot, 17)
        await pilot.press("q")  # the dialog opens behind the notice
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and is_hidden(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and is_hidden(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not is_hidden(app)
        await pilot.press("escape")  # closes the summary, and the app played one routine
    assert app.crash is None and app.return_code == 0


# --- the catalogue in a narrow window -------------------------------------------------------
def text(app: PsoasApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@pytest.mark.parametrize("size", [(40, 12), (40, 24)], ids=["40x12", "40x24"])
async def test_the_catalogue_opens_and_closes_in_40_columns(size: tuple[int, int]) -> None:
    app = start_app("home")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert app.crash is None


async def test_in_a_narrow_window_the_list_and_the_detail_take_turns() -> None:
    app = start_app("home")
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        screen = app.screen
        listing = screen.query_one("#exercises", OptionList)
        detail = screen.query_one("#detail")
        assert listing.display and not detail.display
        await pilot.press("j", "enter")  # Low lunge: its variants get the focus
        assert detail.display and not listing.display
        assert text(app, "#detail-title") == "Low lunge"
        assert screen.query_one("#variants", OptionList).has_focus
        await pilot.press("escape")  # back to the list
        assert listing.display and listing.has_focus and not detail.display
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_catalogue_made_narrow_goes_back_twice() -> None:
    app = start_app("home")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c", "enter")  # the variants of the first exercise
        await pilot.resize_terminal(40, 24)
        await pilot.pause()
        assert app.screen.query_one("#detail").display  # it is being read: it stays
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)
    assert app.crash is None


@pytest.mark.parametrize("width", range(36, 46, 2))
async def test_a_squeezed_list_overflows_instead_of_crashing(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catalogue side by side even where it is too narrow for it: the variants list gets
    next to no room (with none, Textual's OptionList divided by zero while wrapping)."""
    monkeypatch.setattr(catalogue, "NARROW_WIDTH", 0)
    app = start_app("home")
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        await pilot.press("c", "j", "enter", "j")
        assert isinstance(app.screen, CatalogueScreen)
    assert app.crash is None
