"""The audio guide: a whole routine as one sound file — tones and voice at the cue plan's times,
silence between — exactly as long as the routine.

Each announcement's sound starts at its moment and its words follow the sound. Words that would
run into the next announcement's words are cut there (with a short fade), or left out when too
little of them would be heard; a sound alone plays over them. The closing announcement, due at
the very end, is moved earlier so that it ends with the file, and what it would have overlapped
makes way for it.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass

from psoas_tui.audio.speech import SpeechEngine, render
from psoas_tui.audio.tones import RATE, tone
from psoas_tui.player.cue_plan import Announcement, SoundKind, cue_plan, paced_timeline
from psoas_tui.player.timeline import Timeline

FADE_SECONDS = 0.02
VOICE_PEAK = 0.5
"""The voice's loudest sample as a fraction of full scale: with a tone over it (at most 0.45)
nothing clips."""
MIN_WORDS_SECONDS = 0.25
"""Less than this of a phrase is not worth starting: it is left out."""


@dataclass(frozen=True, slots=True)
class Guide:
    """A rendered guide: its samples and what went into it."""

    samples: array[int]
    rate: int
    announcements: int
    phrases_said: int
    phrases_cut: int
    phrases_left_out: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate


@dataclass(frozen=True, slots=True)
class _Placed:
    at: int
    """Sample where the sound begins."""
    sound: array[int]
    words: array[int] | None


def _mix(into: array[int], clip: array[int], at: int) -> None:
    """Add `clip` into `into` from sample `at` (clipped to 16 bits; cut at the end)."""
    at = max(0, at)
    end = min(len(into), at + len(clip))
    if end <= at:
        return
    if not any(into[at:end]):  # silence there (the usual case): a copy will do
        into[at:end] = clip[: end - at]
        return
    for n in range(at, end):
        value = into[n] + clip[n - at]
        into[n] = 32767 if value > 32767 else -32768 if value < -32768 else value


def _levelled(clip: array[int]) -> array[int]:
    """`clip` scaled so that its loudest sample is at `VOICE_PEAK`."""
    peak = max((abs(value) for value in clip), default=0)
    if not peak:
        return clip
    gain = VOICE_PEAK * 32767 / peak
    return array("h", (round(value * gain) for value in clip))


def _faded_to(clip: array[int], length: int, rate: int) -> array[int]:
    """The first `length` samples of `clip`, fading out over their last few milliseconds."""
    cut = clip[:length]
    fade = min(len(cut), round(FADE_SECONDS * rate))
    for n in range(fade):
        index = len(cut) - fade + n
        cut[index] = round(cut[index] * (fade - n) / fade)
    return cut


def render_guide(
    timeline: Timeline,
    engine: SpeechEngine | None,
    *,
    open_reps_pace: float | None = None,
    rate: int = RATE,
    progress: Callable[[int, int], None] | None = None,
) -> Guide:
    """The guide of `timeline`: with `engine`, tones and words; without, tones only.
    `progress(done, total)` is told about the phrases rendered. Raises `SpeechError` when the
    engine fails."""
    paced, _ = paced_timeline(timeline, open_reps_pace)
    plan = cue_plan(timeline, open_reps_pace)
    length = round(paced.total_seconds * rate)
    samples = array("h", bytes(2 * length))

    tones: dict[SoundKind, array[int]] = {}
    speech: dict[str, array[int]] = {}
    wanted = sorted({heard.words for _, heard in plan if heard.words}) if engine else []
    for number, words in enumerate(wanted, start=1):
        assert engine is not None
        speech[words] = _levelled(render(engine, words, rate))
        if progress is not None:
            progress(number, len(wanted))

    def placed(at: float, heard: Announcement) -> _Placed:
        if heard.sound not in tones:
            tones[heard.sound] = tone(heard.sound, rate)
        words = speech.get(heard.words) if heard.words else None
        return _Placed(round(at * rate), tones[heard.sound], words)

    items = [placed(at, heard) for at, heard in plan]
    if items:  # the last one ends with the file; whatever it would overlap makes way
        last = items[-1]
        needed = len(last.sound) + (len(last.words) if last.words is not None else 0)
        start = max(0, min(last.at, length - needed))
        items = [item for item in items[:-1] if item.at < start]
        items.append(_Placed(start, last.sound, last.words))

    said = cut = left_out = 0
    for number, item in enumerate(items):
        _mix(samples, item.sound, item.at)
        if item.words is None or not len(item.words):
            continue
        begins = item.at + len(item.sound)
        # the next words cut these; a sound alone plays over them, as it does live
        following = next((later.at for later in items[number + 1 :] if later.words), length)
        room = min(following, length) - begins
        if room < MIN_WORDS_SECONDS * rate:
            left_out += 1
            continue
        phrase = item.words
        if len(phrase) > room:
            phrase = _faded_to(phrase, room, rate)
            cut += 1
        _mix(samples, phrase, begins)
        said += 1
    return Guide(samples, rate, len(items), said, cut, left_out)
