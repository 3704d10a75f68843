"""What "this hurts" offers, and what the summary advises after it (no Textual).

The rules: sharp pain means stop, so it offers only ending the session or skipping the exercise;
the discomfort of a stretch offers an easier variant that spares where it hurts, a skip, or the
end, and carrying on only at a low score. The advice paraphrases the source articles and names
them as the catalogue does (`short`); `ADVICE_SOURCES` gives their seed keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from psoas_tui.catalogue.model import Catalogue, Exercise
from psoas_tui.catalogue.vocabulary import Equipment, Position
from psoas_tui.player.session import PainAction, PainKind
from psoas_tui.store.records import PainRecord

LOCATIONS = (
    "front of the hip",
    "groin",
    "lower back",
    "knee",
    "front of the thigh",
    "buttock",
    "somewhere else",
)
CARRY_ON_UP_TO = 3
"""Carrying on is offered for discomfort up to this score of 10: a gentle pull is fine, more is
not (StarFit: gentle discomfort is okay, do not push into pain)."""

KIND_WORDS: dict[PainKind, str] = {
    "sharp": "sharp pain",
    "discomfort": "discomfort",
}
ACTION_WORDS: dict[str, str] = {
    "easier": "easier variant",
    "skip": "skipped the exercise",
    "continue": "carried on",
    "end": "ended the session",
}


@dataclass(frozen=True, slots=True)
class _Spare:
    """What an exercise must not involve to spare a place that hurts."""

    positions: frozenset[Position]
    equipment: frozenset[Equipment]
    words: str
    """"spares the knee (no kneeling or stepping up)": for the line saying none is left."""


_SPARING: dict[str, _Spare] = {
    "knee": _Spare(
        frozenset({Position.KNEELING}),
        frozenset({Equipment.STEP}),
        "spares the knee (no kneeling or stepping up)",
    ),
    "front of the thigh": _Spare(
        frozenset({Position.KNEELING}),
        frozenset(),
        "spares the front of the thigh (no kneeling lunge)",
    ),
    "lower back": _Spare(
        frozenset({Position.PLANK, Position.HANGING}),
        frozenset({Equipment.BALL}),
        "spares the lower back (no plank, hanging or ball)",
    ),
}
"""Where it hurts → what the easier variant must avoid. Places not listed (the front of the hip,
the groin, the buttock) are where these exercises are meant to be felt: any easier variant is
gentler there."""


@dataclass(frozen=True, slots=True)
class EasierChoice:
    """The easier variant to offer for pain in one place, or why there is none."""

    exercise: Exercise | None
    why_none: str = ""


def spares(exercise: Exercise, location: str) -> bool:
    """Whether `exercise` keeps off the place that hurts."""
    spare = _SPARING.get(location)
    if spare is None:
        return True
    gear = set(exercise.equipment)
    return exercise.position not in spare.positions and not gear & spare.equipment


def easier_variant(catalogue: Catalogue | None, exercise_id: str, location: str) -> EasierChoice:
    """The nearest easier variant of the exercise (following the catalogue's `easier` links,
    then theirs) that spares `location`; none for an exercise not in the catalogue."""
    start = catalogue.lookup(exercise_id) if catalogue is not None else None
    if catalogue is None or start is None or not start.easier:
        return EasierChoice(None, "This exercise has no easier variant in the catalogue.")
    seen = {start.id}
    queue = list(start.easier)
    while queue:
        candidate = catalogue.lookup(queue.pop(0))
        if candidate is None or candidate.id in seen:
            continue
        seen.add(candidate.id)
        if spares(candidate, location):
            return EasierChoice(candidate)
        queue.extend(candidate.easier)
    words = _SPARING[location].words if location in _SPARING else f"spares the {location}"
    return EasierChoice(None, f"No easier variant here {words}.")


def pain_actions(kind: PainKind, severity: int | None, easier: bool) -> tuple[PainAction, ...]:
    """What the "this hurts" dialog offers, in order. Sharp pain: end or skip, nothing else."""
    if kind == "sharp":
        return ("end", "skip")
    actions: list[PainAction] = ["easier"] if easier else []
    actions += ["skip", "end"]
    if severity is not None and severity <= CARRY_ON_UP_TO:
        actions.append("continue")
    return tuple(actions)


def pain_warning(kind: PainKind | None, severity: int | None) -> str:
    """The line over the dialog's choices (short: one line of the dialog)."""
    if kind == "sharp":
        return "Sharp pain means stop: end here, or skip this exercise."
    if kind == "discomfort" and severity is not None and severity > CARRY_ON_UP_TO:
        return f"Over {CARRY_ON_UP_TO}/10 is more than a gentle pull: take it easier."
    if kind == "discomfort":
        return "Gentle discomfort is fine; sharp pain means stop."
    return "Sharp pain means stop. If pain lasts, see a physiotherapist."


SHARP_ADVICE = (
    "You reported sharp pain. Sharp pain is a red flag: stop, and do not push into pain "
    "(StarFit). If the pain lasts or comes back, see a physical therapist, who can find out "
    "where it comes from (StarFit; Cleveland Clinic)."
)
DISCOMFORT_ADVICE = (
    "You reported discomfort. Next time start gentler and build up: angry muscles do not "
    "tolerate stretches, and proper form matters more than depth (Cleveland Clinic). Go less "
    "deep, hold for less time or take the easier variant; if the discomfort persists, consult a "
    "professional (trainer blog)."
)
PLACE_ADVICE = {
    "knee": "For the knee: put a cushion or folded towel under the kneeling knee (trainer blog), "
    "or take the standing stretch, the least intense of them (SportCoaching).",
    "lower back": "For the lower back: keep the back leg's buttock squeezed all through, or the "
    "stretch moves from the psoas to the lower back (SportCoaching), and tuck the tailbone "
    "slightly under (trainer blog).",
    "front of the thigh": "For the front of the thigh: a pull there, above the knee, is the "
    "rectus femoris more than the psoas (SportCoaching); go less deep.",
}
ADVICE_SOURCES = {
    "StarFit": "003_f525bfbb801b210a.txt",
    "Cleveland Clinic": "000_2a139b7f77750f37.txt",
    "trainer blog": "002_3300b23856dd6860.txt",
    "SportCoaching": "004_b08a8e43cb40d0bb.txt",
}
"""The articles the advice names, by the catalogue's short name → seed key."""


def pain_advice(reports: Iterable[PainRecord]) -> list[str]:
    """What to do after the pain reported in a session: a line for sharp pain, one for
    discomfort, and one for each place with advice of its own; none without reports."""
    reports = list(reports)
    lines = []
    if any(report.kind == "sharp" for report in reports):
        lines.append(SHARP_ADVICE)
    discomfort = [report for report in reports if report.kind != "sharp"]
    if discomfort:
        lines.append(DISCOMFORT_ADVICE)
        places = dict.fromkeys(report.location for report in discomfort)
        lines += [PLACE_ADVICE[place] for place in places if place in PLACE_ADVICE]
    return lines
