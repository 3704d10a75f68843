"""The self-test result: the verdict per side and why, what changed since last time, and the
routine made for it — playable at once (p), already saved as a user routine. A result that says
to see a professional has no routine and no play key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from psoas_tui.selftest.report import headline, result_lines, routine_lines
from psoas_tui.services.selftest_outcome import SelfTestOutcome
from psoas_tui.tui.background import SteadyBackground
from psoas_tui.tui.keys import hint
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic


class SelfTestResultScreen(SteadyBackground, Screen[bool]):
    """Dismisses with True to go back to the answers, False to leave."""

    HELP_TITLE = "Self-test result"
    HELP_PURPOSE = "the verdict per side, why, and a routine made for it"
    BINDINGS = [
        Binding("p,enter", "play", "Play it now", tooltip="Play the routine made for you now"),
        Binding("b", "back", "Change answers", tooltip="Back to your answers, to change any"),
        Binding("escape,q", "leave", "Done", tooltip="Done (the routine stays in your folder)"),
        Binding("j", "scroll('down')", "Down", show=False, tooltip="Scroll down"),
        Binding("k", "scroll('up')", "Up", show=False, tooltip="Scroll up"),
    ]

    def __init__(self, outcome: SelfTestOutcome) -> None:
        super().__init__()
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        outcome = self.outcome
        yield Header()
        with VerticalScroll(id="selftest-result"):
            result = outcome.result
            urgent = "urgent" if result.urgent else ""
            yield Static(headline(result), id="verdict", classes=urgent, markup=False)
            classes = urgent or ("warning" if result.see_professional else "")
            yield Static("\n".join(result_lines(outcome.result)[1:]), classes=classes, markup=False)
            if outcome.changes:
                yield Static("Since last time", classes="panel-title", markup=False)
                yield PlainStatic("\n".join(outcome.changes), id="changes")
            if outcome.plan is not None:
                yield Static(
                    "\n".join(routine_lines(outcome.plan)), id="made-routine", markup=False
                )
                where = (
                    f"Saved in your routines folder as {outcome.saved_to.name}"
                    if outcome.saved_to
                    else ""
                )
                play = hint(self.BINDINGS, "play", brief=True)
                yield Static(
                    f"{where}\n{play} · it is also suggested on the home screen",
                    classes="keys-hint",
                    markup=False,
                )
            for problem in outcome.problems:
                yield PlainStatic(problem, classes="warning")
        yield Footer(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No play key (nor its footer entry) when there is no routine."""
        return not (action == "play" and self.outcome.plan is None)

    def action_play(self) -> None:
        plan = self.outcome.plan
        if plan is None:
            self.notify("No routine for this result: please see a professional first.")
            return
        from psoas_tui.tui.app import PsoasApp

        app = self.app
        assert isinstance(app, PsoasApp)
        app.play(plan)

    def action_scroll(self, direction: str) -> None:
        scroller = self.query_one("#selftest-result", VerticalScroll)
        if direction == "down":
            scroller.scroll_down()
        else:
            scroller.scroll_up()

    def action_back(self) -> None:
        self.dismiss(True)

    def action_leave(self) -> None:
        self.dismiss(False)
