"""The end-of-session summary, with advice after pain and a one-key rating."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from psoas_tui.player.side_question import CHOICES, SideQuestion
from psoas_tui.player.summary import SessionTotals
from psoas_tui.store.records import Rating, SideChoice
from psoas_tui.tui.background import SteadyBackground
from psoas_tui.tui.keys import binding_for, first_key, hint, inline
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic

if TYPE_CHECKING:
    from psoas_tui.routine.plan import RoutinePlan
    from psoas_tui.routine.progress import Proposal
    from psoas_tui.tui.app import PsoasApp

RATINGS: dict[str, Rating] = {"1": "too_easy", "2": "about_right", "3": "too_hard"}


class SummaryScreen(SteadyBackground, Screen[Rating | None]):
    """Shows what the session added up to; 1/2/3 rate it, enter or q closes. After a session
    that ended with both sides of an exercise, l/s/r say which side felt tighter or weaker.
    When the rating (or pain reported in the session) calls for the routine's next level or a
    step back, says so, and g shows it."""

    HELP_TITLE = "Summary"
    HELP_PURPOSE = (
        "what the session added up to, with a one-key rating (and, when it ended with an "
        "exercise done on each side, which side felt tighter or weaker)"
    )
    BINDINGS = [
        Binding("1", "rate('1')", "Too easy"),
        Binding("2", "rate('2')", "About right"),
        Binding("3", "rate('3')", "Too hard"),
        Binding(
            "l",
            "side('left')",
            "left",
            show=False,  # the question's line says l s r
            tooltip="After an exercise done on both sides: the left felt tighter or weaker",
        ),
        Binding(
            "s",
            "side('same')",
            "same",
            show=False,
            tooltip="After an exercise done on both sides: both felt the same",
        ),
        Binding(
            "r",
            "side('right')",
            "right",
            show=False,
            tooltip="After an exercise done on both sides: the right felt tighter or weaker",
        ),
        Binding(
            "g",
            "progress",
            "Progress",
            tooltip="See the next level (or step back) proposed for this routine, to accept it",
        ),
        Binding("enter,q,escape", "close", "Close"),
    ]

    def __init__(
        self,
        summary: SessionTotals,
        on_rate: Callable[[Rating], None] | None = None,
        notice: str = "",
        side_question: SideQuestion | None = None,
        on_side: Callable[[SideChoice], None] | None = None,
        routine: RoutinePlan | None = None,
    ) -> None:
        super().__init__()
        self.summary = summary
        self.on_rate = on_rate
        self.notice = notice
        self.routine = routine
        """The routine played, for what its sessions call for next (None: nothing is proposed)."""
        self.rating: Rating | None = None
        self.side_question = side_question
        """Which side felt tighter or weaker after the last exercise, asked here when the
        session ended with it (None: nothing to ask)."""
        self.on_side = on_side
        self.side_answer: SideChoice | None = None
        self.proposal: Proposal | None = None
        """The change proposed for the routine now, if any."""

    class Proposed(Message):
        """What the routine's sessions call for was read (in a worker): None for nothing."""

        def __init__(self, proposal: Proposal | None) -> None:
            super().__init__()
            self.proposal = proposal

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            title = Static(self.summary.title, id="summary-title", markup=False)
            title.set_class(not self.summary.completed, "-stopped")
            yield title
            yield PlainStatic(self.summary.routine_name, classes="subtitle")
            with Vertical(id="summary-lines"):
                for line in self.summary.lines():
                    yield PlainStatic(line)
            with Vertical(id="summary-advice"):
                for paragraph in self.summary.advice():
                    yield PlainStatic(paragraph, classes="advice")
            rate = hint(self.BINDINGS, *(f"rate('{key}')" for key in RATINGS), brief=True)
            yield Static(f"How was it?  {rate}", id="rating", markup=False)
            if self.side_question is not None:
                keys = hint(self.BINDINGS, *(f"side('{c}')" for c in CHOICES), brief=True)
                words = f"{self.side_question.words}  {keys}"
                yield Static(words, id="side-answer", markup=False)
            proposed = PlainStatic("", id="summary-proposal")
            proposed.display = False
            yield proposed
            if self.notice:
                yield PlainStatic(self.notice, classes="warning")
        yield Footer()

    def on_mount(self) -> None:
        if self.summary.tally.pain:  # pain calls for a step back, rated or not
            self.look_for_proposal()

    def action_rate(self, key: str) -> None:
        self.rating = RATINGS[key]
        if self.on_rate is not None:
            self.on_rate(self.rating)  # saved at once, not when the screen closes
        words = inline(binding_for(self.BINDINGS, f"rate('{key}')").description)
        close = hint(self.BINDINGS, "close", brief=True)
        self.query_one("#rating", Static).update(f"Rated: {words} · {close}")
        self.look_for_proposal()

    @work(thread=True, exclusive=True, group="proposal")
    def look_for_proposal(self) -> None:
        """Read what the routine's sessions, this one included, call for now."""
        from psoas_tui.services.progression import proposal_after
        from psoas_tui.store.history import HistoryError

        routine = self.routine
        if routine is None:
            return
        app = cast("PsoasApp", self.app)
        try:
            proposal = proposal_after(routine, app.history(), app.catalogue)
        except (HistoryError, OSError):
            proposal = None
        self.post_message(self.Proposed(proposal))

    def on_summary_screen_proposed(self, message: Proposed) -> None:
        self.proposal = message.proposal
        line = self.query_one("#summary-proposal", Static)
        line.display = message.proposal is not None
        if message.proposal is not None:
            step = "Next level" if message.proposal.direction == "harder" else "A step back"
            key = first_key(self.BINDINGS, "progress")
            line.update(f"{step} proposed: {message.proposal.why}. Press {key} to see it.")
        self.refresh_bindings()

    def action_progress(self) -> None:
        from psoas_tui.tui.screens.proposal import ProposalScreen

        proposal = self.proposal
        if proposal is None:
            return

        def answered(path: Path | None) -> None:
            line = self.query_one("#summary-proposal", Static)
            self.proposal = None
            if path is not None:
                self.routine = None  # kept: a rating changed now proposes no second copy
            self.refresh_bindings()
            line.update(f"Saved as {path}" if path is not None else "")
            line.display = path is not None

        self.app.push_screen(ProposalScreen(proposal), answered)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """l/s/r only when there is a side question; no progress key while nothing is
        proposed."""
        if action == "side":
            return self.side_question is not None
        if action == "progress":
            return self.proposal is not None
        return True

    def action_side(self, choice: SideChoice) -> None:
        question = self.side_question
        if question is None:
            return
        self.side_answer = choice
        if self.on_side is not None:
            self.on_side(choice)  # saved at once
        answer = "both the same" if choice == "same" else f"{choice} {question.question}"
        keys = hint(self.BINDINGS, *(f"side('{c}')" for c in CHOICES), brief=True)
        self.query_one("#side-answer", Static).update(f"Sides: {answer} · change: {keys}")

    def action_close(self) -> None:
        self.dismiss(self.rating)
