"""How to start a new routine: blank, as a copy of the highlighted one, or from the self-test."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from psoas_tui.textfile.printable import printable
from psoas_tui.tui.dialogs.base import Dialog
from psoas_tui.tui.keys import first_key


class NewRoutineDialog(Dialog[str | None]):
    """Dismisses with "blank", "copy" or "selftest" (None: cancelled)."""

    HELP_TITLE = "New routine"
    HELP_PURPOSE = "start a routine of your own"
    BINDINGS = [
        Binding("b", "choose('blank')", "Blank", tooltip="Start from nothing"),
        Binding("c", "choose('copy')", "From this one", tooltip="Start from the highlighted one"),
        Binding(
            "s", "choose('selftest')", "From self-test", tooltip="Start from the self-test's result"
        ),
        Binding("escape", "choose(None)", "Cancel"),
    ]

    def __init__(self, copy_of: str | None, has_selftest: bool) -> None:
        super().__init__()
        self.copy_of = copy_of
        self.has_selftest = has_selftest

    def compose(self) -> ComposeResult:
        blank = first_key(self.BINDINGS, "choose('blank')")
        lines = [f"{blank}  a blank routine"]
        if self.copy_of:
            key = first_key(self.BINDINGS, "choose('copy')")
            lines.append(printable(f"{key}  a copy of “{self.copy_of}”"))
        if self.has_selftest:
            key = first_key(self.BINDINGS, "choose('selftest')")
            lines.append(f"{key}  the routine your self-test made")
        lines.append(f"{first_key(self.BINDINGS, 'choose(None)')}  cancel")
        with VerticalScroll(classes="dialog"):
            yield Static("New routine", classes="dialog-title", markup=False)
            yield Static("\n".join(lines), markup=False)

    def action_choose(self, choice: str | None) -> None:
        if choice == "copy" and not self.copy_of:
            return
        if choice == "selftest" and not self.has_selftest:
            return
        self.dismiss(choice)
