"""The synthesised sounds: one per cue kind, each its own pitch and pattern, short, not silent,
and without clicks."""

from __future__ import annotations

import itertools
import math
from array import array
from pathlib import Path

import pytest

from psoas_tui.audio.tones import PATTERNS, RATE, pattern_seconds, tone
from psoas_tui.audio.wav import read_wav, resample, write_wav
from psoas_tui.player.cue_plan import SOUND_KINDS, SoundKind


def zero_crossing_pitch(samples: array[int], rate: int) -> float:
    """The frequency of a (nearly) pure tone, from how often it crosses zero."""
    crossings = sum(1 for a, b in itertools.pairwise(samples) if (a < 0) != (b < 0))
    return crossings / 2 / (len(samples) / rate)


def rms(samples: array[int]) -> float:
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


@pytest.mark.parametrize("kind", SOUND_KINDS)
def test_each_sound_is_short_loud_enough_and_fades_in_and_out(kind: SoundKind) -> None:
    samples = tone(kind)
    assert len(samples) == pytest.approx(pattern_seconds(kind) * RATE, abs=len(PATTERNS[kind]))
    assert 0.05 <= len(samples) / RATE <= 0.7
    assert rms(samples) > 2000
    assert abs(samples[0]) < 300 and abs(samples[-1]) < 300
    # no clicks: no jump between neighbours bigger than the steepest of its sine waves
    assert max(abs(b - a) for a, b in itertools.pairwise(samples)) < 8000


@pytest.mark.parametrize("kind", SOUND_KINDS)
def test_the_first_note_sounds_at_its_pitch(kind: SoundKind) -> None:
    first = PATTERNS[kind][0]
    samples = tone(kind)[: round(first.seconds * RATE)]
    assert zero_crossing_pitch(samples, RATE) == pytest.approx(first.frequency, rel=0.06)


def test_every_kind_sounds_different() -> None:
    def signature(kind: SoundKind) -> tuple[int, int, int]:
        notes = [note for note in PATTERNS[kind] if note.frequency]
        return (round(notes[0].frequency), len(notes), round(pattern_seconds(kind) * 100))

    signatures = {signature(kind) for kind in SOUND_KINDS}
    assert len(signatures) == len(SOUND_KINDS) == len(set(PATTERNS))
    measured = {round(zero_crossing_pitch(tone(k)[:1000], RATE), -1) for k in SOUND_KINDS}
    assert len(measured) >= 6  # distinct pitches to the ear, not only on paper


def test_a_wav_file_round_trip_and_resampling(tmp_path: Path) -> None:
    samples = tone("go")
    write_wav(tmp_path / "go.wav", samples, RATE)
    back, rate = read_wav(tmp_path / "go.wav")
    assert (back, rate) == (samples, RATE)
    half = resample(samples, RATE, RATE // 2)
    assert len(half) == pytest.approx(len(samples) / 2, abs=1)
    assert zero_crossing_pitch(half, RATE // 2) == pytest.approx(880, rel=0.06)
