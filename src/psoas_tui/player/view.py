"""What the player shows at a moment of a session, as plain data (no Textual).

`player_view(session)` turns the engine's state into the words and numbers on screen; the
screen only lays them out. Two views that compare equal draw the same screen, so the player
repaints only when the view changes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from psoas_tui.catalogue.model import Catalogue
from psoas_tui.figures.render import quantised
from psoas_tui.figures.tempo import rep_phase
from psoas_tui.player.describe import format_duration, plural, segment_amount
from psoas_tui.player.session import Session
from psoas_tui.player.timeline import Segment

CUE_SECONDS = 10
"""How long each cue stays on screen before the next one is shown."""

Figure = tuple[str, Literal["left", "right"] | None, float]
"""What the pose figure shows: exercise id, side, phase (0 start position, 1 end position)."""

_HEADLINES = {
    "prep": "GET READY",
    "hold": "HOLD",
    "reps": "REPS",
    "switch": "SWITCH SIDES",
    "rest": "REST",
}


@dataclass(frozen=True, slots=True)
class PlayerView:
    """Everything the player screen shows."""

    kind: str
    headline: str
    """What to do now ("HOLD"), or "PAUSED · HOLD" while paused."""
    routine: str
    """The routine's name."""
    position: str
    """Which exercise of the routine: "exercise 2 of 5"."""
    exercise: str
    side: str | None
    """"LEFT", "RIGHT", "ALTERNATE" or None: for exercises done with both sides at once, and
    during a rest or a switch (the side that comes next is in `coming`, not shown as now)."""
    side_instruction: str
    coming: str
    """During a rest or a switch, what comes next ("next: RIGHT side — Bridge"); else ""."""
    countdown: str
    """`m:ss` of the segment, or "" for open-ended reps."""
    set_text: str
    """"set 2 of 3" ("" for an exercise of one set; "set 1 of 2 done" during a rest)."""
    countdown_widest: str
    """The longest the countdown gets in this segment ("10:00" for a ten-minute hold): the big
    digits are sized for it, so they do not change size when 10:00 becomes 9:59."""
    reps_text: str
    """"rep 4 of 10 — left" on timed reps, the reps to do on open-ended ones, else ""."""
    reps_goal: str
    """On open-ended reps (no countdown), the reps to do, for big letters: "6 REPS"."""
    figure: Figure | None
    """The pose to draw: exercise id, the side whose leg is coloured, and the phase between the
    start (0) and the end position (1), in the steps the figure is drawn in; None for a move of
    one's own (it has no figure)."""
    cue: str
    notes: str
    steps: tuple[str, ...]
    next_text: str
    segment_fraction: float
    session_left: str
    session_fraction: float
    paused: bool
    finished: bool
    hint: str


def _side_label(segment: Segment) -> str | None:
    if segment.kind in ("rest", "switch"):
        return None
    if segment.alternating:
        return "ALTERNATE"
    return segment.side.upper() if segment.side else None


def _side_instruction(segment: Segment, catalogue: Catalogue | None) -> str:
    if catalogue is None or segment.exercise.is_custom:
        return ""
    exercise = catalogue.lookup(segment.exercise.exercise_id)
    if exercise is None:
        return ""
    if segment.alternating:
        text = exercise.side_instruction("left")
        return f"start left: {text}" if text else "start on the left, then swap each rep"
    return exercise.side_instruction(segment.side) if segment.side else ""


def _describe(segment: Segment | None) -> str:
    if segment is None:
        return "the end"
    name = segment.exercise.name
    side = f" — {segment.side.upper()}" if segment.side and segment.kind != "rest" else ""
    if segment.kind == "prep":
        return f"get ready: {name}{side}"
    if segment.kind == "switch":
        return f"switch to the {segment.side} side"
    if segment.kind == "rest":
        return f"rest, then set {segment.set_number} of {segment.sets}"
    return f"{name}{side}, {segment_amount(segment)}"


def _coming(segment: Segment) -> str:
    """What a rest or a switch leads to: the next set or side, and the exercise."""
    name = segment.exercise.name
    side = f"{segment.side.upper()} side" if segment.side and not segment.alternating else ""
    if segment.kind == "switch":
        return f"next: {side or 'the other side'} — {name}"
    if segment.kind == "rest":
        parts = [f"set {segment.set_number} of {segment.sets}", side]
        return f"next: {', '.join(part for part in parts if part)} — {name}"
    return ""


def _set_text(segment: Segment) -> str:
    if segment.sets <= 1:
        return ""
    if segment.kind == "rest":
        return f"set {segment.set_number - 1} of {segment.sets} done"
    return f"set {segment.set_number} of {segment.sets}"


def sound_label(muted: bool, voice: bool, bell_only: bool = False) -> str:
    """The player's sound indicator, short enough for the smallest window: "sound + voice",
    "sound, no voice", or "muted" (no bell, no voice); "bell" where the cues can only ring a
    bell (in a browser page, `psoas serve`)."""
    if muted:
        return "muted"
    if bell_only:
        return "bell"
    return "sound + voice" if voice else "sound, no voice"


