"""Text from files and the history database never drives the terminal: escape sequences and
other control characters in names, descriptions, notes, steps, cues and file names are drawn as
visible escapes on every screen, and the palette shows names as text, never as markup."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from apps import advance, settle
from textual.command import CommandPalette
from textual.widgets import DataTable, Input

from psoas_tui import paths
from psoas_tui.editing.session import open_file
from psoas_tui.player.clock import FakeClock
from psoas_tui.routine.parse import load_routine
from psoas_tui.store.history import History
from psoas_tui.store.records import SegmentRecord, SessionStart
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.add_exercise import AddExerciseDialog
from psoas_tui.tui.screens.history import HistoryScreen
from psoas_tui.tui.screens.home import HomeScreen
from psoas_tui.tui.screens.library import LibraryScreen
from psoas_tui.tui.screens.player import PlayerScreen
from psoas_tui.tui.screens.summary import SummaryScreen

HOSTILE_NAME = "T\x1b]2;PWNED\x1b\\x\x9b2J\x07\x85\u202eend"
"""Sets the terminal's title, then clears it (CSI as one C1 byte), rings, and turns text
right-to-left."""

HOSTILE_ROUTINE = r"""schema = 1
name = "T\u001b]2;PWNED\u001b\\x\u009b2J\u0007\u0085\u202eend"
description = "D\u001b[2J\u0008\r\u009b31mescription"
tags = ["t\u001b[5mag"]

[[moves]]
id = "evil-move"
name = "M\u001b[31m\u009bove"
steps = ["S\u001b[2Jtep\tone", "two\u0007\u0085"]
cues = ["C\u0007\u001b]0;x\u0007ue"]
hold_seconds = 10

[[exercises]]
exercise = "evil-move"
notes = "N\u001b[2J\u0085ote"

[[exercises]]
exercise = "dead-bug"
reps = 5
"""

BROKEN_FILE_NAME = "b\x1b]2;PWNED\x07roken.toml"

UNSAFE = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
"""Unicode categories that must never reach the terminal: C0, DEL, C1 (CSI, NEL …), format
characters such as bidi overrides, surrogates, private use, line and paragraph separators."""


def raw_controls(app: PsoasApp) -> list[str]:
    """Every segment of the whole screen (dialogs, toasts and the screens below included) that
    holds a character of the `UNSAFE` categories, as the terminal would receive it."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    found = []
    for line in update.strips:  # type: ignore[union-attr]
        for strip in line:
            for segment in strip:
                if any(unicodedata.category(char) in UNSAFE for char in segment.text):
                    found.append(segment.text)
    return found


def screen_text(app: PsoasApp) -> str:
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return "".join(
        segment.text
        for line in update.strips  # type: ignore[union-attr]
        for strip in line
        for segment in strip
    )


async def until(pilot, condition: Callable[[], bool]) -> None:  # type: ignore[no-untyped-def]
    """Wait, a few seconds at most, until `condition()` holds (a table sizes its columns, a toast
    shows up, when the app is idle)."""
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.02)
    assert condition()


