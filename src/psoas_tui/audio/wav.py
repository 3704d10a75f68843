"""WAV files: 16-bit mono PCM in and out with the standard `wave` module (the user's file is
written atomically), and a linear resampler for speech made at another rate."""

from __future__ import annotations

import io
import sys
import wave
from array import array
from pathlib import Path

from psoas_tui.textfile.atomic import atomic_write_bytes


def _little_endian(samples: array[int]) -> bytes:
    if sys.byteorder == "big":
        samples = array("h", samples)
        samples.byteswap()
    return samples.tobytes()


def wav_bytes(samples: array[int], rate: int) -> bytes:
    """A whole WAV file (16-bit mono) holding `samples`."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(_little_endian(samples))
    return buffer.getvalue()


def write_wav(path: Path, samples: array[int], rate: int) -> None:
    """Write `samples` to `path` as a WAV file, atomically (a crash leaves the old file)."""
    atomic_write_bytes(path, wav_bytes(samples, rate))


def read_wav(path: Path) -> tuple[array[int], int]:
    """The samples (16-bit, the first channel) and the rate of a PCM WAV file. Raises
    `wave.Error` or `OSError` for a file that is not one."""
    with wave.open(str(path), "rb") as source:
        channels, width, rate = source.getnchannels(), source.getsampwidth(), source.getframerate()
        frames = source.readframes(source.getnframes())
    if width == 2:
        samples = array("h")
        samples.frombytes(frames[: len(frames) // 2 * 2])
        if sys.byteorder == "big":
            samples.byteswap()
    elif width == 1:  # unsigned 8-bit
        samples = array("h", ((byte - 128) << 8 for byte in frames))
    else:
        raise wave.Error(f"{width * 8}-bit samples are not supported")
    if channels > 1:
        samples = samples[::channels]
    return samples, rate


def resample(samples: array[int], rate: int, target: int) -> array[int]:
    """`samples` at `rate` made into `target` samples a second (linear interpolation: enough
    for speech)."""
    if rate == target or not samples:
        return array("h", samples)
    count = max(1, round(len(samples) * target / rate))
    step = rate / target
    last = len(samples) - 1
    out = array("h", bytes(2 * count))
    for n in range(count):
        position = n * step
        left = int(position)
        if left >= last:
            out[n] = samples[last]
            continue
        fraction = position - left
        out[n] = round(samples[left] + (samples[left + 1] - samples[left]) * fraction)
    return out
