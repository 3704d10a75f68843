"""The player and the history: a segment that ends is on disk before the next one is shown, and a
history that cannot be written (locked, read-only) never stops the session: it says so once,
and what could not be written is written as soon as it can be."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path

import pytest
from apps import advance, player, player_app, settle
from histories import fill, locked, read_only, set_aside, short_waits
from textual.widgets import Static

from psoas_tui import paths
from psoas_tui.player.clock import FakeClock
from psoas_tui.store.history import History
from psoas_tui.store.records import SegmentRecord
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.home import HomeScreen
from psoas_tui.tui.screens.summary import SummaryScreen


def headline(app: PsoasApp) -> str:
    return str(app.screen.query_one("#headline", Static).render())


def notices_of(app: PsoasApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every notice the app shows from now on."""
    told: list[str] = []
    real = app.notify

    def notify(message: str, **kwargs: object) -> None:
        told.append(message)
        real(message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    return told


def rows(query: str) -> list[tuple[object, ...]]:
    """Rows read by another connection: what is committed."""
    connection = sqlite3.connect(paths.history_db())
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


async def test_a_hold_is_on_disk_before_the_next_segment_is_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = FakeClock()
    app = player_app(clock=clock)
    seen: list[tuple[str, int, str]] = []
    record_segments = History.record_segments

    def spying(history: History, session_id: int, segments: Iterable[SegmentRecord]) -> None:
        segments = list(segments)
        record_segments(history, session_id, segments)
        committed = rows("SELECT COUNT(*) FROM segments WHERE kind = 'hold'")[0][0]
        seen.extend((segment.kind, int(str(committed)), headline(app)) for segment in segments)

    monkeypatch.setattr(History, "record_segments", spying)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5 + 29.5)
        assert headline(app) == "HOLD" and seen == [("prep", 0, "GET READY")]
        screen = player(app)
        assert screen._timer is not None  # the wake-up falls at the hold's end, not after it
        assert 0.5 <= screen._timer._interval <= 0.5 + 0.002
        clock.advance(0.5)
        screen.poll()
        # committed while the screen still showed the hold; then the next segment is shown
        assert seen[-1] == ("hold", 1, "HOLD")
        assert headline(app) == "SWITCH SIDES"


async def test_the_player_plays_on_while_the_history_is_locked_and_catches_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    short_waits(monkeypatch)
    fill(paths.history_db(), sessions=1)
    app = player_app()
    told = notices_of(app, monkeypatch)
    with contextlib.ExitStack() as lock:
        lock.enter_context(locked(paths.history_db()))
        async with app.run_test(size=(80, 24)) as pilot:
            await advance(app, pilot, 5 + 30)  # the prep and the first hold end, locked
            assert headline(app) == "SWITCH SIDES"
            problems = [n for n in told if "could not be written" in n]
            assert len(problems) == 1 and "locked by another program" in problems[0]
            lock.close()  # the other program lets go
            await advance(app, pilot, 5)  # the switch ends: everything is written, in order
            assert rows("SELECT position FROM segments WHERE session_id = 2 ORDER BY id") == [
                (0,),
                (1,),
                (2,),
            ]
            await advance(app, pilot, 30 + 10 + 30 + 5 + 30 + 5)
            await pilot.press("enter")  # the reps are done: the summary
            assert isinstance(app.screen, SummaryScreen)
            assert not app.screen.query(".warning")  # nothing left unsaved
            await pilot.press("enter")
    assert len([n for n in told if "could not be written" in n]) == 1
    (outcome,) = rows("SELECT outcome FROM sessions WHERE id = 2")
    assert outcome == ("completed",)
    assert set_aside(paths.home()) == []


async def test_a_read_only_history_is_read_and_the_player_plays_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = paths.history_db()
    fill(db, sessions=2)
    with History.open(db) as history:  # a session left open by a process that is gone
        cursor = history.connection.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_at, planned_seconds, pid)"
            " VALUES ('r', 'Left open', '2024-01-02T08:00:00+00:00', 60, 999999999)"
        )
        history.record_segment(  # (sessions of 0:00 are not among home's last sessions)
            cursor.lastrowid or 0,
            SegmentRecord(0, "hold", "lunge", "Lunge", "left", 1, 1, "done", 30, 30),
        )
    save_settings(Settings(safety_note_seen=True))
    with read_only(db):
        app = PsoasApp(clock=FakeClock())
        told = notices_of(app, monkeypatch)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, HomeScreen)
            recent = str(app.screen.query_one("#recent-list", Static).render())
            assert "interrupted" in recent and "Left open" in recent
            await pilot.press("enter")  # play the suggested routine
            await pilot.pause()
            problems = [n for n in told if "could not be written" in n]
            assert len(problems) == 1
            assert "read-only" in problems[0] and f"chmod u+w {db}" in problems[0]
            await pilot.press("q", "y")
            assert isinstance(app.screen, SummaryScreen)
            warning = app.screen.query_one(".warning", Static)
            assert "could not be saved in the history" in str(warning.render())
            await pilot.press("enter")
        assert len([n for n in told if "could not be written" in n]) == 1
    with History.open(db) as history:
        assert len(history.sessions()) == 3


# The real player, headless in a child process whose file-size limit is reached mid-session
# (SIGXFSZ ignored, so writes fail with EFBIG), then lifted.
FULL_DISK_PLAYER = textwrap.dedent(
    """
    import asyncio, resource, signal
    from apps import advance, player_app
    from textual.widgets import Static
    from psoas_tui import paths

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    async def main():
        app = player_app()
        told = []
        notify = app.notify
        app.notify = lambda message, **kwargs: (told.append(message), notify(message, **kwargs))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
            full = max(p.stat().st_size for p in paths.home().iterdir() if p.is_file())
            resource.setrlimit(resource.RLIMIT_FSIZE, (full, hard))
            await advance(app, pilot, 5 + 30)  # the prep and the first hold end: disk full
            print("shown", app.screen.query_one("#headline", Static).render())
            print("told", sum("could not be written" in m for m in told))
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
            await advance(app, pilot, 5)  # the switch ends: there is room again
            await pilot.press("q", "y", "enter")
        print("told", sum("could not be written" in m for m in told))
        print("crash", app.crash)

    asyncio.run(main())
    """
)


def test_the_player_plays_on_through_a_full_disk_and_loses_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    tests = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PSOAS_HOME": str(home), "PYTHONPATH": str(tests)}
    child = subprocess.run(
        [sys.executable, "-c", FULL_DISK_PLAYER],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.splitlines() == ["shown SWITCH SIDES", "told 1", "told 1", "crash None"]
    with History.open(home / "history.sqlite3") as history:
        (session,) = history.sessions()
        positions = history.connection.execute("SELECT position FROM segments ORDER BY id")
        # … and the holds and reps quitting left undone
        assert [row[0] for row in positions] == [0, 1, 2, 3, 5, 7, 9]
    assert session.outcome == "quit" and set_aside(home) == []
