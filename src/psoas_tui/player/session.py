"""The session state machine: runs a `Timeline` on an injected monotonic clock.

A timed segment ends at its *deadline*; time left is always `deadline - clock()`, never a count of
ticks. Pausing moves the deadline by exactly the paused time, and when the event loop stalls past
a deadline the next segment starts *at* that deadline, so no segment is ever shortened or
lengthened by a late tick. Every call that changes state returns the `Event`s it caused: cues for
sound and screen, and `SegmentFinished` records for the history. `next_due()` says when the next
cue or deadline falls due, so that a plan of every cue can be made on a fake clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Literal

from psoas_tui.player.clock import Clock
from psoas_tui.player.timeline import Segment, Side, Timeline, build_timeline
from psoas_tui.routine.plan import PlannedExercise

State = Literal["ready", "running", "paused", "finished", "stopped"]
CueKind = Literal[
    "segment_start", "halfway", "countdown", "rep", "switch_sides", "segment_end", "done"
]
HALFWAY_MIN_SECONDS = 30
COUNTDOWN_FROM = 3
ADJUST_STEP = 5.0
_EPSILON = 1e-9
"""Slack for float sums: a clock set to exactly a rep's start counts as having reached it."""


@dataclass(frozen=True, slots=True)
class Cue:
    """Something to announce: a sound and, on screen, a word."""

    kind: CueKind
    value: int | None = None
    """For `countdown`: the seconds left (3, 2, 1); for `rep`: the number of the rep that
    begins (1, 2, …; for alternating reps, each side's move of one rep has the same number)."""
    segment: int | None = None
    """The index of the segment the cue belongs to (one tick that catches up after a stall can
    cross segments); for `done`, the last segment."""
    side: Side | None = None
    """For `rep` of alternating reps: the side that moves now."""


PainKind = Literal["sharp", "discomfort"]
PainAction = Literal["easier", "skip", "continue", "end"]


@dataclass(frozen=True, slots=True)
class PainReport:
    """A "this hurts" report: where, how bad from 1 to 10, whether sharp pain or the discomfort
    of a stretch, and what was done about it (an easier variant, skip the exercise, carry on, or
    end the session)."""

    location: str
    severity: int
    action: PainAction = "continue"
    kind: PainKind = "discomfort"


@dataclass(frozen=True, slots=True)
class SegmentFinished:
    """A segment that was left, done in full or skipped."""

    segment: Segment
    status: Literal["done", "skipped"]
    planned_seconds: float | None
    actual_seconds: float
    pain: tuple[PainReport, ...] = ()


Event = Cue | SegmentFinished


@dataclass
class _Running:
    """Book-keeping for the current segment."""

    started_at: float
    deadline: float | None
    paused_at: float | None = None
    paused_total: float = 0.0
    halfway_sent: bool = False
    last_countdown: int | None = None
    moves_begun: int = 0
    """For timed reps: how many moves (reps, or one side of an alternating rep) have begun."""
    pain: list[PainReport] = field(default_factory=list)


