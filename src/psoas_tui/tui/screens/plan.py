"""The weekly plan, changed with the keyboard: each field a line, ← / → to step it, enter to type
a value (a yes/no is turned over), s to save. Values are checked and saved by `services.plan_edit`,
as `psoas plan --set` does, with the same words for a problem."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from psoas_tui.services.plan_edit import PlanField, plan_fields, same_values, shown_value
from psoas_tui.tui.base import VIM_KEYS, AppScreen
from psoas_tui.tui.keys import hint
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic, plain
from psoas_tui.weeks.plan import WeeklyPlan

LABEL_WIDTH = 24
"""Columns for a field's name, so the values line up."""


class PlanScreen(AppScreen):
    """Change the weekly plan; home's "This week" is measured against it."""

    HELP_TITLE = "Plan"
    HELP_PURPOSE = "your weekly plan: days, desk breaks and running, changed with the keyboard"
    BINDINGS = [
        Binding(
            "enter",
            "edit",
            "Change",
            tooltip="Type a new value for the field (a yes/no is turned over)",
        ),
        Binding("right,l,plus", "step(1)", "More", tooltip="One step up (a yes/no turned over)"),
        Binding("left,h,minus", "step(-1)", "Less", tooltip="One step down"),
        Binding("s", "save", "Save", tooltip="Save the plan (plan.toml, as `psoas plan --set`)"),
        *VIM_KEYS,
        Binding(
            "escape,q",
            "back",
            "Back",
            tooltip="Back (asks first when there are unsaved changes; in a field: stop typing)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.fields: tuple[PlanField, ...] = plan_fields()
        self.saved: WeeklyPlan = WeeklyPlan()
        """The plan as it is kept (or the default one)."""
        self.draft: WeeklyPlan = self.saved
        """The plan as changed here, not yet saved."""
        self.editing: PlanField | None = None
        """The field being typed into, if any."""

    @property
    def dirty(self) -> bool:
        """Whether there are changes not saved."""
        return not same_values(self.draft, self.saved)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="plan"):
            yield Static("Your weekly plan", classes="panel-title", markup=False)
            yield OptionList(*(Option("", id=f.key) for f in self.fields), id="plan-fields")
            yield PlainStatic("", id="plan-field-help")
            editor = Input(id="plan-input", compact=True)
            editor.display = False
            yield editor
            yield PlainStatic("", id="plan-problem", classes="warning")
            yield PlainStatic("", id="plan-source")
            yield Static(
                hint(self.BINDINGS, "step(1)", "step(-1)", "edit", "save", brief=True),
                classes="keys-hint",
                markup=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        self.saved = self.draft = self.psoas.weekly_plan()
        self.show_problem(self.psoas.plan_notice)
        self.show_plan()
        fields = self.query_one("#plan-fields", OptionList)
        fields.highlighted = 0
        fields.focus()

    # --- drawing -----------------------------------------------------------------------------
    def show_plan(self) -> None:
        """Every field's value, marked with * where it differs from the saved plan."""
        fields = self.query_one("#plan-fields", OptionList)
        for index, field in enumerate(self.fields):
            value = shown_value(self.draft, field.key)
            mark = "*" if value != shown_value(self.saved, field.key) else " "
            line = f"{field.label:<{LABEL_WIDTH}} {value}{mark}"
            fields.replace_option_prompt_at_index(index, plain(line))
        source = self.saved.source
        source = "the default plan" if source == "default" else source
        changed = " · changed, not saved (s saves)" if self.dirty else ""
        self.query_one("#plan-source", Static).update(f"From: {source}{changed}")
        self.show_help()

    def show_help(self) -> None:
        field = self.current()
        text = "" if field is None else field.help
        self.query_one("#plan-field-help", Static).update(text)

    def show_problem(self, problem: str) -> None:
        widget = self.query_one("#plan-problem", Static)
        widget.update(problem)
        widget.display = bool(problem)
        if problem:
            self.call_after_refresh(widget.scroll_visible, animate=False)

    def current(self) -> PlanField | None:
        index = self.query_one("#plan-fields", OptionList).highlighted
        return None if index is None else self.fields[index]

    @on(OptionList.OptionHighlighted, "#plan-fields")
    def _highlighted(self) -> None:
        self.show_help()

    @on(OptionList.OptionSelected, "#plan-fields")
    def _selected(self) -> None:
        self.action_edit()

    # --- changing ----------------------------------------------------------------------------
    def change(self, changed: WeeklyPlan | str) -> bool:
        """Take a changed plan, or show why it could not change; True when it did."""
        if isinstance(changed, str):
            self.show_problem(changed)
            return False
        self.draft = changed
        self.show_problem("")
        self.show_plan()
        return True

    def action_step(self, direction: int) -> None:
        from psoas_tui.services.plan_edit import stepped

        field = self.current()
        if field is None or self.editing is not None:
            return
        self.change(stepped(self.draft, field.key, up=direction > 0))

    def action_edit(self) -> None:
        field = self.current()
        if field is None or self.editing is not None:
            return
        if field.kind == "yes/no":
            self.action_step(1)
            return
        self.editing = field
        editor = self.query_one("#plan-input", Input)
        editor.value = shown_value(self.draft, field.key)
        editor.placeholder = "HH:MM" if field.kind == "time" else "a whole number"
        editor.display = True
        editor.focus()
        self.refresh_bindings()
        self.call_after_refresh(editor.scroll_visible, animate=False)
        self.query_one("#plan-field-help", Static).update(
            f"{field.label}: type a value (enter keeps it, escape leaves it)"
        )

    @on(Input.Submitted, "#plan-input")
    def _typed(self, event: Input.Submitted) -> None:
        from psoas_tui.services.plan_edit import parse_value, with_changes

        field = self.editing
        if field is None:
            return
        parsed = parse_value(field.key, event.value)
        if isinstance(parsed, str):
            self.show_problem(parsed)
            return
        if self.change(with_changes(self.draft, {parsed[0]: parsed[1]})):
            self.stop_editing()

    def stop_editing(self) -> None:
        self.editing = None
        editor = self.query_one("#plan-input", Input)
        editor.display = False
        self.query_one("#plan-fields", OptionList).focus()
        self.refresh_bindings()
        self.show_help()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a value is typed, only escape (to stop typing) is a key of the screen."""
        return self.editing is None or action == "back"

    # --- saving and leaving ------------------------------------------------------------------
    def action_save(self) -> None:
        from psoas_tui.services.plan_edit import save_edited

        if self.editing is not None:
            return
        saved = save_edited(self.draft)
        if isinstance(saved, str):
            self.show_problem(saved)
            return
        self.saved = self.draft
        self.psoas.plan_saved()
        self.notify(f"Plan saved: {saved}", timeout=8, markup=False)
        self.dismiss(None)

    def action_back(self) -> None:
        from psoas_tui.tui.dialogs.confirm import ConfirmDialog

        if self.editing is not None:
            self.show_problem("")
            self.stop_editing()
            return
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Leave without saving?", "Your changes to the plan are not saved."),
            answered,
        )
