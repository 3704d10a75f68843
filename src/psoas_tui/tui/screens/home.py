"""Home: what to do now (one key to start it), this week against the plan (one key to start what
is due today), the last sessions, and keys to everything."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, Static

from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.tui.base import AppScreen
from psoas_tui.tui.keys import first_key, hint
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.name_line import NameLine
from psoas_tui.tui.widgets.plain import PlainStatic

if TYPE_CHECKING:
    from psoas_tui.editing.recovery import KeptDraft
    from psoas_tui.store.records import SessionRow


@dataclass(frozen=True, slots=True)
class WeekView:
    """This week as home shows it, read in a worker: the lines of the "This week" panel and the
    routine due today (None when nothing is due, or it could not be read: `why_none` says)."""

    due: str
    week: str
    streak: str
    plan: RoutinePlan | None
    why_none: str
    notice: str = ""
    """Why the stored weekly plan is not used, in one line ("" when it is)."""


class HomeScreen(AppScreen):
    """The first screen of `psoas`."""

    HELP_TITLE = "Home"
    HELP_PURPOSE = "what to do now, one key from starting it"
    BINDINGS = [
        Binding("enter,s", "start", "Start", tooltip="Start the suggested routine"),
        Binding(
            "w",
            "do_due",
            "Today's",
            tooltip="Do today's: start what this week's plan says is due today",
            show=False,  # the "This week" panel says it; the footer keeps room at 80 columns
        ),
        Binding(
            "p",
            "app.open_plan",
            "Plan",
            tooltip="Your weekly plan: stretch and strength days, desk breaks, running",
            show=False,  # the "This week" panel says it; the footer keeps room at 80 columns
        ),
        Binding("c", "app.open_catalogue", "Catalogue"),
        Binding(
            "d",
            "app.open_catalogue(None, True)",
            "Desk",
            tooltip="What can I do at my desk?",
            show=False,  # the screen says it; the footer keeps room at 80 columns
        ),
        Binding("r", "app.open_library", "Routines"),
        Binding(
            "t", "app.open_selftest", "Self-test", tooltip="Self-test (start here if you are new)"
        ),
        Binding("h", "app.open_history", "History"),
        Binding(
            "u",
            "recover",
            "Recover",
            tooltip="Recover unsaved changes to a routine, kept when the app closed",
            show=False,  # the line about them says it, when there are some
        ),
        Binding("question_mark", "app.open_help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit", tooltip="Quit psoas"),
    ]

    class Loaded(Message):
        """The suggestion and last sessions were read (in a worker)."""

        def __init__(
            self,
            plan: RoutinePlan | None,
            reason: str,
            sessions: list[str],
            error: str,
            week: WeekView | None = None,
        ) -> None:
            super().__init__()
            self.plan = plan
            self.reason = reason
            self.sessions = sessions
            self.error = error
            self.week = week

    class KeptRead(Message):
        """The unsaved changes kept when the app closed were read (in a worker)."""

        def __init__(self, drafts: list[KeptDraft], problems: list[str]) -> None:
            super().__init__()
            self.drafts = drafts
            self.problems = problems

    def __init__(self) -> None:
        super().__init__()
        self.kept: list[KeptDraft] = []
        """Unsaved changes to routines kept when the app closed, newest first."""
        self.plan: RoutinePlan | None = None
        self.why_none = ""
        """Why there is no routine to start, once the suggestion is read."""
        self.nothing_suggested = False
        self.week: WeekView | None = None
        """This week and what is due today, once read."""
        """The suggestion was read and there is none (the last self-test said to see a
        professional)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home"):
            yield Static("Stretch and strengthen your psoas", id="home-title", markup=False)
            kept = PlainStatic("", id="kept-notice", classes="warning")
            kept.display = False
            yield kept
            with Vertical(id="suggestion", classes="panel"):
                yield Static("Suggested now", classes="panel-title", markup=False)
                yield PlainStatic("…", id="suggested-name")
                yield NameLine(id="suggested-routine")
                yield PlainStatic("", id="suggested-why")
                yield Static(
                    hint(self.BINDINGS, "start"),
                    id="suggested-keys",
                    classes="keys-hint",
                    markup=False,
                )
            with Vertical(id="week", classes="panel"):
                yield Static("This week", classes="panel-title", markup=False)
                yield PlainStatic("…", id="week-due")
                yield PlainStatic("", id="week-progress")
                yield PlainStatic("", id="week-streak")
                notice = PlainStatic("", id="plan-notice", classes="warning")
                notice.display = False
                yield notice
                yield Static(self.week_keys(due=True), id="week-keys", classes="keys-hint")
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
        yield Footer(compact=True)

    def on_screen_resume(self) -> None:
        """Read the suggestion and the last sessions each time home is shown, after the frame
        is out: reading routines and history must not delay it."""
        self.call_after_refresh(self.refresh_data)
        self.call_after_refresh(self.read_kept)

    @work(thread=True, exclusive=True, group="kept")
    def read_kept(self) -> None:
        """Read the unsaved changes kept when the app closed (unreadable ones are moved aside)."""
        from psoas_tui.editing.recovery import kept_drafts

        self.post_message(self.KeptRead(*kept_drafts()))

    def on_home_screen_kept_read(self, message: KeptRead) -> None:
        for problem in message.problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)
        self.kept = message.drafts
        notice = self.query_one("#kept-notice", PlainStatic)
        notice.display = bool(self.kept)
        if not self.kept:
            return
        key = first_key(self.BINDINGS, "recover")
        newest = self.kept[0]
        if len(self.kept) == 1:
            what = f"Unsaved changes to {newest.name} ({newest.when()}) were kept"
            back = f"{key} gets them back"
        else:
            what = f"Unsaved changes to {len(self.kept)} routines were kept"
            back = f"{key} gets back the newest ({newest.name})"
        notice.update(f"{what} when the app closed: {back}.")

    def action_recover(self) -> None:
        """Open the editor on the newest unsaved changes kept (as unsaved changes)."""
        from psoas_tui.editing.recovery import UnreadableDraft, restore

        if not self.kept:
            self.notify("No unsaved changes were kept.", timeout=4)
            return
        kept = self.kept[0]
        try:
            session = restore(kept, self.psoas.catalogue)
        except UnreadableDraft as error:
            self.notify(f"{kept.file}: {error}", severity="error", timeout=8, markup=False)
            return
        self.psoas.open_editor(session, kept)

    @work(thread=True, exclusive=True, group="home")
    def refresh_data(self) -> None:
        """Read the suggestion and the last sessions (those with time in holds and reps: not
        "0:00") off the event loop."""
        from psoas_tui.player.describe import format_duration
        from psoas_tui.routine.library import RoutineNotFound, find_routine
        from psoas_tui.routine.suggestion import suggest
        from psoas_tui.services.selftest_history import last_selftest
        from psoas_tui.store.history import HistoryError
        from psoas_tui.textfile.problems import ProblemsError

        app = self.psoas
        lines: list[str] = []
        see_professional = False
        week: WeekView | None = None
        try:
            history = app.history()
            last = last_selftest(history)
            see_professional = last is not None and last.result.see_professional
            week = self.read_week(history.sessions(), see_professional=see_professional)
            for item in history.sessions(limit=5, worked_only=True):
                when = item.started_at.astimezone().strftime("%a %d %b %H:%M")
                lines.append(
                    f"{when}  {item.outcome:<11} {format_duration(item.work_seconds):>6}  "
                    f"{item.routine_name}"
                )
        except (HistoryError, OSError) as problem:
            lines.append(str(problem))
        suggestion = suggest(app.now(), app.selftest_routine(), see_professional)
        plan, error = None, ""
        if suggestion.routine_ref is not None:
            try:
                plan = find_routine(suggestion.routine_ref).plan
            except (ProblemsError, RoutineNotFound) as problem:
                error = str(problem)
        self.post_message(self.Loaded(plan, suggestion.reason, lines, error, week))

    def read_week(self, sessions: list[SessionRow], *, see_professional: bool) -> WeekView:
        """This week as of the app's today, what is due, and its routine (read here, in the
        worker). No routine is due after a self-test that said to see a professional."""
        from psoas_tui.player.describe import plural
        from psoas_tui.routine.library import RoutineNotFound, find_routine
        from psoas_tui.textfile.problems import ProblemsError
        from psoas_tui.weeks.days import training_days
        from psoas_tui.weeks.due import due_today
        from psoas_tui.weeks.record import weeks_record

        app = self.psoas
        record = weeks_record(sessions, [], app.now().date(), app.weekly_plan())
        notice = app.plan_notice_brief
        due = due_today(record, training_days(sessions), app.selftest_routine())
        week, plan = record.week, record.week.plan
        progress = (
            f"Week: stretch {week.stretch_days}/{plan.stretch_days} · "
            f"strength {week.strength_days}/{plan.strength_days}"
        )
        current, longest = record.streaks.current, record.streaks.longest
        streak = (
            f"Streak: {plural(current.days if current else 0, 'day')} "
            f"(longest {longest.days if longest else 0})"
        )
        if see_professional:
            text = "Due today: nothing (see a professional first)"
            why = "your last self-test said to see one"
            return WeekView(text, progress, streak, None, why, notice)
        routine, why_none = None, due.reason
        name: str = due.kind
        if due.routine_ref is not None:
            try:
                routine = find_routine(due.routine_ref).plan
                name = f"{due.kind} — {routine.name}"
            except (ProblemsError, RoutineNotFound) as problem:
                why_none = f"the {due.kind} routine could not be read: {problem}"
                name = f"{due.kind} ({why_none})"
        text = f"Due today: {name} ({due.reason})"
        return WeekView(text, progress, streak, routine, why_none, notice)

    def on_home_screen_loaded(self, message: Loaded) -> None:
        from psoas_tui.player.describe import estimated_duration

        self.plan = message.plan
        name = self.query_one("#suggested-name", Static)
        routine = self.query_one("#suggested-routine", NameLine)
        # A routine's name gives way to its time; a message about it wraps.
        name.display = message.plan is None
        routine.display = message.plan is not None
        self.why_none = message.reason
        self.nothing_suggested = message.plan is None and not message.error
        if self.nothing_suggested:
            name.update("Nothing for now")
        elif message.plan is None:
            self.why_none = f"the suggested routine could not be read: {message.error}"
            name.update(f"({self.why_none})")
        else:
            name.update(message.plan.name)
            routine.show(message.plan.name, f" — {estimated_duration(message.plan)}")
        self.query_one("#suggested-why", Static).update(message.reason)
        nothing = self.nothing_suggested
        self.query_one("#suggested-keys", Static).display = not nothing
        self.refresh_bindings()
        start = first_key(self.BINDINGS, "start")
        first = "" if nothing else f" Press {start} to start your first."
        recent = "\n".join(message.sessions) or f"None yet.{first}"
        self.query_one("#recent-list", Static).update(recent)
        self.week = message.week
        if message.week is not None:
            self.query_one("#week-due", Static).update(message.week.due)
            self.query_one("#week-progress", Static).update(message.week.week)
            self.query_one("#week-streak", Static).update(message.week.streak)
        else:
            self.query_one("#week-due", Static).update("(the history could not be read)")
        notice = self.query_one("#plan-notice", Static)
        notice.update(message.week.notice if message.week is not None else "")
        notice.display = message.week is not None and bool(message.week.notice)
        due = message.week is not None and message.week.plan is not None
        self.query_one("#week-keys", Static).update(self.week_keys(due=due))

    def week_keys(self, *, due: bool) -> Content:
        """The week panel's keys: what is due today (when something is), and the plan."""
        plan = hint(self.BINDINGS, "app.open_plan", brief=True)
        return Content(f"{hint(self.BINDINGS, 'do_due')} · {plan}" if due else plan)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No start key when nothing is suggested (after a "see a professional" result)."""
        return not (action == "start" and self.plan is None and self.nothing_suggested)

    def action_start(self) -> None:
        if self.plan is not None:
            self.psoas.play(self.plan)
        elif self.why_none:
            self.notify(f"No routine to start: {self.why_none}.", markup=False)

    def action_do_due(self) -> None:
        """Start what is due today; say why not when nothing is."""
        week = self.week
        if week is not None and week.plan is not None:
            self.psoas.play(week.plan)
        elif week is not None:
            self.notify(f"Nothing to start today: {week.why_none}.", markup=False)
