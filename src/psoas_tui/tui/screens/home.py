"""Home: what to do now (one key to start it), the last sessions, and keys to everything."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Static

from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.tui.base import AppScreen
from psoas_tui.tui.keys import first_key, hint
from psoas_tui.tui.widgets.plain import PlainStatic


class HomeScreen(AppScreen):
    """The first screen of `psoas`."""

    HELP_TITLE = "Home"
    HELP_PURPOSE = "what to do now, one key from starting it"
    BINDINGS = [
        Binding("enter,s", "start", "Start suggested", tooltip="Start the suggested routine"),
        Binding("c", "app.open_catalogue", "Catalogue"),
        Binding(
            "d", "app.open_catalogue(None, True)", "At my desk", tooltip="What can I do at my desk?"
        ),
        Binding("r", "app.open_library", "Routines"),
        Binding(
            "t", "app.open_selftest", "Self-test", tooltip="Self-test (start here if you are new)"
        ),
        Binding("h", "app.open_history", "History"),
        Binding("question_mark", "app.open_help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit", tooltip="Quit psoas"),
    ]

    class Loaded(Message):
        """The suggestion and last sessions were read (in a worker)."""

        def __init__(
            self, plan: RoutinePlan | None, reason: str, sessions: list[str], error: str
        ) -> None:
            super().__init__()
            self.plan = plan
            self.reason = reason
            self.sessions = sessions
            self.error = error

    def __init__(self) -> None:
        super().__init__()
        self.plan: RoutinePlan | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home"):
            yield Static("Stretch and strengthen your psoas", id="home-title", markup=False)
            with Vertical(id="suggestion", classes="panel"):
                yield Static("Suggested now", classes="panel-title", markup=False)
                yield PlainStatic("…", id="suggested-name")
                yield PlainStatic("", id="suggested-why")
                yield Static(hint(self.BINDINGS, "start"), classes="keys-hint", markup=False)
            with Vertical(id="recent", classes="panel"):
                yield Static("Last sessions", classes="panel-title", markup=False)
                yield PlainStatic("…", id="recent-list")
            yield Static(
                hint(
                    self.BINDINGS,
                    "app.open_catalogue(None, True)",
                    "app.open_catalogue",
                    "app.open_library",
                    "app.open_selftest",
                    "app.open_history",
                    "app.open_help",
                ),
                classes="keys-hint",
                markup=False,
            )
        yield Footer()

    def on_screen_resume(self) -> None:
        """Read the suggestion and the last sessions each time home is shown, after the frame
        is out: reading routines and history must not delay it."""
        self.call_after_refresh(self.refresh_data)

    @work(thread=True, exclusive=True, group="home")
    def refresh_data(self) -> None:
        """Read the suggestion and the last sessions (those with time in holds and reps: not
        "0:00") off the event loop."""
        from psoas_tui.player.describe import format_duration
        from psoas_tui.routine.library import RoutineNotFound, find_routine
        from psoas_tui.routine.suggestion import suggest
        from psoas_tui.store.history import HistoryError
        from psoas_tui.textfile.problems import ProblemsError

        app = self.psoas
        suggestion = suggest(app.now(), app.selftest_routine())
        plan, error = None, ""
        try:
            plan = find_routine(suggestion.routine_ref).plan
        except (ProblemsError, RoutineNotFound) as problem:
            error = str(problem)
        lines: list[str] = []
        try:
            for item in app.history().sessions(limit=5, worked_only=True):
                when = item.started_at.astimezone().strftime("%a %d %b %H:%M")
                lines.append(
                    f"{when}  {item.outcome:<11} {format_duration(item.work_seconds):>6}  "
                    f"{item.routine_name}"
                )
        except (HistoryError, OSError) as problem:
            lines.append(str(problem))
        self.post_message(self.Loaded(plan, suggestion.reason, lines, error))

    def on_home_screen_loaded(self, message: Loaded) -> None:
        from psoas_tui.player.describe import estimated_duration

        self.plan = message.plan
        name = self.query_one("#suggested-name", Static)
        if message.plan is None:
            name.update(f"(the suggested routine could not be read: {message.error})")
        else:
            name.update(f"{message.plan.name} — {estimated_duration(message.plan)}")
        self.query_one("#suggested-why", Static).update(message.reason)
        start = first_key(self.BINDINGS, "start")
        recent = "\n".join(message.sessions) or f"None yet. Press {start} to start your first."
        self.query_one("#recent-list", Static).update(recent)

    def action_start(self) -> None:
        if self.plan is not None:
            self.psoas.play(self.plan)
