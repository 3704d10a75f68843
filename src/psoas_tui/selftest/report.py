"""The self-test result in words and as JSON data, for `psoas selftest` and the result screen."""

from __future__ import annotations

from typing import Any

from psoas_tui.player.describe import dose_text, estimated_duration
from psoas_tui.routine.model import Routine
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.routine.write import routine_to_data
from psoas_tui.selftest.prescribe import sides_words
from psoas_tui.selftest.questions import STOP_ADVICE
from psoas_tui.selftest.scoring import SelfTestResult


def headline(result: SelfTestResult) -> str:
    """The verdict in one line: "Tight psoas on the left", "See a professional" …"""
    if result.see_professional:
        return "See a professional before doing these tests or exercises"
    if result.verdict == "neither":
        return "Neither tight nor weak"
    parts = []
    for finding, sides, words in (
        ("tight", result.tight_sides, "tight psoas"),
        ("weak", result.weak_sides, "weak hip flexors"),
    ):
        if sides:
            parts.append(f"{words} ({sides_words(sides)})")
        elif finding in result.inferred:
            parts.append(f"likely {words} (not tested)")
    text = " and ".join(parts)
    return text[:1].upper() + text[1:]


def result_lines(result: SelfTestResult) -> list[str]:
    """The verdict, the sides and the reasons, as lines of text."""
    lines = [f"Result: {headline(result)}"]
    rows = (
        ("Tight psoas", result.tight_sides),
        ("Weak hip flexors", result.weak_sides),
        ("Front thigh tighter than the psoas", result.rectus_femoris),
    )
    for title, sides in rows:
        lines.append(f"  {title + ':':<36}{sides_words(sides) if sides else 'no'}")
    lines += ["", "Why:"]
    lines += [f"  - {reason}" for reason in result.reasons]
    if result.see_professional:
        lines += ["", STOP_ADVICE]
    return lines


def routine_lines(plan: RoutinePlan) -> list[str]:
    """The routine's exercises, one numbered line each, and its estimated length."""
    lines = [f"Routine: {plan.name}"]
    lines += [
        f"  {number}. {item.name} — {dose_text(item)}"
        for number, item in enumerate(plan.exercises, start=1)
    ]
    lines.append(f"  About {estimated_duration(plan)} in all.")
    return lines


def result_json(result: SelfTestResult, routine: Routine | None) -> dict[str, Any]:
    """`{"verdict", "tight_sides", "weak_sides", "rectus_femoris", "reasons", "routine"}`."""
    return {
        "verdict": result.verdict,
        "tight_sides": list(result.tight_sides),
        "weak_sides": list(result.weak_sides),
        "rectus_femoris": list(result.rectus_femoris),
        "reasons": list(result.reasons),
        "routine": routine_to_data(routine) if routine is not None else None,
    }
