"""Small things a user sees: a broken-file toast told once, typing straight into the catalogue
filter, long routine names that keep their times, and sides told apart in few colours."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from apps import settle
from test_app import open_home
from textual.theme import BUILTIN_THEMES

from psoas_tui.player.clock import FakeClock
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.library import LibraryScreen


def _counting_notes(app: PsoasApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []
    real = app.notify

    def notify(message: str, *args: object, **kwargs: object) -> None:
        told.append(message)
        real(message, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    return told


async def test_a_broken_routine_file_is_told_once_per_change(
    user_routines: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = user_routines / "broken.toml"
    broken.write_text("schema = 1\nname = [\n")
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_home(pilot)
        told = _counting_notes(app, monkeypatch)

        async def open_library_and_back() -> None:
            await pilot.press("r")
            await settle(pilot)
            assert isinstance(app.screen, LibraryScreen)
            await pilot.press("escape")
            await pilot.pause()

        await open_library_and_back()
        await open_library_and_back()
        await open_library_and_back()
        assert [m for m in told if "could not be read" in m] == ["1 routine file could not be read"]
        broken.write_text("schema = 1\nname = 'x'\n")
        later = os.stat(broken).st_mtime_ns + 1_000_000_000
        os.utime(broken, ns=(later, later))
        await open_library_and_back()
        assert len([m for m in told if "could not be read" in m]) == 2


@pytest.mark.parametrize("theme", sorted(BUILTIN_THEMES))
async def test_left_and_right_banners_differ_in_16_and_8_colours(theme: str) -> None:
    from apps import advance, player_app
    from rich.color import ColorSystem

    from psoas_tui.tui.widgets.big_text import BigText

    app = player_app()
    app.console._color_system = ColorSystem.STANDARD  # as with TERM=xterm
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.pause()
        side = app.screen.query_one("#side", BigText)

        def colours() -> tuple[int, int]:
            """The banner's background and text as 8-colour numbers (bright folded in)."""
            style = side.styles
            numbers = []
            for colour in (style.background, style.color):
                downgraded = colour.rich_color.downgrade(ColorSystem.STANDARD)
                assert downgraded.number is not None
                numbers.append(downgraded.number % 8)
            return numbers[0], numbers[1]

        assert side.value == "LEFT SIDE"
        left = colours()
        await advance(app, pilot, 40)
        assert side.value == "RIGHT SIDE"
        right = colours()
        assert left[0] != right[0]
        assert left[0] != left[1] and right[0] != right[1]


@pytest.mark.parametrize("key", [None, "c", "r", "h", "question_mark", "t", "enter"])
async def test_every_footer_fits_in_80_columns(key: str | None) -> None:
    from textual.widgets import Footer

    from psoas_tui.store.settings import Settings, save_settings

    save_settings(Settings(safety_note_seen=True))
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_home(pilot)
        if key is not None:
            await pilot.press(key)
            await settle(pilot)
        footer = app.screen.query_one(Footer)
        assert footer.virtual_size.width <= footer.size.width == 80, type(app.screen).__name__


async def _catalogue(pilot) -> object:  # type: ignore[no-untyped-def]
    from psoas_tui.tui.screens.catalogue import CatalogueScreen

    await open_home(pilot)
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CatalogueScreen)
    return screen


async def test_a_fast_slash_and_word_keeps_every_letter() -> None:
    from textual import events
    from textual.widgets import Input

    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _catalogue(pilot)
        # As a terminal sends them when typed fast: all queued before any is handled.
        for key, character in [("slash", "/"), *((c, c) for c in "chair")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one("#filter", Input).value == "chair"  # type: ignore[attr-defined]


async def test_letters_typed_on_the_list_go_to_the_filter_and_facet_keys_stay_keys() -> None:
    from textual.widgets import Input, OptionList

    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _catalogue(pilot)
        assert screen.query_one("#exercises", OptionList).has_focus  # type: ignore[attr-defined]
        await pilot.press("d")  # a facet key from the list: at my desk
        assert screen.wanted.desk  # type: ignore[attr-defined]
        await pilot.press(*"chair")
        filter_input = screen.query_one("#filter", Input)  # type: ignore[attr-defined]
        assert filter_input.value == "chair" and filter_input.has_focus
        assert screen.wanted.text == "chair" and screen.wanted.desk  # type: ignore[attr-defined]


LONG_NAME = "For you after the self-test: tight and weak, the left side more than the right one"


async def test_a_long_suggested_routine_name_gives_way_to_its_time(user_routines: Path) -> None:
    from psoas_tui import paths
    from psoas_tui.player.describe import estimated_duration
    from psoas_tui.tui.widgets.name_line import NameLine

    for builtin in paths.builtin_routines_dir().glob("*.toml"):
        text = builtin.read_text(encoding="utf-8")
        name_line = next(line for line in text.splitlines() if line.startswith("name = "))
        (user_routines / builtin.name).write_text(text.replace(name_line, f'name = "{LONG_NAME}"'))
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_home(pilot)
        line = app.screen.query_one("#suggested-routine", NameLine)
        assert line.display and line.region.right <= 80
        shown = line.text
        assert len(shown) == line.size.width
        assert shown.startswith("For you after the self-test") and "…" in shown
        plan = app.screen.plan  # type: ignore[attr-defined]
        assert plan is not None and plan.name == LONG_NAME
        assert shown.endswith(f" — {estimated_duration(plan)}")
