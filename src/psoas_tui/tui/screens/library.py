"""The routine library: built-in and user routines with a preview of the timeline.

Routines are read in a worker, so a folder of a thousand files never blocks the first frame;
broken files are listed with their error and never stop the others from loading.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from psoas_tui.player.describe import plural
from psoas_tui.routine.library import RoutineEntry
from psoas_tui.tui.base import VIM_KEYS, AppScreen
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic
from psoas_tui.tui.widgets.routine_table import RoutineRow, RoutineTable

if TYPE_CHECKING:
    from psoas_tui.routine.progress import Proposal

NARROW_WIDTH = 60
"""Below this many columns the preview goes under the table instead of beside it."""


class LibraryScreen(AppScreen):
    """Pick a routine, see its timeline, play it or copy it to your folder."""

    HELP_TITLE = "Routines"
    HELP_PURPOSE = "built-in and your own, with a preview of the timeline"
    BINDINGS = [
        Binding("enter,p", "play", "Play", tooltip="Play the routine"),
        Binding(
            "d",
            "duplicate",
            "Copy to my folder",
            tooltip="Copy to your routines folder (comments and layout kept), then edit it or not",
        ),
        Binding(
            "g",
            "progress",
            "Progress",
            tooltip="Progress: the routine's next level (or a step back) from how its sessions "
            "felt, as a diff, to accept or dismiss",
            show=False,  # the summary offers it after a session; the footer keeps room
        ),
        Binding(
            "e",
            "edit",
            "Edit",
            tooltip="Edit the routine (a built-in one: a copy in your folder is made and edited)",
        ),
        Binding("n", "new", "New", tooltip="A new routine: blank, from this one or the self-test"),
        *VIM_KEYS,
        Binding("escape,q", "back", "Back"),
    ]

    class Loaded(Message):
        def __init__(self, entries: list[RoutineEntry]) -> None:
            super().__init__()
            self.entries = entries

    class Proposed(Message):
        """What a routine's sessions call for was read (in a worker)."""

        def __init__(self, proposal: Proposal | None, problem: str = "") -> None:
            super().__init__()
            self.proposal = proposal
            self.problem = problem

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[RoutineEntry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading routines…", id="library-status", markup=False)
        with Horizontal(id="library"):
            yield RoutineTable(id="routines")
            with VerticalScroll(id="preview"):
                yield PlainStatic("", id="preview-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#routines", RoutineTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    def on_screen_resume(self) -> None:
        """Read the routines each time the library is shown (first time included)."""
        self.load()

    @work(thread=True, exclusive=True, group="library")
    def load(self) -> None:
        from psoas_tui.routine.library import discover

        self.post_message(self.Loaded(discover(self.psoas.catalogue)))

    def on_library_screen_loaded(self, message: Loaded) -> None:
        from psoas_tui.player.describe import estimated_duration

        self.entries = message.entries
        self.psoas.routine_entries = message.entries
        rows = []
        broken = 0
        for entry in self.entries:
            if entry.loaded is not None:
                plan = entry.loaded.plan
                rows.append(
                    RoutineRow(
                        plan.name,
                        estimated_duration(plan),
                        str(len(plan.exercises)),
                        ", ".join(plan.tags),
                        entry.source,
                    )
                )
            else:
                broken += 1
                rows.append(
                    RoutineRow(f"⚠ {entry.path.name}", "—", "—", entry.error, entry.source, True)
                )
        self.query_one("#routines", RoutineTable).show(rows)
        status = plural(len(self.entries), "routine")
        if broken:
            status += f" — {broken} could not be read (shown with ⚠; `psoas check` explains)"
            self.psoas.tell_broken_routines(self.entries)
        self.query_one("#library-status", Static).update(status)
        self._preview()

    @on(DataTable.RowHighlighted, "#routines")
    def _highlighted(self) -> None:
        self._preview()

    @on(DataTable.RowSelected, "#routines")
    def _selected(self) -> None:
        self.action_play()

    def _current(self) -> RoutineEntry | None:
        table = self.query_one("#routines", DataTable)
        if not self.entries or table.cursor_row >= len(self.entries):
            return None
        return self.entries[table.cursor_row]

    def _preview(self) -> None:
        from psoas_tui.player.describe import format_duration, timeline_lines
        from psoas_tui.player.timeline import build_timeline

        entry = self._current()
        body = self.query_one("#preview-body", Static)
        if entry is None:
            body.update("")
        elif entry.loaded is None:
            body.update(
                "This file could not be read:\n\n" + "\n".join(str(p) for p in entry.problems)
            )
        else:
            plan = entry.loaded.plan
            timeline = build_timeline(plan)
            head = [
                plan.name,
                plan.description,
                "",
                f"about {format_duration(timeline.estimated_seconds)}",
                "",
            ]
            body.update("\n".join(head + timeline_lines(timeline)))

    def action_play(self) -> None:
        entry = self._current()
        if entry is None:
            return
        if entry.loaded is None:
            self.notify(entry.error, severity="error", timeout=8, markup=False)
            return
        self.psoas.play(entry.loaded.plan)

    def action_duplicate(self) -> None:
        from psoas_tui.editing.session import copy_file
        from psoas_tui.textfile.problems import ProblemsError
        from psoas_tui.tui.dialogs.confirm import ConfirmDialog

        entry = self._current()
        if entry is None or entry.loaded is None:
            return
        try:
            session = copy_file(entry.path, self.psoas.catalogue)
            path = session.save()
        except (OSError, ProblemsError) as error:
            self.notify(f"Could not save the copy: {error}", severity="error", markup=False)
            return
        self.load()

        def answered(edit: bool | None) -> None:
            if edit:
                self.psoas.open_editor(session)

        self.app.push_screen(
            ConfirmDialog("Copied. Edit the copy now?", f"The copy is {path}"), answered
        )

    def action_edit(self) -> None:
        from psoas_tui.editing.session import open_file
        from psoas_tui.textfile.problems import ProblemsError

        entry = self._current()
        if entry is None:
            return
        try:
            session = open_file(entry.path, self.psoas.catalogue)
        except (OSError, ProblemsError) as error:
            message = str(error.first) if isinstance(error, ProblemsError) else str(error)
            self.notify(f"Cannot edit: {message}", severity="error", timeout=8, markup=False)
            return
        self.psoas.open_editor(session)

    def action_new(self) -> None:
        from psoas_tui.tui.dialogs.new_routine import NewRoutineDialog

        entry = self._current()
        copy_of = entry.name if entry is not None and entry.loaded is not None else None

        def chosen(choice: str | None) -> None:
            self._new(choice, entry)

        self.app.push_screen(
            NewRoutineDialog(copy_of, self.psoas.selftest_routine() is not None), chosen
        )

    def _new(self, choice: str | None, entry: RoutineEntry | None) -> None:
        from psoas_tui.editing.session import new_from_routine, new_routine
        from psoas_tui.routine.parse import load_routine
        from psoas_tui.textfile.problems import ProblemsError

        catalogue = self.psoas.catalogue
        if choice == "blank":
            self.psoas.open_editor(new_routine("My routine", catalogue))
        elif choice == "copy" and entry is not None and entry.loaded is not None:
            self.psoas.open_editor(new_from_routine(entry.loaded.routine, catalogue))
        elif choice == "selftest":
            saved = self.psoas.selftest_routine()
            if saved is None:
                return
            try:
                loaded = load_routine(Path(saved), catalogue)
            except ProblemsError as error:
                self.notify(str(error.first), severity="error", timeout=8, markup=False)
                return
            self.psoas.open_editor(new_from_routine(loaded.routine, catalogue))

    def action_progress(self) -> None:
        entry = self._current()
        if entry is None or entry.loaded is None:
            return
        self.read_proposal(entry)

    @work(thread=True, exclusive=True, group="proposal")
    def read_proposal(self, entry: RoutineEntry) -> None:
        """What the routine's sessions call for (as `psoas progress` tells it)."""
        from psoas_tui.services.progression import proposal_for
        from psoas_tui.store.history import HistoryError

        if entry.loaded is None:
            return
        try:
            proposal = proposal_for(entry.loaded, self.psoas.history(), self.psoas.catalogue)
        except (HistoryError, OSError) as error:
            self.post_message(self.Proposed(None, f"The history could not be read: {error}"))
            return
        self.post_message(self.Proposed(proposal))

    def on_library_screen_proposed(self, message: Proposed) -> None:
        from psoas_tui.tui.screens.proposal import ProposalScreen

        proposal = message.proposal
        if proposal is None:
            self.notify(message.problem, severity="error", timeout=8, markup=False)
        elif not proposal.changed:
            name = proposal.original.name
            self.notify(f"No change proposed for {name}: {proposal.why}.", timeout=8, markup=False)
        else:

            def answered(_: Path | None) -> None:
                self.load()  # a new routine is listed

            self.app.push_screen(ProposalScreen(proposal), answered)

    def action_back(self) -> None:
        self.dismiss(None)
