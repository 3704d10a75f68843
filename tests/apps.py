"""Helpers to build the app on a fake clock for Pilot and snapshot tests.

Cheap Pilot tests (the suite's time budget is in bench/README.md, "Test suite time"): start an
app only for what needs a fresh one; wait on a condition (`until`) instead of sleeping for a
timer; `settle` before reading what a worker found (not a bare `pause`, which may come before
the worker started); no `pilot.pause()` after `pilot.resize_terminal` (it pauses itself) or where
the next step waits anyway. Every app of a test process shares the parsed CSS, and the garbage
collector is tuned for Textual (tests/speed.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual import events

from psoas_tui.player.clock import FakeClock
from psoas_tui.routine.parse import parse_routine_text
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.player import PlayerScreen

SHORT_ROUTINE = """\
schema = 1
name = "Short test routine"

[defaults]
prep_seconds = 5
rest_seconds = 10
switch_seconds = 5

[[exercises]]
exercise = "half-kneeling-hip-flexor-stretch"
sets = 2
hold_seconds = 30
notes = "Squeeze the back glute."

[[exercises]]
exercise = "dead-bug"
sets = 1
reps = 6
"""


NOON = datetime(2026, 11, 21, 12, 0)


def home_app(**options: object) -> PsoasApp:
    """The app on home (or `start=...`), at noon on a fake clock, past the safety note."""
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock(), now=lambda: NOON, **options)  # type: ignore[arg-type]


async def settle(pilot: object) -> None:
    """Let what the app has started play out: callbacks after the next frame (which may start
    workers), the workers, and what their messages start in turn. (Waiting for the workers
    first would find none yet on a screen just opened.)"""
    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(2):
        await pilot.pause()  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def until(pilot: object, condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Wait until `condition()` holds, for something the app does on a real-time timer (a
    debounce, a step timer, a toast): as soon as it holds, instead of sleeping a fixed time."""
    for _ in range(round(seconds / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)  # type: ignore[attr-defined]
    assert condition(), f"still not true after {seconds} s"


def plan_from(text: str = SHORT_ROUTINE, name: str = "short.toml") -> RoutinePlan:
    return parse_routine_text(Path(name), text).plan


def player_app(plan: RoutinePlan | None = None, clock: FakeClock | None = None) -> PsoasApp:
    """The app on `plan`, on a run after the first (the safety note was already seen)."""
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(plan=plan or plan_from(), clock=clock or FakeClock())


def player(app: PsoasApp) -> PlayerScreen:
    screen = app.screen
    assert isinstance(screen, PlayerScreen), screen
    return screen


async def advance(app: PsoasApp, pilot: object, seconds: float, step: float = 1.0) -> None:
    """Move the fake clock on, letting the player see every step."""
    clock = app.clock
    assert isinstance(clock, FakeClock)
    screen = player(app)
    remaining = seconds
    while remaining > 1e-9:
        move = min(step, remaining)
        clock.advance(move)
        remaining -= move
        screen.poll()
    await pilot.pause()  # type: ignore[attr-defined]


CHARACTERS = {"enter": "\r", "escape": "\x1b", "space": " ", "exclamation_mark": "!"}
"""The character of each named key a burst may hold (a letter is its own character)."""


def burst(app: PsoasApp, *keys: str) -> None:
    """Queue key presses all at once, as a terminal delivers fast typing in one read: unlike
    `pilot.press`, no key waits for the one before to be handled (or its screen to open)."""
    for key in keys:
        character = CHARACTERS.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))
