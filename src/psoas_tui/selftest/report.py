"""The self-test result in words and as JSON data, for `psoas selftest` and the result screen."""

from __future__ import annotations

from typing import Any

from psoas_tui.player.describe import dose_text, estimated_duration
from psoas_tui.routine.model import Routine
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.routine.write import routine_to_data
from psoas_tui.selftest.prescribe import sides_words
from psoas_tui.selftest.questions import STOP_ADVICE, SYMPTOMS, URGENT_ADVICE, label
from psoas_tui.selftest.scoring import Finding, SelfTestResult, SideResult


def headline(result: SelfTestResult) -> str:
    """The verdict in one line: "Tight psoas on the left", "See a professional" …"""
    if result.urgent:
        return "Seek medical care now"
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


def _not_known(side: SideResult, finding: Finding) -> str:
    """Why a side's finding is not known ("" when it is)."""
    answer = side.kneel if finding == "tight" else side.knee_lift
    if (side.tight if finding == "tight" else side.weak) is not None:
        return ""
    return {"pain": "hurt", "cannot_kneel": "can't kneel"}.get(answer, "not tested")


def finding_summary(result: SelfTestResult, finding: Finding) -> str:
    """One finding over both sides, agreeing with the headline: "left", "likely (not tested)",
    "no (right: not tested)", "not tested" …"""
    found = result.tight_sides if finding == "tight" else result.weak_sides
    unknown = {s.side: why for s in result.sides if (why := _not_known(s, finding))}
    if found:
        others = [f"{side}: {why}" for side, why in unknown.items() if side not in found]
        return sides_words(found) + (f" ({'; '.join(others)})" if others else "")
    if finding in result.inferred:
        return "likely (not tested)"
    each = "; ".join(f"{side}: {why}" for side, why in unknown.items())
    if len(unknown) == 2:
        reasons = set(unknown.values())
        return reasons.pop() if len(reasons) == 1 else f"not known ({each})"
    return f"no ({each})" if unknown else "no"


def _front_thigh_summary(result: SelfTestResult) -> str:
    if result.rectus_femoris:
        return sides_words(result.rectus_femoris)
    return "no" if any(s.tight is not None for s in result.sides) else "not tested"


def result_lines(result: SelfTestResult) -> list[str]:
    """The verdict, the sides and the reasons, as lines of text."""
    lines = [f"Result: {headline(result)}"]
    rows = [
        ("Tight psoas", finding_summary(result, "tight")),
        ("Weak hip flexors", finding_summary(result, "weak")),
        ("Front thigh tighter than the psoas", _front_thigh_summary(result)),
    ]
    if result.physio_symptoms and not result.see_professional:
        rows.append(("See a physical therapist", "yes, about " + _pain_words(result)))
    for title, text in rows:
        lines.append(f"  {title + ':':<36}{text}")
    lines += ["", "Why:"]
    lines += [f"  - {reason}" for reason in result.reasons]
    if result.urgent:
        lines += ["", URGENT_ADVICE]
    elif result.see_professional:
        lines += ["", STOP_ADVICE]
    return lines


def _pain_words(result: SelfTestResult) -> str:
    words = [label(SYMPTOMS, symptom).lower() for symptom in result.physio_symptoms]
    return " and ".join(words)


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
    """`{"verdict", "tight_sides", "weak_sides", "likely_tight", "likely_weak",
    "rectus_femoris", "see_physical_therapist_about", "reasons", "routine"}`."""
    return {
        "verdict": result.verdict,
        "tight_sides": list(result.tight_sides),
        "weak_sides": list(result.weak_sides),
        "likely_tight": "tight" in result.inferred,
        "likely_weak": "weak" in result.inferred,
        "rectus_femoris": list(result.rectus_femoris),
        "see_physical_therapist_about": list(result.physio_symptoms),
        "reasons": list(result.reasons),
        "routine": routine_to_data(routine) if routine is not None else None,
    }
