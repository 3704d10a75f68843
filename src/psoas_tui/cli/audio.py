"""`psoas audio ROUTINE -o FILE.wav [--no-voice] [--pace SECONDS]`: the whole session as one audio
file (voice, tones and the silences between), as long as `psoas show` says the routine takes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from psoas_tui.audio.guide import render_guide
from psoas_tui.audio.speech import SpeechError, find_engine, install_hint
from psoas_tui.audio.wav import write_wav
from psoas_tui.cli import exit_codes
from psoas_tui.player.describe import format_duration
from psoas_tui.player.timeline import build_timeline
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.textfile.printable import printable


def output_problem(path: Path) -> str | None:
    """Why the guide cannot be written at `path` (one line), or None."""
    folder = path.parent
    if path.is_dir():
        return f"{path}: is a folder; give a file name, e.g. {path / 'guide.wav'}"
    if not folder.is_dir():
        return f"{path}: the folder {folder} does not exist"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{path}: cannot write in {folder}: permission denied"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path}: the file is read-only"
    return None


def _say(line: str) -> None:
    print(printable(f"psoas: {line}"), file=sys.stderr)


def run(plan: RoutinePlan, output: Path, voice: bool, pace: float | None, out: TextIO) -> int:
    problem = output_problem(output)
    if problem is not None:
        _say(problem)
        return exit_codes.PROBLEMS
    if pace is not None and not 0.5 <= pace <= 60:
        _say(f"--pace {pace:g}: give the seconds a rep takes, from 0.5 to 60")
        return exit_codes.USAGE
    engine = find_engine() if voice else None
    if voice and engine is None:
        _say(f"no speech engine found ({install_hint()}); use --no-voice for tones only")
        return exit_codes.PROBLEMS
    timeline = build_timeline(plan)
    try:
        guide = render_guide(timeline, engine, open_reps_pace=pace)
    except SpeechError as error:
        _say(f"{error}; use --no-voice for tones only")
        return exit_codes.PROBLEMS
    try:
        write_wav(output, guide.samples, guide.rate)
    except OSError as error:
        _say(f"{output}: cannot be written: {(error.strerror or str(error)).lower()}")
        return exit_codes.PROBLEMS
    open_ended = sum(1 for segment in timeline.segments if segment.seconds is None)
    paced = ""
    if open_ended:
        each = f"{pace:g} s a rep" if pace else "each exercise's usual pace"
        paced = f"; open-ended reps are counted at {each}"
    spoken = f", {guide.phrases_said} phrases spoken" if engine else ", tones only"
    print(
        printable(
            f"{output}: {format_duration(guide.seconds)} ({guide.seconds:.1f} s), "
            f"{guide.announcements} cues{spoken}{paced}"
        ),
        file=out,
    )
    return exit_codes.OK
