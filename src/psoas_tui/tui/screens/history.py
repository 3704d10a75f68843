"""History (h): the last 12 weeks as a heat map with the streaks and totals in a line, then every
session, newest first, with what was done (exercises and sets/sides done, of all, and the time
in holds and reps, counted as the end-of-session summary counts). Enter opens a session's
detail, t the time per exercise, f the self-tests over time. The map is left out in a
window under `MAP_MIN_HEIGHT` rows; in one under `SIDE_BY_SIDE_WIDTH` columns the line goes
under the map; in one both short and narrow (40×12) only the table is left."""

from __future__ import annotations

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from psoas_tui.store.records import SessionRow
from psoas_tui.tui.base import VIM_KEYS, AppScreen
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.heat_map import HeatMap
from psoas_tui.tui.widgets.plain import PlainStatic, plain_cell
from psoas_tui.weeks.calendar import Calendar

LOGGED_OUTCOME = "logged"
"""The Outcome of a session kept with `psoas log` (done as planned, not played here)."""
MAP_MIN_HEIGHT = 20
"""Rows a window needs for the heat map above the table (the table keeps some rows)."""
SIDE_BY_SIDE_WIDTH = 70
"""Columns a window needs for the line of streaks and totals beside the map."""


class HistoryScreen(AppScreen):
    """A table of past sessions."""

    HELP_TITLE = "History"
    HELP_PURPOSE = "the last 12 weeks, then every session, newest first, with what was done"
    BINDINGS = [
        *VIM_KEYS,
        Binding("escape,q", "back", "Back"),
        Binding(
            "enter",
            "open_session",
            "Detail",
            tooltip="The highlighted session, whole",
            priority=True,
        ),
        Binding("t", "open_exercise_time", "Time", tooltip="Time per exercise, and each week's"),
        Binding("f", "open_selftests", "Self-tests", tooltip="Self-test results over time"),
        Binding("s", "sides", "Sides", tooltip="Left against right over the weeks"),
    ]

    class Loaded(Message):
        def __init__(
            self,
            sessions: list[SessionRow],
            problem: str,
            weeks: tuple[Calendar, tuple[str, ...]] | None,
        ) -> None:
            super().__init__()
            self.sessions = sessions
            self.problem = problem
            self.weeks = weeks
            """The calendar of the last weeks and the parts of the line of streaks and totals."""

    _weeks_parts: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="weeks"):
            yield HeatMap(id="heat-map")
            yield PlainStatic("", id="weeks-line")
        yield PlainStatic("Loading…", id="history-status")
        table: DataTable[str] = DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.add_columns(
            "When", "Routine", "Outcome", "Work", "Rating", "Pain", "Exercises", "Sets/sides"
        )
        table.focus()
        self._fit(self.size.width, self.size.height)
        self.load()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.set_class(height < MAP_MIN_HEIGHT, "-short")
        self.set_class(width < SIDE_BY_SIDE_WIDTH, "-narrow")
        self._show_weeks_line()

    def _show_weeks_line(self) -> None:
        """The streaks and totals: a part a line beside the map, else in one line."""
        beside = not (self.has_class("-short") or self.has_class("-narrow"))
        text = ("\n" if beside else " · ").join(self._weeks_parts)
        self.query_one("#weeks-line", Static).update(text)

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        from psoas_tui.store.history import HistoryError
        from psoas_tui.weeks.calendar import calendar
        from psoas_tui.weeks.days import training_days
        from psoas_tui.weeks.headline import headline_parts
        from psoas_tui.weeks.record import weeks_record
        from psoas_tui.weeks.stored_plan import load_plan

        try:
            history = self.psoas.history()
            sessions = history.sessions()
            selftests = history.selftests()
        except (HistoryError, OSError) as error:
            self.post_message(self.Loaded([], str(error), None))
            return
        today = self.psoas.today()
        days = training_days(sessions, kind_of=lambda _name: None)
        parts = headline_parts(weeks_record(sessions, selftests, today, load_plan()[0]))
        self.post_message(self.Loaded(sessions, "", (calendar(days, today), parts)))

    def on_history_screen_loaded(self, message: Loaded) -> None:
        from psoas_tui.player.describe import (
            exercises_count,
            format_duration,
            sessions_total,
            sets_count,
        )

        if message.weeks is not None:
            self.query_one(HeatMap).show(message.weeks[0])
            self._weeks_parts = message.weeks[1]
            self._show_weeks_line()
        table = self.query_one("#sessions", DataTable)
        for item in message.sessions:
            table.add_row(
                item.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                plain_cell(item.routine_name),
                plain_cell(LOGGED_OUTCOME if item.logged else item.outcome),
                format_duration(item.tally.work_seconds),
                plain_cell((item.rating or "").replace("_", " ")),
                str(item.pain_reports or ""),
                exercises_count(item.tally),
                sets_count(item.tally),
                key=str(item.session_id),
            )
        total = sum(item.work_seconds for item in message.sessions)
        status = sessions_total(len(message.sessions), total)
        if message.problem:
            status += f" — {message.problem}"
        self.query_one("#history-status", Static).update(status)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open_session(event.row_key.value)

    def action_open_session(self) -> None:
        table = self.query_one("#sessions", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self._open_session(key.value)

    def _open_session(self, key: str | None) -> None:
        from psoas_tui.tui.screens.session_detail import SessionDetailScreen

        if key is not None:
            self.app.push_screen(SessionDetailScreen(int(key)))

    def action_open_exercise_time(self) -> None:
        from psoas_tui.tui.screens.exercise_time import ExerciseTimeScreen

        self.app.push_screen(ExerciseTimeScreen())

    def action_open_selftests(self) -> None:
        from psoas_tui.tui.screens.selftest_history import SelfTestHistoryScreen

        self.app.push_screen(SelfTestHistoryScreen())

    def action_sides(self) -> None:
        from psoas_tui.tui.screens.sides import SidesScreen

        self.app.push_screen(SidesScreen())

    def action_back(self) -> None:
        self.dismiss(None)
