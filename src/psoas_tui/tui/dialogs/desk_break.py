"""The desk-break nudge: while the app is open, in working hours, every so often (the weekly
plan's interval; 000: get up about every hour), a small dialog offers the desk break now, later,
or not this time."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from psoas_tui.tui.dialogs.base import Dialog
from psoas_tui.tui.keys import hint

NudgeAnswer = Literal["start", "snooze", "dismiss"]
SNOOZE_MINUTES = 10
"""How much later a snoozed nudge comes back."""


class DeskBreakNudge(Dialog[NudgeAnswer]):
    """Time for a desk break: start it, snooze, or let it be until the next one."""

    HELP_TITLE = "Desk break"
    HELP_PURPOSE = "the nudge to get up, in working hours while the app is open"
    BINDINGS = [
        Binding("enter,d", "answer('start')", "Start", tooltip="start the desk break now"),
        Binding(
            "z",
            "answer('snooze')",
            "Snooze",
            tooltip=f"remind me again in {SNOOZE_MINUTES} minutes",
        ),
        Binding("escape", "answer('dismiss')", "Not now", tooltip="not this time"),
    ]

    def __init__(self, routine: str, every_minutes: int) -> None:
        super().__init__()
        self.routine = routine
        self.every_minutes = every_minutes

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static("Time for a desk break", classes="dialog-title", markup=False)
            yield Static(
                f"{self.routine}: stand up and move. A short break every {self.every_minutes} "
                "minutes beats one long session at the end of the day.",
                markup=False,
            )
            yield Static(
                hint(self.BINDINGS, "answer('start')", "answer('snooze')", "answer('dismiss')"),
                classes="dialog-keys",
                markup=False,
            )

    def action_answer(self, answer: NudgeAnswer) -> None:
        self.dismiss(answer)
