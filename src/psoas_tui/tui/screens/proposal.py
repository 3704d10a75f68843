"""A routine's next level (or a step back), as `psoas progress` tells it: what would change and
why, then the diff of the routine; `a` keeps it as a new routine of yours, escape dismisses it.
The routine played is never changed (see `routine.progress`)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from psoas_tui.routine.progress import Proposal, proposal_head
from psoas_tui.textfile.printable import printable
from psoas_tui.tui.background import SteadyBackground
from psoas_tui.tui.keys import hint
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic

DIFF_STYLES = {"+": "green", "-": "red", "@": "cyan"}
"""How a line of the diff is coloured, by its first character (file names are bold)."""


def diff_text(diff: str) -> Text:
    """A unified diff to draw: added lines green, removed red, never read as markup."""
    text = Text()
    for line in diff.rstrip("\n").splitlines():
        style = "bold" if line.startswith(("+++", "---")) else DIFF_STYLES.get(line[:1], "")
        text.append(printable(line) + "\n", style=style)
    text.rstrip()
    return text


class ProposalScreen(SteadyBackground, Screen[Path | None]):
    """Shows a proposal; dismisses with the new routine's path when accepted, else None."""

    HELP_TITLE = "Progression"
    HELP_PURPOSE = "a routine's next level or a step back, as a diff, to accept or dismiss"
    BINDINGS = [
        Binding(
            "a",
            "accept",
            "Accept",
            tooltip="Accept: save it as a new routine of yours (the routine played is not changed)",
        ),
        Binding("escape,q", "reject", "Dismiss", tooltip="Dismiss: nothing is saved"),
        Binding("j", "scroll('down')", "Down", show=False, tooltip="Scroll down (as ↓)"),
        Binding("k", "scroll('up')", "Up", show=False, tooltip="Scroll up (as ↑)"),
    ]

    def __init__(self, proposal: Proposal) -> None:
        super().__init__()
        self.proposal = proposal

    def compose(self) -> ComposeResult:
        proposal = self.proposal
        step = "Next level" if proposal.direction == "harder" else "A step back"
        with VerticalScroll(id="proposal"):
            yield PlainStatic(f"{step}: {proposal.original.name}", id="proposal-title")
            yield PlainStatic("\n".join(proposal_head(proposal)).rstrip("\n"), id="proposal-why")
            yield Static(diff_text(proposal.diff()), id="proposal-diff", markup=False)
            yield Static(hint(self.BINDINGS, "accept", "reject"), classes="keys-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#proposal", VerticalScroll).focus()

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#proposal", VerticalScroll)
        if direction == "down":
            scroll.scroll_down()
        else:
            scroll.scroll_up()

    def action_accept(self) -> None:
        from psoas_tui.routine.progress import save_proposal

        try:
            path = save_proposal(self.proposal)
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(f"The new routine could not be saved: {reason}", severity="error")
            return
        self.notify(f"Saved as {path}", timeout=10)
        self.dismiss(path)

    def action_reject(self) -> None:
        self.dismiss(None)
