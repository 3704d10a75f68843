"""The routine editor: the routine's fields, its exercises, and a live check and timeline.

Thin: every change is an operation on the `EditSession`'s draft (`psoas_tui.editing`), which
checks it as `psoas check` would, works out the total time and saves without losing comments.
The screen shows the draft, marks each invalid value in place with the check's words, and asks
before leaving with unsaved changes or overwriting a file changed on disk. Unsaved changes are
kept on disk a moment after the last one (`editing.recovery`), and offered back when the editor
opens on the same routine after the app was ended without a word (killed, terminal closed).
"""

from __future__ import annotations

import contextlib
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from psoas_tui.editing.check import Checked
from psoas_tui.editing.draft import first_changed_exercise
from psoas_tui.editing.fields import display_text, text_from_value, value_from_text
from psoas_tui.editing.recovery import DraftKeeper, KeptDraft
from psoas_tui.editing.session import ChangedOnDisk, EditSession, Fingerprint, NotSaved
from psoas_tui.player.describe import dose_text, format_duration, plural, timeline_lines
from psoas_tui.textfile.printable import printable
from psoas_tui.tui.base import VIM_KEYS, AppScreen
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic

KEEP_AFTER = 1.0
"""Seconds after a change when the unsaved changes are kept on disk (a write takes about 1 ms,
fsync included, so this bounds what a killed app loses, not the cost)."""

NARROW_WIDTH = 100
"""Below this many columns the timeline preview goes under the form instead of beside it."""

Loc = tuple[str | int, ...]

ROUTINE_FIELDS: tuple[tuple[Loc, str, str], ...] = (
    (("name",), "Name", ""),
    (("description",), "Description", "who it is for, how often"),
    (("tags",), "Tags", "words, separated by commas"),
    (("defaults", "prep_seconds"), "Prep s", "5"),
    (("defaults", "rest_seconds"), "Rest s", "15"),
    (("defaults", "switch_seconds"), "Switch s", "5"),
)
"""The routine's own fields: where each value is, its label, and a hint when it is empty."""

EXERCISE_FIELDS: tuple[tuple[str, str], ...] = (
    ("exercise", "Exercise"),
    ("sets", "Sets"),
    ("hold_seconds", "Hold s"),
    ("reps", "Reps"),
    ("tempo_seconds", "Tempo s"),
    ("sides", "Sides"),
    ("rest_seconds", "Rest s"),
    ("notes", "Notes"),
)
"""The fields of the exercise picked in the list (left empty: the catalogue's value)."""


def _field_id(loc: Loc) -> str:
    return "field-" + "-".join(str(part) for part in loc)


class FieldRow(Vertical):
    """A label, an input, and under them what is wrong with the value (when something is)."""

    def __init__(self, key: str, label: str, *, field_id: str, hint: str = "") -> None:
        super().__init__(classes="field-row")
        self.key = key
        self.label = label
        self.field_id = field_id
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-line"):
            yield Label(self.label, classes="field-label", markup=False)
            yield Input(placeholder=self.hint, id=self.field_id, select_on_focus=False)
        yield PlainStatic("", classes="field-error")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def show(self, value: Any, placeholder: str | None = None) -> None:
        """Show `value` unless the input already says it (the cursor stays where it is)."""
        field = self.input
        shown = display_text(self.key, value)
        typed = value_from_text(self.key, field.value)
        if field.value != shown and (typed != value or type(typed) is not type(value)):
            field.value = shown
        if placeholder is not None:
            field.placeholder = placeholder

    def mark(self, messages: list[str]) -> None:
        """Mark the value as invalid with `messages`, or clear the mark when there are none."""
        self.set_class(bool(messages), "-invalid")
        self.query_one(".field-error", PlainStatic).update("\n".join(messages))


