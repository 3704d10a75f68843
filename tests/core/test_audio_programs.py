"""Sound players and speech engines, with fake programs: nothing waits for them, a newer
utterance cuts an older one, finished ones are reaped and `close()` leaves none behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fake_programs import PLAYER, RENDERER, alive, program, started, wait_for

from psoas_tui.audio.announcer import Announcer
from psoas_tui.audio.playback import SoundPlayer, find_player
from psoas_tui.audio.speech import (
    Speaker,
    SpeechEngine,
    SpeechError,
    find_engine,
    install_hint,
    render,
)
from psoas_tui.player.cue_plan import Announcement


@pytest.fixture
def fake(tmp_path: Path) -> Path:
    """A fake player (and speaker) that runs until `log/release` exists."""
    return program(tmp_path / "bin", "fake-player", PLAYER)


def engine_for(fake: Path, log: Path) -> SpeechEngine:
    return SpeechEngine("fake", (str(fake), str(log)), (str(fake), str(log), "-w", "{file}"))


def test_playing_does_not_wait_and_closing_kills_what_still_plays(
    fake: Path, tmp_path: Path
) -> None:
    log = tmp_path / "log"
    sounds = SoundPlayer((str(fake), str(log), "{file}"))
    sounds.play("go")
    (process,) = sounds.helpers.running
    assert process.poll() is None  # play() came back while the sound still plays
    assert wait_for(lambda: len(started(log)) == 1)
    played = Path(started(log)[0].split("|")[0])
    assert played.name == "go.wav" and played.stat().st_size > 1000
    sounds.close()
    assert process.poll() is not None and not alive(process.pid)
    assert sounds.helpers.running == [] and not played.parent.exists()


def test_finished_sounds_are_reaped(fake: Path, tmp_path: Path) -> None:
    log = tmp_path / "log"
    sounds = SoundPlayer((str(fake), str(log), "{file}"))
    sounds.play("countdown")
    (first,) = sounds.helpers.running
    assert wait_for(lambda: len(started(log)) == 1)
    (log / "release").write_text("")
    assert wait_for(lambda: first.poll() is not None)
    sounds.play("rep")
    assert first not in sounds.helpers.running and sounds.helpers.succeeded == 1
    sounds.close()


def test_a_player_that_keeps_failing_is_broken(tmp_path: Path) -> None:
    missing = SoundPlayer((str(tmp_path / "no-such-player"), "{file}"))
    missing.play("go")
    missing.play("go")
    assert missing.broken
    missing.close()


def test_the_players_and_engines_are_found_on_the_path(
    fake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert find_player() is None and find_engine() is None  # PSOAS_AUDIO=off in the tests
    monkeypatch.delenv("PSOAS_AUDIO")
    folder = tmp_path / "path"
    folder.mkdir()
    shutil.copy(fake, folder / "aplay")
    shutil.copy(fake, folder / "espeak-ng")
    monkeypatch.setenv("PATH", str(folder))
    assert find_player("linux") == (str(folder / "aplay"), "-q", "{file}")
    engine = find_engine("linux")
    assert engine is not None and engine.name == "espeak-ng"
    assert engine.render == (str(folder / "espeak-ng"), "--stdin", "-w", "{file}")
    (folder / "espeak-ng").unlink()
    assert find_engine("linux") is None
    assert "sudo apt install espeak-ng" in install_hint("linux")


def test_a_newer_utterance_cuts_an_older_one(fake: Path, tmp_path: Path) -> None:
    log = tmp_path / "log"
    speaker = Speaker(engine_for(fake, log))
    speaker.say("Left side. Lunge. Thirty seconds.")
    first = speaker._current
    assert first is not None and first.poll() is None
    speaker.say("Three.")
    assert first.poll() is not None  # cut
    second = speaker._current
    assert second is not None
    # the second one got the words (before it is closed: a killed fake writes nothing)
    assert wait_for(lambda: any(run.endswith("|Three.") for run in started(log)))
    assert second.poll() is None
    speaker.close()
    assert second.poll() is not None and speaker.helpers.running == []


def test_words_go_to_the_engine_on_its_input_cleaned(fake: Path, tmp_path: Path) -> None:
    log = tmp_path / "log"
    speaker = Speaker(engine_for(fake, log))
    speaker.say("-rm \x1b]2;evil\x07 name\nsecond line")
    assert wait_for(lambda: len(started(log)) == 1)
    assert started(log)[0] == "|-rm \\x1b]2;evil\\x07 name second line"
    speaker.close()


def test_render_reads_the_engine_wav_resamples_and_trims_silence(tmp_path: Path) -> None:
    renderer = program(tmp_path / "bin", "renderer", RENDERER)
    engine = SpeechEngine("fake", (str(renderer),), (str(renderer), "0.5", "-w", "{file}"))
    samples = render(engine, "Halfway.", 22050)
    # 0.5 s of voice made at 16 kHz, without the 0.2 s and 0.3 s of silence around it
    assert len(samples) / 22050 == pytest.approx(0.5 + 0.04, abs=0.01)
    assert max(samples) > 10000


def test_a_failing_engine_is_a_one_line_error(tmp_path: Path) -> None:
    failing = program(tmp_path / "bin", "failing", "import sys\nsys.exit('no voice data')\n")
    engine = SpeechEngine("failing", (str(failing),), (str(failing), "{file}"))
    with pytest.raises(SpeechError, match=r"failing failed \(status 1\): no voice data"):
        render(engine, "Three.", 22050)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_ng_renders_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PSOAS_AUDIO")
    engine = find_engine("linux")
    assert engine is not None
    samples = render(engine, "Halfway.", 22050)
    assert 0.2 < len(samples) / 22050 < 2.0 and max(samples) > 3000


# --- the announcer ---------------------------------------------------------------------------
def test_the_announcer_hands_sound_and_words_to_a_thread_and_never_waits(
    fake: Path, tmp_path: Path
) -> None:
    sound_log, voice_log = tmp_path / "sounds", tmp_path / "voice"
    bells: list[int] = []
    announcer = Announcer(
        player=(str(fake), str(sound_log), "{file}"),
        engine=engine_for(fake, voice_log),
        bell=lambda: bells.append(1),
    )
    announcer.handle([Announcement("go", "Left side. Lunge. Thirty seconds.")])
    assert wait_for(lambda: len(started(sound_log)) == 1 and len(started(voice_log)) == 1)
    assert started(sound_log)[0].split("|")[0].endswith("go.wav")
    assert started(voice_log) == ["|Left side. Lunge. Thirty seconds."]
    pids = [p.pid for p in announcer.sounds.helpers.running + announcer.speaker.helpers.running]  # type: ignore[union-attr]
    assert len(pids) == 2 and all(alive(pid) for pid in pids)  # still playing: nobody waited
    announcer.close()
    assert not any(alive(pid) for pid in pids) and bells == []


def test_without_a_player_the_bell_rings_and_without_an_engine_the_user_is_told_once() -> None:
    bells: list[int] = []
    told: list[str] = []
    announcer = Announcer(
        player=None, engine=None, bell=lambda: bells.append(1), on_problem=told.append
    )
    for heard in (
        Announcement("go", "Left side. Lunge. Thirty seconds."),
        Announcement("rep", "Two"),  # no bell for every rep
        Announcement("countdown", "Three."),
    ):
        announcer.handle([heard])
    assert len(bells) == 2
    assert len(told) == 1 and "No speech engine found" in told[0] and "v" in told[0]
    announcer.close()


def test_muted_plays_nothing_and_voice_off_says_nothing(fake: Path, tmp_path: Path) -> None:
    sound_log = tmp_path / "sounds"
    told: list[str] = []
    announcer = Announcer(
        player=(str(fake), str(sound_log), "{file}"),
        engine=None,
        bell=lambda: None,
        on_problem=told.append,
    )
    announcer.muted = True
    announcer.handle([Announcement("go", "Go.")])
    announcer.muted, announcer.voice = False, False
    announcer.handle([Announcement("halfway", "Halfway.")])
    assert wait_for(lambda: len(started(sound_log)) == 1)
    assert started(sound_log)[0].split("|")[0].endswith("halfway.wav")
    assert told == []  # the voice is off: no engine is needed
    announcer.close()
    assert announcer.sounds is not None and announcer.sounds.helpers.running == []


def test_a_player_that_fails_every_time_gives_way_to_the_bell(tmp_path: Path) -> None:
    failing = program(tmp_path / "bin", "failing", "import sys\nsys.exit(1)\n")
    bells: list[int] = []
    announcer = Announcer(
        player=(str(failing), "{file}"), engine=None, bell=lambda: bells.append(1)
    )

    def rang() -> bool:
        announcer.handle([Announcement("countdown")])
        return bool(bells)

    assert wait_for(rang)
    announcer.close()
    assert announcer.sounds is not None and announcer.sounds.helpers.running == []


LINE_SPEAKER = """\
import os, sys
from pathlib import Path
log = Path(sys.argv[1])
for line in sys.stdin:  # says each line as it comes, like espeak-ng --stdin
    with (log / "said").open("a") as said:
        said.write(f"{os.getpid()}:{line.strip()}\\n")
