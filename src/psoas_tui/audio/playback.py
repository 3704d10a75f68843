"""Play the cue sounds through whatever the machine has, without ever waiting for them.

A system player is looked for (`paplay`, `pw-play`, `aplay`, `afplay`, sox's `play`; Windows'
own `Media.SoundPlayer` through PowerShell). Every sound is rendered once into a WAV file in a
private temporary folder; playing one starts the player on that file in the background. Without
a player, the caller falls back to the terminal bell.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from psoas_tui.audio.processes import FILE_VARIABLE, Helpers, audio_switched_off, with_file
from psoas_tui.audio.tones import RATE, tone
from psoas_tui.audio.wav import wav_bytes
from psoas_tui.player.cue_plan import SOUND_KINDS, SoundKind

PLAYERS: tuple[tuple[str, ...], ...] = (
    ("paplay", "{file}"),
    ("pw-play", "{file}"),
    ("aplay", "-q", "{file}"),
    ("afplay", "{file}"),
    ("play", "-q", "{file}"),
)
"""Players tried in turn; `{file}` is the WAV file to play."""
WINDOWS_PLAYER = (
    "-NoProfile",
    "-NonInteractive",
    "-Command",
    f"(New-Object Media.SoundPlayer $env:{FILE_VARIABLE}).PlaySync()",
)


def find_player(platform: str = sys.platform) -> tuple[str, ...] | None:
    """The command of the first sound player found (None: none, or `PSOAS_AUDIO=off`)."""
    if audio_switched_off():
        return None
    if platform == "win32":
        shell = shutil.which("powershell")
        return (shell, *WINDOWS_PLAYER) if shell else None
    for command in PLAYERS:
        found = shutil.which(command[0])
        if found:
            return (found, *command[1:])
    return None


class SoundPlayer:
    """Plays the sound of each cue kind with `command`, in the background."""

    def __init__(self, command: Sequence[str], rate: int = RATE) -> None:
        self.command = tuple(command)
        self.rate = rate
        self.helpers = Helpers()
        self._folder: Path | None = None

    def _files(self) -> Path:
        """The folder of rendered sounds (made on first use)."""
        if self._folder is None:
            folder = Path(tempfile.mkdtemp(prefix="psoas-sounds-"))
            for kind in SOUND_KINDS:
                (folder / f"{kind}.wav").write_bytes(wav_bytes(tone(kind, self.rate), self.rate))
            self._folder = folder
        return self._folder

    def play(self, kind: SoundKind) -> None:
        """Start playing the sound of `kind` and return at once."""
        path = self._files() / f"{kind}.wav"
        self.helpers.start(with_file(self.command, path), path=path)

    @property
    def broken(self) -> bool:
        """The player never played a sound and failed twice (no sound device, say)."""
        return self.helpers.broken

    def close(self) -> None:
        """Stop every sound still playing and delete the rendered files."""
        self.helpers.stop_all()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
