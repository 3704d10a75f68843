"""The full-screen session player: big countdown, side, set, reps, cue, bars and what is next.

Made to be read at a glance from the floor: the countdown and the side are drawn in big pixel
letters that grow with the window (`player_layout`), the top lines say which routine, which
exercise of how many, which set and whether sound and voice are on, and PAUSED is in the headline.
From 80 columns a region beside the countdown (`#figure-slot`) holds the pose figure.

The screen owns no timing: it asks the `Session` (on an injected clock) what to show, repaints
only when the `PlayerView` changes, and wakes up just before the next visible change. Whatever
covers it (a dialog, help, the command palette) pauses the session until it is back on top.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from psoas_tui.audio.processes import served
from psoas_tui.catalogue.model import Catalogue
from psoas_tui.player.clock import Clock
from psoas_tui.player.cue_plan import announcements
from psoas_tui.player.pain import LOCATIONS, easier_variant
from psoas_tui.player.session import Cue, Event, PainReport, Session
from psoas_tui.player.side_question import CHOICES, SideQuestion, side_question
from psoas_tui.player.summary import summarise
from psoas_tui.player.timeline import Timeline
from psoas_tui.player.view import (
    CUE_SECONDS,
    PlayerView,
    figure_moves_in,
    player_view,
    sound_label,
)
from psoas_tui.routine.resolve import plan_single
from psoas_tui.services.session_recorder import SessionRecorder
from psoas_tui.store.records import SideChoice
from psoas_tui.tui.background import SteadyBackground
from psoas_tui.tui.dialogs.confirm import ConfirmDialog
from psoas_tui.tui.dialogs.pain import PainAnswer, PainDialog
from psoas_tui.tui.keys import hint
from psoas_tui.tui.screens.player_layout import PlayerScale, context_line, player_scale
from psoas_tui.tui.screens.summary import SummaryScreen
from psoas_tui.tui.widgets.bar import Bar
from psoas_tui.tui.widgets.big_text import BigText
from psoas_tui.tui.widgets.figure import PoseFigure
from psoas_tui.tui.widgets.footer import Footer
from psoas_tui.tui.widgets.plain import PlainStatic

FEW_COLOURS = ("standard", "windows")
"""Rich's colour systems of 16 or 8 colours, where the theme's colours can merge."""


class PlayerScreen(SteadyBackground, Screen[None]):
    """Plays one routine; dismisses when the summary is closed."""

    HELP_TITLE = "Player"
    HELP_PURPOSE = "the session: countdown, side, set, cue and what comes next"
    BINDINGS = [
        Binding("space", "toggle_pause", "Pause", tooltip="Pause / resume"),
        Binding("space", "resume", "Resume", tooltip="Resume (the Footer's word while paused)"),
        Binding("n,right,l", "next", "Next", tooltip="Next: skip the rest of this part"),
        Binding("p,left,h", "previous", "Back", tooltip="Back to the start of the previous part"),
        Binding("r", "restart", "Redo", tooltip="Restart this part"),
        Binding(
            "plus,equals_sign", "adjust(5)", "±5s", key_display="+/-", tooltip="5 s more on a hold"
        ),
        Binding("minus,underscore", "adjust(-5)", "-5s", show=False, tooltip="5 s less on a hold"),
        Binding("enter", "reps_done", "Done", tooltip="Reps done"),
        Binding("i", "instructions", "Steps", tooltip="The steps of the exercise (and back)"),
        Binding("m", "mute", "Mute", tooltip="Sound on / off (the bell and the voice)"),
        Binding("v", "voice", "Voice", tooltip="Spoken cues on / off"),
        Binding(
            "exclamation_mark",
            "hurts",
            "Hurts",
            key_display="!",
            tooltip="This hurts: stops, asks sharp pain or discomfort, where and how bad, and "
            "offers what fits: an easier variant, a skip, the end",
        ),
        Binding(
            "1",
            "side('left')",
            "left",
            show=False,  # the question's line says 1 2 3 while it is asked
            tooltip="After both sides of an exercise: the left felt tighter (after a stretch) or "
            "weaker (after a strengthening move)",
        ),
        Binding(
            "2",
            "side('same')",
            "same",
            show=False,
            tooltip="After both sides of an exercise: both felt the same",
        ),
        Binding(
            "3",
            "side('right')",
            "right",
            show=False,
            tooltip="After both sides of an exercise: the right felt tighter or weaker",
        ),
        Binding(
            "q,escape",
            "quit_session",
            "Quit",
            tooltip="Quit the session (asks first; what you did is saved)",
        ),
    ]

    def __init__(
        self,
        timeline: Timeline,
        clock: Clock,
        recorder: SessionRecorder,
        catalogue: Catalogue | None = None,
        muted: bool = False,
        on_mute: Callable[[bool], None] | None = None,
        voice: bool = True,
        on_voice: Callable[[bool], None] | None = None,
    ) -> None:
        super().__init__()
        self.on_mute = on_mute
        self.on_voice = on_voice
        self.voice = voice
        """Whether cues are spoken (when not muted)."""
        self.bell_only = served()
        """In a browser page (`psoas serve`): the cues can only ring the page's bell."""
        self.scale = player_scale(80, 24)
        """The sizes of the big parts, for the present window size."""
        self.session = Session(timeline, clock)
        self.recorder = recorder
        self.catalogue = catalogue
        self.muted = muted
        self.show_steps = False
        self._view: PlayerView | None = None
        self._timer: Timer | None = None
        self._paused_while_covered = False
        """The session was running when something covered the player, which paused it."""
        self._answered: set[tuple[int, str]] = set()
        """The turns of exercises (index, id) whose side question was answered."""
        self._asking: SideQuestion | None = None

    # --- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # Textual draws every widget whose container meets a repaint's area again: what
        # changes every second (countdown, bars) sits together, and what does not is grouped in
        # containers above and below it, so that a second's repaint leaves those alone.
        with Vertical(id="player"):
            with Vertical(id="player-head"):
                with Horizontal(id="player-context"):
                    yield PlainStatic("", id="routine")
                    yield Static("", id="sound", markup=False)
                with Horizontal(id="player-top"):
                    yield Static("", id="headline", markup=False)
                    yield Static("", id="set", markup=False)
                yield PlainStatic("", id="exercise")
                yield BigText("", id="side")
                yield PlainStatic("", id="coming")
                yield PlainStatic("", id="side-instruction")
            with Horizontal(id="stage"):
                with Container(id="figure-slot"):
                    yield PoseFigure(id="figure")
                yield BigText("", id="countdown")
            yield Static("", id="reps", markup=False)
            yield Bar("this", id="segment-bar", classes="bar-row")
            yield Bar("all", id="session-bar", classes="bar-row")
            with Vertical(id="player-foot"):
                yield PlainStatic("", id="cue")
                yield PlainStatic("", id="steps")
                yield PlainStatic("", id="next")
                yield PlainStatic("", id="side-question")
                yield Static("", id="hint", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        self.set_class(height < 30, "-compact")
        self.set_class(height < 15, "-tiny")
        self._apply_scale(player_scale(width, height))

    def _apply_scale(self, scale: PlayerScale) -> None:
        """Size the big parts for the window (on a resize only: never during a hold)."""
        self.scale = scale
        self.query_one("#stage").styles.height = scale.countdown_rows
        self.query_one("#side").styles.height = scale.banner_rows
        slot = self.query_one("#figure-slot")
        slot.styles.width = max(scale.figure_columns, 1)
        self._show_figure_slot()
        self.set_class(scale.large, "-large")
        if self._view is not None:
            self._show_context(self._view)

    def _show_figure_slot(self) -> None:
        """The figure's region, in a window wide enough and for an exercise that has a figure
        (else the countdown takes the width)."""
        figure = self.query_one("#figure", PoseFigure)
        self.query_one("#figure-slot").display = (
            self.scale.figure_columns > 0 and figure.shown is not None
        )

    def _show_context(self, view: PlayerView) -> None:
        """The routine's name (shortened to fit) and which exercise of how many."""
        padding = 2 if self.has_class("-tiny") else 4
        badge = sound_label(self.muted, self.voice, self.bell_only)
        room = self.size.width - padding - len(badge) - 1
        line = context_line(view.routine, view.position, room)
        self.query_one("#routine", Static).update(line, layout=False)

    def on_mount(self) -> None:
        # In 16 or 8 colours the theme's blues become one colour: sides get ANSI colours then.
        self.set_class(self.app.console.color_system in FEW_COLOURS, "-few-colours")
        self._show_sound()
        self.recorder.begin(self.session.timeline)
        if self.recorder.notice:
            self.notify(self.recorder.notice, severity="warning", timeout=8, markup=False)
        self._handle(self.session.start())
        self.poll()

    # --- covered and uncovered ------------------------------------------------------------
    def on_screen_suspend(self) -> None:
        """Something covers the player (a dialog, help, the palette): the session pauses."""
        if self.session.state == "running":
            self._paused_while_covered = True
            self._after(self.session.pause())

    def on_screen_resume(self) -> None:
        """The player is on top again: the session goes on if it was running when covered."""
        if self._paused_while_covered and self.is_active:
            self._paused_while_covered = False
            self._after(self.session.resume())

    # --- the clock -----------------------------------------------------------------------
    def poll(self) -> None:
        """Advance the session to now, repaint if anything visible changed, and sleep until
        the next visible change (a whole second of the countdown, a rep, a cue)."""
        if self.session.is_over:
            return
        self._handle(self.session.tick())
        self._repaint()
        self._schedule()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        session = self.session
        if session.is_over or session.paused:
            return
        delay = 1.0
        remaining = session.remaining()
        if remaining is not None:
            delay = remaining - math.floor(remaining) or 1.0
        elapsed = session.elapsed()
        tempo = session.segment.exercise.tempo_seconds
        if session.segment.kind == "reps" and tempo:
            delay = min(delay, tempo - (elapsed % tempo) or tempo)
            moves = figure_moves_in(session, self.catalogue) if self.scale.figure_columns else None
            if moves is not None:  # the figure moves: wake when it does, not more often
                delay = min(delay, moves)
        if session.segment.is_work:
            delay = min(delay, CUE_SECONDS - (elapsed % CUE_SECONDS) or CUE_SECONDS)
        due = session.next_due()  # a sound or words due between whole seconds (halfway of 45 s)
        if due is not None:
            delay = min(delay, max(0.0, due - session.clock()) or delay)
        # Wake just after the change (Textual's timers fire up to half a millisecond early): a
        # segment that ends is written to the history at this wake-up, before the next is shown.
        self._timer = self.set_timer(max(0.001, delay + 0.001), self.poll)

    def _handle(self, events: list[Event]) -> None:
        self.recorder.handle(events)  # committed now, before any repaint shows what comes next
        problem = self.recorder.take_problem()
        if problem:
            self.notify(problem, severity="error", timeout=10, markup=False)
        cues = [event for event in events if isinstance(event, Cue)]
        heard = announcements(cues, self.session.timeline)
        if heard and not self.muted:  # sounds and voice play in the background: no waiting
            announce = getattr(self.app, "announce", None)
            if announce is None:
                self.app.bell()
            else:
                announce(heard, voice=self.voice)
        if any(cue.kind == "done" for cue in cues):
            self._end()

    def _repaint(self) -> None:
        view = player_view(self.session, self.catalogue)
        old = self._view
        if view == old:
            return
        self._view = view

        old_set = old.set_text if old is not None else ""

        def changed(*names: str) -> bool:
            return old is None or any(getattr(old, n) != getattr(view, n) for n in names)

        # Only what changed is touched, and text that keeps its size does not re-lay out the
        # screen: during a hold only the countdown and the bars change, once a second.
        if changed("headline", "paused"):
            headline = self.query_one("#headline", Static)
            headline.update(view.headline, layout=False)
            headline.set_class(view.paused, "paused")
        if changed("paused"):
            self.refresh_bindings()  # the Footer's space reads Resume while paused
        if changed("kind"):
            self.refresh_bindings()  # Done on reps, ±5s on the rest
            self.set_class(bool(view.coming), "-between")
        if changed("routine", "position"):
            self._show_context(view)
        if changed("set_text"):
            set_text = self.query_one("#set", Static)
            set_text.update(view.set_text, layout=len(view.set_text) != len(old_set))
            set_text.display = bool(view.set_text)
        if changed("exercise"):
            self.query_one("#exercise", Static).update(view.exercise)
        if changed("side"):
            side = self.query_one("#side", BigText)
            label = f"{view.side} SIDE" if view.side in ("LEFT", "RIGHT") else (view.side or "")
            side.update(label)
            side.set_class(view.side == "LEFT", "left")
            side.set_class(view.side == "RIGHT", "right")
            side.set_class(view.side == "ALTERNATE", "alternate")
            side.display = view.side is not None
        if changed("coming"):
            coming = self.query_one("#coming", Static)
            coming.update(view.coming)
            coming.display = bool(view.coming)
        if changed("side_instruction"):
            instruction = self.query_one("#side-instruction", Static)
            instruction.update(view.side_instruction)
            instruction.set_class(not view.side_instruction, "-empty")
        if changed("countdown", "paused", "reps_goal"):
            countdown = self.query_one("#countdown", BigText)
            countdown.sizing = view.countdown_widest
            countdown.update(view.countdown or view.reps_goal)
            countdown.set_class(view.paused, "paused")
        if changed("figure"):
            figure = self.query_one("#figure", PoseFigure)
            if view.figure is None:
                figure.show(None)
            else:
                figure.show(*view.figure)
            if old is None or (old.figure is None) != (view.figure is None):
                self._show_figure_slot()
        if changed("reps_text"):
            reps = self.query_one("#reps", Static)
            reps.update(view.reps_text)
            reps.display = bool(view.reps_text)
        if changed("cue", "notes"):
            cue = view.cue + (f"\nnote: {view.notes}" if view.notes else "")
            self.query_one("#cue", Static).update(cue)
        if changed("steps"):
            steps = "\n".join(f"{n}. {step}" for n, step in enumerate(view.steps, start=1))
            self.query_one("#steps", Static).update(steps)
        self.query_one("#segment-bar", Bar).fraction = view.segment_fraction
        self.query_one("#session-bar", Bar).fraction = view.session_fraction
        self.query_one("#session-bar", Bar).suffix = f"{view.session_left} left"
        if changed("next_text"):
            self.query_one("#next", Static).update(view.next_text)
        if changed("hint", "paused"):
            hint_line = self.query_one("#hint", Static)
            hint_line.update(view.hint)
            hint_line.set_class(view.paused, "paused")
            hint_line.display = bool(view.hint)  # an empty line is not drawn on every repaint
        if changed("kind", "position", "side", "set_text"):
            self._show_side_question()

    def _pending_question(self) -> SideQuestion | None:
        """The side question to ask now, unless it was answered."""
        question = side_question(self.session, self.catalogue)
        if question is None or (question.exercise_index, question.exercise_id) in self._answered:
            return None
        return question

    def _show_side_question(self) -> None:
        """The question line after both sides of an exercise (gone once answered, or when the
        next exercise's work starts)."""
        question = None if self.session.is_over else self._pending_question()
        if question == self._asking:
            return
        self._asking = question
        line = self.query_one("#side-question", Static)
        if question is not None:
            keys = hint(self.BINDINGS, *(f"side('{c}')" for c in CHOICES), brief=True)
            line.update(f"{question.words}  {keys}")
        line.display = question is not None
        self.refresh_bindings()  # 1 2 3 answer only while asking

    def _after(self, events: list[Event]) -> None:
        self._handle(events)
        if not self.session.is_over:
            self._repaint()
            self._schedule()

    # --- keys ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Space is Pause while running and Resume while paused (one shows in the Footer);
        Done is offered on reps only, ±5s on everything else."""
        if action == "toggle_pause":
            return not self.session.paused
        if action == "resume":
            return self.session.paused
        if action == "side":
            return self._asking is not None
        if action in ("reps_done", "adjust"):
            # Done on reps, ±5s on the rest: the Footer offers what the moment allows.
            on_reps = self.session.is_over or self.session.segment.kind == "reps"
            return on_reps if action == "reps_done" else not on_reps
        return True

    def action_toggle_pause(self) -> None:
        self._after(self.session.toggle_pause())

    def action_resume(self) -> None:
        self._after(self.session.resume())

    def action_next(self) -> None:
        self._after(self.session.next())

    def action_previous(self) -> None:
        self._after(self.session.previous())

    def action_restart(self) -> None:
        self._after(self.session.restart_segment())

    def action_adjust(self, seconds: int) -> None:
        self._after(self.session.adjust(seconds))

    def action_reps_done(self) -> None:
        self._after(self.session.mark_reps_done())

    def action_side(self, choice: SideChoice) -> None:
        """Answer the side question (kept in the history at once)."""
        question = self._asking
        if question is None:
            return
        self._answered.add((question.exercise_index, question.exercise_id))
        self.recorder.answer_side(question.answer(choice, self.recorder.now()))
        self._show_side_question()

    def action_instructions(self) -> None:
        """Show the steps in place of the cue, bars and what is next (and back)."""
        self.show_steps = not self.show_steps
        self.set_class(self.show_steps, "-steps")

    def action_mute(self) -> None:
        self.muted = not self.muted
        if self.on_mute is not None:
            self.on_mute(self.muted)
        self._show_sound()

    def action_voice(self) -> None:
        self.voice = not self.voice
        if self.on_voice is not None:
            self.on_voice(self.voice)
        self._show_sound()

    def _show_sound(self) -> None:
        sound = self.query_one("#sound", Static)
        sound.update(sound_label(self.muted, self.voice, self.bell_only))
        sound.set_class(self.muted, "muted")
        if self._view is not None:
            self._show_context(self._view)

    def action_hurts(self) -> None:
        if self.session.is_over:
            return
        exercise = self.session.segment.exercise
        variants = {
            place: easier_variant(self.catalogue, exercise.exercise_id, place)
            for place in LOCATIONS
        }

        def answered(answer: PainAnswer | None) -> None:
            if answer is None or self.session.is_over:
                return
            report = PainReport(answer.location, answer.severity, answer.action, answer.kind)
            self.session.report_pain(report)
            easier = variants[answer.location].exercise
            if answer.action == "easier" and easier is not None:
                replacement = plan_single(easier, sets=self.session.segment.sets)
                self._after(self.session.swap_exercise(replacement))
                self.notify(f"Switched to the easier {easier.name}", timeout=4)
            elif answer.action == "skip":
                self._after(self.session.skip_exercise())
            elif answer.action == "end":
                self._handle(self.session.stop())
                self._end()

        self.app.push_screen(PainDialog(exercise.name, variants), answered)

    def action_quit_session(self) -> None:
        if self.session.is_over:
            return

        def answered(quit_: bool | None) -> None:
            if quit_ and not self.session.is_over:
                self._handle(self.session.stop())
                self._end()

        self.app.push_screen(
            ConfirmDialog("Quit this session?", "What you have done so far is saved."), answered
        )

    # --- helpers -------------------------------------------------------------------------
    def _end(self) -> None:
        """The session is over (played to the end or stopped): record how, show the summary."""
        if self._timer is not None:
            self._timer.stop()
        summary = summarise(self.session)
        self.recorder.finish(summary.outcome)

        def closed(_: object) -> None:
            self.dismiss(None)

        notice = ""
        if self.recorder.problem:
            notice = f"This session could not be saved in the history: {self.recorder.problem}"
        question = self._pending_question()
        self._asking = None
        self.query_one("#side-question", Static).display = False
        on_side = None
        if question is not None:
            asked = question

            def on_side(choice: SideChoice) -> None:
                self.recorder.answer_side(asked.answer(choice, self.recorder.now()))

        self.app.push_screen(
            SummaryScreen(
                summary,
                self.recorder.rate,
                notice,
                question,
                on_side,
                routine=self.session.timeline.plan,
            ),
            closed,
        )
