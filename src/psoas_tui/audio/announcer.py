"""The live side of sound: plays the cue plan's announcements while a session runs.

`handle()` returns at once: the sounds and words go on a queue that a background thread works
through, starting a player or the speech engine without waiting for either, so the player's
clock never waits for audio. Without a sound player the terminal bell is rung instead (from the
caller's thread, where the bell belongs); without a speech engine, the caller is told once how to
get one. `close()` stops whatever still plays and leaves no process behind.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable, Sequence

from psoas_tui.audio.playback import SoundPlayer, find_player
from psoas_tui.audio.processes import audio_switched_off
from psoas_tui.audio.speech import Speaker, SpeechEngine, find_engine, install_hint
from psoas_tui.audio.tones import pattern_seconds
from psoas_tui.player.cue_plan import Announcement, SoundKind

WORDS_AFTER = 0.3
"""The longest wait between a sound and the words after it (the sound's length, at most this)."""
QUIET_BELL = frozenset({"rep"})
"""Sounds that do not ring the bell when there is no player: one every few seconds is too many."""


_Work = tuple["SoundKind | None", "str | None"]
"""A sound to play (None: the bell rang instead) and words to say after it."""


def no_engine_notice(platform: str = sys.platform) -> str:
    return f"No speech engine found: {install_hint(platform)}. Press v to turn the voice off."


class Announcer:
    """Plays announcements in the background: sounds (or the bell) and, with `voice`, words."""

    def __init__(
        self,
        *,
        player: Sequence[str] | None,
        engine: SpeechEngine | None,
        bell: Callable[[], None],
        on_problem: Callable[[str], None] | None = None,
        platform: str = sys.platform,
    ) -> None:
        """`on_problem` is told (once each) that there is no speech engine or that it fails;
        None to say nothing."""
        self.sounds = SoundPlayer(player) if player else None
        self.speaker = Speaker(engine) if engine else None
        self.bell = bell
        self.on_problem = on_problem
        self.platform = platform
        self.muted = False
        self.voice = True
        self._told: set[str] = set()
        self._queue: queue.SimpleQueue[_Work | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._closed = False

    @classmethod
    def for_this_machine(
        cls, bell: Callable[[], None], on_problem: Callable[[str], None] | None = None
    ) -> Announcer:
        """An announcer with the sound player and speech engine found here (if any). With
        `PSOAS_AUDIO=off` none is looked for, and the missing voice goes unmentioned."""
        if audio_switched_off():
            on_problem = None
        return cls(player=find_player(), engine=find_engine(), bell=bell, on_problem=on_problem)

    def handle(self, announcements: Sequence[Announcement]) -> None:
        """Play `announcements` (usually one) without waiting for any of it."""
        if self.muted or self._closed:
            return
        for announcement in announcements:
            words = self._speakable(announcement.words) if self.voice else None
            playable = self.sounds is not None and not self.sounds.broken
            if not playable and announcement.sound not in QUIET_BELL:
                self.bell()
            sound = announcement.sound if playable else None
            if sound is not None or words is not None:
                self._send((sound, words))

    def _speakable(self, words: str | None) -> str | None:
        """`words` if there is an engine to say them (else None, telling once how to get one)."""
        if not words:
            return None
        if self.speaker is None:
            self._tell("engine", no_engine_notice(self.platform))
            return None
        if self.speaker.broken:
            self._tell(
                "engine-broken",
                f"The voice ({self.speaker.engine.name}) cannot speak here (no sound device?). "
                "Press v to turn it off.",
            )
        return words

    def _tell(self, key: str, message: str) -> None:
        if key not in self._told and self.on_problem is not None:
            self._told.add(key)
            self.on_problem(message)

    def _send(self, work: _Work) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="psoas-sound", daemon=True)
            self._thread.start()
        self._queue.put(work)

    def _work(self) -> None:
        while True:
            speaker = self.speaker
            try:  # a speech engine kept for quick phrases is let go once they stop coming
                work = self._queue.get(timeout=speaker.linger() if speaker else None)
            except queue.Empty:
                if speaker is not None:
                    speaker.rest()
                continue
            if work is None:
                return
            try:
                self._play(*work)
            except Exception:  # a sound must never take the app down
                continue

    def _play(self, sound: SoundKind | None, words: str | None) -> None:
        if sound is not None and self.sounds is not None:
            self.sounds.play(sound)
            if words:
                time.sleep(min(WORDS_AFTER, pattern_seconds(sound)))
        if words and self.speaker is not None and not self._closed:
            self.speaker.say(words)

    def close(self) -> None:
        """Stop the background thread and every sound or voice still going."""
        self._closed = True
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=2.0)
        if self.sounds is not None:
            self.sounds.close()
        if self.speaker is not None:
            self.speaker.close()
