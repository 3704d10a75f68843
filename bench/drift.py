"""Benchmark: segment-end error of the session engine over a 10-minute routine on a real clock.

A 600 s routine (26 timed segments) is driven the way the player drives it: a loop that calls
`session.tick()` about every 100 ms, with one 2 s stall (no ticks; it straddles a segment end) and
5 pause/resume cycles of different lengths at seeded random points. For every segment we record
when it ended by the engine's clock and compare it with its ideal end:

    session start + planned seconds up to and including the segment + pauses begun before it ended

Baseline, driven by the same loop, stall and pauses in the same run: a naive tick-counting timer
(`remaining -= 0.1` per tick, next segment when it reaches zero), the way many workout timers work.

The clock is `MonotonicClock` scaled by `--scale` (time.monotonic() * scale) so that the 10 minutes
pass in 30 s by default; all figures are routine seconds, i.e. what a person doing the routine
would see. `--scale 1` is the full real-time run (about 11 minutes). Scaling multiplies the
scheduler's jitter by the scale too, so it is harder on both timers, not easier.

`--edge` puts one of the pauses half a tick (50 ms routine) after a segment's end, with no tick
in between: the player, too, handles a key without ticking first, so this can happen to it in the
few ms between a deadline and its next poll (or longer, after a stall).

`--audio` plays every cue as the player does: each call's events go through the cue plan's
`announcements()` to an `Announcer` with this machine's sound player and speech engine (tones and
voice on). Its `handle()` only queues work for a background thread, so the loop (the clock)
never waits for a sound or a word; the time spent in `handle()` is printed too. On a machine
without a sound device the system player fails (and the announcer falls back to the bell):
`--player "sox -q {file} -n"` gives it a player that decodes every sound to nowhere instead.

    .venv/bin/python bench/drift.py [--scale 20] [--tick 0.1] [--seed 7] [--edge] [--audio]
"""

from __future__ import annotations

import argparse
import random
import shlex
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from psoas_tui.audio.announcer import Announcer
from psoas_tui.audio.playback import SoundPlayer
from psoas_tui.player.clock import MonotonicClock
from psoas_tui.player.cue_plan import announcements
from psoas_tui.player.session import Event, Session
from psoas_tui.player.timeline import Timeline, build_timeline
from psoas_tui.routine.parse import parse_routine_text

ROUTINE = """
schema = 1
name = "Drift bench: ten minutes"

[defaults]
prep_seconds = 5
rest_seconds = 15
switch_seconds = 5

[[exercises]]
exercise = "half-kneeling-hip-flexor-stretch"
hold_seconds = 45
sets = 2

[[exercises]]
exercise = "glute-bridge"
reps = 12
tempo_seconds = 3
sets = 2

[[exercises]]
exercise = "couch-stretch"
hold_seconds = 60
sets = 1

[[exercises]]
exercise = "cobra-pose"
hold_seconds = 20
sets = 3

[[exercises]]
exercise = "supine-psoas-stretch"
hold_seconds = 30
prep_seconds = 8
sets = 1
"""
PAUSE_LENGTHS = (0.7, 3.1, 12.4, 1.3, 30.0)
"""Routine seconds each pause lasts, in the order they happen."""
STALL_SECONDS = 2.0