async def drawn(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until `text` is on the screen, then check that no control character is."""
    await until(pilot, lambda: text in screen_text(pilot.app))
    assert raw_controls(pilot.app) == []


def routine_row(app: PsoasApp, wanted: str) -> int:
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    for row, entry in enumerate(screen.entries):
        if entry.name == wanted or entry.path.name == wanted:
            return row
    raise AssertionError(f"{wanted!r} not listed")


async def test_control_characters_from_a_routine_are_shown_as_escapes_everywhere(
    user_routines: Path,
) -> None:
    (user_routines / "evil.toml").write_text(HOSTILE_ROUTINE)
    (user_routines / BROKEN_FILE_NAME).write_text("schema = 1\nname = [\n")
    save_settings(Settings(safety_note_seen=True))
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        await settle(pilot)
        await drawn(pilot, "T\\x1b]2;PWNED")  # the table: names, tags, a broken file's name
        await drawn(pilot, "b\\x1b]2;PWNED\\x07roken.toml")
        table = app.screen.query_one("#routines", DataTable)

        table.move_cursor(row=routine_row(app, BROKEN_FILE_NAME))
        await drawn(pilot, "This file could not be read")  # its error, in the preview
        await pilot.press("enter")  # and in a toast
        await until(pilot, lambda: bool(app.screen.query("Toast")))
        await drawn(pilot, "This file could not be read")

        table.move_cursor(row=routine_row(app, HOSTILE_NAME))
        await drawn(pilot, "\\x9b31mescription")  # the preview: description and timeline

        await pilot.press("enter")
        assert isinstance(app.screen, PlayerScreen)
        await drawn(pilot, "M\\x1b[31m\\x9bove")  # get ready: the move's name and first step
        await advance(app, pilot, 6)
        await drawn(pilot, "N\\x1b[2J\\x85ote")  # the hold: the cue, the note, what is next
        await pilot.press("i")
        await drawn(pilot, "S\\x1b[2Jtep")  # the steps
        await pilot.press("exclamation_mark")
        await drawn(pilot, "sharp pain, or the discomfort")  # the pain dialog, over the player
        await pilot.press("escape", "q", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await drawn(pilot, "T\\x1b]2;PWNED")  # the summary: routine and moves
        await drawn(pilot, "M\\x1b[31m\\x9bove")

        await pilot.press("enter", "escape")  # close the summary, leave the library
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await drawn(pilot, "T\\x1b]2;PWNED")  # the last sessions name the routine
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await drawn(pilot, "T\\x1b]2;PWNED")


async def test_a_name_kept_in_the_history_is_shown_as_escapes_after_its_file_is_gone() -> None:
    history_path = paths.history_db()
    history_path.parent.mkdir(parents=True, exist_ok=True)
    with History.open(history_path) as history:
        session = history.start_session(SessionStart("gone", HOSTILE_NAME, "", 60.0))
        hold = SegmentRecord(1, "hold", "lunge", "Lunge", "left", 1, 1, "skipped", 30, 12)
        history.record_segment(session, hold)
        history.end_session(session, "quit")
    save_settings(Settings(safety_note_seen=True))
    app = PsoasApp(clock=FakeClock(), now=lambda: datetime(2024, 5, 1, 8, tzinfo=UTC))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await drawn(pilot, "T\\x1b]2;PWNED")
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await drawn(pilot, "T\\x1b]2;PWNED")


def toml_string(text: str) -> str:
    """`text` as a TOML basic string, every character outside printable ASCII escaped."""
    return (
        '"'
        + "".join(
            char if " " <= char <= "~" and char not in '"\\' else f"\\U{ord(char):08x}"
            for char in text
        )
        + '"'
    )


async def palette_prompts(pilot, query: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Open the palette, type `query`, and read the entries it lists: [title, help] each."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    palette.query_one(Input).value = query
    await settle(pilot)  # the search (a worker) starts and ends
    listing = palette.query_one("CommandList")
    return [str(option.prompt).split("\n") for option in listing.options]  # type: ignore[attr-defined]


def titles(prompts: list[list[str]]) -> list[str]:
    return [prompt[0] for prompt in prompts]


async def test_the_palette_shows_markup_and_control_characters_in_names_as_text(
    user_routines: Path,
) -> None:
    names = ["[/]", "[@click=app.quit]x", "[b]bold", "[ b]spaced", HOSTILE_NAME]
    for number, name in enumerate(names):
        (user_routines / f"r[ b]{number}.toml").write_text(  # a file name for the help line
            f"schema = 1\nname = {toml_string(name)}\n[[exercises]]\nexercise = 'dead-bug'\n"
        )
    save_settings(Settings(safety_note_seen=True))
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        # Discovery (nothing typed) lists every command, scrolled through to draw each one.
        found = titles(await palette_prompts(pilot, ""))
        for name in names[:4]:
            assert f"Play {name}" in found
        assert "Play T\\x1b]2;PWNED\\x1b\\x\\x9b2J\\x07\\x85\\u202eend" in found
        assert "Take the self-test" in found and "Open Dead bug" in found
        for _ in range(len(found)):
            await pilot.press("down")
        await pilot.pause()
        assert raw_controls(app) == []
        await pilot.press("escape")
        await pilot.pause()

        # Search: the names match as typed and are drawn as typed.
        prompts = await palette_prompts(pilot, "play")
        for name in names[:4]:
            assert f"Play {name}" in titles(prompts)
        assert ["Play [/]", "user routine r[ b]0"] in prompts  # the help line is text too
        assert raw_controls(app) == []
        await pilot.press("escape")
        await pilot.pause()

        # A click on the entry plays the routine; the action named in it does not run.
        found = titles(await palette_prompts(pilot, "click"))
        assert found == ["Play [@click=app.quit]x"]
        # Below the list's blank top border, after its padding of 2 and "Play ": where a name
        # read as markup would have shown its "x" with the click action on it.
        assert await pilot.click("CommandList", offset=(7, 1))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, PlayerScreen)
        assert app.screen.session.timeline.plan.name == "[@click=app.quit]x"


async def test_the_editor_shows_control_characters_as_escapes_and_keeps_them(
    user_routines: Path,
) -> None:
    path = user_routines / "evil.toml"
    path.write_text(HOSTILE_ROUTINE)
    save_settings(Settings(safety_note_seen=True))
    app = PsoasApp(clock=FakeClock(), editing=open_file(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await drawn(pilot, "T\\x1b]2;PWNED")  # the name field
        await drawn(pilot, "\\x9b31mescription")  # the description field
        await drawn(pilot, "M\\x1b[31m\\x9bove")  # the custom move, in the list
        await drawn(pilot, "N\\x1b[2J\\x85ote")  # the note of the exercise picked
        await pilot.press("a", "e")
        assert isinstance(app.screen, AddExerciseDialog)
        await pilot.press("escape", "c")  # a change elsewhere: the hostile values are kept
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_routine(path).routine
    assert saved.name == HOSTILE_NAME and len(saved.exercises) == 3
    assert saved.description == "D\x1b[2J\x08\r\x9b31mescription"
