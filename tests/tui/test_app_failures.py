"""The app at launch when its files cannot be used: one line or notice for each problem, the app
still usable, and nothing moved aside but a damaged history."""

from __future__ import annotations

import pytest
from apps import settle
from histories import damage_pages, fill, set_aside, unreadable
from textual.widgets import Static

from psoas_tui import paths
from psoas_tui.player.clock import FakeClock
from psoas_tui.store.history import History
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.safety import SafetyNote
from psoas_tui.tui.screens.catalogue import CatalogueScreen
from psoas_tui.tui.screens.home import HomeScreen
from psoas_tui.tui.screens.player import PlayerScreen


def notices_of(app: PsoasApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []
    real = app.notify

    def notify(message: str, **kwargs: object) -> None:
        told.append(message)
        real(message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    return told


def recent(app: PsoasApp) -> str:
    return str(app.screen.query_one("#recent-list", Static).render())


async def test_unreadable_settings_give_defaults_with_one_notice_and_are_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = paths.settings_file()
    save_settings(Settings(theme="nord", safety_note_seen=True))
    kept = path.read_bytes()
    blocked = unreadable(monkeypatch)
    blocked.add(path)
    app = PsoasApp(clock=FakeClock())
    told = notices_of(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyNote)  # the defaults: the note was not seen
        await pilot.press("enter")  # (saving that it was seen is refused, not written over)
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("c")
        assert isinstance(app.screen, CatalogueScreen)
    assert told == [
        f"{path}: the settings could not be read (permission denied); defaults are used and the "
        f"file is left as it is, not written over: make it readable by you (chmod u+rw {path})"
    ]
    blocked.clear()
    assert path.read_bytes() == kept and set_aside(paths.home()) == []


async def test_a_history_that_cannot_be_opened_is_one_line_and_is_not_moved(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_settings(Settings(safety_note_seen=True))
    paths.history_db().mkdir()  # SQLite cannot open it, as with no permission
    app = PsoasApp(clock=FakeClock())
    told = notices_of(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "is a folder, not the history database; move it away" in recent(app)
        await pilot.press("enter")  # play anyway: the session is not saved, and says so
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
    assert any(n.startswith("This session will not be saved: ") for n in told)
    assert paths.history_db().is_dir() and set_aside(paths.home()) == []


async def test_a_data_folder_that_is_a_file_is_said_plainly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = paths.home()
    home.write_text("a file")
    app = PsoasApp(clock=FakeClock())
    told = notices_of(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the safety note: cannot be saved
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert f"{home}: is a file, not a folder" in recent(app)
        app.save_settings(muted=True)  # said once a run
    assert told == [
        f"the settings could not be saved: {home}: is a file, not a folder; move the file away "
        "or set PSOAS_HOME to another folder"
    ]
    assert home.read_text() == "a file"


async def test_a_history_with_damaged_pages_is_set_aside_at_launch_and_a_new_one_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_settings(Settings(safety_note_seen=True))
    fill(paths.history_db())
    damage_pages(paths.history_db())
    app = PsoasApp(clock=FakeClock())
    told = notices_of(app, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "None yet" in recent(app)
        await pilot.press("enter", "q", "y", "enter")  # play, quit, close the summary
        await settle(pilot)
    assert [n for n in told if "was damaged" in n and "moved to" in n]
    assert len(set_aside(paths.home())) == 1
    with History.open(paths.history_db()) as history:
        (session,) = history.sessions()
    assert session.outcome == "quit"
