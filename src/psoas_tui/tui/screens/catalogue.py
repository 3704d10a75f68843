"""The catalogue browser: every exercise, filtered live, with a detail pane.

Type to filter by name, alias or cue: from the list, a letter that is not one of the screen's
keys starts the filter with it (and / goes to the filter); t / o / e cycle the type, position and
equipment facets; d shows only what you can do at a desk. Enter on a variant jumps to it; p plays
the exercise alone with its default dose. In a narrow window the list and
the detail take turns: enter on an exercise shows its detail, escape goes back to the list.
"""

from __future__ import annotations

from dataclasses import replace

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from psoas_tui.catalogue.model import Catalogue, Exercise
from psoas_tui.catalogue.origin import dose_origin_lines, source_labels
from psoas_tui.catalogue.search import (
    ExerciseFilter,
    facet_equipment,
    facet_positions,
    search,
)
from psoas_tui.catalogue.vocabulary import Kind, Position
from psoas_tui.player.describe import amount_text
from psoas_tui.routine.resolve import single_exercise_plan
from psoas_tui.tui.base import VIM_KEYS, AppScreen
from psoas_tui.tui.keys import first_key
from psoas_tui.tui.widgets.figure import PosePair, Side
from psoas_tui.tui.widgets.footer import Footer

DETAIL_DELAY = 0.15
"""Seconds of no typing before the detail pane follows the filter."""
NARROW_WIDTH = 60
"""Below this many columns there is no room for the list and the detail side by side."""
SHORT_HEIGHT = 20
"""Below this many rows the filter loses its border, to leave rows to the list."""
KINDS: tuple[Kind | None, ...] = (None, *Kind)


def _next(options: tuple[object, ...], current: object) -> object:
    return options[(options.index(current) + 1) % len(options)]


def exercise_detail(exercise: Exercise, catalogue: Catalogue) -> str:
    """The detail pane's text (plain text: it is never read as markup)."""
    dosage = exercise.dosage
    dose = amount_text(
        dosage.sets,
        hold_seconds=dosage.hold_seconds,
        reps=dosage.reps,
        sides="both" if exercise.per_side else "none",
    )
    gear = ", ".join(exercise.equipment) or "nothing"
    extra = (
        f" (helps: {', '.join(exercise.optional_equipment)})" if exercise.optional_equipment else ""
    )
    parts = [
        exercise.summary,
        f"{exercise.kind.value} · {exercise.position.value} · needs {gear}{extra}",
        f"Dose: {dose}\n"
        + "\n".join(f"• {line}" for line in dose_origin_lines(exercise, catalogue)),
    ]
    if exercise.aliases:
        parts.append("Also called: " + ", ".join(exercise.aliases))
    parts.append("Steps:\n" + "\n".join(f"{n}. {s}" for n, s in enumerate(exercise.steps, 1)))
    parts.append("Cues:\n" + "\n".join(f"• {c}" for c in exercise.cues))
    if exercise.mistakes:
        parts.append("Common mistakes:\n" + "\n".join(f"• {m}" for m in exercise.mistakes))
    if exercise.variations:
        parts.append("Variations:\n" + "\n".join(f"• {v}" for v in exercise.variations))
    if exercise.cautions:
        parts.append("Cautions:\n" + "\n".join(f"• {c}" for c in exercise.cautions))
    if exercise.tier == "B":
        parts.append("The articles recommend this move without steps: these steps are our own.")
    labels = source_labels(exercise, catalogue)
    parts.append("Sources:\n" + "\n".join(f"• {label}" for label in labels))
    if exercise.source_notes:
        parts.append("Notes on the sources:\n" + exercise.source_notes)
    return "\n\n".join(parts)


