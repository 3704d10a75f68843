"""The Textual application: opens the home screen, or goes straight to the player."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from psoas_tui import paths
from psoas_tui.catalogue import Catalogue, load_catalogue
from psoas_tui.clock import Clock, MonotonicClock
from psoas_tui.recorder import SessionRecorder
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.settings import Settings, load_settings, save_settings
from psoas_tui.timeline import build_timeline
from psoas_tui.tui.screens.player import PlayerScreen


class PsoasApp(App[None]):
    """psoas-tui. With `plan`, plays it and exits when the summary is closed."""

    CSS_PATH = "app.tcss"
    TITLE = "psoas"
    BINDINGS = [Binding("ctrl+c", "quit", "Quit", show=False, priority=True)]

    def __init__(
        self,
        *,
        plan: RoutinePlan | None = None,
        start: str = "home",
        clock: Clock | None = None,
        catalogue: Catalogue | None = None,
        history_path: Path | None = None,
        settings_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.plan = plan
        self.start = start
        self.clock: Clock = clock or MonotonicClock()
        self.catalogue = catalogue or load_catalogue()
        self.history_path = history_path or paths.history_db()
        self.settings_path = settings_path or paths.settings_file()
        self.settings, self.settings_notice = load_settings(self.settings_path)
        self.recorders: list[SessionRecorder] = []

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self.settings_notice:
            self.notify(self.settings_notice, severity="warning")
        if self.plan is not None:
            self.play(self.plan, exit_after=True)

    def play(self, plan: RoutinePlan, exit_after: bool = False) -> None:
        """Open the player on `plan`."""
        recorder = SessionRecorder.open(self.history_path)
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
        )
        self.push_screen(screen, finished)

    def save_settings(self, settings: Settings) -> None:
        self.settings = settings
        save_settings(settings, self.settings_path)

    def interrupt_open_sessions(self) -> None:
        """Mark any session still open as interrupted (Ctrl-C, a closed terminal, SIGTERM)."""
        for recorder in self.recorders:
            recorder.finish("interrupted")
            recorder.close()
