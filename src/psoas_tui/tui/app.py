"""The Textual application: home, catalogue, routines, history, help, the player, the palette.

Heavy modules (pydantic models, the catalogue, the history) are loaded on first use or in
workers, so the first frame comes as fast as a bare Textual app's.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

from psoas_tui import paths
from psoas_tui.player.clock import Clock, MonotonicClock
from psoas_tui.tui.palette import ExerciseCommands, PsoasCommands, RoutineCommands
from psoas_tui.tui.steady_app import SteadyApp
from psoas_tui.tui.widgets.plain import plain_lines

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.notifications import SeverityLevel
    from textual.theme import Theme

    from psoas_tui.audio.announcer import Announcer
    from psoas_tui.catalogue.model import Catalogue
    from psoas_tui.editing.recovery import KeptDraft
    from psoas_tui.editing.session import EditSession
    from psoas_tui.player.cue_plan import Announcement
    from psoas_tui.routine.library import RoutineEntry
    from psoas_tui.routine.plan import RoutinePlan
    from psoas_tui.services.session_recorder import SessionRecorder
    from psoas_tui.store.history import History
    from psoas_tui.store.settings import Settings
    from psoas_tui.weeks.plan import WeeklyPlan


class PsoasApp(SteadyApp):
    """psoas-tui. With `plan`, plays it and exits when the summary is closed."""

    CSS_PATH = "app.tcss"
    TITLE = "psoas"
    SUB_TITLE = "stretch and strengthen"
    HELP_TITLE = "Anywhere"
    HELP_PURPOSE = "keys that work on every screen"
    BINDINGS = [
        Binding(
            "ctrl+c",
            "quit",
            "Quit",
            show=False,
            priority=True,
            tooltip="Quit at once (a session in progress is kept as interrupted; a routine being "
            "edited and not saved: asks first)",
        ),
        # Textual's own palette binding, declared here to document it (Textual then adds none).
        Binding(
            "ctrl+p",
            "command_palette",
            "palette",
            show=False,
            priority=True,
            tooltip='Command palette: "play <routine>", "open <exercise>", "take the self-test", '
            "themes",
        ),
    ]
    COMMANDS = SteadyApp.COMMANDS | {PsoasCommands, RoutineCommands, ExerciseCommands}
    """Textual's own palette commands (themes, keys, quit …) and ours, whose titles are plain
    text (see `tui.palette`)."""

    def __init__(
        self,
        *,
        plan: RoutinePlan | None = None,
        start: str = "home",
        clock: Clock | None = None,
        now: Callable[[], datetime] = datetime.now,
        today: Callable[[], date] = date.today,
        catalogue: Catalogue | None = None,
        history_path: Path | None = None,
        settings_path: Path | None = None,
        editing: EditSession | None = None,
    ) -> None:
        super().__init__()
        self.plan = plan
        self.start = start
        self.clock: Clock = clock or MonotonicClock()
        self.now = now
        """The wall clock (local time), for the time-of-day suggestion."""
        self.today = today
        """Today's local date, for the weeks on the history screen."""
        if catalogue is not None:
            self.catalogue = catalogue
        self.history_path = history_path or paths.history_db()
        self.settings_path = settings_path or paths.settings_file()
        self.recorders: list[SessionRecorder] = []
        self._settings_problem_told = False
        self._history: History | None = None
        self._history_lock = threading.Lock()
        self._history_closed = False
        self.routine_entries: list[RoutineEntry] = []
        """Built-in and user routines as last read in the background (for the palette)."""
        self._nudge_timer: Timer | None = None
        self._nudge_every = 60
        self._broken_told: set[tuple[str, int, str]] = set()
        self.plan_notice = ""
        """Why the stored weekly plan is not used (broken and moved aside, or from a newer
        psoas-tui), in full: "" when it is, or once a plan is saved."""
        self.plan_notice_brief = ""
        """`plan_notice` in one short line, for home."""
        self.ending_on_signal = False
        """A stop signal or a closed terminal is ending the app (see `exit_from_signal`)."""
        self.crash: BaseException | None = None
        """The first unexpected error raised inside the app, for `run_app` to report once the
        terminal is restored."""
        self.editing = editing
        """A routine to open in the editor at start (`psoas edit`, `psoas new`)."""

    # --- lazily loaded state -------------------------------------------------------------
    @cached_property
    def catalogue(self) -> Catalogue:
        from psoas_tui.catalogue.load import load_catalogue

        return load_catalogue()

    @cached_property
    def _settings_and_notice(self) -> tuple[Settings, str]:
        from psoas_tui.store.settings import load_settings

        return load_settings(self.settings_path)

    @property
    def settings(self) -> Settings:
        return self._settings_and_notice[0]

    def save_settings(self, **changes: object) -> None:
        """Change settings and write them (atomically)."""
        from psoas_tui.store.settings import save_settings

        updated = self.settings.model_copy(update=changes)
        self._settings_and_notice = (updated, "")
        try:
            save_settings(updated, self.settings_path)
        except OSError as error:
            self.settings_problem(str(error))

    def settings_problem(self, problem: str) -> None:
        """Say that the settings could not be saved: once a run (they are kept for this run)."""
        if not self._settings_problem_told:
            self._settings_problem_told = True
            self.notify(problem, severity="error", timeout=10, markup=False)

    def remember_settings(self, settings: Settings) -> None:
        """Use settings that were already written (by a worker)."""
        self._settings_and_notice = (settings, "")

    def history(self) -> History:
        """The app's one history database, opened on first use from any thread (a worker or the
        event loop) and closed when the app ends. Raises `HistoryError` or `OSError` when it
        cannot be opened."""
        from psoas_tui.store.history import History, HistoryError

        with self._history_lock:
            if self._history_closed:
                raise HistoryError(f"{self.history_path}: the history database is closed")
            if self._history is None:
                history = History.open(self.history_path)
                try:
                    # A database that cannot be written just now (read-only, locked) is still
                    # read; its abandoned sessions read as interrupted anyway.
                    with contextlib.suppress(HistoryError):
                        history.close_abandoned()
                    history.release_memory()
                except BaseException:
                    history.close()
                    raise
                if history.notice:
                    self.notify(history.notice, severity="warning", timeout=8, markup=False)
                self._history = history
            return self._history

    def _close_history(self) -> None:
        with self._history_lock:
            self._history_closed = True
            if self._history is not None:
                self._history.close()
                self._history = None

    def weekly_plan(self) -> WeeklyPlan:
        """The stored weekly plan (the default one without a usable file), from any thread.
        A plan file that cannot be used leaves its notice in `plan_notice` (a broken one is
        moved aside on the first reading, so its notice comes only once)."""
        from psoas_tui.weeks.stored_plan import load_plan_reported

        plan, notice, brief = load_plan_reported()
        if notice:
            self.plan_notice, self.plan_notice_brief = notice, brief
        return plan

    def plan_saved(self) -> None:
        """A plan was just saved: no notice about the old file, desk breaks on the new plan."""
        self.plan_notice = self.plan_notice_brief = ""
        self.schedule_desk_break()

    @cached_property
    def announcer(self) -> Announcer:
        """Plays the player's sounds and voice in the background (made on first use; closed
        when the app ends). Without a sound player it rings the terminal bell."""
        from psoas_tui.audio.announcer import Announcer

        def problem(message: str) -> None:
            self.notify(message, severity="warning", timeout=10)

        return Announcer.for_this_machine(bell=self.bell, on_problem=problem)

    def announce(self, heard: Sequence[Announcement], *, voice: bool) -> None:
        """Play what a cue announces (the words too with `voice`), without waiting for it."""
        announcer = self.announcer
        announcer.voice = voice
        announcer.handle(heard)

    def selftest_routine(self) -> str | None:
        """The routine the last self-test made, if it is still there."""
        saved = self.settings.selftest_routine
        return saved if saved and Path(saved).is_file() else None

    # --- start-up ------------------------------------------------------------------------
    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, but `PsoasDriver` in place of its Linux/macOS one."""
        driver_class = super().get_driver_class()
        if (driver_class.__module__, driver_class.__name__) == (
            "textual.drivers.linux_driver",
            "LinuxDriver",
        ):
            from psoas_tui.tui.driver import PsoasDriver

            return PsoasDriver
        return driver_class

    def on_mount(self) -> None:
        settings, notice = self._settings_and_notice
        if settings.theme != self.theme and settings.theme in self.available_themes:
            self.theme = settings.theme  # (setting it restyles everything: only when it differs)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if notice:
            from psoas_tui.store.settings import unreadable

            # (the file cannot be read, so it will not be saved either: that was just said)
            self._settings_problem_told = unreadable(self.settings_path) is not None
            self.notify(notice, severity="warning", timeout=10, markup=False)
        plan = self.plan
        if plan is not None:
            # The player starts once the safety note (on a first run) is closed.
            self.show_safety_note_once(lambda: self.play(plan, exit_after=True))
            return
        self.call_after_refresh(self.load_routines)
        self.schedule_desk_break()
        if self.start == "selftest":
            self.action_open_selftest()
        if self.editing is not None:
            self.open_editor(self.editing)
        self.show_safety_note_once()

    def show_safety_note_once(self, then: Callable[[], None] | None = None) -> None:
        """Show the safety note if it was never seen (whichever way the app was started), then
        call `then`."""
        if self.settings.safety_note_seen:
            if then is not None:
                then()
            return
        from psoas_tui.tui.dialogs.safety import SafetyNote

        def seen(_: None) -> None:
            self.save_settings(safety_note_seen=True)
            if then is not None:
                then()

        self.push_screen(SafetyNote(), seen)

    def get_default_screen(self) -> Screen[Any]:
        """Home is the bottom screen (the player alone when a routine was given to play)."""
        if self.plan is not None:
            return super().get_default_screen()
        from psoas_tui.tui.screens.home import HomeScreen

        return HomeScreen()

    # --- the desk-break nudge ----------------------------------------------------------------
    def schedule_desk_break(self, minutes: float | None = None) -> None:
        """Nudge at the plan's next desk break in working hours (or in `minutes`: a snooze),
        if the plan has desk breaks. The schedule is the same as `psoas remind`'s."""
        from psoas_tui.weeks.reminders import ReminderSchedule, ScheduleError

        if self._nudge_timer is not None:
            self._nudge_timer.stop()
            self._nudge_timer = None
        plan = self.weekly_plan()  # (a plan file that cannot be used: home says so)
        if not plan.desk_breaks:
            return
        self._nudge_every = plan.every_minutes
        if minutes is None:
            try:
                schedule = ReminderSchedule(
                    every=plan.every_minutes,
                    start=time.fromisoformat(plan.work_start),
                    end=time.fromisoformat(plan.work_end),
                )
            except (ScheduleError, ValueError):
                return
            now = self.now().replace(tzinfo=None)  # the schedule is in naive local time
            seconds = (schedule.next_reminder(now) - now).total_seconds()
        else:
            seconds = minutes * 60
        self._nudge_timer = self.set_timer(max(1.0, seconds), self.nudge_desk_break)

    def nudge_desk_break(self) -> None:
        """Offer the desk break now, unless a session or a dialog is on (then at the next
        one): start it, snooze, or not this time."""
        from psoas_tui.tui.dialogs.desk_break import SNOOZE_MINUTES, DeskBreakNudge
        from psoas_tui.tui.screens.home import HomeScreen

        self._nudge_timer = None
        entry = next(
            (e for e in self.routine_entries if e.routine_id == "desk-break" and e.loaded), None
        )
        if not isinstance(self.screen, HomeScreen) or entry is None or entry.loaded is None:
            self.schedule_desk_break()  # busy (a session, a dialog, another screen): next time
            return
        plan = entry.loaded.plan
        self.bell()

        def answered(answer: str | None) -> None:
            if answer == "start":
                self.play(plan)
            self.schedule_desk_break(SNOOZE_MINUTES if answer == "snooze" else None)

        self.push_screen(DeskBreakNudge(plan.name, self._nudge_every), answered)

    @work(thread=True, exclusive=True, group="routines")
    def load_routines(self) -> None:
        """Read every routine off the event loop (a folder may hold a thousand)."""
        from psoas_tui.routine.library import discover

        self.post_message(self.RoutinesLoaded(discover(self.catalogue)))

    class RoutinesLoaded(Message):
        def __init__(self, entries: list[RoutineEntry]) -> None:
            super().__init__()
            self.entries = entries

    def on_psoas_app_routines_loaded(self, message: RoutinesLoaded) -> None:
        self.routine_entries = message.entries

    def tell_broken_routines(self, entries: list[RoutineEntry]) -> None:
        """A toast for routine files that could not be read, once per file and change: a
        file already told about stays quiet on every later reading until it is edited."""
        news = 0
        for entry in entries:
            if entry.ok:
                continue
            try:
                changed = entry.path.stat().st_mtime_ns
            except OSError:
                changed = -1
            key = (str(entry.path), changed, entry.error)
            if key not in self._broken_told:
                self._broken_told.add(key)
                news += 1
        if news:
            from psoas_tui.player.describe import plural

            self.notify(f"{plural(news, 'routine file')} could not be read", severity="warning")

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            self.save_settings(theme=theme.name)

    # --- navigation ----------------------------------------------------------------------
    def play(self, plan: RoutinePlan, exit_after: bool = False) -> None:
        """Open the player on `plan`."""
        from psoas_tui.player.timeline import build_timeline
        from psoas_tui.services.session_recorder import SessionRecorder
        from psoas_tui.store.history import HistoryError
        from psoas_tui.tui.memory import release_start_up_memory
        from psoas_tui.tui.screens.player import PlayerScreen

        try:
            recorder = SessionRecorder(self.history())
        except (HistoryError, OSError) as error:
            recorder = SessionRecorder(None, f"This session will not be saved: {error}")
        self.recorders.append(recorder)

        def finished(_: None) -> None:
            recorder.close()
            if exit_after:
                self.exit()

        screen = PlayerScreen(
            build_timeline(plan),
            self.clock,
            recorder,
            catalogue=self.catalogue,
            muted=self.settings.muted,
            on_mute=lambda muted: self.save_settings(muted=muted),
            voice=self.settings.voice,
            on_voice=lambda voice: self.save_settings(voice=voice),
        )
        self.push_screen(screen, finished)
        # Validating is over: what only start-up needed goes once the player is drawn.
        self.call_after_refresh(release_start_up_memory)

    def _open(self, screen: Screen[None]) -> None:
        self.push_screen(screen)

    def action_open_catalogue(self, exercise_id: str | None = None, desk: bool = False) -> None:
        from psoas_tui.tui.screens.catalogue import CatalogueScreen

        self._open(CatalogueScreen(select=exercise_id, desk=desk))

    def action_open_library(self) -> None:
        from psoas_tui.tui.screens.library import LibraryScreen

        self._open(LibraryScreen())

    def action_open_history(self) -> None:
        from psoas_tui.tui.screens.history import HistoryScreen

        self._open(HistoryScreen())

    def action_open_help(self) -> None:
        from psoas_tui.tui.screens.help import HelpScreen

        self._open(HelpScreen())

    def action_open_plan(self) -> None:
        from psoas_tui.tui.screens.plan import PlanScreen

        self._open(PlanScreen())

    def action_open_selftest(self) -> None:
        from psoas_tui.tui.screens.selftest import SelfTestScreen

        self._open(SelfTestScreen())

    async def action_quit(self) -> None:
        """Quit at once (ctrl+c, q on home, the palette), but first ask when a routine being
        edited has unsaved changes; ctrl+c again, on that question, quits."""
        from psoas_tui.tui.dialogs.confirm import ConfirmDialog
        from psoas_tui.tui.screens.editor import EditorScreen

        unsaved = [
            screen
            for screen in self.screen_stack
            if isinstance(screen, EditorScreen) and screen.session.dirty
        ]
        if not unsaved or isinstance(self.screen, ConfirmDialog):
            self.exit()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                for screen in unsaved:
                    screen.forget_kept()
                self.exit()

        self.push_screen(
            ConfirmDialog(
                "Quit without saving the routine?",
                "Your changes to it are lost (n, then ctrl+s in the editor, saves them).",
            ),
            answered,
        )

    def open_editor(self, session: EditSession, kept: KeptDraft | None = None) -> None:
        """Open the routine editor on `session` (see `psoas_tui.editing.session`); `kept`: the
        kept draft it was restored from (see `psoas_tui.editing.recovery`)."""
        from psoas_tui.tui.screens.editor import EditorScreen

        self._open(EditorScreen(session, kept))

    # --- toasts --------------------------------------------------------------------------
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast is plain, printable text: messages often carry a file's name or path,
        or an error about one. (`markup` is accepted and ignored.)"""
        super().notify(
            plain_lines(message),
            title=plain_lines(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    # --- ending --------------------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        """Any unexpected error in the app (a handler, a worker, compose, a timer) ends it.

        Textual's own handler keeps the error (Pilot re-raises it), sets the return code and
        exits, and would print a rich traceback after leaving the alternate screen; here the
        error is kept for a crash report instead and nothing is printed.
        """
        from textual.worker import WorkerFailed

        if self.ending_on_signal or self.failed_after_closing(error):
            # Textual tearing down a screen still mounting, or a screen already closed: the app
            # is ending anyway or the screen is gone, this is no crash of ours to report
            return
        if self.crash is None:
            self.crash = error.error if isinstance(error, WorkerFailed) else error
        super()._handle_exception(error)
        self._exit_renderables.clear()

    def exit_from_signal(self, return_code: int) -> None:
        """Exit with `return_code`, from a signal handler: at any moment, even before `run` or
        after it. Before the event loop runs, the app then ends without taking the terminal;
        while it runs, the loop is woken (a plain `exit` there would wait for the next event)."""
        self.ending_on_signal = True
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop has just closed
                loop.call_soon_threadsafe(self.exit, None, return_code)
                return
        self.exit(return_code=return_code)

    def restore_terminal_now(self) -> None:
        """Put the terminal back without waiting on the event loop (for an app that must end at
        once because its loop no longer answers)."""
        restore: Callable[[], None] | None = getattr(self._driver, "restore_terminal_now", None)
        if restore is not None:  # `PsoasDriver`
            restore()

    def interrupt_open_sessions(self) -> None:
        """Mark any session still open as interrupted (Ctrl-C, closed terminal, SIGTERM, crash)."""
        for recorder in self.recorders:
            recorder.finish("interrupted")
            recorder.close()

    def on_unmount(self) -> None:
        """The app is ending: end any open session, then close the history. (A session that
        cannot be ended reads as interrupted anyway once this process is gone.)"""
        from psoas_tui.store.history import HistoryError

        try:
            with contextlib.suppress(HistoryError):
                self.interrupt_open_sessions()
        finally:
            self._close_history()
            announcer: Announcer | None = self.__dict__.get("announcer")
            if announcer is not None:  # no sound or voice outlives the app
                announcer.close()