class ScaledClock:
    """`MonotonicClock` sped up: one real second is `scale` routine seconds."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self._real = MonotonicClock()

    def __call__(self) -> float:
        return self._real() * self.scale


class RecordingSession(Session):
    """A `Session` that notes the clock time at which each segment was left.

    `_leave(at=...)` is the engine's own end time: the deadline for a segment that ran out.
    """

    def __init__(self, timeline: Timeline, clock: ScaledClock) -> None:
        super().__init__(timeline, clock)
        self.ends: dict[int, float] = {}

    def _leave(self, status: Literal["done", "skipped"], at: float) -> list[Event]:
        self.ends[self.index] = at
        return super()._leave(status, at)


@dataclass
class NaiveTimer:
    """Counts ticks: `remaining -= step` per tick; a segment ends on the tick that reaches 0."""

    lengths: list[float]
    clock: ScaledClock
    step: float
    index: int = 0
    remaining: float = 0.0
    paused: bool = False
    ends: dict[int, float] = field(default_factory=dict)

    def start(self) -> None:
        self.remaining = self.lengths[0]

    @property
    def is_over(self) -> bool:
        return self.index >= len(self.lengths)

    def tick(self) -> None:
        if self.paused or self.is_over:
            return
        self.remaining -= self.step
        if self.remaining <= 1e-9:
            self.ends[self.index] = self.clock()
            self.index += 1
            if not self.is_over:
                self.remaining = self.lengths[self.index]


@dataclass(frozen=True)
class Pause:
    at_active: float
    """When it begins, in routine seconds of active (unpaused) time since the start."""
    seconds: float
    quiet_from: float | None = None
    """For the edge case: the segment end after which no tick comes before this pause."""


def plan_timeline() -> Timeline:
    plan = parse_routine_text(Path("drift-bench.toml"), ROUTINE).plan
    return build_timeline(plan)


def choose_events(
    cumulative: list[float], seed: int, edge: bool, tick: float
) -> tuple[float, list[Pause]]:
    """The stall's start (active time) and the pauses, away from each other and from the end."""
    rng = random.Random(seed)
    total = cumulative[-1]
    # The stall begins 0.5 s before a segment end in the middle of the routine, so the engine
    # has to end that segment (and start the next) late, in one tick.
    stall_at = cumulative[len(cumulative) // 2] - 0.5
    starts: list[float] = []
    while len(starts) < len(PAUSE_LENGTHS):
        at = rng.uniform(10.0, total - 10.0)
        if abs(at - stall_at) > 5.0 and all(abs(at - other) > 20.0 for other in starts):
            starts.append(at)
    quiet: dict[int, float] = {}
    if edge:
        # Half a tick after an end that is far from the stall and the other pauses.
        for end in cumulative[3:-3]:
            at = end + tick / 2
            others = starts[1:]
            if abs(at - stall_at) > 5.0 and all(abs(at - other) > 20.0 for other in others):
                starts[0], quiet[0] = at, end
                break
    order = sorted(range(len(starts)), key=lambda n: starts[n])
    pauses = [Pause(starts[n], PAUSE_LENGTHS[k], quiet.get(n)) for k, n in enumerate(order)]
    return stall_at, pauses


class Sounding:
    """Hands a session call's events to an `Announcer`, timing each `handle()`."""

    def __init__(self, session: Session, player: str | None) -> None:
        self.session = session
        self.announcer = Announcer.for_this_machine(bell=lambda: None, on_problem=print)
        if player is not None:
            self.announcer.sounds = SoundPlayer(shlex.split(player))
        self.calls: list[float] = []
        self.announced = 0

    def __call__(self, events: list[Event]) -> None:
        heard = announcements(events, self.session.timeline)
        if heard:
            began = time.perf_counter()
            self.announcer.handle(heard)
            self.calls.append((time.perf_counter() - began) * 1000)
            self.announced += len(heard)

    def report(self) -> None:
        sounds, speaker = self.announcer.sounds, self.announcer.speaker
        player = " ".join(sounds.command) if sounds and not sounds.broken else "none (bell)"
        engine = speaker.engine.name if speaker else "none"
        print(f"audio: player {player}, voice {engine}; {self.announced} announcements")
        if sounds is not None:
            helpers = sounds.helpers
            print(f"  sounds played {helpers.succeeded}, failed {helpers.failed}")
        if self.calls:
            print(
                f"  handle(), real ms: max {max(self.calls):.3f}   "
                f"mean {statistics.fmean(self.calls):.3f}   (the loop's only wait for audio)"
            )
        self.announcer.close()


def run(
    scale: float, tick: float, seed: int, edge: bool, audio: bool = False, player: str | None = None
) -> None:
    timeline = plan_timeline()
    lengths = [segment.seconds or 0.0 for segment in timeline.segments]
    cumulative = [sum(lengths[: n + 1]) for n in range(len(lengths))]
    stall_at, pauses = choose_events(cumulative, seed, edge, tick)

    clock = ScaledClock(scale)
    session = RecordingSession(timeline, clock)
    naive = NaiveTimer(lengths, clock, tick)
    real_sleep = tick / scale

    sound = Sounding(session, player) if audio else None

    def heard(events: list[Event]) -> None:
        if sound is not None:
            sound(events)

    heard(session.start())
    naive.start()
    assert session._run is not None
    start = session._run.started_at  # the engine's own start time (the clock it read)
    paused_total = 0.0
    gaps: list[tuple[float, float]] = []  # (active time the pause began, its length)
    stalled = False
    waiting = list(pauses)
    ticks = 0
    real_start = time.monotonic()
    while not (session.is_over and naive.is_over):
        active = clock() - start - paused_total
        if not stalled and active >= stall_at:
            stalled = True
            time.sleep(STALL_SECONDS / scale)  # the event loop is blocked: nobody ticks
            continue
        if waiting and active >= waiting[0].at_active:
            pause = waiting.pop(0)
            began = clock()
            heard(session.pause())
            naive.paused = True
            time.sleep(pause.seconds / scale)
            ended = clock()
            heard(session.resume())
            naive.paused = False
            gaps.append((began - start - paused_total, ended - began))
            paused_total += ended - began
            continue
        quiet = waiting[0].quiet_from if waiting else None
        if quiet is None or active < quiet:  # --edge: no tick between that end and the pause
            heard(session.tick())
            naive.tick()
            ticks += 1
        sleep = real_sleep
        if waiting:  # a key press comes when it comes, not on a tick
            until = (waiting[0].at_active - active) / scale
            sleep = max(0.0, min(sleep, until))
        time.sleep(sleep)
    real_seconds = time.monotonic() - real_start

    def ideal(n: int) -> float:
        before = sum(length for at, length in gaps if at < cumulative[n])
        return start + cumulative[n] + before

    engine_errors = [abs(session.ends[n] - ideal(n)) * 1000 for n in range(len(lengths))]
    naive_errors = [abs(naive.ends[n] - ideal(n)) * 1000 for n in range(len(lengths))]
    worst = max(range(len(lengths)), key=lambda n: engine_errors[n])

    print(
        f"routine: {len(lengths)} timed segments, {cumulative[-1]:.0f} s planned; "
        f"scale {scale:g} (1 real s = {scale:g} routine s), ran {real_seconds:.1f} s real"
    )
    print(
        f"loop: tick every {tick * 1000:.0f} ms routine ({real_sleep * 1000:.2f} ms real), "
        f"{ticks} ticks; stall {STALL_SECONDS:g} s at {stall_at:.1f} s (across a segment end)"
    )
    print(
        "pauses (start in active s, length s): "
        + ", ".join(f"{at:.2f}+{length:.1f}" for at, length in gaps)
        + (" [one pause begins half a tick after a segment end, no tick between]" if edge else "")
    )
    print("segment-end error, routine ms (|actual end - ideal end|):")
    e_max, e_mean = max(engine_errors), statistics.fmean(engine_errors)
    n_max, n_mean = max(naive_errors), statistics.fmean(naive_errors)
    print(f"  engine (deadline = clock):  max {e_max:10.3f}   mean {e_mean:10.3f}")
    print(f"  baseline (tick counting):   max {n_max:10.3f}   mean {n_mean:10.3f}")
    if e_max > 0 and e_mean > 0:
        ratios = f"max {n_max / e_max:10.0f}×  mean {n_mean / e_mean:9.0f}×"
        print(f"  ratio baseline/engine:      {ratios}")
    final = len(lengths) - 1
    print(
        f"  end of routine: engine {engine_errors[final]:.3f} ms, "
        f"baseline {naive_errors[final] / 1000:.3f} s late"
    )
    print(
        f"  worst engine segment: #{worst} ({timeline.segments[worst].kind}, "
        f"ideal end {ideal(worst) - start:.2f} s)"
    )
    if sound is not None:
        sound.report()
    verdict = "met" if e_max <= 20.0 else "NOT met"
    print(f"goal: max engine error <= 20 ms: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=20.0, help="routine s per real s")
    parser.add_argument("--tick", type=float, default=0.1, help="tick period, routine s")
    parser.add_argument("--seed", type=int, default=7, help="seed for the pause points")
    parser.add_argument("--edge", action="store_true", help="pause just after a segment end")
    parser.add_argument("--audio", action="store_true", help="tones and voice on, as played")
    parser.add_argument("--player", help='with --audio: the sound player, e.g. "aplay -q {file}"')
    args = parser.parse_args()
    if args.scale <= 0 or args.tick <= 0:
        sys.exit("drift.py: --scale and --tick must be positive")
    run(args.scale, args.tick, args.seed, args.edge, args.audio, args.player)


if __name__ == "__main__":
    main()