def _reps_text(segment: Segment, elapsed: float) -> str:
    reps = segment.reps or 0
    tempo = segment.exercise.tempo_seconds
    each = " each side" if segment.alternating else ""
    if tempo is None:
        return f"{plural(reps, 'rep')}{each} — press enter when done"
    moves = reps * (2 if segment.alternating else 1)
    done = min(moves - 1, int(elapsed // tempo))
    if segment.alternating:
        side = "left" if done % 2 == 0 else "right"
        return f"rep {done // 2 + 1} of {reps}{each} — {side}"
    side = f" — {segment.side}" if segment.side else ""
    return f"rep {done + 1} of {reps}{side}"


def _figure(segment: Segment, elapsed: float, catalogue: Catalogue | None) -> Figure | None:
    """The pose: the start position while getting ready (prep, switch, rest), the end position
    in a hold and on open-ended reps, and on timed reps the way from one to the other and back at
    the rep's tempo (on alternating reps, the side that moves now is coloured)."""
    exercise = segment.exercise
    if exercise.is_custom:
        return None
    side = segment.side
    if segment.kind != "reps" or exercise.tempo_seconds is None:
        return (exercise.exercise_id, side, 1.0 if segment.is_work else 0.0)
    tempo = exercise.tempo_seconds
    if segment.alternating:
        side = "left" if int(elapsed // tempo) % 2 == 0 else "right"
    known = catalogue.lookup(exercise.exercise_id) if catalogue is not None else None
    phases = known.dosage.rep_phases if known is not None else None
    return (exercise.exercise_id, side, quantised(rep_phase(elapsed, tempo, phases)))


FIGURE_LOOKAHEAD = 1.0
"""How far ahead (seconds) `figure_moves_in` looks for the figure's next step."""
FIGURE_RESOLUTION = 1 / 32
"""The time step (seconds) at which `figure_moves_in` looks: a wake-up lands this close to the
figure's change."""
FIGURE_FRAME_MIN = 0.25
"""The shortest time between two drawings of the moving figure (at most 4 a second): a slow
move shows every step, a fast one skips some, and a set of reps stays light on a core."""


def figure_moves_in(session: Session, catalogue: Catalogue | None = None) -> float | None:
    """Seconds until the pose figure next changes its drawn step on timed reps, but not sooner
    than `FIGURE_FRAME_MIN` (None when it does not move within `FIGURE_LOOKAHEAD`: a hold, a
    rest, open-ended reps, a pause), so that the player wakes only when the figure moves."""
    segment = session.segment
    if session.paused or segment.kind != "reps" or segment.exercise.tempo_seconds is None:
        return None
    elapsed = session.elapsed()
    now = _figure(segment, elapsed, catalogue)
    first = round(FIGURE_FRAME_MIN / FIGURE_RESOLUTION)
    steps = round(FIGURE_LOOKAHEAD / FIGURE_RESOLUTION)
    for step in range(first, steps + 1):
        ahead = step * FIGURE_RESOLUTION
        if _figure(segment, elapsed + ahead, catalogue) != now:
            return ahead
    return None


def player_view(session: Session, catalogue: Catalogue | None = None) -> PlayerView:
    """The view of `session` right now."""
    segment = session.segment
    exercise = segment.exercise
    remaining = session.remaining()
    planned = session.planned()
    elapsed = session.elapsed()
    if remaining is None:
        countdown, widest, fraction = "", "", 0.0
    else:
        countdown = format_duration(math.ceil(remaining - 1e-9))
        widest = format_duration(math.ceil((planned or remaining) - 1e-9))
        fraction = 1.0 - remaining / planned if planned else 1.0
    total = session.timeline.estimated_seconds or 1.0
    left = session.session_remaining()
    cues = exercise.cues
    cue = cues[int(elapsed // CUE_SECONDS) % len(cues)] if cues and segment.is_work else ""
    if segment.kind == "prep" and exercise.steps:
        cue = exercise.steps[0]
    hint = ""
    if segment.kind == "reps" and remaining is None:
        hint = "enter: reps done"
    if session.paused:
        hint = "PAUSED — space to go on"
    headline = _HEADLINES[segment.kind]
    plan = session.timeline.plan
    coming = _coming(segment)
    return PlayerView(
        kind=segment.kind,
        headline=f"PAUSED · {headline}" if session.paused else headline,
        routine=plan.name,
        position=f"exercise {segment.exercise_index + 1} of {len(plan.exercises)}",
        exercise=exercise.name,
        side=_side_label(segment),
        side_instruction=_side_instruction(segment, catalogue),
        coming=coming,
        countdown=countdown,
        countdown_widest=max(widest, countdown, key=len),
        set_text=_set_text(segment),
        reps_text=_reps_text(segment, elapsed) if segment.kind == "reps" else "",
        reps_goal=f"{segment.reps} REPS" if segment.kind == "reps" and remaining is None else "",
        figure=_figure(segment, elapsed, catalogue),
        cue=cue,
        notes=exercise.notes,
        steps=exercise.steps,
        next_text=f"next: {_describe(session.next_segment())}",
        segment_fraction=max(0.0, min(1.0, fraction)),
        session_left=format_duration(left),
        session_fraction=max(0.0, min(1.0, 1.0 - left / total)),
        paused=session.paused,
        finished=session.is_over,
        hint=hint,
    )
