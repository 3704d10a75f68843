"""Helpers to build the app on a fake clock for Pilot and snapshot tests."""

from __future__ import annotations

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