class CatalogueScreen(AppScreen):
    """Browse and search the exercise catalogue."""

    HELP_TITLE = "Catalogue"
    HELP_PURPOSE = "every exercise; type to filter, enter on one for its variants"
    AUTO_FOCUS = "#exercises"
    """The list has the focus from the start: keys typed while the screen opens go to it."""
    BINDINGS = [
        Binding(
            "slash",
            "focus_filter",
            "Filter",
            key_display="/",
            tooltip="To the filter: type a name, alias or cue",
        ),
        Binding(
            "d",
            "toggle_desk",
            "Desk",
            tooltip="Only what you can do at your desk; again for anywhere",
        ),
        Binding(
            "t", "cycle_kind", "Type", tooltip="Cycle the type: stretch, strengthen, release, …"
        ),
        Binding(
            "o",
            "cycle_position",
            "Position",
            tooltip="Cycle the position: standing, seated, kneeling, lying, …",
        ),
        Binding(
            "e",
            "cycle_equipment",
            "I have",
            tooltip="Cycle what you have around you: nothing, a chair, a bed, a wall, …",
        ),
        Binding("x", "clear", "Clear", tooltip="Clear the filter"),
        Binding("p", "play", "Play", tooltip="Play this exercise alone at its default dose"),
        *VIM_KEYS,
        Binding(
            "escape", "back", "Back", tooltip="Back (from the filter or the detail: to the list)"
        ),
    ]

    def __init__(self, select: str | None = None, desk: bool = False) -> None:
        super().__init__()
        self.wanted = ExerciseFilter(desk=desk)
        self.shown: list[Exercise] = []
        self.current: Exercise | None = None
        self._detail_shown = False
        self._detail_timer: Timer | None = None
        self._initial = select

    def compose(self) -> ComposeResult:
        yield Header()
        slash = first_key(self.BINDINGS, "focus_filter")
        yield Input(
            placeholder=f"{slash} to filter by name, alias or cue (e.g. chair, bed, runner)",
            id="filter",
            select_on_focus=False,  # a letter that starts the filter must not be selected over
        )
        yield Static("", id="facets", markup=False)
        with Horizontal(id="browser"):
            yield OptionList(id="exercises", markup=False)
            with VerticalScroll(id="detail"):
                yield Static("", id="detail-title", markup=False)
                yield PosePair(id="detail-figures")
                yield Static("", id="detail-body", markup=False)
                with Vertical(id="variants-box"):
                    yield Static("Variants (enter to open):", classes="panel-title", markup=False)
                    yield OptionList(id="variants", markup=False)
        yield Footer(compact=True)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")
        self.set_class(event.size.height < SHORT_HEIGHT, "-short")

    def on_descendant_focus(self) -> None:
        """The detail is being read while the focus is in it (in a narrow window, it is then
        shown instead of the list)."""
        self.set_class(self._reading(), "-reading")

    def _reading(self) -> bool:
        detail = self.query_one("#detail", VerticalScroll)
        focused = self.focused
        return focused is not None and (focused is detail or detail in focused.ancestors)

    def on_mount(self) -> None:
        self._apply()
        if self._initial:
            self.show_exercise(self._initial)

    # --- filtering -----------------------------------------------------------------------
    def _apply(self) -> None:
        catalogue = self.psoas.catalogue
        before = [exercise.id for exercise in self.shown]
        self.shown = search(catalogue, self.wanted)
        ids = [exercise.id for exercise in self.shown]
        options = self.query_one("#exercises", OptionList)
        if ids != before or options.option_count != len(ids):
            # Rebuilt only when the matches change: a typed letter often narrows nothing.
            keep = self.current.id if self.current else None
            options.clear_options()
            options.add_options([Option(exercise.name, id=exercise.id) for exercise in self.shown])
            if self.shown:
                options.highlighted = ids.index(keep) if keep in ids else 0
            else:
                self._show_detail(None)
        facets = [
            f"type: {self.wanted.kind.value if self.wanted.kind else 'any'}",
            f"position: {self.wanted.position.value if self.wanted.position else 'any'}",
            f"I have: {self.wanted.have or 'anything'}",
            "at my desk" if self.wanted.desk else "anywhere",
            f"{len(self.shown)}/{len(catalogue)}",
        ]
        self.query_one("#facets", Static).update(" · ".join(facets))

    def _update(self, **changes: object) -> None:
        self.wanted = replace(self.wanted, **changes)  # type: ignore[arg-type]
        self._apply()

    @on(Input.Changed, "#filter")
    def _typed(self, event: Input.Changed) -> None:
        self._update(text=event.value)

    @on(Input.Submitted, "#filter")
    def _submitted(self) -> None:
        self.query_one("#exercises", OptionList).focus()

    def action_focus_filter(self) -> None:
        # At once, not after the queued keys: a fast "/chair" keeps its first letters.
        self.set_focus(self.query_one("#filter", Input))

    def on_key(self, event: events.Key) -> None:
        """A letter typed on the list that is not a key of the screen starts the filter."""
        character = event.character
        if (
            character is None
            or not event.is_printable
            or character.isspace()
            or event.key in self.active_bindings
            or not self.query_one("#exercises", OptionList).has_focus
        ):
            return
        event.stop()
        event.prevent_default()
        typed = self.query_one("#filter", Input)
        self.set_focus(typed)
        typed.insert_text_at_cursor(character)

    def action_toggle_desk(self) -> None:
        self._update(desk=not self.wanted.desk)

    def action_cycle_kind(self) -> None:
        self._update(kind=_next(KINDS, self.wanted.kind))

    def action_cycle_position(self) -> None:
        positions: tuple[Position | None, ...] = (None, *facet_positions(self.psoas.catalogue))
        self._update(position=_next(positions, self.wanted.position))

    def action_cycle_equipment(self) -> None:
        equipment: tuple[str | None, ...] = (None, *facet_equipment(self.psoas.catalogue))
        self._update(have=_next(equipment, self.wanted.have))

    def action_clear(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.wanted = ExerciseFilter()
        self._apply()

    # --- detail --------------------------------------------------------------------------
    @on(OptionList.OptionHighlighted, "#exercises")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if not event.option.id:
            return
        exercise = self.psoas.catalogue.get(event.option.id)
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if self.query_one("#filter", Input).has_focus:
            # While typing, the list repaints at once and the (long) detail follows when the
            # typing pauses, instead of being laid out again for every letter.
            self._detail_timer = self.set_timer(DETAIL_DELAY, lambda: self._show_detail(exercise))
        else:
            self._show_detail(exercise)

    @on(OptionList.OptionSelected, "#exercises")
    def _selected(self) -> None:
        variants = self.query_one("#variants", OptionList)
        if variants.option_count:
            variants.focus()
            variants.highlighted = 0
        else:
            self.query_one("#detail", VerticalScroll).focus()

    @on(OptionList.OptionSelected, "#variants")
    def _variant(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.show_exercise(event.option.id)

    def show_exercise(self, exercise_id: str) -> None:
        """Select `exercise_id`, clearing the filter if it hides it."""
        if exercise_id not in {e.id for e in self.shown}:
            self.query_one("#filter", Input).value = ""
            self.wanted = ExerciseFilter()
            self._apply()
        options = self.query_one("#exercises", OptionList)
        options.highlighted = [e.id for e in self.shown].index(exercise_id)
        options.focus()
        self._show_detail(self.psoas.catalogue.get(exercise_id))

    def _show_detail(self, exercise: Exercise | None) -> None:
        if exercise is not None and exercise is self.current and self._detail_shown:
            return
        self._detail_shown = True
        self.current = exercise
        title = self.query_one("#detail-title", Static)
        body = self.query_one("#detail-body", Static)
        variants = self.query_one("#variants", OptionList)
        variants.clear_options()
        if exercise is None:
            title.update("Nothing matches")
            body.update(f"Press {first_key(self.BINDINGS, 'clear')} to clear the filter.")
            self.query_one("#variants-box").display = False
            self.query_one("#detail-figures", PosePair).show(None)
            return
        title.update(exercise.name)
        # The left side of a per-side exercise, as the player names it first.
        side: Side | None = "left" if exercise.per_side else None
        self.query_one("#detail-figures", PosePair).show(exercise.id, side)
        catalogue = self.psoas.catalogue
        body.update(exercise_detail(exercise, catalogue))
        links = [("easier", i) for i in exercise.easier] + [("harder", i) for i in exercise.harder]
        variants.add_options(
            [Option(f"{label}: {catalogue.get(i).name}", id=i) for label, i in links]
        )
        self.query_one("#variants-box").display = bool(links)
        self.query_one("#detail", VerticalScroll).scroll_home(animate=False)

    def action_play(self) -> None:
        """Play the exercise shown, or the one highlighted if the detail has yet to follow."""
        exercise = self.current
        highlighted = self.query_one("#exercises", OptionList).highlighted
        if not self._reading() and highlighted is not None and highlighted < len(self.shown):
            exercise = self.shown[highlighted]
        if exercise is not None:
            self.psoas.play(single_exercise_plan(exercise))

    def action_back(self) -> None:
        if self.query_one("#filter", Input).has_focus or self._reading():
            self.query_one("#exercises", OptionList).focus()
        else:
            self.dismiss(None)
