"""Unsaved changes in the editor survive the app being ended without a word: they are kept on
disk a moment after the last change, offered back when the routine is opened again (or from
home), and gone once saved, declined or left without saving. The last tests kill a real
`psoas new` and close its terminal."""

from __future__ import annotations

import shutil
import signal
import tomllib
from pathlib import Path

import pytest
import tomli_w
from apps import home_app, settle, until
from terminals import PtyApp, wait_until
from textual.widgets import Input

from psoas_tui import paths
from psoas_tui.editing.recovery import read_draft
from psoas_tui.editing.session import new_routine, open_file
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.confirm import ConfirmDialog
from psoas_tui.tui.screens import editor as editor_module
from psoas_tui.tui.screens.editor import EditorScreen
from psoas_tui.tui.screens.home import HomeScreen

COMMENTED = Path(__file__).parents[1] / "core" / "commented_routine.toml"


@pytest.fixture(autouse=True)
def keep_soon(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep changes 0.05 s after the last one (1 s in the app), so that the tests are quick."""
    monkeypatch.setattr(editor_module, "KEEP_AFTER", 0.05)


@pytest.fixture
def hips(user_routines: Path) -> Path:
    path = user_routines / "hips.toml"
    shutil.copyfile(COMMENTED, path)
    return path


def drafts() -> list[Path]:
    folder = paths.drafts_dir()
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def name_field(app: PsoasApp) -> Input:
    return app.screen.query_one("#field-name", Input)


async def rename(pilot: object, text: str) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    field = name_field(app)
    field.focus()
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("end", *["backspace"] * len(field.value), *text)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def edit_and_end_abruptly(hips: Path) -> None:
    """Rename the routine, wait until the change is kept, and end the app with no question
    (what a killed app leaves is on disk by then: checked while the app still runs)."""
    app = home_app(editing=open_file(hips))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await rename(pilot, "Evening")
        await until(pilot, lambda: len(drafts()) == 1)
        app.exit()
    assert len(drafts()) == 1


async def test_killed_then_reopened_asks_and_recovers(hips: Path) -> None:
    await edit_and_end_abruptly(hips)
    app = home_app(editing=open_file(hips))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question.startswith("Unsaved changes to Evening from ")
        assert dialog.question.endswith("were kept when the app closed. Recover them?")
        await pilot.press("y")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert name_field(app).value == "Evening" and screen.session.dirty
        assert "unsaved changes" in str(screen.query_one("#editor-status").render())
        screen.query_one("#exercise-list").focus()
        await pilot.press("ctrl+z")  # back to the file as it is
        assert name_field(app).value != "Evening" and not screen.session.dirty
        await pilot.press("ctrl+y", "ctrl+s")
        await settle(pilot)
        assert drafts() == []  # saved: nothing kept
    assert 'name = "Evening"' in hips.read_text(encoding="utf-8")


async def test_declined_changes_are_discarded(hips: Path) -> None:
    before = hips.read_text(encoding="utf-8")
    await edit_and_end_abruptly(hips)
    app = home_app(editing=open_file(hips))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen) and not app.screen.session.dirty
        assert drafts() == []
        await pilot.pause(0.2)  # the editor's own keeper finds nothing to keep
        assert drafts() == []
    assert hips.read_text(encoding="utf-8") == before


async def test_leaving_or_quitting_without_saving_discards_them(hips: Path) -> None:
    app = home_app(editing=open_file(hips))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await rename(pilot, "Gone")
        await until(pilot, lambda: len(drafts()) == 1)
        await pilot.press("escape", "y")  # leave without saving
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and drafts() == []
    app = home_app(editing=open_file(hips))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await rename(pilot, "Gone again")
        await pilot.press("ctrl+c", "y")  # quit without saving, before the change was kept
        await settle(pilot)
    assert drafts() == []


async def test_changes_not_kept_yet_are_kept_when_the_app_ends(
    hips: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A closed terminal or SIGTERM ends the app through `exit`: what the timer had not kept
    yet is kept as the editor closes."""
    monkeypatch.setattr(editor_module, "KEEP_AFTER", 60.0)
    app = home_app(editing=open_file(hips))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await rename(pilot, "Late")
        assert drafts() == []
        app.exit()
    assert len(drafts()) == 1


async def test_home_says_changes_were_kept_and_u_gets_them_back(hips: Path) -> None:
    await edit_and_end_abruptly(hips)
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notice = str(app.screen.query_one("#kept-notice").render())
        assert notice.startswith("Unsaved changes to Evening (")
        assert notice.endswith("were kept when the app closed: u gets them back.")
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)  # no question: u asked for them
        assert name_field(app).value == "Evening" and app.screen.session.dirty
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not app.screen.query_one("#kept-notice").display


async def test_a_new_routine_is_offered_back_when_making_a_new_one(user_routines: Path) -> None:
    app = home_app(editing=new_routine("Lunch hips"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await rename(pilot, "Lunch hips 2")
        await until(pilot, lambda: len(drafts()) == 1)
        app.exit()
    app = home_app(editing=new_routine("Something else"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Lunch hips 2" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        assert name_field(app).value == "Lunch hips 2"
        assert len(drafts()) == 1  # still kept under the same file, until saved


async def test_an_unreadable_kept_file_is_moved_aside_and_said(hips: Path) -> None:
    folder = paths.drafts_dir()
    folder.mkdir(parents=True)
    (folder / "new-broken.toml").write_text("schema = [", encoding="utf-8")
    app = home_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any("cannot read these kept changes" in n.message for n in app._notifications)
        assert not app.screen.query_one("#kept-notice").display
    assert drafts() == [] and any(
        p.name.startswith("new-broken.toml.corrupt-") for p in folder.iterdir()
    )


def test_a_killed_psoas_new_keeps_its_changes_and_offers_them_back() -> None:
    """A real `psoas new`, typed at, killed (SIGKILL: nothing runs); the next `psoas new` asks."""
    home_app()  # past the safety note
    with PtyApp("new", "Lunch", size=(100, 30)) as app:
        wait_until(lambda: b"not saved yet" in app.output)
        app.type("Brunch")
        wait_until(lambda: len(drafts()) == 1)  # about a second after the last key
        app.send(signal.SIGKILL)
        app.process.wait()
    # every key is in (quick typing once made the field and the draft undo each other's keys)
    assert read_draft(drafts()[0]).name == "Brunch"
    with PtyApp("new", "Other", size=(100, 30)) as app:
        wait_until(lambda: b"Recover them?" in app.output)


def test_closing_the_terminal_right_after_a_change_keeps_it() -> None:
    home_app()
    with PtyApp("new", "Lunch", size=(100, 30)) as app:
        wait_until(lambda: b"not saved yet" in app.output)
        app.type("Brunch")
        wait_until(lambda: b"Brunch" in app.output)
        app.seconds_to_exit(app.hang_up())
    assert len(drafts()) == 1 and read_draft(drafts()[0]).name == "Brunch"


async def test_kept_changes_that_cannot_be_recovered_are_moved_aside(hips: Path) -> None:
    await edit_and_end_abruptly(hips)
    [kept] = drafts()
    data = tomllib.loads(kept.read_text(encoding="utf-8"))
    data["original"] = "name = ["  # the file's text as opened: not TOML
    kept.write_text(tomli_w.dumps(data), encoding="utf-8")
    app = home_app(editing=open_file(hips))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen) and not app.screen.session.dirty
        assert any("cannot recover these changes" in n.message for n in app._notifications)
    assert drafts() == [] and any(".corrupt-" in p.name for p in paths.drafts_dir().iterdir())
