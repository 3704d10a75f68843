"""The "this hurts" dialog: where, how bad (1–10), and what to do — easier variant or skip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from psoas_tui.tui.dialogs.base import Dialog
from psoas_tui.tui.keys import hint

LOCATIONS = (
    "front of the hip",
    "groin",
    "lower back",
    "knee",
    "front of the thigh",
    "buttock",
    "somewhere else",
)
SEVERE = 7
"""From this score on, carrying on is not offered."""


@dataclass(frozen=True, slots=True)
class PainAnswer:
    location: str
    severity: int
    action: Literal["easier", "skip", "continue"]


class PainDialog(Dialog[PainAnswer | None]):
    """Stops the exercise and asks about the pain; escape goes back without a report."""

    HELP_TITLE = "This hurts"
    HELP_PURPOSE = "where (↑ ↓), how bad (1–9, 0 for 10), then what to do"
    AUTO_FOCUS = "#where"
    BINDINGS = [
        Binding(
            "e", "act('easier')", "Easier variant", tooltip="An easier variant, if there is one"
        ),
        Binding("s", "act('skip')", "Skip exercise", tooltip="Skip this exercise"),
        Binding("c", "act('continue')", "Carry on", tooltip="Carry on (only below 7 of 10)"),
        Binding("escape", "cancel", "Back", tooltip="Back to the exercise, with no report"),
        Binding("j", "cursor_down", "Down", show=False, tooltip="Move down (as ↓)"),
        Binding("k", "cursor_up", "Up", show=False, tooltip="Move up (as ↑)"),
    ]

    def __init__(self, exercise: str, easier: str | None) -> None:
        super().__init__()
        self.exercise = exercise
        self.easier = easier
        self.severity: int | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="pain"):
            yield Static("Stopped. Where does it hurt?", classes="dialog-title", markup=False)
            yield Static(
                "Sharp pain means stop. If pain lasts or comes back, see a physiotherapist.",
                classes="warning",
                markup=False,
            )
            yield OptionList(
                *[Option(place, id=place) for place in LOCATIONS], id="where", compact=True
            )
            yield Static("", id="severity", markup=False)
            yield Static("", id="actions", markup=False)

    def on_mount(self) -> None:
        self.query_one("#where", OptionList).highlighted = 0
        self._show()

    def _show(self) -> None:
        score = "press 1–9, 0 for 10" if self.severity is None else f"{self.severity}/10"
        self.query_one("#severity", Static).update(f"How bad, 1 (mild) to 10 (worst): {score}")
        options = []
        if self.easier:  # on a line of its own: the variant's name can be long
            easier = hint(self.BINDINGS, "act('easier')", brief=True)
            options.append(f"{easier} — {self.easier}")
        actions = ["act('skip')"]
        if self.severity is not None and self.severity < SEVERE:
            actions.append("act('continue')")
        actions.append("cancel")
        options.append(hint(self.BINDINGS, *actions, brief=True))
        lines = "\n".join(options)
        if self.severity is not None and self.severity >= SEVERE:
            lines = "That is strong pain: skip this one, and stop for today if it stays.\n" + lines
        self.query_one("#actions", Static).update(lines)

    def on_key(self, event: events.Key) -> None:
        """Digits set how bad it is (0 means 10)."""
        if len(event.key) == 1 and event.key.isdigit():
            self.severity = 10 if event.key == "0" else int(event.key)
            event.stop()
            self._show()

    def action_cursor_down(self) -> None:
        self.query_one("#where", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#where", OptionList).action_cursor_up()

    @on(OptionList.OptionSelected, "#where")
    def _selected(self) -> None:
        if self.severity is None:
            self.notify("How bad is it? Press 1–9, or 0 for 10.")

    def action_act(self, action: Literal["easier", "skip", "continue"]) -> None:
        if action == "easier" and not self.easier:
            return
        if action == "continue" and (self.severity is None or self.severity >= SEVERE):
            return
        if self.severity is None:
            self.notify("How bad is it? Press 1–9, or 0 for 10.", severity="warning")
            return
        where = self.query_one("#where", OptionList)
        index = where.highlighted or 0
        self.dismiss(PainAnswer(LOCATIONS[index], self.severity, action))

    def action_cancel(self) -> None:
        self.dismiss(None)
