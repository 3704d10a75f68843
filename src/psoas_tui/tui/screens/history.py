"""History (h): every session, newest first, with what was done (exercises and sets/sides
done, of all, and the time in holds and reps, counted as the end-of-session summary counts)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from psoas_tui.store.records import SessionRow
from psoas_tui.tui.base import VIM_KEYS, AppScreen
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic, plain_cell


class HistoryScreen(AppScreen):
    """A table of past sessions."""

    HELP_TITLE = "History"
    HELP_PURPOSE = "every session, newest first, with what was done"
    BINDINGS = [
        *VIM_KEYS,
        Binding("escape,q", "back", "Back"),
    ]

    class Loaded(Message):
        def __init__(self, sessions: list[SessionRow], problem: str) -> None:
            super().__init__()
            self.sessions = sessions
            self.problem = problem

    def compose(self) -> ComposeResult:
        yield Header()
        yield PlainStatic("Loading…", id="history-status")
        table: DataTable[str] = DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.add_columns(
            "When", "Routine", "Outcome", "Work", "Exercises", "Sets/sides", "Pain", "Rating"
        )
        table.focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        from psoas_tui.store.history import HistoryError

        try:
            sessions = self.psoas.history().sessions()
        except (HistoryError, OSError) as error:
            self.post_message(self.Loaded([], str(error)))
        else:
            self.post_message(self.Loaded(sessions, ""))

    def on_history_screen_loaded(self, message: Loaded) -> None:
        from psoas_tui.player.describe import (
            exercises_count,
            format_duration,
            sessions_total,
            sets_count,
        )

        table = self.query_one("#sessions", DataTable)
        for item in message.sessions:
            table.add_row(
                item.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                plain_cell(item.routine_name),
                plain_cell(item.outcome),
                format_duration(item.tally.work_seconds),
                exercises_count(item.tally),
                sets_count(item.tally),
                str(item.pain_reports or ""),
                plain_cell((item.rating or "").replace("_", " ")),
            )
        total = sum(item.work_seconds for item in message.sessions)
        status = sessions_total(len(message.sessions), total)
        if message.problem:
            status += f" — {message.problem}"
        self.query_one("#history-status", Static).update(status)

    def action_back(self) -> None:
        self.dismiss(None)
