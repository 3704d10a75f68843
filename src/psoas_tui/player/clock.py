"""Clocks: the session engine asks a clock for the time instead of counting ticks.

`MonotonicClock` is the real one; `FakeClock` is moved by hand in tests.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """A monotonic source of seconds."""

    def __call__(self) -> float: ...


class MonotonicClock:
    """`time.monotonic`, which never jumps when the wall clock is changed."""

    def __call__(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
