"""A session's detail (enter on the history): its routine, when it ran, how it ended and its
rating, then every segment in order (exercise, side, set, kind, planned and actual time, done or
skipped) with skips and pain marked (`✗`, `⚠`, in colour too), and the pain reports under the
table. The words are `services.session_detail`'s, as `psoas history --session ID` prints them."""

from __future__ import annotations

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Header

from psoas_tui.store.records import SessionDetail
from psoas_tui.tui.base import VIM_KEYS, AppScreen
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic, plain_cell

SHORT_HEIGHT = 20
"""Under this many rows the summary keeps two lines and the pain reports are left to the table's
Pain column (the table keeps its rows)."""
SKIPPED_STYLE = "bold yellow"
PAIN_STYLE = "bold red"


class SessionDetailScreen(AppScreen):
    """One session from the history, whole."""

    HELP_TITLE = "Session detail"
    HELP_PURPOSE = "one session from the history: every segment, skips and pain reports"
    BINDINGS = [
        *VIM_KEYS,
        Binding("escape,q", "back", "Back", tooltip="Back to the history"),
    ]
    DEFAULT_CSS = """
    SessionDetailScreen #detail-summary {
        height: auto;
        padding: 0 1;
    }
    SessionDetailScreen #segments {
        height: 1fr;
    }
    SessionDetailScreen #detail-pain {
        height: auto;
        max-height: 40%;
        padding: 0 1;
        color: $error;
    }
    SessionDetailScreen.-short #detail-pain, SessionDetailScreen #detail-pain.-none {
        display: none;
    }
    SessionDetailScreen.-short #detail-summary {
        max-height: 2;
    }
    """

    class Loaded(Message):
        def __init__(self, detail: SessionDetail | None, problem: str) -> None:
            super().__init__()
            self.detail = detail
            self.problem = problem

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.detail: SessionDetail | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield PlainStatic("Loading…", id="detail-summary")
        table: DataTable[str] = DataTable(id="segments", cursor_type="row")
        yield table
        yield PlainStatic("", id="detail-pain", classes="-none")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#segments", DataTable)
        table.add_columns("", "Exercise", "Side", "Set", "Kind", "Planned", "Actual", "", "Pain")
        table.focus()
        self.set_class(self.size.height < SHORT_HEIGHT, "-short")
        self.load()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < SHORT_HEIGHT, "-short")
        self._show_summary()

    def _show_summary(self) -> None:
        """All the summary's lines; in a short window the routine, and how it ended."""
        from psoas_tui.services.session_detail import summary_lines

        if self.detail is None:
            return
        lines = summary_lines(self.detail)
        if self.has_class("-short"):
            lines = [f"{lines[0]}: {lines[2]}"]
        self.query_one("#detail-summary", PlainStatic).update("\n".join(lines))

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        from psoas_tui.store.history import HistoryError

        try:
            detail = self.psoas.history().session_detail(self.session_id)
        except (HistoryError, OSError) as error:
            self.post_message(self.Loaded(None, str(error)))
            return
        problem = "" if detail is not None else f"No session with id {self.session_id}."
        self.post_message(self.Loaded(detail, problem))

    def on_session_detail_screen_loaded(self, message: Loaded) -> None:
        from psoas_tui.services.session_detail import pain_lines, segment_cells

        detail = self.detail = message.detail
        if detail is None:
            self.query_one("#detail-summary", PlainStatic).update(message.problem)
            return
        self._show_summary()
        table = self.query_one("#segments", DataTable)
        for number, segment in enumerate(detail.segments):
            cells = segment_cells(segment)
            style = SKIPPED_STYLE if cells.skipped else ""
            table.add_row(
                plain_cell(cells.mark, PAIN_STYLE if segment.pain else style),
                plain_cell(cells.exercise, style),
                plain_cell(cells.side, style),
                cells.set,
                cells.kind,
                cells.planned,
                cells.actual,
                plain_cell("skipped" if cells.skipped else "", style),
                plain_cell(cells.pain, PAIN_STYLE),
                key=str(number),
            )
        pain = self.query_one("#detail-pain", PlainStatic)
        pain.update("\n".join(pain_lines(detail)))
        pain.set_class(not detail.pain, "-none")

    def action_back(self) -> None:
        self.dismiss(None)
