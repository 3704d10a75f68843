"""Pick an exercise to add to a routine: type to search the catalogue (name, alias, type,
position, equipment), or make a custom move of the name typed."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from psoas_tui.catalogue.model import Catalogue, Exercise
from psoas_tui.catalogue.search import ExerciseFilter, search
from psoas_tui.textfile.printable import printable
from psoas_tui.tui.dialogs.base import Dialog
from psoas_tui.tui.keys import hint


@dataclass(frozen=True, slots=True)
class Picked:
    """What to add: a catalogue exercise (`exercise_id`), or a custom move called `custom`."""

    exercise_id: str | None = None
    custom: str | None = None
    per_side: bool = False


def exercise_line(exercise: Exercise) -> str:
    """ "Glute bridge — strengthen · lying · needs nothing"."""
    gear = ", ".join(exercise.equipment) or "nothing"
    return f"{exercise.name} — {exercise.kind.value} · {exercise.position.value} · needs {gear}"


class AddExerciseDialog(Dialog[Picked | None]):
    """Search the catalogue for an exercise to add, or name a custom move."""

    HELP_TITLE = "Add an exercise"
    HELP_PURPOSE = "search by name, alias, type, position or equipment; or make a custom move"
    BINDINGS = [
        Binding("enter", "pick", "Add", tooltip="Add the highlighted exercise", priority=True),
        Binding("down", "to_list", "Results", show=False, tooltip="From the search to the results"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.picks: list[Picked] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="add-exercise"):
            yield Static("Add an exercise", classes="dialog-title", markup=False)
            yield Input(placeholder="name, alias, type, position or equipment", id="add-search")
            yield OptionList(id="add-results", markup=False)
            yield Static(hint(self.BINDINGS, "pick", "cancel"), classes="dialog-keys", markup=False)

    def on_mount(self) -> None:
        self._search("")
        self.query_one("#add-search", Input).focus()

    @on(Input.Changed, "#add-search")
    def _typed(self, event: Input.Changed) -> None:
        self._search(event.value)

    def _search(self, text: str) -> None:
        found = search(self.catalogue, ExerciseFilter(text=text))
        self.picks = [Picked(exercise_id=exercise.id) for exercise in found]
        options = [Option(exercise_line(exercise)) for exercise in found]
        name = " ".join(text.split())
        if name:
            for per_side, words in ((False, "done once"), (True, "done on each side")):
                self.picks.append(Picked(custom=name[:200], per_side=per_side))
                options.append(Option(printable(f"+ a custom move “{name}”, {words}")))
        results = self.query_one("#add-results", OptionList)
        results.clear_options()
        results.add_options(options)
        if options:
            results.highlighted = 0

    def action_to_list(self) -> None:
        self.query_one("#add-results", OptionList).focus()

    @on(OptionList.OptionSelected, "#add-results")
    def _selected(self) -> None:
        self.action_pick()

    def action_pick(self) -> None:
        highlighted = self.query_one("#add-results", OptionList).highlighted
        if highlighted is not None and highlighted < len(self.picks):
            self.dismiss(self.picks[highlighted])

    def action_cancel(self) -> None:
        self.dismiss(None)
