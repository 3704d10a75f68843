"""The voice: find a speech engine, speak in the background, and render words to samples.

espeak-ng (or espeak) on Linux, `say` on macOS, Windows' own System.Speech through PowerShell.
The words always go in on the engine's standard input (never on its command line, where a name
starting with "-" would read as an option). Speaking never waits: a newer utterance cuts one
still being said, so the voice keeps time with the clock.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from psoas_tui.audio.processes import (
    FILE_VARIABLE,
    Helpers,
    audio_switched_off,
    file_environment,
    with_file,
)
from psoas_tui.audio.wav import read_wav, resample
from psoas_tui.player.cue_plan import speech_seconds
from psoas_tui.textfile.printable import printable

MAX_WORDS = 400
"""The longest text handed to an engine (a name from a routine file can be long)."""
RENDER_TIMEOUT = 60.0

_POWERSHELL_VOICE = (
    "Add-Type -AssemblyName System.Speech; "
    "$voice = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
)


@dataclass(frozen=True, slots=True)
class SpeechEngine:
    """A speech program: how to make it speak, and how to make it write a WAV file (`{file}` in
    the command, or `$PSOAS_AUDIO_FILE` in its environment); both read the words on standard
    input."""

    name: str
    speak: tuple[str, ...]
    render: tuple[str, ...]
    streams: bool = False
    """The speaking program says each line of its standard input as it comes (espeak-ng): one
    process speaks a whole session, instead of one started for every phrase ("Two", "Three"
    on each rep)."""


def _espeak(program: str) -> SpeechEngine:
    return SpeechEngine(
        Path(program).name,
        (program, "--stdin"),
        (program, "--stdin", "-w", "{file}"),
        streams=True,
    )


def find_engine(platform: str = sys.platform) -> SpeechEngine | None:
    """The speech engine of this machine (None: none found, or `PSOAS_AUDIO=off`)."""
    if audio_switched_off():
        return None
    if platform == "darwin":
        say = shutil.which("say")
        if say:
            return SpeechEngine(
                "say",
                (say, "-f", "-"),
                (say, "-f", "-", "-o", "{file}", "--data-format=LEI16@22050"),
            )
    if platform == "win32":
        shell = shutil.which("powershell")
        if shell:
            words = "[Console]::In.ReadToEnd()"
            command = (shell, "-NoProfile", "-NonInteractive", "-Command")
            return SpeechEngine(
                "Windows speech (System.Speech)",
                (*command, f"{_POWERSHELL_VOICE}$voice.Speak({words})"),
                (
                    *command,
                    f"{_POWERSHELL_VOICE}$voice.SetOutputToWaveFile($env:{FILE_VARIABLE}); "
                    f"$voice.Speak({words}); $voice.Dispose()",
                ),
            )
    for program in ("espeak-ng", "espeak"):
        found = shutil.which(program)
        if found:
            return _espeak(found)
    return None


def install_hint(platform: str = sys.platform) -> str:
    """How to get a speech engine on this system, in a few words."""
    if platform == "darwin":
        return "macOS's `say` was not found on the PATH (it is in /usr/bin)"
    if platform == "win32":
        return "Windows PowerShell (System.Speech) was not found on the PATH"
    return (
        "install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng; "
        "Fedora: sudo dnf install espeak-ng; Arch: sudo pacman -S espeak-ng)"
    )


def clean_words(words: str) -> str:
    """The words as an engine should get them: printable, on one line, not too long."""
    return printable(" ".join(words.split()))[:MAX_WORDS]


LINGER_SECONDS = 4.0
"""A streaming engine stays this long after its last phrase for the next one (a count every
rep of a timed set); then it ends, and the next phrase starts it again."""


class Speaker:
    """Says words with an engine, in the background; a newer utterance cuts an older one."""

    def __init__(self, engine: SpeechEngine, clock: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self.helpers = Helpers()
        self.clock = clock
        self._current: subprocess.Popen[bytes] | None = None
        self._busy_until = 0.0
        """When the last words should be said (an estimate): a phrase before then cuts them."""

    def say(self, words: str) -> None:
        """Start saying `words` (cutting what is still being said) and return at once."""
        text = clean_words(words)
        now = self.clock()
        busy, self._busy_until = now < self._busy_until, now + speech_seconds(text)
        current = self._current
        if self.engine.streams and not busy and current is not None and current.poll() is None:
            try:  # the engine is quiet: the same process says the next line
                assert current.stdin is not None
                current.stdin.write(f"{text}\n".encode("utf-8", "replace"))
                current.stdin.flush()
                return
            except (OSError, ValueError, AssertionError):
                pass
        if current is not None:
            self.helpers.stop(current)
        if self.engine.streams:
            self._current = self.helpers.start(list(self.engine.speak), f"{text}\n", keep_open=True)
        else:
            self._current = self.helpers.start(list(self.engine.speak), text)

    def linger(self) -> float | None:
        """Seconds until a streaming engine that has nothing more to say should end (None: no
        engine is running, nothing to wait for)."""
        current = self._current
        if not self.engine.streams or current is None or current.poll() is not None:
            return None
        return max(0.0, self._busy_until + LINGER_SECONDS - self.clock())

    def rest(self) -> None:
        """End a streaming engine that has been quiet for `LINGER_SECONDS` (it finishes what it
        is saying first): between far-apart phrases no speech program stays in memory."""
        current = self._current
        if current is None or self.clock() < self._busy_until + LINGER_SECONDS:
            return
        if current.stdin is not None:
            with contextlib.suppress(OSError):
                current.stdin.close()
        self._current = None
        self.helpers.reap()

    @property
    def broken(self) -> bool:
        return self.helpers.broken

    def close(self) -> None:
        """Stop speaking; no engine process is left running."""
        self.helpers.stop_all()
        self._current = None


class SpeechError(Exception):
    """The engine could not render words (one line, naming the engine)."""


def render(engine: SpeechEngine, words: str, rate: int) -> array[int]:
    """`words` spoken by `engine`, as 16-bit mono samples at `rate` (blocking: for the guide)."""
    with tempfile.TemporaryDirectory(prefix="psoas-speech-") as folder:
        path = Path(folder) / "words.wav"
        argv = with_file(engine.render, path)
        try:
            result = subprocess.run(
                argv,
                input=clean_words(words).encode("utf-8", "replace"),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=RENDER_TIMEOUT,
                check=False,
                env=file_environment(path),
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SpeechError(f"{engine.name} could not be run: {error}") from error
        if result.returncode != 0:
            said = result.stderr.decode("utf-8", "replace").strip().splitlines()
            detail = f": {said[-1]}" if said else ""
            raise SpeechError(f"{engine.name} failed (status {result.returncode}){detail}")
        try:
            samples, made_at = read_wav(path)
        except (OSError, EOFError, wave.Error) as error:
            raise SpeechError(f"{engine.name} wrote no usable WAV file: {error}") from error
    return trim_silence(resample(samples, made_at, rate), rate)


def trim_silence(samples: array[int], rate: int, threshold: int = 300) -> array[int]:
    """`samples` without the near-silence an engine leaves before and after the words (a few
    milliseconds are kept on each side)."""
    first, last = _first_loud(samples, threshold), _last_loud(samples, threshold)
    if first is None or last is None:
        return array("h")
    margin = round(0.02 * rate)
    return samples[max(0, first - margin) : min(len(samples), last + margin + 1)]


def _first_loud(samples: Sequence[int], threshold: int) -> int | None:
    return next((n for n, value in enumerate(samples) if abs(value) > threshold), None)


def _last_loud(samples: Sequence[int], threshold: int) -> int | None:
    for n in range(len(samples) - 1, -1, -1):
        if abs(samples[n]) > threshold:
            return n
    return None
