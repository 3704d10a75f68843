"""The self-test: a safety gate, habits, symptoms, then the two physical tests on each side,
guided step by step with a short timer; a review where any answer can be changed; the result.

Back (b) and next (n) move between pages; answers are kept in a draft until the result. Nothing
is pre-filled: the hours are blank until typed and no answer is picked until the person picks
one. A red flag, or a test that hurts, ends the self-test at once with the result.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Checkbox, Header, Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from psoas_tui.selftest.questions import (
    GENERAL_KNOWLEDGE,
    INFERENCE_MARK,
    KNEE_LIFT_TEST,
    KNEEL_TEST,
    RED_FLAGS,
    RUNNER_QUESTION,
    SAFETY_GATE,
    SITTING_QUESTION,
    SYMPTOMS,
    PhysicalTest,
    Side,
    label,
    red_flag_label,
)
from psoas_tui.tui.base import VIM_KEYS, AppScreen
from psoas_tui.tui.keys import first_key, hint
from psoas_tui.tui.widgets.footer import Footer

if TYPE_CHECKING:
    from psoas_tui.selftest.answers import Answers
    from psoas_tui.services.selftest_outcome import SelfTestOutcome
    from psoas_tui.store.settings import Settings

TEST_PAGES: tuple[tuple[PhysicalTest, Side], ...] = (
    (KNEEL_TEST, "left"),
    (KNEEL_TEST, "right"),
    (KNEE_LIFT_TEST, "left"),
    (KNEE_LIFT_TEST, "right"),
)
PAGES: tuple[str, ...] = (
    "gate",
    "habits",
    "symptoms",
    "test0",
    "test1",
    "test2",
    "test3",
    "review",
)


@dataclass
class Draft:
    """The answers so far (they become an `Answers` model at the end)."""

    red_flags: list[str] = field(default_factory=list)
    sitting_hours: float | None = None
    """None until typed (a red flag ends the self-test before it is asked)."""
    runner: bool = False
    symptoms: list[str] = field(default_factory=list)
    tests: dict[tuple[str, Side], str] = field(default_factory=dict)

    def answer(self, test: PhysicalTest, side: Side) -> str:
        return self.tests.get((test.key, side), "skipped")

    def to_data(self) -> dict[str, object]:
        hours = {} if self.sitting_hours is None else {"sitting_hours": float(self.sitting_hours)}
        return {
            **hours,
            "runner": self.runner,
            "symptoms": list(self.symptoms),
            "red_flags": list(self.red_flags),
            "kneel_test": {side: self.answer(KNEEL_TEST, side) for side in ("left", "right")},
            "knee_lift_test": {
                side: self.answer(KNEE_LIFT_TEST, side) for side in ("left", "right")
            },
        }


class AnswerList(OptionList):
    """The answers to a test step: enter with nothing picked asks for a pick."""

    def action_select(self) -> None:
        if self.highlighted is None:
            self.notify("Pick one first: ↑/↓ to an answer, then enter.", markup=False)
            return
        super().action_select()


class SelfTestScreen(AppScreen):
    """Tight or weak? Questions and two guided tests, per side."""

    HELP_TITLE = "Self-test"
    HELP_PURPOSE = "tight or weak? Questions, then two guided tests per side"
    BINDINGS = [
        Binding("n", "next_page", "Next", tooltip="Next page (on the review: the result)"),
        Binding("b", "previous_page", "Back", tooltip="Previous page: any answer can be changed"),
        Binding(
            "space",
            "next_step",
            "Next step",
            show=False,
            tooltip="Next step of a test, without waiting for its timer",
        ),
        Binding("s", "skip_test", "Skip test", show=False, tooltip="Skip this test on this side"),
        *VIM_KEYS,
        Binding("escape", "leave", "Leave", tooltip="Leave the self-test (the answers are lost)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.draft = Draft()
        self.page = 0
        self.step = 0
        self.step_started = 0.0
        self._timer: Timer | None = None
        self.finishing = False
        """True from the last answer until the result screen closes: keys do not finish twice."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="selftest-progress", markup=False)
        yield VerticalScroll(id="selftest-page")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        await self._show_page()

    # --- pages ---------------------------------------------------------------------------
    @property
    def page_name(self) -> str:
        return PAGES[self.page]

    async def _show_page(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        container = self.query_one("#selftest-page", VerticalScroll)
        await container.remove_children()
        name = self.page_name
        keys = hint(self.BINDINGS, "next_page", "previous_page", "leave", brief=True)
        self.query_one("#selftest-progress", Static).update(
            f"Self-test · page {self.page + 1} of {len(PAGES)} · {keys}"
        )
        builders: dict[str, Callable[[], Sequence[Widget]]] = {
            "gate": self._gate_page,
            "habits": self._habits_page,
            "symptoms": self._symptoms_page,
            "review": self._review_page,
        }
        if name in builders:
            await container.mount_all(builders[name]())
        else:
            await container.mount_all(self._test_page())
            self.step = 0
            self.step_started = self.psoas.clock()
            self._timer = self.set_interval(0.25, self._tick_step)
        self._focus_first()

    def _key(self, action: str) -> str:
        """The key of one of this screen's actions, for the hints on a page."""
        return first_key(self.BINDINGS, action)

    def _focus_first(self) -> None:
        for selector in ("#answer", "SelectionList", "#hours", "#review-keys"):
            found = self.query(selector)
            if found:
                found.first().focus()
                return

    def _gate_page(self) -> list[Static | SelectionList[str]]:
        flags: SelectionList[str] = SelectionList(
            *[(red_flag_label(f), f.id, f.id in self.draft.red_flags) for f in RED_FLAGS],
            id="red-flags",
        )
        return [
            Static("Safety first", classes="panel-title", markup=False),
            Static(SAFETY_GATE, markup=False),
            flags,
            Static(f"{INFERENCE_MARK} {GENERAL_KNOWLEDGE}", classes="keys-hint", markup=False),
            Static(
                f"space: tick what applies · {self._key('next_page')}: none of these apply, go on",
                classes="keys-hint",
                markup=False,
            ),
        ]

    def _habits_page(self) -> list[Static | Input | Checkbox]:
        typed = self.draft.sitting_hours
        hours = Input(
            value="" if typed is None else f"{typed:g}",
            type="number",
            id="hours",
            placeholder="hours",
        )
        return [
            Static(SITTING_QUESTION, markup=False),
            hours,
            Checkbox(RUNNER_QUESTION, value=self.draft.runner, id="runner"),
            Static(
                "type the hours, then enter · tab: to the question below",
                classes="keys-hint",
                markup=False,
            ),
        ]

    def _symptoms_page(self) -> list[Static | SelectionList[str]]:
        ticked: SelectionList[str] = SelectionList(
            *[(s.label, s.id, s.id in self.draft.symptoms) for s in SYMPTOMS], id="symptoms"
        )
        return [
            Static("Which of these do you have? (tick all that apply)", markup=False),
            ticked,
            Static(
                f"space: tick · {self._key('next_page')}: next", classes="keys-hint", markup=False
            ),
        ]

    def _test_page(self) -> list[Static | OptionList]:
        test, side = TEST_PAGES[int(self.page_name.removeprefix("test"))]
        answers = AnswerList(
            *[
                Option(label(test.answers, choice.id, side), id=choice.id)
                for choice in test.answers
            ],
            id="answer",
            markup=False,
        )
        # Nothing is picked until the person picks it; going back shows their earlier pick.
        picked = self.draft.tests.get((test.key, side))
        answers.highlighted = None if picked is None else [c.id for c in test.answers].index(picked)
        return [
            Static(f"{test.name} — {side.upper()} side", classes="panel-title", markup=False),
            Static(f"{test.purpose} The side named is {test.side_means}.", markup=False),
            Static("", id="test-steps", markup=False),
            Static(test.question.replace("{side}", side), markup=False),
            answers,
            Static(
                f"{self._key('next_step')}: next step · ↑/↓ then enter: pick the answer · "
                f"{self._key('skip_test')}: skip this side",
                classes="keys-hint",
                markup=False,
            ),
        ]

    def _review_page(self) -> list[Static]:
        draft = self.draft
        typed = draft.sitting_hours
        hours = "not answered" if typed is None else f"{typed:g} hours a day"
        lines = [
            f"Your answers ({self._key('previous_page')} to go back and change any of them):",
            "",
            f"Red flags: {', '.join(label(RED_FLAGS, f) for f in draft.red_flags) or 'none'}",
            f"Sitting: {hours} · runs or plays sport: {'yes' if draft.runner else 'no'}",
            f"Symptoms: {', '.join(label(SYMPTOMS, s) for s in draft.symptoms) or 'none'}",
        ]
        for test, side in TEST_PAGES:
            lines.append(
                f"{test.name}, {side}: {label(test.answers, draft.answer(test, side), side)}"
            )
        return [
            Static("\n".join(lines), markup=False),
            Static(
                f"{self._key('next_page')} or enter: see the result",
                id="review-keys",
                classes="keys-hint",
                markup=False,
            ),
        ]

    # --- the timed steps of a physical test ----------------------------------------------
    def _current_test(self) -> tuple[PhysicalTest, Side] | None:
        if self.page_name.startswith("test"):
            return TEST_PAGES[int(self.page_name.removeprefix("test"))]
        return None

    def _tick_step(self) -> None:
        found = self._current_test()
        if found is None:
            return
        test, side = found
        if self.step < len(test.steps):
            seconds = test.steps[self.step].seconds
            left = seconds - (self.psoas.clock() - self.step_started)
            if left <= 0:
                self.app.bell()
                self.action_next_step()
                return
        self._show_steps(test, side)

    def _show_steps(self, test: PhysicalTest, side: Side) -> None:
        lines = []
        for number, step in enumerate(test.steps):
            text = step.for_side(side)
            if number < self.step:
                lines.append(f"  ✓ {text}")
            elif number == self.step:
                left = max(0, round(step.seconds - (self.psoas.clock() - self.step_started)))
                lines.append(f"▶ {text}  [{left} s]")
            else:
                lines.append(f"  · {text}")
        if self.step >= len(test.steps):
            lines.append("Done: choose what you noticed below.")
        self.query_one("#test-steps", Static).update("\n".join(lines))

    def action_next_step(self) -> None:
        found = self._current_test()
        if found is None:
            return
        test, side = found
        if self.step < len(test.steps):
            self.step += 1
            self.step_started = self.psoas.clock()
        self._show_steps(test, side)
        if self.step >= len(test.steps):
            self.query_one("#answer", OptionList).focus()

    async def action_skip_test(self) -> None:
        found = self._current_test()
        if found is not None:
            test, side = found
            self.draft.tests[(test.key, side)] = "skipped"
            await self.action_next_page()

    # --- answers -------------------------------------------------------------------------
    def _collect(self) -> bool:
        """Read the current page's widgets into the draft; False if something is not valid."""
        name = self.page_name
        if name == "gate":
            self.draft.red_flags = list(self.query_one("#red-flags", SelectionList).selected)
        elif name == "habits":
            text = self.query_one("#hours", Input).value.strip()
            try:
                hours = float(text)
            except ValueError:
                hours = -1.0
            if not 0 <= hours <= 24:
                self.notify("Sitting hours: a number from 0 to 24, please.", severity="warning")
                return False
            self.draft.sitting_hours = hours
            self.draft.runner = self.query_one("#runner", Checkbox).value
        elif name == "symptoms":
            self.draft.symptoms = list(self.query_one("#symptoms", SelectionList).selected)
        return True

    @on(OptionList.OptionSelected, "#answer")
    async def _answered(self, event: OptionList.OptionSelected) -> None:
        found = self._current_test()
        if found is not None and event.option.id:
            test, side = found
            self.draft.tests[(test.key, side)] = event.option.id
            if event.option.id == "pain":
                self._finish()  # it hurt: no more tests, straight to "see a professional"
                return
            await self.action_next_page()

    @on(Input.Submitted, "#hours")
    async def _hours_entered(self) -> None:
        await self.action_next_page()

    async def action_next_page(self) -> None:
        if not self._collect():
            return
        if self.page_name == "gate" and self.draft.red_flags:
            self._finish()  # a red flag: no tests, straight to "see a professional"
            return
        if self.page_name == "review":
            self._finish()
            return
        self.page += 1
        await self._show_page()

    async def action_previous_page(self) -> None:
        if self.page == 0:
            return
        self._collect()
        self.page -= 1
        await self._show_page()

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.page_name == "review":
            event.stop()
            self._finish()

    def action_leave(self) -> None:
        self.dismiss(None)

    def _finish(self) -> None:
        """Score the answers and show the result; keeping it (the history, the routine file,
        the settings) happens in a worker, off the event loop."""
        if self.finishing:
            return
        if self.draft.sitting_hours is None and not self.draft.red_flags:
            self.notify("How many hours a day do you sit? Please answer first.", markup=False)
            self.page = PAGES.index("habits")
            self.call_later(self._show_page)
            return
        from psoas_tui.selftest.answers import Answers

        self.finishing = True
        self._keep_result(Answers.model_validate(self.draft.to_data()))

    @work(thread=True, group="selftest-finish")
    def _keep_result(self, answers: Answers) -> None:
        from psoas_tui.services.selftest_outcome import finish_selftest
        from psoas_tui.store.settings import save_settings

        app = self.psoas
        outcome = finish_selftest(
            answers,
            app.catalogue,
            lambda: contextlib.nullcontext(app.history()),
            today=app.now().date(),
        )
        settings = None
        # Home suggests the routine just made; after "see a professional", none from the test.
        routine = str(outcome.saved_to) if outcome.saved_to is not None else ""
        if routine or (outcome.result.see_professional and app.settings.selftest_routine):
            settings = app.settings.model_copy(update={"selftest_routine": routine})
            try:
                save_settings(settings, app.settings_path)
            except OSError as error:
                app.settings_problem(str(error))
        self.post_message(self.Finished(outcome, settings))

    class Finished(Message):
        """The self-test was scored and kept (in a worker)."""

        def __init__(self, outcome: SelfTestOutcome, settings: Settings | None) -> None:
            super().__init__()
            self.outcome = outcome
            self.settings = settings
            """The settings as written, when they changed."""

    def on_self_test_screen_finished(self, message: Finished) -> None:
        from psoas_tui.tui.screens.selftest_result import SelfTestResultScreen

        if message.settings is not None:
            self.psoas.remember_settings(message.settings)

        async def closed(retake: bool | None) -> None:
            self.finishing = False
            if retake:
                self.page = len(PAGES) - 1
                await self._show_page()
            else:
                self.dismiss(None)

        self.app.push_screen(SelfTestResultScreen(message.outcome), closed)
