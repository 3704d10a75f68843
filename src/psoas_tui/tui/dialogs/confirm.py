"""Small modal dialogs: a yes/no confirmation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from psoas_tui.tui.dialogs.base import Dialog
from psoas_tui.tui.keys import hint


class ConfirmDialog(Dialog[bool]):
    """Ask a yes/no question; dismisses with True for yes."""

    HELP_TITLE = "Confirm"
    HELP_PURPOSE = "a yes/no question, such as quitting a session"
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self.question, classes="dialog-title", markup=False)
            if self.detail:
                yield Static(self.detail, markup=False)
            yield Static(
                hint(self.BINDINGS, "answer(True)", "answer(False)"),
                classes="dialog-keys",
                markup=False,
            )

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
