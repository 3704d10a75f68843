"""Self-tests over time (f on the history): every self-test kept, newest first, with its verdict
and what it found on each side; under the table, what changed on each side since the one before
the highlighted one (`services.selftest_trend`, in `selftest.compare`'s words)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from psoas_tui.services.selftest_trend import SelfTestEntry
from psoas_tui.tui.base import VIM_KEYS, AppScreen
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic, plain_cell


class SelfTestHistoryScreen(AppScreen):
    """A table of self-test results and what changed between them."""

    HELP_TITLE = "Self-tests over time"
    HELP_PURPOSE = "every self-test kept: the verdict, each side, what changed since the last"
    BINDINGS = [
        *VIM_KEYS,
        Binding("escape,q", "back", "Back", tooltip="Back to the history"),
    ]
    DEFAULT_CSS = """
    SelfTestHistoryScreen #selftests-status {
        padding: 0 1;
    }
    SelfTestHistoryScreen #selftests {
        height: 1fr;
    }
    SelfTestHistoryScreen #selftest-changes {
        height: auto;
        max-height: 50%;
        padding: 0 1;
    }
    """

    class Loaded(Message):
        def __init__(self, entries: list[SelfTestEntry], problem: str) -> None:
            super().__init__()
            self.entries = entries
            self.problem = problem

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[SelfTestEntry] = []
        """Newest first, as in the table."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield PlainStatic("Loading…", id="selftests-status")
        table: DataTable[str] = DataTable(id="selftests", cursor_type="row", zebra_stripes=True)
        yield table
        yield PlainStatic("", id="selftest-changes")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#selftests", DataTable)
        table.add_columns("Taken", "Left", "Right", "Changed", "Verdict")
        table.focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        from psoas_tui.services.selftest_trend import selftest_entries
        from psoas_tui.store.history import HistoryError

        try:
            rows = self.psoas.history().selftests()
        except (HistoryError, OSError) as error:
            self.post_message(self.Loaded([], str(error)))
            return
        self.post_message(self.Loaded(selftest_entries(rows)[::-1], ""))

    def on_self_test_history_screen_loaded(self, message: Loaded) -> None:
        from psoas_tui.player.describe import plural
        from psoas_tui.services.selftest_trend import changed_words

        self.entries = message.entries
        table = self.query_one("#selftests", DataTable)
        for number, entry in enumerate(self.entries):
            table.add_row(
                entry.taken_at.astimezone().strftime("%Y-%m-%d"),
                plain_cell(entry.left),
                plain_cell(entry.right),
                plain_cell(changed_words(entry)),
                plain_cell(entry.headline),
                key=str(number),
            )
        if message.problem:
            status = message.problem
        elif not self.entries:
            status = "No self-test yet: take one from the home screen."
        else:
            status = f"{plural(len(self.entries), 'self-test')}, newest first"
        self.query_one("#selftests-status", Static).update(status)
        self._show_changes(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_changes(event.cursor_row)

    def _show_changes(self, row: int) -> None:
        changes = self.query_one("#selftest-changes", PlainStatic)
        if not 0 <= row < len(self.entries):
            changes.update("")
            return
        entry = self.entries[row]
        when = entry.taken_at.astimezone().strftime("%Y-%m-%d")
        if entry.first:
            text = f"{when}: the first self-test kept."
        elif not entry.changes:
            text = f"{when}: cannot be compared with the one before (kept by another version)."
        else:
            before = self.entries[row + 1].taken_at.astimezone().strftime("%Y-%m-%d")
            text = f"Since {before}:\n" + "\n".join(entry.changes)
        changes.update(text)

    def action_back(self) -> None:
        self.dismiss(None)