class EditorScreen(AppScreen):
    """Make or change a routine."""

    HELP_TITLE = "Routine editor"
    HELP_PURPOSE = "make or change a routine; invalid values are marked and cannot be saved"
    AUTO_FOCUS = "#exercise-list"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, tooltip="Save the routine (atomically)"),
        Binding("ctrl+z", "undo", "Undo", priority=True, tooltip="Undo the last change"),
        Binding("ctrl+y", "redo", "Redo", priority=True, tooltip="Redo the change last undone"),
        Binding("a", "add", "Add", tooltip="Add an exercise from the catalogue, or a custom move"),
        Binding(
            "ctrl+n",
            "add",
            "Add",
            priority=True,
            tooltip="Add an exercise (as a, also while typing in a field)",
        ),
        Binding("x,delete", "remove", "Remove", tooltip="Remove the exercise picked in the list"),
        Binding("shift+up,K", "move(-1)", "Up", tooltip="Move the picked exercise up"),
        Binding("shift+down,J", "move(1)", "Down", tooltip="Move the picked exercise down"),
        Binding("c", "duplicate", "Duplicate", tooltip="Put a copy of the picked exercise below"),
        Binding("p", "play", "Play", tooltip="Play the routine as it is now (saved or not)"),
        *VIM_KEYS,
        Binding(
            "escape", "back", "Back", tooltip="Back (asks first when there are unsaved changes)"
        ),
    ]

    DEFAULT_CSS = """
    EditorScreen #editor-status { height: auto; padding: 0 1; color: $text-muted; }
    EditorScreen #editor { height: 1fr; }
    EditorScreen #editor-form { width: 1fr; max-width: 60; padding: 0 1; }
    EditorScreen #editor-preview { width: 1fr; padding: 0 1; border-left: vkey $foreground 20%; }
    EditorScreen.-narrow #editor { layout: vertical; }
    EditorScreen.-narrow #editor-form { height: 2fr; width: 100%; }
    EditorScreen.-narrow #editor-preview { height: 1fr; width: 100%; max-width: 100%;
        border-left: none; border-top: hkey $foreground 20%; }
    EditorScreen .editor-title { text-style: bold; margin-top: 1; }
    EditorScreen .field-row { height: auto; }
    EditorScreen .field-line { height: 1; }
    EditorScreen .field-label { width: 12; color: $text-muted; }
    EditorScreen .field-line Input { border: none; height: 1; padding: 0 1; width: 1fr; }
    EditorScreen .field-error { display: none; color: $error; padding-left: 12; }
    EditorScreen .field-row.-invalid .field-error { display: block; }
    EditorScreen .field-row.-invalid Input { background: $error 25%; }
    EditorScreen #exercise-list { height: auto; max-height: 12; border: none; }
    EditorScreen #exercise-none { color: $text-muted; }
    """

    def __init__(self, session: EditSession, kept: KeptDraft | None = None) -> None:
        """`kept`: the kept draft `session` was restored from (then nothing more is asked)."""
        super().__init__()
        self.session = session
        self.selected = 0
        self.checked: Checked = session.check()
        self.kept = kept
        self.keeper: DraftKeeper | None = None
        """Keeps the unsaved changes on disk (None until a kept draft was offered back)."""
        self._keep_timer: Timer | None = None
        self._keep_problem_told = False
        self._abandoned = False

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield PlainStatic("", id="editor-status")
        with Horizontal(id="editor"):
            with VerticalScroll(id="editor-form"):
                yield Static("Routine", classes="editor-title", markup=False)
                for loc, label, hint in ROUTINE_FIELDS:
                    yield FieldRow(str(loc[-1]), label, field_id=_field_id(loc), hint=hint)
                yield Static("Exercises", classes="editor-title", markup=False)
                yield OptionList(id="exercise-list", markup=False)
                yield PlainStatic("", id="exercise-none")
                yield Static("", id="exercise-title", classes="editor-title", markup=False)
                with Vertical(id="exercise-fields"):
                    for key, label in EXERCISE_FIELDS:
                        yield FieldRow(key, label, field_id=f"exercise-{key}")
                    with Vertical(id="move-fields"):
                        yield FieldRow("name", "Move name", field_id="move-name")
                        yield FieldRow(
                            "per_side", "Per side", field_id="move-per_side", hint="true or false"
                        )
            with VerticalScroll(id="editor-preview"):
                yield PlainStatic("", id="preview-body")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_all()
        if self.kept is not None:
            self._start_keeping(self.kept)
        else:
            self.call_after_refresh(self.offer_kept)
        if self.session.draft.exercise_count == 0:
            name = self.query_one(_selector(("name",)), Input)
            name.focus()
            name.select_all()  # typing replaces "My routine"

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    # -- showing the draft -------------------------------------------------------------------

    def refresh_all(self) -> None:
        """Check the draft again and show it all: fields, list, marks, preview, status."""
        draft = self.session.draft
        self.checked = self.session.check()
        count = draft.exercise_count
        self.selected = max(0, min(self.selected, count - 1))
        for row in self.query(FieldRow):
            loc = self._loc(row)
            if loc is not None:
                row.show(draft.get(loc), self._placeholder(row.key))
                row.mark(self.checked.at(loc))
        self.query_one("#move-fields").display = self._move_index() is not None
        self._show_list()
        self._show_exercise_title()
        self._show_preview()
        self._show_status()
        self._keep_soon()

    def _move_index(self) -> int | None:
        """Where the custom move of the picked exercise is in `[[moves]]` (None: not one)."""
        draft = self.session.draft
        if draft.exercise_count == 0:
            return None
        ref = draft.get(("exercises", self.selected, "exercise"))
        moves = draft.get(("moves",)) or []
        return next(
            (i for i, move in enumerate(moves) if isinstance(move, dict) and move.get("id") == ref),
            None,
        )

    def _loc(self, row: FieldRow) -> Loc | None:
        if row.field_id.startswith("move-"):
            index = self._move_index()
            return None if index is None else ("moves", index, row.key)
        if row.field_id.startswith("exercise-"):
            if self.session.draft.exercise_count == 0:
                return None
            return ("exercises", self.selected, row.key)
        return next(loc for loc, _, _ in ROUTINE_FIELDS if _field_id(loc) == row.field_id)

    def _placeholder(self, key: str) -> str | None:
        """For an exercise's field left empty: the value the routine gets (the catalogue's)."""
        plan = self.checked.plan
        if not any(key == k for k, _ in EXERCISE_FIELDS) or key in ("exercise", "notes"):
            return None
        if plan is None or self.selected >= len(plan.exercises):
            return "(the catalogue's)"
        planned = plan.exercises[self.selected]
        value = getattr(planned, key, None)
        if value is None:
            return "—" if key != "tempo_seconds" else "your pace"
        return f"{text_from_value(key, value)} (default)"

    def _entry_name(self, index: int) -> str:
        plan = self.checked.plan
        if plan is not None and index < len(plan.exercises):
            return plan.exercises[index].name
        ref = str(self.session.draft.get(("exercises", index, "exercise")) or "?")
        for move in self.session.draft.get(("moves",)) or []:
            if isinstance(move, dict) and move.get("id") == ref and move.get("name"):
                return str(move["name"])
        found = self.session.catalogue.lookup(ref)
        return found.name if found is not None else ref

    def _show_list(self) -> None:
        plan = self.checked.plan
        options = []
        for index in range(self.session.draft.exercise_count):
            problems = self.checked.about_entry("exercises", index)
            line = f"{index + 1}. {self._entry_name(index)}"
            if plan is not None and index < len(plan.exercises):
                line += f" — {dose_text(plan.exercises[index])}"
            text = Text(printable(line), no_wrap=True, overflow="ellipsis")
            if problems:
                text = Text("⚠ ", style="bold red") + text
            options.append(Option(text))
        listing = self.query_one("#exercise-list", OptionList)
        listing.clear_options()
        listing.add_options(options)
        if options:
            listing.highlighted = self.selected
        none = "No exercises yet: press a (ctrl+n in a field) to add one." if not options else ""
        self.query_one("#exercise-none", PlainStatic).update(none)
        self.query_one("#exercise-none").display = not options
        self.query_one("#exercise-fields").display = bool(options)

    def _show_exercise_title(self) -> None:
        title = ""
        if self.session.draft.exercise_count:
            title = printable(f"Exercise {self.selected + 1}: {self._entry_name(self.selected)}")
        self.query_one("#exercise-title", Static).update(title)

    def _show_preview(self) -> None:
        checked = self.checked
        if checked.ok and checked.timeline is not None:
            total = format_duration(checked.timeline.estimated_seconds)
            lines = [f"Total: about {total}", "", *timeline_lines(checked.timeline)]
        else:
            count = plural(len(checked.problems), "problem")
            lines = [f"{count} to fix before saving:", ""]
            lines += [f"• {problem.message}" for problem in checked.problems]
        self.query_one("#preview-body", PlainStatic).update("\n".join(lines))

    def _show_status(self) -> None:
        from psoas_tui import paths

        session = self.session
        where = f"{session.path}"
        if session.path.parent == paths.user_routines_dir():
            where = f"{session.path.name} in your routines folder"
        if session.copied_from is not None:
            where = f"a copy of {session.copied_from.name}, saved as {where}"
        elif session.named_by_routine:
            where = "a new routine, not saved yet"
        state = "unsaved changes" if session.dirty else "saved"
        if self.checked.ok and self.checked.total_seconds is not None:
            total = f"about {format_duration(self.checked.total_seconds)}"
        else:
            total = f"⚠ {plural(len(self.checked.problems), 'problem')}"
        self.query_one("#editor-status", PlainStatic).update(f"{where} · {state} · {total}")

    # -- keeping unsaved changes on disk -------------------------------------------------------

    def offer_kept(self) -> None:
        """Offer the changes to this routine kept when the app last closed (when there are
        some); then keep this session's changes."""
        from psoas_tui.editing.recovery import UnreadableDraft, differs, kept_for, restore
        from psoas_tui.textfile.atomic import move_aside
        from psoas_tui.tui.dialogs.confirm import ConfirmDialog

        kept, problems = kept_for(self.session)
        for problem in problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)
        if kept is not None and not differs(kept, self.session):
            with contextlib.suppress(OSError):
                kept.file.unlink(missing_ok=True)
            kept = None
        if kept is None:
            self._start_keeping()
            return
        found = kept

        def answered(recover: bool | None) -> None:
            if recover:
                try:
                    self.session = restore(found, self.session.catalogue)
                except UnreadableDraft as error:
                    problem = f"{found.file}: cannot recover these changes ({error})"
                    with contextlib.suppress(OSError):
                        problem += f"; moved to {move_aside(found.file)}"
                    self.notify(problem, severity="error", timeout=10, markup=False)
                    self._start_keeping()
                    return
                self._start_keeping(found)
                self.selected = 0
                self.refresh_all()
                self.notify("Recovered: unsaved changes (ctrl+s saves them).", timeout=5)
            else:
                with contextlib.suppress(OSError):
                    found.file.unlink(missing_ok=True)
                self._start_keeping()

        detail = "Yes opens them here, not saved yet; no discards them."
        if found.for_file and Fingerprint.of(found.path) != found.opened:
            detail += " The file changed since: saving them asks before overwriting it."
        self.app.push_screen(
            ConfirmDialog(
                printable(
                    f"Unsaved changes to {found.name} from {found.when()} were kept when the "
                    "app closed. Recover them?"
                ),
                detail,
            ),
            answered,
        )

    def _start_keeping(self, adopted: KeptDraft | None = None) -> None:
        """Keep this session's changes from now on (changes made while a kept draft was being
        offered too)."""
        self.keeper = DraftKeeper(self.session, self.psoas.now, adopted=adopted)
        self._keep_soon()

    def _keep_soon(self) -> None:
        """Keep the changes `KEEP_AFTER` seconds from now, unless that is already planned:
        while changes keep coming they are kept once every `KEEP_AFTER` seconds (not never,
        as a timer put off by each change would), and the last one `KEEP_AFTER` after it."""
        if self._keep_timer is None:
            self._keep_timer = self.set_timer(KEEP_AFTER, self.keep_now)

    def keep_now(self) -> None:
        """Keep the unsaved changes on disk now (or remove them there when there are none)."""
        self._keep_timer = None
        if self.keeper is None or self._abandoned:
            return
        try:
            self.keeper.keep()
        except (OSError, TypeError, ValueError) as error:
            if not self._keep_problem_told:
                self._keep_problem_told = True
                self.notify(
                    f"Unsaved changes cannot be kept in case the app closes: {error}",
                    severity="warning",
                    timeout=8,
                    markup=False,
                )

    def forget_kept(self) -> None:
        """The user leaves without saving: the changes are not kept (now or when closing)."""
        self._abandoned = True
        if self.keeper is not None:
            self.keeper.discard()

    def on_unmount(self) -> None:
        """Closing (or the app ending, also on a closed terminal): keep what is not kept yet."""
        if self._keep_timer is not None:
            self._keep_timer.stop()
        self.keep_now()

    # -- typing ------------------------------------------------------------------------------

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.value != event.input.value:
            # Typed before the keys after it (quick typing, a paste): the field says more now,
            # and its own event follows. Showing this older value would undo those keys.
            return
        row = next((a for a in event.input.ancestors if isinstance(a, FieldRow)), None)
        if row is None:
            return
        loc = self._loc(row)
        if loc is None:
            return
        value = value_from_text(row.key, event.value)
        current = self.session.draft.get(loc)
        if event.value == display_text(row.key, current) or (
            value == current and type(value) is type(current)
        ):
            return  # shown, not typed
        if self.session.draft.set(loc, value, typing=True):
            self.refresh_all()

    @on(OptionList.OptionHighlighted, "#exercise-list")
    def _picked(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.selected:
            self.selected = event.option_index
            self.refresh_all()

    # -- actions -----------------------------------------------------------------------------

    def _changed(self, selected: int | None = None) -> None:
        if selected is not None:
            self.selected = selected
        self.refresh_all()

    def action_undo(self) -> None:
        before = self.session.draft.state
        if not self.session.draft.undo():
            self.notify("Nothing to undo.", timeout=3)
        self._changed(first_changed_exercise(before, self.session.draft.state))

    def action_redo(self) -> None:
        before = self.session.draft.state
        if not self.session.draft.redo():
            self.notify("Nothing to redo.", timeout=3)
        self._changed(first_changed_exercise(before, self.session.draft.state))

    def action_add(self) -> None:
        from psoas_tui.tui.dialogs.add_exercise import AddExerciseDialog, Picked

        def picked(choice: Picked | None) -> None:
            if choice is None:
                return
            draft = self.session.draft
            at = self.selected + 1 if draft.exercise_count else 0
            if choice.exercise_id is not None:
                index = draft.add_exercise(choice.exercise_id, at=at)
            else:
                index = draft.add_custom_move(
                    choice.custom or "My move", per_side=choice.per_side, at=at
                )
            self._changed(index)
            self.query_one("#exercise-list", OptionList).focus()

        self.app.push_screen(AddExerciseDialog(self.session.catalogue), picked)

    def action_remove(self) -> None:
        if self.session.draft.remove_exercise(self.selected):
            self._changed(max(0, self.selected - 1) if self.selected else 0)

    def action_move(self, delta: int) -> None:
        self._changed(self.session.draft.move_exercise(self.selected, delta))

    def action_duplicate(self) -> None:
        if self.session.draft.exercise_count:
            self._changed(self.session.draft.duplicate_exercise(self.selected))

    def action_play(self) -> None:
        plan = self.checked.plan
        if not self.checked.ok or plan is None:
            self.notify("Fix the marked values first.", severity="warning", timeout=4)
            return
        self.psoas.play(plan)

    def action_save(self, overwrite: bool = False) -> None:
        from psoas_tui.tui.dialogs.confirm import ConfirmDialog

        try:
            path = self.session.save(overwrite=overwrite)
        except NotSaved as error:
            count = plural(len(error.problems), "problem")
            self.notify(f"Not saved: {count} (marked in red).", severity="error", timeout=6)
            return
        except ChangedOnDisk as error:

            def answered(overwrite: bool | None) -> None:
                if overwrite:
                    self.action_save(overwrite=True)

            self.app.push_screen(
                ConfirmDialog(
                    "The file changed on disk since you opened it. Overwrite it?",
                    f"{error}\nNo keeps the file as it is on disk; your changes stay here.",
                ),
                answered,
            )
            return
        except OSError as error:
            self.notify(f"Could not save: {error}", severity="error", timeout=8, markup=False)
            return
        self.notify(f"Saved: {path}", timeout=6, markup=False)
        self.keep_now()  # nothing to keep: the draft file goes at once
        self.refresh_all()

    def action_back(self) -> None:
        from psoas_tui.tui.dialogs.confirm import ConfirmDialog

        if not self.session.dirty:
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.forget_kept()
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                "Leave without saving?", "Your changes are lost (ctrl+s saves them first)."
            ),
            answered,
        )


def _selector(loc: Loc) -> str:
    return f"#{_field_id(loc)}"
