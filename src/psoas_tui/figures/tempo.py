"""Where a timed rep is between the start pose (0) and the end pose (1), from the time into it."""

from __future__ import annotations

from collections.abc import Mapping


def rep_phase(seconds: float, seconds_per_rep: float, phases: Mapping[str, float] | None) -> float:
    """The figure's phase `seconds` into a rep of `seconds_per_rep`.

    `phases` are the rep's parts in order (`{lift = 1, hold = 5, lower = 2}`), stretched to fill
    the rep: the first moves from start to end, the middle ones (a hold, a pause) stay at the end,
    the last moves back. Without phases the rep goes out for half its time and back for the
    other half.
    """
    if seconds_per_rep <= 0:
        return 0.0
    into = (seconds % seconds_per_rep) / seconds_per_rep
    parts = list((phases or {}).items())
    if len(parts) < 2:
        return 1.0 - abs(2.0 * into - 1.0)
    total = sum(length for _, length in parts)
    start = 0.0
    for index, (_, length) in enumerate(parts):
        share = length / total
        if into < start + share or index == len(parts) - 1:
            within = min(1.0, (into - start) / share) if share else 1.0
            if index == 0:
                return within
            if index == len(parts) - 1:
                return 1.0 - within
            return 1.0  # a hold (or any part between the first and the last)
        start += share
    return 0.0
