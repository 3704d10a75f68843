"""The end-of-session summary, with advice after pain and a one-key rating."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from psoas_tui.player.summary import SessionTotals
from psoas_tui.store.records import Rating
from psoas_tui.tui.keys import binding_for, hint, inline
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic

RATINGS: dict[str, Rating] = {"1": "too_easy", "2": "about_right", "3": "too_hard"}


class SummaryScreen(Screen[Rating | None]):
    """Shows what the session added up to; 1/2/3 rate it, enter or q closes."""

    HELP_TITLE = "Summary"
    HELP_PURPOSE = "what the session added up to, with a one-key rating"
    BINDINGS = [
        Binding("1", "rate('1')", "Too easy"),
        Binding("2", "rate('2')", "About right"),
        Binding("3", "rate('3')", "Too hard"),
        Binding("enter,q,escape", "close", "Close"),
    ]

    def __init__(
        self,
        summary: SessionTotals,
        on_rate: Callable[[Rating], None] | None = None,
        notice: str = "",
    ) -> None:
        super().__init__()
        self.summary = summary
        self.on_rate = on_rate
        self.notice = notice
        self.rating: Rating | None = None

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

    def action_close(self) -> None:
        self.dismiss(self.rating)
