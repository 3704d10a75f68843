"""The safety note, shown once on first run and always under help."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from psoas_tui.tui.dialogs.base import Dialog
from psoas_tui.tui.keys import hint

SAFETY_NOTE = (
    "This is not medical advice.\n\n"
    "• Mild stretching discomfort is fine; sharp pain is not. Stop at sharp pain "
    "(press ! in the player).\n"
    "• Start gently and build up: a sore, angry muscle does not tolerate hard stretching.\n"
    "• See a physiotherapist or doctor if pain persists, if stretching does not help, or after "
    "an injury or surgery."
)


class SafetyNote(Dialog[None]):
    """A short safety note; any of enter, escape or space closes it."""

    HELP_TITLE = "Safety note"
    HELP_PURPOSE = "shown on the first run; it is also at the end of this help"
    BINDINGS = [Binding("enter,escape,space", "close", "Understood")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="safety"):
            yield Static("Before you start", classes="dialog-title", markup=False)
            yield Static(SAFETY_NOTE, markup=False)
            yield Static(hint(self.BINDINGS, "close"), classes="dialog-keys", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
