"""The audio guide: as long as the routine (what `psoas show` says), not silent at its cues,
words cut rather than overrun; and `psoas audio` with its errors."""

from __future__ import annotations

import math
import shutil
import wave
from array import array
from pathlib import Path

import pytest
from cli_runs import run
from fake_programs import RENDERER, program
from plans import exercise, plan

from psoas_tui.audio.guide import render_guide
from psoas_tui.audio.speech import SpeechEngine, find_engine
from psoas_tui.audio.wav import read_wav
from psoas_tui.paths import builtin_routines_dir
from psoas_tui.player.cue_plan import cue_plan
from psoas_tui.player.timeline import build_timeline
from psoas_tui.routine.library import find_routine

RATE = 8000
"""A low rate keeps the tests quick; the length and the cues do not depend on it."""
BUILT_IN = sorted(path.stem for path in builtin_routines_dir().glob("*.toml"))
SMALL = plan(
    exercise("Lunge", sets=1, hold=30, prep=5, switch=5),
    exercise("Bridge", sides="none", sets=1, hold=None, reps=3, tempo=3, prep=0),
    exercise("Dead bug", sides="none", sets=1, hold=None, reps=2, prep=0),
)


def rms(samples: array[int]) -> float:
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


def loud_at_every_cue(samples: array[int], rate: int, times: list[float]) -> list[float]:
    """The cue times where the 50 ms after the cue are silent (the last 3 s make way for the
    closing announcement)."""
    end = len(samples) / rate - 3
    return [
        when
        for when in times
        if when < end and rms(samples[round(when * rate) : round((when + 0.05) * rate)]) < 500
    ]


@pytest.mark.parametrize("routine", BUILT_IN)
def test_every_built_in_routine_renders_as_long_as_it_plays(routine: str) -> None:
    timeline = build_timeline(find_routine(routine).plan)
    guide = render_guide(timeline, None, rate=RATE)
    assert guide.seconds == pytest.approx(timeline.estimated_seconds, abs=0.5)
    times = [when for when, _ in cue_plan(timeline)]
    assert loud_at_every_cue(guide.samples, RATE, times) == []


def test_words_follow_their_sound_and_are_cut_before_the_next_words(tmp_path: Path) -> None:
    renderer = program(tmp_path / "bin", "renderer", RENDERER)
    # every phrase is "said" for 4 s: longer than the second between counts
    engine = SpeechEngine("fake", (str(renderer),), (str(renderer), "4", "-w", "{file}"))
    timeline = build_timeline(SMALL)
    guide = render_guide(timeline, engine, rate=RATE)
    assert guide.seconds == pytest.approx(timeline.estimated_seconds, abs=0.5)
    assert guide.phrases_cut > 0 and guide.phrases_said > guide.phrases_cut
    # the hold's start (5 s) is said from the end of its sound until "Halfway" at 20 s
    assert rms(guide.samples[8 * RATE : 9 * RATE]) > 3000
    assert rms(guide.samples[12 * RATE : 13 * RATE]) < 100  # 4 s of words, then silence


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_a_guide_with_espeak_ng(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PSOAS_AUDIO")
    engine = find_engine("linux")
    timeline = build_timeline(SMALL)
    guide = render_guide(timeline, engine, rate=RATE)
    assert guide.seconds == pytest.approx(timeline.estimated_seconds, abs=0.5)
    assert guide.phrases_said >= 10 and guide.phrases_left_out == 0
    times = [when for when, _ in cue_plan(timeline)]
    assert loud_at_every_cue(guide.samples, RATE, times) == []
    assert rms(guide.samples[6 * RATE : 7 * RATE]) > 300  # "Left side. Lunge. Thirty seconds."


# --- psoas audio ------------------------------------------------------------------------------
def test_psoas_audio_without_voice_writes_the_guide(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "guide.wav"
    code, printed, err = run(capsys, "audio", "desk-break", "-o", str(out), "--no-voice")
    assert (code, err) == (0, "")
    assert printed.startswith(f"{out}: 4:10 (250.0 s),") and "tones only" in printed
    with wave.open(str(out)) as written:
        assert written.getnframes() / written.getframerate() == pytest.approx(250, abs=0.5)
    samples, _ = read_wav(out)
    assert max(samples) > 5000
    assert list(tmp_path.iterdir()) == [out]  # written atomically: no temporary file left


def test_psoas_audio_paces_open_ended_reps_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "guide.wav"
    code, printed, _ = run(capsys, "audio", "weak-psoas", "-o", str(out), "--no-voice")
    total = build_timeline(find_routine("weak-psoas").plan).estimated_seconds
    assert code == 0 and f"({total:.1f} s)" in printed
    assert "open-ended reps are counted at each exercise's usual pace" in printed
    code, printed, _ = run(
        capsys, "audio", "weak-psoas", "-o", str(out), "--no-voice", "--pace", "2"
    )
    assert code == 0 and "counted at 2 s a rep" in printed


def test_psoas_audio_without_a_speech_engine_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "guide.wav"
    code, printed, err = run(capsys, "audio", "desk-break", "-o", str(out))  # PSOAS_AUDIO=off
    assert (code, printed) == (1, "")
    assert err.startswith("psoas: no speech engine found (install espeak-ng")
    assert err.rstrip().endswith("use --no-voice for tones only") and err.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (".", "is a folder"),
        ("missing/guide.wav", "does not exist"),
    ],
)
def test_psoas_audio_refuses_an_output_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str, message: str
) -> None:
    code, _, err = run(capsys, "audio", "desk-break", "-o", str(tmp_path / output), "--no-voice")
    assert code == 1 and message in err and err.count("\n") == 1


def test_psoas_audio_bad_routine_and_bad_pace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "guide.wav")
    code, _, err = run(capsys, "audio", "no-such-routine", "-o", out, "--no-voice")
    assert code == 1 and "no-such-routine" in err
    code, _, err = run(capsys, "audio", "desk-break", "-o", out, "--no-voice", "--pace", "0")
    assert code == 2 and "--pace 0" in err
    code, _, err = run(capsys, "audio", "desk-break")
    assert code == 2 and "-o" in err
