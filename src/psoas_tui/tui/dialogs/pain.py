"""The "this hurts" dialog: sharp pain or discomfort first, then where and how bad (1–10), then
what fits (`player.pain` decides): end the session, skip the exercise, an easier variant that
spares the place, or carrying on at a low score."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from psoas_tui.player.pain import (
    CARRY_ON_UP_TO,
    KIND_WORDS,
    LOCATIONS,
    EasierChoice,
    pain_actions,
    pain_warning,
)
from psoas_tui.player.session import PainAction, PainKind
from psoas_tui.tui.dialogs.base import Dialog
from psoas_tui.tui.keys import first_key, hint
from psoas_tui.tui.widgets.plain import PlainStatic

QUESTION = "Stopped. Is it sharp pain, or the discomfort of a stretch?"
KINDS: tuple[tuple[PainKind, str], ...] = (
    ("sharp", "Sharp pain: sudden, stabbing, or it makes you flinch"),
    ("discomfort", "Discomfort: the strong pull or ache of a stretch"),
)


@dataclass(frozen=True, slots=True)
class PainAnswer:
    kind: PainKind
    location: str
    severity: int
    action: PainAction


class PainDialog(Dialog[PainAnswer | None]):
    """Asks about the pain (the player is paused while it is open); escape goes back without a
    report."""

    HELP_TITLE = "This hurts"
    HELP_PURPOSE = (
        "sharp pain or discomfort first, then where (↑ ↓), how bad (1–9, 0 for 10), then what to do"
    )
    AUTO_FOCUS = "#kind"
    BINDINGS = [
        Binding("p", "kind('sharp')", "Sharp pain", tooltip="It is sharp pain"),
        Binding(
            "d", "kind('discomfort')", "Discomfort", tooltip="It is the discomfort of a stretch"
        ),
        Binding(
            "e",
            "act('easier')",
            "Easier variant",
            tooltip="An easier variant that spares where it hurts (for discomfort)",
        ),
        Binding("s", "act('skip')", "Skip exercise", tooltip="Skip this exercise"),
        Binding("q", "act('end')", "End session", tooltip="End the session here"),
        Binding(
            "c",
            "act('continue')",
            "Carry on",
            tooltip=f"Carry on (for discomfort up to {CARRY_ON_UP_TO} of 10)",
        ),
        Binding("escape", "cancel", "Back", tooltip="Back to the exercise, with no report"),
        Binding("j", "cursor_down", "Down", show=False, tooltip="Move down (as ↓)"),
        Binding("k", "cursor_up", "Up", show=False, tooltip="Move up (as ↑)"),
    ]

    def __init__(self, exercise: str, easier: Mapping[str, EasierChoice]) -> None:
        super().__init__()
        self.exercise = exercise
        self.easier = easier
        """For each place it may hurt, the easier variant that spares it (or why there is
        none)."""
        self.kind: PainKind | None = None
        self.severity: int | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="pain"):
            yield Static(QUESTION, id="pain-title", classes="dialog-title", markup=False)
            yield OptionList(*[Option(words, id=kind) for kind, words in KINDS], id="kind")
            yield Static("Where does it hurt?", id="where-title", markup=False)
            yield OptionList(
                *[Option(place, id=place) for place in LOCATIONS], id="where", compact=True
            )
            yield Static("", id="severity", markup=False)
            yield Static("", id="warning", classes="warning", markup=False)
            yield PlainStatic("", id="actions")

    def on_mount(self) -> None:
        self.query_one("#kind", OptionList).highlighted = 0
        self.query_one("#where", OptionList).highlighted = 0
        self._show()

    # --- what is shown -------------------------------------------------------------------
    @property
    def location(self) -> str:
        return LOCATIONS[self.query_one("#where", OptionList).highlighted or 0]

    def _easier(self) -> EasierChoice:
        return self.easier.get(self.location, EasierChoice(None))

    def _offered(self) -> tuple[PainAction, ...]:
        if self.kind is None:
            return ()
        return pain_actions(self.kind, self.severity, self._easier().exercise is not None)

    def _show(self) -> None:
        chosen = self.kind is not None
        self.query_one("#kind").display = not chosen
        for selector in ("#where-title", "#where", "#severity", "#actions"):
            self.query_one(selector).display = chosen
        title = QUESTION
        if self.kind is not None:
            change = hint(self.BINDINGS, "kind('sharp')", "kind('discomfort')", brief=True)
            title = f"Stopped — it is {KIND_WORDS[self.kind]} ({change})"
        self.query_one("#pain-title", Static).update(title)
        score = "press 1–9, 0 for 10" if self.severity is None else f"{self.severity}/10"
        self.query_one("#severity", Static).update(f"How bad, 1 (mild) to 10 (worst): {score}")
        self.query_one("#warning", Static).update(pain_warning(self.kind, self.severity))
        offered = self._offered()
        lines = []
        easier = self._easier()
        if "easier" in offered and easier.exercise is not None:
            # on a line of its own: the variant's name can be long
            key = hint(self.BINDINGS, "act('easier')", brief=True)
            lines.append(f"{key} — {easier.exercise.name}")
        elif self.kind == "discomfort" and easier.why_none:
            lines.append(easier.why_none)
        others = [f"act('{action}')" for action in offered if action != "easier"]
        lines.append(hint(self.BINDINGS, *others, "cancel", brief=True))
        self.query_one("#actions", Static).update("\n".join(lines))

    # --- keys ----------------------------------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        """Digits set how bad it is (0 means 10)."""
        if len(event.key) == 1 and event.key.isdigit():
            self.severity = 10 if event.key == "0" else int(event.key)
            event.stop()
            self._show()

    def _list(self) -> OptionList:
        return self.query_one("#kind" if self.kind is None else "#where", OptionList)

    def action_cursor_down(self) -> None:
        self._list().action_cursor_down()

    def action_cursor_up(self) -> None:
        self._list().action_cursor_up()

    def action_kind(self, kind: PainKind) -> None:
        self.kind = kind
        self._show()
        self.query_one("#where", OptionList).focus()

    @on(OptionList.OptionSelected, "#kind")
    def _kind_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_kind("sharp" if event.option.id == "sharp" else "discomfort")

    @on(OptionList.OptionHighlighted, "#where")
    def _place_highlighted(self) -> None:
        self._show()

    @on(OptionList.OptionSelected, "#where")
    def _place_selected(self) -> None:
        if self.severity is None:
            self.notify("How bad is it? Press 1–9, or 0 for 10.")

    def action_act(self, action: PainAction) -> None:
        if self.kind is None:
            sharp = first_key(self.BINDINGS, "kind('sharp')")
            discomfort = first_key(self.BINDINGS, "kind('discomfort')")
            self.notify(
                f"First: sharp pain ({sharp}) or discomfort ({discomfort})?", severity="warning"
            )
            return
        if self.severity is None:
            self.notify("How bad is it? Press 1–9, or 0 for 10.", severity="warning")
            return
        if action not in self._offered():
            return
        self.dismiss(PainAnswer(self.kind, self.location, self.severity, action))

    def action_cancel(self) -> None:
        self.dismiss(None)
