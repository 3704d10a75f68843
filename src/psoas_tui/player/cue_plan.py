"""What to play and say for the session's cues, as plain data (no audio, no Textual).

`announcements(events, timeline)` turns the cues of one tick into at most one `Announcement` (a
sound and maybe words), for the live player; `cue_plan(timeline)` runs a `Session` on a fake
clock through the whole routine and returns every announcement with its time, for the audio
guide. Both go through the same engine and the same wording, so the guide says what the player
says.

Words that would still be spoken when the next cue of the same segment comes are left out (its
sound still plays): a count is never said over the exercise's name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from psoas_tui.player.clock import FakeClock
from psoas_tui.player.session import COUNTDOWN_FROM, Cue, Event, Session
from psoas_tui.player.timeline import Segment, Timeline, build_timeline
from psoas_tui.player.words import counted, duration_words, number_words, sentence

SoundKind = Literal["get_ready", "go", "halfway", "countdown", "switch", "rep", "rest", "done"]
SOUND_KINDS: tuple[SoundKind, ...] = (
    "get_ready",
    "go",
    "halfway",
    "countdown",
    "switch",
    "rep",
    "rest",
    "done",
)
TONE_SECONDS = 0.3
"""About how long a sound lasts before the words after it begin."""
SPEECH_SECONDS_BASE = 0.1
SPEECH_SECONDS_PER_CHARACTER = 0.065
"""An estimate of how long words take to say (espeak-ng's default rate, measured without
the silence around them)."""
DEFAULT_OPEN_REPS_NOTE = "at a steady pace, I will count"

_PRIORITY = {"done": 5, "segment_start": 4, "switch_sides": 4, "rep": 3, "halfway": 2}
"""Which cue is announced when one tick brings several (countdown and others: 1)."""


@dataclass(frozen=True, slots=True)
class Announcement:
    """A sound and, with the voice on, the words said after it."""

    sound: SoundKind
    words: str | None = None


def speech_seconds(words: str) -> float:
    """About how long `words` take to say."""
    return SPEECH_SECONDS_BASE + SPEECH_SECONDS_PER_CHARACTER * len(words)


# --- words for each segment --------------------------------------------------------------
def _side_first(segment: Segment) -> str:
    if segment.alternating:
        return ", starting left"
    return f", {segment.side} side" if segment.side else ""


def _amount(segment: Segment, paced: bool) -> str:
    """ "Forty-five seconds", "Twelve reps", "Ten reps each side, starting left"."""
    if segment.kind == "hold":
        return sentence(duration_words(segment.seconds or 0))
    reps = sentence(counted(segment.reps or 0, "rep"))
    if segment.alternating:
        reps += " each side, starting left"
    if segment.seconds is None:
        return f"{reps} at your own pace. Press enter when done"
    if paced:
        return f"{reps} {DEFAULT_OPEN_REPS_NOTE}"
    return reps


def start_words(segment: Segment, paced: bool = False) -> str:
    """What is said when `segment` begins."""
    name = segment.exercise.name
    if segment.kind == "prep":
        return f"Get ready: {name}{_side_first(segment)}."
    if segment.kind == "switch":
        return f"Switch to the {segment.side} side."
    if segment.kind == "rest":
        sets = f"set {number_words(segment.set_number)} of {number_words(segment.sets)}"
        return f"Rest. Next: {sets}."
    side = f"{sentence(segment.side)} side. " if segment.side and not segment.alternating else ""
    return f"{side}{name}. {_amount(segment, paced)}."


def _start_sound(segment: Segment) -> SoundKind:
    return {"prep": "get_ready", "switch": "switch", "rest": "rest"}.get(segment.kind, "go")  # type: ignore[return-value]


def _offset(cue: Cue, segment: Segment) -> float:
    """Seconds into the segment at which `cue` comes, as planned."""
    seconds = segment.seconds or 0.0
    if cue.kind == "halfway":
        return seconds / 2
    if cue.kind == "countdown":
        return max(0.0, seconds - (cue.value or 0))
    if cue.kind == "rep":
        tempo = segment.exercise.tempo_seconds or 0.0
        number = cue.value or 1
        move = number if not segment.alternating else 2 * number - (1 if cue.side == "left" else 0)
        return (move - 1) * tempo
    return 0.0


def _rep_words(cue: Cue, segment: Segment) -> str:
    number = sentence(number_words(cue.value or 0))
    if not segment.alternating:
        return number
    return f"{number}, left" if cue.side == "left" else "Right"


def announcement_for(
    cue: Cue, timeline: Timeline, paced: frozenset[int] = frozenset()
) -> Announcement | None:
    """The sound and words for one cue (None for a cue that is not announced: a segment's end,
    whose next segment's start is). `paced`: the segments of open-ended reps given a pace."""
    if cue.kind == "done":
        return Announcement("done", "Session complete. Well done.")
    if cue.segment is None or not 0 <= cue.segment < len(timeline):
        return None
    segment = timeline.segments[cue.segment]
    if cue.kind in ("segment_start", "switch_sides"):
        return Announcement(_start_sound(segment), start_words(segment, segment.index in paced))
    if cue.kind == "segment_end":
        return None
    sound: SoundKind = "countdown" if cue.kind == "countdown" else cue.kind  # type: ignore[assignment]
    if cue.kind == "halfway":
        words: str | None = "Halfway."
    elif cue.kind == "rep":
        words = _rep_words(cue, segment)
    elif segment.kind == "reps":
        words = None  # the reps are being counted: the last seconds only sound
    else:
        words = f"{sentence(number_words(cue.value or COUNTDOWN_FROM))}."
    speaking = TONE_SECONDS + speech_seconds(start_words(segment, segment.index in paced))
    if words is not None and _offset(cue, segment) < speaking:
        words = None  # the start's words are still being said
    return Announcement(sound, words)


def announcements(
    events: Iterable[Event], timeline: Timeline, paced: frozenset[int] = frozenset()
) -> list[Announcement]:
    """What to play for the events of one call on the session: the most important of its cues
    (the latest, among equals), or nothing."""
    best: tuple[int, Announcement] | None = None
    for event in events:
        if not isinstance(event, Cue):
            continue
        announcement = announcement_for(event, timeline, paced)
        if announcement is None:
            continue
        rank = _PRIORITY.get(event.kind, 1)
        if best is None or rank >= best[0]:
            best = (rank, announcement)
    return [] if best is None else [best[1]]


# --- the whole routine -------------------------------------------------------------------
def paced_timeline(
    timeline: Timeline, open_reps_pace: float | None = None
) -> tuple[Timeline, frozenset[int]]:
    """`timeline` with every open-ended set of reps given a fixed pace (seconds a rep; None:
    each exercise's own estimate, the one `psoas show` adds up), and the indexes of those sets."""
    plan = timeline.plan
    exercises = tuple(
        replace(exercise, tempo_seconds=open_reps_pace or exercise.seconds_per_rep_estimate)
        if exercise.hold_seconds is None and exercise.tempo_seconds is None
        else exercise
        for exercise in plan.exercises
    )
    paced = build_timeline(replace(plan, exercises=exercises))
    open_ended = frozenset(
        segment.index
        for segment in timeline.segments
        if segment.kind == "reps" and segment.seconds is None
    )
    return paced, open_ended


SETTLE = 1e-6
"""How far past a cue's moment the fake clock is put, so that float sums reach it."""


def cue_plan(
    timeline: Timeline, open_reps_pace: float | None = None
) -> list[tuple[float, Announcement]]:
    """Every announcement of the routine, with its time in seconds from the start, as the live
    player would make them on a clock that is never paused. Open-ended reps get a fixed pace
    (see `paced_timeline`)."""
    paced, open_ended = paced_timeline(timeline, open_reps_pace)
    clock = FakeClock(0.0)
    session = Session(paced, clock)
    plan: list[tuple[float, Announcement]] = []

    def record(at: float, events: list[Event]) -> None:
        plan.extend((round(at, 6), heard) for heard in announcements(events, paced, open_ended))

    record(0.0, session.start())
    while not session.is_over:
        due = session.next_due()
        if due is None:  # cannot happen on a paced timeline; never loop forever
            break
        clock.now = due + SETTLE
        record(due, session.tick())
    return plan
