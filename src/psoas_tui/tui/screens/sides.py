"""Sides (s on the history): left against right over the last 12 weeks. The call-out when one
side keeps coming out behind, a row a week of the answers "which side felt tighter or weaker"
and the pain reported on each side (`SideWeeks`), and what each self-test found on each side.
Everything scrolls in a small window."""

from __future__ import annotations

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Header, Static

from psoas_tui.tui.base import AppScreen
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic
from psoas_tui.tui.widgets.side_weeks import BAR, SideWeeks
from psoas_tui.weeks.sides import WEEKS, SideTest, SideTrend

TESTS_SHOWN = 6
"""The latest self-tests listed."""
LEGEND = f"{BAR} an answer naming that side\nsame: no difference · pain: reports"
"""Under the chart, as wide as it."""
NARROW = 80
"""Under this many columns the self-tests go under the chart, not beside it."""
NO_ANSWERS = (
    "No answers yet. After an exercise done on each side, the player asks which side felt "
    "tighter (after a stretch) or weaker (after a strengthening move)."
)


def selftest_line(test: SideTest) -> str:
    """Two lines: "02 Nov 2026  left  tight, weak" and, under "left", "right clear"."""

    def found(side: str) -> str:
        return ", ".join(test.of(side)) or "clear"

    return f"{test.taken:%d %b %Y}  left  {found('left')}\n{'':13}right {found('right')}"


def summary_lines(trend: SideTrend) -> list[str]:
    """The call-outs, or what the answers add up to when none is called out."""
    if trend.call_outs:
        return [call.text for call in trend.call_outs]
    left = sum(week.left for week in trend.weeks)
    same = sum(week.same for week in trend.weeks)
    right = sum(week.right for week in trend.weeks)
    if not left + same + right:
        return [NO_ANSWERS]
    return [
        f"Answers in {WEEKS} weeks: left {left}, same {same}, right {right} — neither side has "
        "kept coming out behind."
    ]


class SidesScreen(AppScreen):
    """Left against right over the weeks."""

    HELP_TITLE = "Sides"
    HELP_PURPOSE = (
        "left against right over 12 weeks: which side felt tighter or weaker, pain on each side, "
        "the self-tests"
    )
    BINDINGS = [
        Binding("j", "scroll('down')", "Down", show=False, tooltip="Scroll down (as ↓)"),
        Binding("k", "scroll('up')", "Up", show=False, tooltip="Scroll up (as ↑)"),
        Binding("escape,q", "back", "Back"),
    ]

    class Loaded(Message):
        def __init__(self, trend: SideTrend | None, problem: str) -> None:
            super().__init__()
            self.trend = trend
            self.problem = problem

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="sides"):
            yield Static(f"Left and right — the last {WEEKS} weeks", classes="sides-title")
            yield PlainStatic("Loading…", id="sides-call-out")
            with Horizontal(id="sides-body"):
                with Vertical(id="sides-chart"):
                    yield SideWeeks(id="side-weeks")
                    yield Static(LEGEND, id="sides-legend", markup=False)
                with Vertical(id="sides-selftests"):
                    yield Static("Self-tests, side by side", classes="sides-title")
                    yield PlainStatic("", id="sides-tests")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sides", VerticalScroll).focus()
        self.set_class(self.size.width < NARROW, "-narrow")
        self.load()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        from psoas_tui.store.history import HistoryError
        from psoas_tui.weeks.sides import side_trend

        try:
            history = self.psoas.history()
            answers = history.side_answers()
            pain = history.sided_pain()
            selftests = history.selftests()
        except (HistoryError, OSError) as error:
            self.post_message(self.Loaded(None, str(error)))
            return
        self.post_message(self.Loaded(side_trend(answers, pain, selftests, self.psoas.today()), ""))

    def on_sides_screen_loaded(self, message: Loaded) -> None:
        call_out = self.query_one("#sides-call-out", Static)
        trend = message.trend
        if trend is None:
            call_out.update(f"The history cannot be read: {message.problem}")
            return
        call_out.update("\n".join(summary_lines(trend)))
        call_out.set_class(bool(trend.call_outs), "-behind")
        self.query_one(SideWeeks).show(trend)
        tests = [selftest_line(test) for test in reversed(trend.tests[-TESTS_SHOWN:])]
        self.query_one("#sides-tests", Static).update(
            "\n".join(tests) or "No self-test yet: t on home takes it, each side tested."
        )

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#sides", VerticalScroll)
        if direction == "down":
            scroll.scroll_down()
        else:
            scroll.scroll_up()

    def action_back(self) -> None:
        self.dismiss(None)
