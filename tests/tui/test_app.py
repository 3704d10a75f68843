"""Pilot flows through the app: home → catalogue → detail → play, home → routines → play,
help, history, the palette, themes, the first-run safety note, markup-looking names."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from apps import SHORT_ROUTINE, plan_from, settle, until
from textual.widgets import DataTable, Input, OptionList, Static

from psoas_tui import paths
from psoas_tui.player.clock import FakeClock
from psoas_tui.routine import library
from psoas_tui.store.settings import Settings, load_settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.safety import SafetyNote
from psoas_tui.tui.palette import ExerciseCommands, PsoasCommands, RoutineCommands
from psoas_tui.tui.screens.catalogue import CatalogueScreen
from psoas_tui.tui.screens.help import HelpScreen
from psoas_tui.tui.screens.history import HistoryScreen
from psoas_tui.tui.screens.home import HomeScreen
from psoas_tui.tui.screens.library import LibraryScreen
from psoas_tui.tui.screens.player import PlayerScreen


def palette_titles(app: PsoasApp) -> list[str]:
    """The titles of psoas's own palette entries (routines, exercises, the self-test)."""
    providers = (PsoasCommands, RoutineCommands, ExerciseCommands)
    return [entry.title for provider in providers for entry in provider(app.screen).entries()]


def static(app: PsoasApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_home(pilot) -> None:  # type: ignore[no-untyped-def]
    """Get past the first-run safety note to the home screen, with its data loaded."""
    await pilot.pause()
    if isinstance(pilot.app.screen, SafetyNote):
        await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HomeScreen)


async def test_first_run_shows_the_safety_note_once() -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyNote)
        assert "not medical advice" in str(app.screen.query("Static")[1].render())
        await pilot.press("enter")
    assert load_settings()[0].safety_note_seen
    again = PsoasApp(clock=FakeClock())
    async with again.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)


async def test_a_first_run_that_starts_with_psoas_play_shows_the_safety_note_first() -> None:
    """Issue 10, item 7: `psoas play ROUTINE` as the very first run."""
    app = PsoasApp(plan=plan_from(), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyNote)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
    assert load_settings()[0].safety_note_seen
    again = PsoasApp(plan=plan_from(), clock=FakeClock())
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, PlayerScreen)


async def test_a_first_run_that_starts_with_psoas_selftest_shows_the_safety_note() -> None:
    """Issue 10, item 7: `psoas selftest` (no answers file) as the very first run."""
    from psoas_tui.tui.screens.selftest import SelfTestScreen

    app = PsoasApp(clock=FakeClock(), start="selftest")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyNote)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SelfTestScreen)
    assert load_settings()[0].safety_note_seen


async def test_home_suggests_a_routine_and_enter_starts_it() -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        assert static(app, "#suggested-name") != "…"
        assert "None yet" in static(app, "#recent-list")
        await pilot.press("enter")
        assert isinstance(app.screen, PlayerScreen)


async def test_home_catalogue_detail_variant_and_play() -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        await pilot.press("c")
        assert isinstance(app.screen, CatalogueScreen)
        await pilot.press("slash")
        await pilot.press(*"kneeling hip")
        listing = app.screen.query_one("#exercises", OptionList)
        assert listing.option_count >= 1
        assert static(app, "#detail-title") == "Half-kneeling hip flexor stretch"
        assert "Sources:\n• Cleveland Clinic — " in static(app, "#detail-body")
        await pilot.press("enter")  # from the filter to the list
        await pilot.press("enter")  # to the variants
        variants = app.screen.query_one("#variants", OptionList)
        assert variants.has_focus
        await pilot.press("enter")  # open the first variant
        assert static(app, "#detail-title") == "Standing hip flexor stretch"
        await pilot.press("p")
        assert isinstance(app.screen, PlayerScreen)
        assert static(app, "#exercise") == "Standing hip flexor stretch"


