"""Time per exercise (t on the history): over the last 12 weeks, a bar for each exercise done,
most time first, with its time, sessions and sets/sides (`weeks.exercise_time`); then the weekly
totals as bars, oldest week first (`weeks.record`, as the history's line counts them)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Header, Static

from psoas_tui.tui.base import AppScreen
from psoas_tui.tui.widgets.bar_chart import BarChart, BarRow
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic


class ExerciseTimeScreen(AppScreen):
    """Bars of time per exercise and per week."""

    HELP_TITLE = "Time per exercise"
    HELP_PURPOSE = "the last 12 weeks: time in each exercise, most first, and each week's total"
    BINDINGS = [
        Binding("escape,q", "back", "Back", tooltip="Back to the history"),
        Binding("j", "scroll('down')", "Down", show=False, tooltip="Scroll down"),
        Binding("k", "scroll('up')", "Up", show=False, tooltip="Scroll up"),
    ]
    DEFAULT_CSS = """
    ExerciseTimeScreen #time-view {
        height: 1fr;
        padding: 0 1;
    }
    ExerciseTimeScreen .chart-title {
        text-style: bold;
        margin-top: 1;
    }
    ExerciseTimeScreen .chart-title.-first {
        margin-top: 0;
    }
    """

    class Loaded(Message):
        def __init__(
            self, exercises: list[BarRow], weeks: list[BarRow], title: str, problem: str
        ) -> None:
            super().__init__()
            self.exercises = exercises
            self.weeks = weeks
            self.title = title
            self.problem = problem

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="time-view"):
            yield Static(
                "Time per exercise", classes="chart-title -first", id="exercise-title", markup=False
            )
            yield PlainStatic("Loading…", id="time-status")
            yield BarChart(id="exercise-bars")
            yield Static("Each week", classes="chart-title", id="week-title", markup=False)
            yield BarChart(id="week-bars")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#time-view").focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        from psoas_tui.player.describe import format_duration, plural
        from psoas_tui.store.history import HistoryError
        from psoas_tui.weeks.exercise_time import exercise_times, first_day, since
        from psoas_tui.weeks.record import WEEKS_SHOWN, weeks_record

        today = self.psoas.today()
        try:
            history = self.psoas.history()
            details = history.session_details(since(today))
            sessions = history.sessions(since=since(today))  # the weeks' totals
        except (HistoryError, OSError) as error:
            self.post_message(self.Loaded([], [], "", str(error)))
            return
        times = exercise_times(details, today)
        exercises = [
            BarRow(
                item.name,
                item.work_seconds,
                f"{format_duration(item.work_seconds)} · {plural(item.sessions, 'session')}"
                f" · {plural(item.sets, 'set')}",
                format_duration(item.work_seconds),
            )
            for item in times
        ]
        weeks = [
            BarRow(
                week.monday.strftime("%b %d"),
                week.work_seconds,
                f"{format_duration(week.work_seconds)} · {plural(week.sessions, 'session')}",
                format_duration(week.work_seconds),
            )
            for week in weeks_record(sessions, (), today, kind_of=lambda _name: None).weeks
        ]
        title = f"Last {WEEKS_SHOWN} weeks, since {first_day(today).strftime('%a %Y-%m-%d')}"
        self.post_message(self.Loaded(exercises, weeks, title, ""))

    def on_exercise_time_screen_loaded(self, message: Loaded) -> None:
        status = message.problem or message.title
        if not message.problem and not message.exercises:
            status += ": no hold or set of reps done yet."
        self.query_one("#time-status", Static).update(status)
        self.query_one("#exercise-bars", BarChart).show(message.exercises)
        self.query_one("#week-bars", BarChart).show(message.weeks)
        self.query_one("#week-title").display = bool(message.weeks)

    def action_scroll(self, direction: str) -> None:
        scroller = self.query_one("#time-view", VerticalScroll)
        if direction == "down":
            scroller.scroll_down()
        else:
            scroller.scroll_up()

    def action_back(self) -> None:
        self.dismiss(None)
