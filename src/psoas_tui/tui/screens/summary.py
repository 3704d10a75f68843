"""The end-of-session summary, with advice after pain and a one-key rating."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from psoas_tui.player.side_question import CHOICES, SideQuestion
from psoas_tui.player.summary import SessionTotals
from psoas_tui.store.records import Rating, SideChoice
from psoas_tui.tui.keys import binding_for, hint, inline
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic

RATINGS: dict[str, Rating] = {"1": "too_easy", "2": "about_right", "3": "too_hard"}


class SummaryScreen(Screen[Rating | None]):
    """Shows what the session added up to; 1/2/3 rate it, enter or q closes. After a session
    that ended with both sides of an exercise, l/s/r say which side felt tighter or weaker."""

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
        Binding("enter,q,escape", "close", "Close"),
    ]

    def __init__(
        self,
        summary: SessionTotals,
        on_rate: Callable[[Rating], None] | None = None,
        notice: str = "",
        side_question: SideQuestion | None = None,
        on_side: Callable[[SideChoice], None] | None = None,
    ) -> None:
        super().__init__()
        self.summary = summary
        self.on_rate = on_rate
        self.notice = notice
        self.rating: Rating | None = None
        self.side_question = side_question
        """Which side felt tighter or weaker after the last exercise, asked here when the
        session ended with it (None: nothing to ask)."""
        self.on_side = on_side
        self.side_answer: SideChoice | None = None

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
            if self.notice:
                yield PlainStatic(self.notice, classes="warning")
        yield Footer()

    def action_rate(self, key: str) -> None:
        self.rating = RATINGS[key]
        if self.on_rate is not None:
            self.on_rate(self.rating)  # saved at once, not when the screen closes
        words = inline(binding_for(self.BINDINGS, f"rate('{key}')").description)
        close = hint(self.BINDINGS, "close", brief=True)
        self.query_one("#rating", Static).update(f"Rated: {words} · {close}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """l/s/r only when there is a side question."""
        if action == "side":
            return self.side_question is not None
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