class Session:
    """Walks through a timeline: start, pause, resume, next, previous, restart, adjust, stop."""

    def __init__(self, timeline: Timeline, clock: Clock) -> None:
        self.timeline = timeline
        self.clock = clock
        self.state: State = "ready"
        self.index = 0
        self.finished: list[SegmentFinished] = []
        self._run: _Running | None = None

    # --- reading -------------------------------------------------------------------------
    @property
    def segment(self) -> Segment:
        return self.timeline.segments[self.index]

    @property
    def is_over(self) -> bool:
        return self.state in ("finished", "stopped")

    @property
    def paused(self) -> bool:
        return self.state == "paused"

    def _now(self) -> float:
        run = self._run
        if run is not None and run.paused_at is not None:
            return run.paused_at
        return self.clock()

    def remaining(self) -> float | None:
        """Seconds left in the current segment (None for open-ended reps)."""
        if self._run is None:
            seconds = self.segment.seconds
            return None if seconds is None else seconds
        if self._run.deadline is None:
            return None
        return max(0.0, self._run.deadline - self._now())

    def elapsed(self) -> float:
        """Seconds spent in the current segment, pauses excluded."""
        run = self._run
        if run is None:
            return 0.0
        return max(0.0, self._now() - run.started_at - run.paused_total)

    def planned(self) -> float | None:
        """Length of the current segment as it stands now (with any ± adjustments)."""
        run = self._run
        if run is None or run.deadline is None:
            return self.segment.seconds
        return run.deadline - run.started_at - run.paused_total

    def session_remaining(self) -> float:
        """Estimated seconds left in the whole session, current segment included."""
        current = self.remaining()
        if current is None:
            current = max(0.0, self.segment.estimated_seconds() - self.elapsed())
        later = sum(s.estimated_seconds() for s in self.timeline.segments[self.index + 1 :])
        return current + later

    def next_segment(self) -> Segment | None:
        following = self.index + 1
        return self.timeline.segments[following] if following < len(self.timeline) else None

    # --- changing ------------------------------------------------------------------------
    def start(self) -> list[Event]:
        """Begin the first segment."""
        if self.state != "ready":
            return []
        self.state = "running"
        return self._enter(self.index, self.clock())

    def pause(self) -> list[Event]:
        events = self._catch_up()
        if self.state == "running" and self._run is not None:
            self._run.paused_at = self.clock()
            self.state = "paused"
        return events

    def resume(self) -> list[Event]:
        if self.state == "paused" and self._run is not None and self._run.paused_at is not None:
            gap = self.clock() - self._run.paused_at
            self._run.paused_total += gap
            if self._run.deadline is not None:
                self._run.deadline += gap
            self._run.paused_at = None
            self.state = "running"
        return []

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self.paused else self.pause()

    def tick(self) -> list[Event]:
        """Advance past every deadline that has gone by and return the cues that fall due."""
        return self._catch_up(cues=True)

    def _catch_up(self, cues: bool = False) -> list[Event]:
        """End every segment whose deadline has passed (so a late key never stretches a
        segment that is already over); with `cues`, also the cues that fall due now."""
        events: list[Event] = []
        if self.state != "running":
            return events
        now = self.clock()
        while self.state == "running" and self._run is not None:
            run = self._run
            if run.deadline is None:
                break
            if now < run.deadline:
                if cues:
                    events.extend(self._due_cues(run, now))
                break
            # The segment ended at its deadline: the next one starts there, not at `now`.
            events.append(Cue("segment_end", segment=self.index))
            events.extend(self._leave("done", at=run.deadline))
            events.extend(self._advance(run.deadline))
        return events

    def next(self) -> list[Event]:
        """Skip the rest of the current segment."""
        if self.is_over:
            return []
        events = self._leave("skipped", at=self._now())
        return events + self._advance(self.clock())

    def mark_reps_done(self) -> list[Event]:
        """The user finished the reps of an open-ended (or timed) reps segment."""
        if self.is_over or self.segment.kind != "reps":
            return []
        events = self._leave("done", at=self._now())
        return events + self._advance(self.clock())

    def previous(self) -> list[Event]:
        """Go back to the start of the previous segment (or of this one, if it is the first)."""
        if self.is_over:
            return []
        target = max(0, self.index - 1)
        return self._jump(target)

    def restart_segment(self) -> list[Event]:
        if self.is_over:
            return []
        return self._jump(self.index)

    def adjust(self, delta: float = ADJUST_STEP) -> list[Event]:
        """Lengthen (or shorten) the current timed segment; never below one second left."""
        events = self._catch_up()
        run = self._run
        if self.is_over or run is None or run.deadline is None:
            return events
        now = self._now()
        run.deadline = max(now + 1.0, run.deadline + delta)
        if run.deadline - now > COUNTDOWN_FROM:
            run.last_countdown = None
        return events

    def stop(self) -> list[Event]:
        """End the session early (quit): the current segment is recorded as skipped, and so is
        every hold and set of reps not reached (so that the records say how much of the
        routine was left undone)."""
        events = self._catch_up()
        if self.is_over:
            return events
        events += self._leave("skipped", at=self._now()) if self._run is not None else []
        events += self._skip_work(self.index + 1, len(self.timeline))
        self.state = "stopped"
        self._run = None
        return events

    def report_pain(self, report: PainReport) -> None:
        """Attach a pain report to the current segment (recorded when it is left)."""
        if self._run is not None:
            self._run.pain.append(report)

    def skip_exercise(self) -> list[Event]:
        """Leave the current exercise altogether: its remaining segments are recorded skipped."""
        if self.is_over:
            return []
        exercise_index = self.segment.exercise_index
        events = self._leave("skipped", at=self._now())
        now = self.clock()
        following = self.index + 1
        segments = self.timeline.segments
        while following < len(segments) and segments[following].exercise_index == exercise_index:
            following += 1
        events += self._skip_work(self.index + 1, following)
        return events + self._go(following, now)

    def swap_exercise(self, replacement: PlannedExercise) -> list[Event]:
        """Replace the current exercise (from its prep on) by another, e.g. an easier variant."""
        if self.is_over:
            return []
        exercise_index = self.segment.exercise_index
        events = self._leave("skipped", at=self._now())
        plan = self.timeline.plan
        exercises = list(plan.exercises)
        exercises[exercise_index] = replacement
        self.timeline = build_timeline(replace(plan, exercises=tuple(exercises)))
        start = self.timeline.first_of_exercise(exercise_index)
        return events + self._go(start, self.clock())

    # --- internals -----------------------------------------------------------------------
    def _skip_work(self, start: int, end: int) -> list[Event]:
        """Record the holds and sets of reps from `start` to `end` (not included) as skipped,
        never begun (transitions are not recorded: they are not sets)."""
        events: list[Event] = []
        for skipped in self.timeline.segments[start:end]:
            if skipped.is_work:
                record = SegmentFinished(skipped, "skipped", skipped.seconds, 0.0)
                self.finished.append(record)
                events.append(record)
        return events

    def _enter(self, index: int, at: float) -> list[Event]:
        self.index = index
        segment = self.segment
        deadline = None if segment.seconds is None else at + segment.seconds
        self._run = _Running(started_at=at, deadline=deadline)
        if segment.seconds is not None and segment.seconds <= COUNTDOWN_FROM:
            # a segment of 3 s or less: its start is its first count (no "three" over "go")
            self._run.last_countdown = min(COUNTDOWN_FROM, math.ceil(segment.seconds))
        kind: CueKind = "switch_sides" if segment.kind == "switch" else "segment_start"
        events: list[Event] = [Cue(kind, segment=index)]
        if _tempo(segment) is not None:
            events.append(self._rep_cue(self._run, 1))
        return events

    def _leave(self, status: Literal["done", "skipped"], at: float) -> list[Event]:
        run = self._run
        if run is None:
            return []
        planned = self.planned()
        actual = max(0.0, at - run.started_at - run.paused_total)
        if run.paused_at is not None:
            actual = max(0.0, run.paused_at - run.started_at - run.paused_total)
        record = SegmentFinished(self.segment, status, planned, actual, tuple(run.pain))
        self.finished.append(record)
        self._run = None
        return [record]

    def _advance(self, at: float) -> list[Event]:
        return self._go(self.index + 1, at)

    def _go(self, index: int, at: float) -> list[Event]:
        if index >= len(self.timeline):
            self.state = "finished"
            self._run = None
            self.index = len(self.timeline) - 1
            return [Cue("done", segment=self.index)]
        was_paused = self.paused
        self.state = "running"
        events = self._enter(index, at)
        if was_paused:
            self.pause()
        return events

    def _jump(self, index: int) -> list[Event]:
        self._run = None
        return self._go(index, self.clock())

    def _due_cues(self, run: _Running, now: float) -> list[Event]:
        events: list[Event] = []
        segment = self.segment
        assert run.deadline is not None
        left = run.deadline - now
        total = run.deadline - run.started_at - run.paused_total
        if (
            segment.kind == "hold"
            and not run.halfway_sent
            and total >= HALFWAY_MIN_SECONDS
            and left <= total / 2
        ):
            run.halfway_sent = True
            events.append(Cue("halfway", segment=self.index))
        tempo = _tempo(segment)
        if tempo is not None:
            elapsed = now - run.started_at - run.paused_total
            begun = min(_moves(segment), int(elapsed / tempo + _EPSILON) + 1)
            if begun > run.moves_begun:  # after a stall, only the move going on now is told
                events.append(self._rep_cue(run, begun))
        if 0 < left <= COUNTDOWN_FROM:
            whole = int(left) + 1 if left > int(left) else int(left)
            whole = min(whole, COUNTDOWN_FROM)
            if run.last_countdown is None or whole < run.last_countdown:
                run.last_countdown = whole
                events.append(Cue("countdown", whole, segment=self.index))
        return events

    def _rep_cue(self, run: _Running, move: int) -> Cue:
        """The cue for the `move`-th move (from 1) of a timed reps segment."""
        run.moves_begun = move
        segment = self.segment
        if segment.alternating:
            side: Side = "left" if move % 2 == 1 else "right"
            return Cue("rep", (move + 1) // 2, segment=self.index, side=side)
        return Cue("rep", move, segment=self.index)

    def next_due(self) -> float | None:
        """The clock time at which the next cue or deadline of the current segment falls due
        (None when nothing will happen without a key: paused, over, or open-ended reps)."""
        run = self._run
        if self.state != "running" or run is None or run.deadline is None:
            return None
        segment = self.segment
        due = [run.deadline]
        total = run.deadline - run.started_at - run.paused_total
        if segment.kind == "hold" and not run.halfway_sent and total >= HALFWAY_MIN_SECONDS:
            due.append(run.deadline - total / 2)
        tempo = _tempo(segment)
        if tempo is not None and run.moves_begun < _moves(segment):
            due.append(run.started_at + run.paused_total + run.moves_begun * tempo)
        told = run.last_countdown or COUNTDOWN_FROM + 1
        if told > 1:  # the next count falls due when that many seconds are left (or now)
            due.append(max(self._now(), run.deadline - min(told - 1, COUNTDOWN_FROM)))
        return min(due)


def _tempo(segment: Segment) -> float | None:
    """Seconds per move of a timed reps segment (None for holds and open-ended reps)."""
    tempo = segment.exercise.tempo_seconds
    if segment.kind != "reps" or segment.seconds is None or not tempo:
        return None
    return tempo


def _moves(segment: Segment) -> int:
    return (segment.reps or 0) * (2 if segment.alternating else 1)
