"""The player's sounds, synthesised here: a short pattern of notes for each kind of cue.

Each kind has its own pitch and pattern (a rising pair to get ready, one bright note to go, a
falling pair to rest, …) so that they can be told apart without looking. Every note fades in and
out over a few milliseconds, so that nothing clicks. The result is 16-bit mono PCM.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass

from psoas_tui.player.cue_plan import SoundKind

RATE = 22050
"""Samples a second of every sound, and of the audio guide (espeak-ng's own rate)."""
FADE_SECONDS = 0.008
LOUDNESS = 0.45
"""Peak amplitude as a fraction of full scale (the voice is about as loud)."""


@dataclass(frozen=True, slots=True)
class Note:
    """A pitch (Hz, 0 for a silence) held for some seconds."""

    frequency: float
    seconds: float


PATTERNS: dict[SoundKind, tuple[Note, ...]] = {
    # two notes rising a major third: get into position
    "get_ready": (Note(440, 0.14), Note(0, 0.04), Note(554, 0.18)),
    # one bright note: start now
    "go": (Note(880, 0.28),),
    # two short equal notes: half the hold is done
    "halfway": (Note(659, 0.09), Note(0, 0.06), Note(659, 0.09)),
    # one short pip each of the last seconds
    "countdown": (Note(1047, 0.09),),
    # three notes, high-low-high: change sides
    "switch": (Note(784, 0.09), Note(0, 0.03), Note(587, 0.09), Note(0, 0.03), Note(784, 0.12)),
    # a very short low tick for each rep
    "rep": (Note(330, 0.06),),
    # two notes falling a fourth, slower: rest
    "rest": (Note(523, 0.18), Note(0, 0.05), Note(392, 0.28)),
    # a rising arpeggio: the end
    "done": (Note(523, 0.1), Note(659, 0.1), Note(784, 0.1), Note(1047, 0.3)),
}


def pattern_seconds(kind: SoundKind) -> float:
    """How long the sound of `kind` lasts."""
    return sum(note.seconds for note in PATTERNS[kind])


def _note(note: Note, rate: int) -> array[int]:
    count = round(note.seconds * rate)
    samples = array("h", bytes(2 * count))
    if note.frequency <= 0:
        return samples
    fade = max(1, min(round(FADE_SECONDS * rate), count // 2))
    step = 2 * math.pi * note.frequency / rate
    peak = LOUDNESS * 32767
    for n in range(count):
        edge = min(n, count - 1 - n)
        gain = 1.0 if edge >= fade else 0.5 - 0.5 * math.cos(math.pi * edge / fade)
        # a touch of the octave above makes a softer, less electronic tone
        wave = math.sin(step * n) + 0.15 * math.sin(2 * step * n)
        samples[n] = round(peak * gain * wave / 1.15)
    return samples


def tone(kind: SoundKind, rate: int = RATE) -> array[int]:
    """The samples of the sound of `kind`."""
    samples = array("h")
    for note in PATTERNS[kind]:
        samples.extend(_note(note, rate))
    return samples
