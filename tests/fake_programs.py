"""Fake sound players and speech engines (small Python scripts) for the audio tests: no test
needs a sound card or plays a sound."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

PLAYER = """\
import os, sys, time
from pathlib import Path
log = Path(sys.argv[1])
log.mkdir(exist_ok=True)
(log / str(os.getpid())).write_text(" ".join(sys.argv[2:]) + "|" + sys.stdin.read())
release = log / "release"
for _ in range(600):  # plays until released (or a minute has gone)
    if release.exists():
        sys.exit(int(os.environ.get("FAKE_STATUS", "0")))
    time.sleep(0.05)
"""

RENDERER = """\
import math, sys, wave
words = sys.stdin.read()
out = sys.argv[sys.argv.index("-w") + 1]
rate = 16000
seconds = float(sys.argv[1]) if sys.argv[1] != "--stdin" else 0.05 * len(words)
frames = bytearray(int(0.2 * rate) * 2)  # silence, then a 500 Hz "voice", then silence
for n in range(int(seconds * rate)):
    frames += int(12000 * math.sin(2 * math.pi * 500 * n / rate)).to_bytes(2, "little", signed=True)
frames += bytes(int(0.3 * rate) * 2)
with wave.open(out, "wb") as f:
    f.setnchannels(1); f.setsampwidth(2); f.setframerate(rate); f.writeframes(bytes(frames))
"""


def program(folder: Path, name: str, source: str) -> Path:
    """An executable script `name` in `folder` that runs `source` with this Python."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!{sys.executable}\n{source}")
    path.chmod(0o755)
    return path


def started(log: Path) -> list[str]:
    """What each fake process was given (arguments | standard input), in the order started."""
    if not log.exists():
        return []
    runs = [p for p in log.iterdir() if p.name.isdigit()]
    return [p.read_text() for p in sorted(runs, key=lambda p: p.stat().st_mtime_ns)]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for(condition: Callable[[], bool], limit: float = 20.0) -> bool:
    """Poll `condition` until it holds (a background thread or process has done its part)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return condition()
