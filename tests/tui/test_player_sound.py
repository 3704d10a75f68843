"""The player hands each cue's announcement to the app's announcer (sounds and voice play in
the background), honours mute, and says once when there is no speech engine."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from apps import advance, player, player_app

from psoas_tui.audio.announcer import Announcer
from psoas_tui.player.cue_plan import Announcement


class RecordingAnnouncer(Announcer):
    """Keeps what it is handed, and whether the voice was on for it."""

    def __init__(self) -> None:
        super().__init__(player=None, engine=None, bell=lambda: None)
        self.heard: list[tuple[Announcement, bool]] = []
        self.closed = False

    def handle(self, announcements: Sequence[Announcement]) -> None:
        self.heard += [(heard, self.voice) for heard in announcements]

    def close(self) -> None:
        self.closed = True
        super().close()


async def test_the_player_announces_each_cue_and_mute_silences_it() -> None:
    app = player_app()
    recording = RecordingAnnouncer()
    app.announcer = recording
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5)
        await advance(app, pilot, 15)
        sounds = [(heard.sound, heard.words) for heard, _ in recording.heard]
        assert sounds[0] == ("get_ready", "Get ready: Half-kneeling hip flexor stretch, left side.")
        assert ("go", "Left side. Half-kneeling hip flexor stretch. Thirty seconds.") in sounds
        assert sounds[-1] == ("halfway", "Halfway.")
        assert all(voice for _, voice in recording.heard)
        await pilot.press("m")
        before = len(recording.heard)
        await advance(app, pilot, 15)  # the countdown and the switch: muted
        assert len(recording.heard) == before
        player(app).voice = False  # (the `v` key sets this)
        await pilot.press("m")
        await advance(app, pilot, 5)
        assert recording.heard[-1] == (Announcement("go", recording.heard[-1][0].words), False)
    assert recording.closed


async def test_without_a_speech_engine_the_app_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PSOAS_AUDIO")
    monkeypatch.setenv("PATH", str(tmp_path))  # no player, no engine: the bell, and a word
    app = player_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await advance(app, pilot, 12)
        messages = [n.message for n in app._notifications]
        assert sum("No speech engine found" in message for message in messages) == 1


async def test_with_audio_switched_off_nothing_is_said_about_it() -> None:
    app = player_app()  # PSOAS_AUDIO=off, as in every test
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await advance(app, pilot, 12)
        assert not any("speech" in n.message for n in app._notifications)