"""


def test_a_streaming_engine_says_every_phrase_with_one_process_unless_it_cuts(
    tmp_path: Path,
) -> None:
    log = tmp_path / "log"
    log.mkdir()
    script = program(tmp_path / "bin", "speaker", LINE_SPEAKER)
    engine = SpeechEngine("lines", (str(script), str(log)), (str(script),), streams=True)
    now = [0.0]
    speaker = Speaker(engine, clock=lambda: now[0])
    said = log / "said"

    def lines() -> list[str]:
        return said.read_text().splitlines() if said.exists() else []

    speaker.say("Left side. Lunge. Thirty seconds.")
    now[0] += 10.0  # long after the phrase was said
    speaker.say("Three.")
    now[0] += 1.0
    speaker.say("Two.")
    assert wait_for(lambda: len(lines()) == 3)
    pids = {line.split(":")[0] for line in lines()}
    assert len(pids) == 1  # one process for the three phrases
    assert [line.split(":", 1)[1] for line in lines()] == [
        "Left side. Lunge. Thirty seconds.",
        "Three.",
        "Two.",
    ]
    speaker.say("Switch to the right side.")
    speaker.say("One.")  # at once: the phrase before is still being said, so it is cut
    assert wait_for(lambda: lines()[-1].endswith(":One."))
    assert lines()[-1].split(":")[0] not in pids
    first = speaker._current
    speaker.close()
    assert first is not None and first.poll() is not None and speaker.helpers.running == []


def test_a_streaming_engine_ends_when_phrases_stop_coming(tmp_path: Path) -> None:
    from psoas_tui.audio.speech import LINGER_SECONDS

    log = tmp_path / "log"
    log.mkdir()
    script = program(tmp_path / "bin", "speaker", LINE_SPEAKER)
    engine = SpeechEngine("lines", (str(script), str(log)), (str(script),), streams=True)
    now = [0.0]
    speaker = Speaker(engine, clock=lambda: now[0])
    assert speaker.linger() is None  # nothing running
    speaker.say("Halfway.")
    process = speaker._current
    assert process is not None
    waited = speaker.linger()
    assert waited is not None and LINGER_SECONDS < waited < LINGER_SECONDS + 3
    speaker.rest()  # too soon: kept for the next phrase
    assert process.poll() is None
    now[0] += waited
    speaker.rest()
    assert wait_for(lambda: process.poll() is not None)  # it said its line and ended
    assert (log / "said").read_text().endswith(":Halfway.\n")
    assert speaker.linger() is None
    speaker.close()
