"""What changed since the last self-test, side by side ("Left: was tight, now clear.")."""

from __future__ import annotations

from psoas_tui.selftest.questions import SIDES
from psoas_tui.selftest.scoring import SelfTestResult, SideResult


def side_state(side: SideResult) -> str:
    """One side's findings in a few words: "tight and weak", "clear", "not tested" …"""
    if side.pain:
        return "painful in a test"
    found = []
    if side.tight:
        found.append("tight")
    if side.weak:
        found.append("weak")
    if side.rectus_femoris:
        found.append("tight in the front of the thigh")
    if found:
        return " and ".join(found)
    if side.tight is None and side.weak is None:
        return "not tested"
    if side.tight is None:
        return "not weak (tightness not tested)"
    if side.weak is None:
        return "not tight (strength not tested)"
    return "clear"


def changes(previous: SelfTestResult, current: SelfTestResult) -> list[str]:
    """A sentence per side: what it was last time and what it is now, or that it is unchanged."""
    lines = []
    for name in SIDES:
        before = side_state(previous.side(name))
        now = side_state(current.side(name))
        if before == now:
            lines.append(f"{name.capitalize()}: no change ({now}).")
        else:
            lines.append(f"{name.capitalize()}: was {before}, now {now}.")
    return lines
