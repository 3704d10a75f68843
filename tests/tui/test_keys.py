"""One source for every key: each binding is described, help shows them all, hints and the README
are made from them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from plans import exercise, plan
from rich.console import Console
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

import psoas_tui.tui
from psoas_tui.player.clock import FakeClock
from psoas_tui.player.session import Session
from psoas_tui.player.timeline import build_timeline
from psoas_tui.player.view import player_view
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.safety import SAFETY_NOTE
from psoas_tui.tui.keys import (
    first_key,
    help_classes,
    help_text,
    hint,
    key_label,
    keys_label,
    markdown_table,
    readme_block,
    readme_keys,
    sections,
)
from psoas_tui.tui.screens.help import HelpScreen, section_title
from psoas_tui.tui.screens.home import HomeScreen
from psoas_tui.tui.screens.player import PlayerScreen

README = Path(__file__).parents[2] / "README.md"


def classes_with_keys() -> list[type[DOMNode]]:
    """Every class in psoas_tui.tui that declares BINDINGS, found by walking the package."""
    found: dict[str, type[DOMNode]] = {}
    for module_info in pkgutil.walk_packages(psoas_tui.tui.__path__, "psoas_tui.tui."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, DOMNode)
                and cls.__module__ == module.__name__
                and "BINDINGS" in cls.__dict__
            ):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[name] for name in sorted(found)]


CLASSES = classes_with_keys()


def test_the_walk_finds_every_screen_and_dialog() -> None:
    names = {cls.__name__ for cls in CLASSES}
    expected = {"PsoasApp", "HomeScreen", "PainDialog", "SummaryScreen", "SelfTestResultScreen"}
    assert expected <= names
    assert len(CLASSES) >= 13


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_every_binding_says_what_it_does(cls: type[DOMNode]) -> None:
    for binding in cls.__dict__["BINDINGS"]:
        assert isinstance(binding, Binding), f"{cls.__name__}: {binding!r} is not a Binding"
        assert binding.description.strip(), (
            f"{cls.__name__}: the binding {binding.key!r} → {binding.action!r} has no description "
            "(the Footer's word; add tooltip=... if the help needs more)"
        )
    if issubclass(cls, Screen | PsoasApp):
        assert cls.__dict__.get("HELP_TITLE") and cls.__dict__.get("HELP_PURPOSE"), (
            f"{cls.__name__} needs HELP_TITLE and HELP_PURPOSE (what it is for, for the help)"
        )


def test_every_class_with_keys_has_a_section_in_the_help() -> None:
    missing = [cls.__name__ for cls in CLASSES if cls not in help_classes()]
    assert not missing, f"add {missing} to psoas_tui.tui.keys.help_classes()"


def test_keys_are_shown_as_people_read_them() -> None:
    labels = {key: key_label(key) for key in ("question_mark", "left", "right", "space", "slash")}
    assert labels == {
        "question_mark": "?",
        "left": "←",
        "right": "→",
        "space": "space",
        "slash": "/",
    }
    assert [key_label(key) for key in ("plus", "minus", "exclamation_mark", "ctrl+p")] == [
        "+",
        "-",
        "!",
        "ctrl+p",
    ]
    assert keys_label(Binding("n,right,l", "next", "Next")) == "n / → / l"


def test_hints_are_made_from_the_bindings() -> None:
    line = hint(HomeScreen.BINDINGS, "app.open_catalogue(None, True)", "app.open_help")
    assert line == "d what can I do at my desk? · ? help"
    assert hint(HomeScreen.BINDINGS, "app.open_selftest", brief=True) == "t self-test"
    with pytest.raises(KeyError, match="no binding runs"):
        hint(HomeScreen.BINDINGS, "app.open_nowhere")


def help_lines(app: PsoasApp) -> tuple[list[str], list[str]]:
    """The help screen's section titles, and its key rows rendered wide enough not to wrap."""
    console = Console(width=300, record=True, color_system=None)
    for table in app.screen.query(".help-keys").results(Static):
        console.print(table.content)
    rows = [" ".join(line.split()) for line in console.export_text().splitlines()]
    titles = [str(title.content) for title in app.screen.query(".help-title").results(Static)]
    return titles, rows


async def test_help_shows_every_key_of_every_screen() -> None:
    save_settings(Settings(safety_note_seen=True))
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        titles, rows = help_lines(app)
        for cls in CLASSES:
            title = str(cls.__dict__["HELP_TITLE"]).upper()
            assert any(line.startswith(f"{title} — ") for line in titles), title
            said: set[str] = set()
            for binding in cls.__dict__["BINDINGS"]:
                keys = keys_label(binding)
                row = " ".join(f"{keys} {help_text(binding)}".split())
                # a second binding of the same keys (space: pause, then resume) is said once
                assert row in rows or keys in said, f"{cls.__name__}: {row!r} is not in the help"
                said.add(keys)
        assert not any("question_mark" in row or "exclamation_mark" in row for row in rows)
        assert "not medical advice" in str(app.screen.query(Static).last().content)


def test_a_key_bound_twice_on_a_screen_is_said_once() -> None:
    player = next(part for part in sections() if part.title == "Player")
    space = [binding for binding in player.bindings if binding.key == "space"]
    assert [binding.description for binding in space] == ["Pause"]
    assert markdown_table().count("`space` pause / resume") == 1
    assert "`space` resume" not in markdown_table()


def test_help_sections_say_what_each_screen_is_for() -> None:
    titles = [section_title(part) for part in sections()]
    assert titles[0] == "HOME — what to do now, one key from starting it"
    assert (
        "THIS HURTS — sharp pain or discomfort first, then where (↑ ↓), how bad (1–9, 0 for 10), "
        "then what to do" in titles
    )


def test_the_readme_key_table_is_made_from_the_bindings() -> None:
    readme = README.read_text(encoding="utf-8")
    assert readme_keys(readme) == readme_block(), (
        "README.md's key table differs from the bindings: regenerate it with "
        "`.venv/bin/python -m psoas_tui.tui.keys --readme README.md`"
    )


def test_the_markdown_table_escapes_what_markdown_would_read() -> None:
    table = markdown_table()
    assert "&lt;routine&gt;" in table and "<routine>" not in table
    assert "| player | " in table and "`!` this hurts" in table


def test_texts_outside_the_tui_name_the_players_real_keys() -> None:
    """The safety note and the player's view (plain Python) name keys: they must be bound."""
    hurts = first_key(PlayerScreen.BINDINGS, "hurts")
    assert f"press {hurts} in the player" in SAFETY_NOTE
    clock = FakeClock()
    session = Session(build_timeline(plan(exercise(hold=None, reps=6, sets=1, prep=1))), clock)
    session.start()
    clock.advance(1.5)
    session.tick()
    view = player_view(session)
    done = first_key(PlayerScreen.BINDINGS, "reps_done")
    message = "psoas_tui/player/view.py names a key the player does not bind"
    assert view.hint == f"{done}: reps done", message
    assert f"press {done} when done" in view.reps_text, message
    session.pause()
    pause = first_key(PlayerScreen.BINDINGS, "toggle_pause")
    assert player_view(session).hint == f"PAUSED — {pause} to go on", message
