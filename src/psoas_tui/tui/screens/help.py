"""Help (?): the keys of every screen, read from their bindings, then the safety note."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from psoas_tui.tui.base import AppScreen
from psoas_tui.tui.dialogs.safety import SAFETY_NOTE
from psoas_tui.tui.keys import Section, help_text, key_label, keys_label, keys_of, sections
from psoas_tui.tui.widgets.footer import Footer

KEY_SHARE = (1, 4)
"""The keys column's and the text column's shares of the width: the same in every section, so
they line up (14 and 56 columns at 80); a long key list wraps inside its column, between keys."""
CLOSING = "Routine files are plain TOML: `psoas check FILE` explains any problem with a file."


def section_title(part: Section) -> str:
    return f"{part.title.upper()} — {part.purpose}"


def key_table(part: Section) -> Table:
    """A screen's keys as two columns, so an entry wraps inside its own column."""
    table = Table.grid(padding=(0, 2), expand=True)
    widest_key = max(len(key_label(key)) for binding in part.bindings for key in keys_of(binding))
    # With a ratio, Rich reads `width` as the least width: a key is never cut ("esca…").
    table.add_column(ratio=KEY_SHARE[0], width=widest_key, style="bold")
    table.add_column(ratio=KEY_SHARE[1])
    for binding in part.bindings:
        table.add_row(Text(keys_label(binding)), Text(help_text(binding)))
    return table


class HelpScreen(AppScreen):
    """Keys and screens, then the safety note."""

    HELP_TITLE = "Help"
    HELP_PURPOSE = "this screen"
    BINDINGS = [
        Binding("escape,q,question_mark", "back", "Back"),
        Binding("j", "scroll('down')", "Down", show=False, tooltip="Scroll down"),
        Binding("k", "scroll('up')", "Up", show=False, tooltip="Scroll up"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help"):
            for part in sections():
                yield Static(section_title(part), classes="help-title", markup=False)
                yield Static(key_table(part), classes="help-keys")
            yield Static(CLOSING, markup=False)
            yield Static("SAFETY", classes="panel-title help-safety", markup=False)
            yield Static(SAFETY_NOTE, markup=False)
        yield Footer()

    def action_scroll(self, direction: str) -> None:
        scroller = self.query_one("#help", VerticalScroll)
        if direction == "down":
            scroller.scroll_down()
        else:
            scroller.scroll_up()

    def action_back(self) -> None:
        self.dismiss(None)