async def test_desk_is_one_key_from_home_and_from_the_catalogue() -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        await pilot.press("d")
        screen = app.screen
        assert isinstance(screen, CatalogueScreen) and screen.wanted.desk
        assert all(exercise.desk_friendly for exercise in screen.shown)
        await pilot.press("d")
        assert len(screen.shown) == 25
        await pilot.press("e")  # I have: nothing
        assert screen.wanted.have == "none"
        assert all(not exercise.equipment for exercise in screen.shown)
        await pilot.press("x", "t")
        assert screen.wanted.kind is not None and screen.wanted.kind.value == "stretch"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_home_routines_preview_and_play(user_routines: Path) -> None:
    (user_routines / "short.toml").write_text(SHORT_ROUTINE)
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        await pilot.press("r")
        assert isinstance(app.screen, LibraryScreen)
        await settle(pilot)
        table = app.screen.query_one("#routines", DataTable)
        assert table.row_count == 10
        assert "routines" in static(app, "#library-status")
        await pilot.press("j")
        assert "prep" in static(app, "#preview-body")
        await pilot.press("enter")
        assert isinstance(app.screen, PlayerScreen)


async def test_duplicate_a_built_in_routine_into_the_user_folder(user_routines: Path) -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
    (copy,) = user_routines.iterdir()
    assert copy.name == "bedtime-release-copy.toml"
    assert 'name = "Bedtime release (my copy)"' in copy.read_text()


async def test_broken_and_markup_named_routines_are_listed_as_text(user_routines: Path) -> None:
    markup = SHORT_ROUTINE.replace('"Short test routine"', '"[@click=app.quit]x"')
    (user_routines / "markup.toml").write_text(markup)
    (user_routines / "slash.toml").write_text(
        SHORT_ROUTINE.replace('"Short test routine"', '"[/]"')
    )
    (user_routines / "broken.toml").write_text("schema = 1\nname = [\n")
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        await pilot.press("r")
        await settle(pilot)
        table = app.screen.query_one("#routines", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert "[@click=app.quit]x" in names and "[/]" in names
        assert any("broken.toml" in name for name in names)
        await pilot.click("#routines")
        assert app.is_running
        assert "1 could not be read" in static(app, "#library-status")


async def test_help_lists_keys_and_the_safety_note() -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(w.content) for w in app.screen.query(Static))
        assert "THIS HURTS" in text and "not medical advice" in text
        await pilot.press("escape")
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)


async def test_palette_offers_routines_exercises_and_the_self_test() -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        titles = palette_titles(app)
        assert "Take the self-test" in titles
        assert "Play Desk break" in titles
        assert "Open Dead bug" in titles


async def test_the_chosen_theme_is_remembered() -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert load_settings()[0].theme == "nord"
    again = PsoasApp(clock=FakeClock())
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_typing_in_the_filter_is_text_not_commands() -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        await pilot.press("c", "slash", *"dead")
        screen = app.screen
        assert isinstance(screen, CatalogueScreen)
        assert screen.query_one("#filter", Input).value == "dead"
        assert not screen.wanted.desk
        assert [e.id for e in screen.shown] == ["dead-bug"]


async def test_a_library_of_a_thousand_routines_with_broken_ones(
    user_routines: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builtins = sorted(paths.builtin_routines_dir().glob("*.toml"))
    for number in range(1000):
        target = user_routines / f"r{number:04d}.toml"
        if number % 100 == 7:
            target.write_text("schema = 1\nname = \"Broken\"\n[[exercises]]\nexercise = 'nope'\n")
        else:
            target.write_bytes(builtins[number % len(builtins)].read_bytes())
    # Hold the reading back until the test lets it go: the screen must be up and answering
    # keys while the files are still being read.
    release = threading.Event()
    real_discover = library.discover

    def slow_discover(*args: object, **kwargs: object) -> list[library.RoutineEntry]:
        release.wait(timeout=30)
        return real_discover(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library, "discover", slow_discover)
    save_settings(Settings(safety_note_seen=True))
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert "Loading" in static(app, "#library-status")
        await pilot.press("j", "k")  # the screen answers keys meanwhile
        release.set()
        await settle(pilot)
        table = screen.query_one("#routines", DataTable)
        assert table.row_count == 1000 + 9
        assert "10 could not be read" in static(app, "#library-status")
        table.move_cursor(row=9 + 7)
        await pilot.pause()
        assert "unknown exercise" in static(app, "#preview-body")
        titles = palette_titles(app)
        assert titles.count("Play Desk break") >= 100


async def test_the_detail_follows_the_filter_once_typing_pauses() -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        await pilot.press("c", "slash", *"dead")
        await until(pilot, lambda: static(app, "#detail-title") == "Dead bug")
        await pilot.press("escape", "x", "j")  # in the list, the detail follows at once
        assert static(app, "#detail-title") == "Step-up with knee drive"  # after Dead bug
