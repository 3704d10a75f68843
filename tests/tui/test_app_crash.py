"""An unexpected error inside the app (a key's action, a worker) ends it with a crash report and
one line on stderr instead of Textual's traceback, and an open session is kept as interrupted."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import pytest
from apps import plan_from, player_app, settle
from textual.pilot import Pilot

from psoas_tui import paths
from psoas_tui.cli.play import run_app
from psoas_tui.store.history import History
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.player import PlayerScreen


def _skip_breaks(self: PlayerScreen) -> NoReturn:
    raise ZeroDivisionError("the next segment divided by zero")


def test_a_crash_in_the_player_is_reported_after_the_app_ends(
    psoas_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`run_app` as `psoas play` runs it (headless here), with `n` raising in the player."""
    save_settings(Settings(safety_note_seen=True))  # not a first run: no safety note first
    monkeypatch.setattr(PlayerScreen, "action_next", _skip_breaks)
    monkeypatch.setattr("sys.argv", ["psoas", "play", "short.toml"])
    monkeypatch.setattr("psoas_tui.cli.play.missing_terminal", lambda *_: None)  # headless here
    run = PsoasApp.run

    async def press_next(pilot: Pilot[None]) -> None:
        await pilot.press("n")

    def run_headless(self: PsoasApp, **options: Any) -> None:
        run(self, headless=True, size=(80, 24), auto_pilot=press_next)

    monkeypatch.setattr(PsoasApp, "run", run_headless)
    assert run_app(plan_from()) == 70

    out, err = capsys.readouterr()
    (report,) = (psoas_home / "logs" / "crashes").iterdir()
    assert "Traceback" not in out + err
    assert err.count("\n") == 1
    assert err.startswith(
        "psoas: unexpected error (ZeroDivisionError: the next segment divided by zero); "
        f"a report was saved to {report} — "
    )
    text = report.read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in text
    assert "in _skip_breaks" in text
    assert "command:   psoas play short.toml" in text
    with History.open(paths.history_db()) as history:
        (session,) = history.sessions()
    assert session.outcome == "interrupted"


async def test_the_app_keeps_the_error_and_prints_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PlayerScreen, "action_next", _skip_breaks)
    app = player_app()
    with pytest.raises(ZeroDivisionError):  # Pilot re-raises what ended the app
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n")
    assert isinstance(app.crash, ZeroDivisionError)
    assert app.return_code == 1
    assert capsys.readouterr().err == ""


async def test_a_failed_worker_is_kept_as_its_own_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.worker import WorkerFailed

    def unreadable(*args: object) -> NoReturn:
        raise PermissionError("routines folder unreadable")

    monkeypatch.setattr("psoas_tui.routine.library.discover", unreadable)
    app = PsoasApp()
    with pytest.raises(WorkerFailed):
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
    assert isinstance(app.crash, PermissionError)
