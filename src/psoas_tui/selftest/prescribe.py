"""Turn a self-test result into a routine built from the catalogue, and save it for the user.

Stretch-led for tight, strength-led for weak, both for both, a short maintenance routine for
neither; none when the result says to see a professional. A side that tested tight (or weak, or
tight in the front of the thigh) while the other side tested clear gets one extra set on that
side, right after the exercise it belongs to. For a person who can't kneel, every kneeling
exercise (the catalogue's `position`) is swapped for one done standing or lying down.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.model import Catalogue
from psoas_tui.catalogue.vocabulary import Position
from psoas_tui.routine.model import Defaults, Routine, RoutineExercise
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.routine.resolve import resolve
from psoas_tui.routine.write import free_path, save_routine
from psoas_tui.selftest.questions import Side
from psoas_tui.selftest.scoring import SelfTestResult

LEAD_STRETCH = "half-kneeling-hip-flexor-stretch"
LEAD_STRENGTH = "standing-march"
QUAD_STRETCH = "low-lunge-quad-stretch"
_LEAD_NOTES = (
    "Front knee over the ankle, squeeze the back buttock, then press the hips gently forward."
)
_QUAD_NOTES = (
    "The front of your thigh pulled in the kneeling test: ease the back foot toward your seat, "
    "hips square, chest up."
)
_WITHOUT_KNEELING: dict[str, tuple[str, str]] = {
    LEAD_STRETCH: (
        "standing-hip-flexor-stretch",
        "In place of the kneeling stretch: squeeze the back buttock, tuck the tailbone under, "
        "chest up.",
    ),
    QUAD_STRETCH: (
        "side-lying-psoas-stretch",
        "In place of the kneeling quad stretch: hold the top ankle, heel toward your seat, and "
        "draw the thigh back.",
    ),
}
"""For a person who can't kneel: each kneeling exercise a prescription uses, the exercise done
standing or lying that replaces it, and its note."""


@dataclass(frozen=True, slots=True)
class _Item:
    """One exercise of a prescription, before it becomes a `RoutineExercise`."""

    exercise: str
    sets: int
    hold_seconds: int | None = None
    reps: int | None = None
    tempo_seconds: float | None = None
    sides: Side | None = None
    rest_seconds: int | None = None
    notes: str | None = None


_STRETCHES = (
    _Item(LEAD_STRETCH, 2, hold_seconds=45, rest_seconds=15, notes=_LEAD_NOTES),
    _Item("standing-hip-flexor-stretch", 1, hold_seconds=30),
    _Item("supine-psoas-stretch", 1, hold_seconds=30),
)
_STRENGTH = (
    _Item(
        LEAD_STRENGTH,
        3,
        reps=10,
        tempo_seconds=6,
        notes="Knee to hip height and hold 3–5 s at the top, pelvis level. Use a wall or chair "
        "for balance.",
    ),
    _Item("seated-leg-raise", 3, reps=12, tempo_seconds=6),
    _Item(
        "dead-bug",
        3,
        reps=10,
        notes="Your own pace. The lower back stays on the floor; shorten the reach if it lifts.",
    ),
)
_BRIDGE = _Item(
    "glute-bridge",
    1,
    reps=10,
    tempo_seconds=8,
    notes="Squeeze the glutes at the top: stretching alone rarely solves a tight psoas.",
)

_PRESCRIPTIONS: dict[str, tuple[tuple[_Item, ...], Defaults]] = {
    "tight": ((*_STRETCHES, _BRIDGE), Defaults(rest_seconds=15)),
    "weak": (
        (
            *_STRENGTH,
            _Item(LEAD_STRETCH, 1, hold_seconds=30, rest_seconds=15, notes="Cool-down stretch."),
        ),
        Defaults(rest_seconds=40),
    ),
    "both": (
        (
            _STRETCHES[0],
            _STRETCHES[2],
            _Item(LEAD_STRENGTH, 2, reps=10, tempo_seconds=6, notes=_STRENGTH[0].notes),
            _Item("seated-leg-raise", 2, reps=12, tempo_seconds=6),
            _Item("glute-bridge", 2, reps=12, tempo_seconds=8),
            _Item("dead-bug", 2, reps=10, notes=_STRENGTH[2].notes),
        ),
        Defaults(rest_seconds=30),
    ),
    "neither": (
        (
            _Item(LEAD_STRETCH, 1, hold_seconds=30),
            _Item(LEAD_STRENGTH, 1, reps=10, tempo_seconds=6),
            _Item("glute-bridge", 1, reps=10, tempo_seconds=8),
        ),
        Defaults(rest_seconds=15),
    ),
}

_HOW_OFTEN = {
    "tight": (
        "Stretch-led: do it daily, or at least 5 times a week; lasting flexibility comes from "
        "months of consistency. It ends with bridges, because stretching alone rarely solves "
        "the problem."
    ),
    "weak": (
        "Strength-led: 2–3 times a week on non-consecutive days. Add load (a band, ankle "
        "weights) only once the bodyweight version is easy."
    ),
    "both": (
        "Stretches first, then strength: 2–3 times a week on non-consecutive days, and on the "
        "other days do just the stretches. Either half alone gives incomplete results."
    ),
    "neither": "A short routine to keep it that way: 2–3 times a week.",
}


def sides_words(sides: tuple[Side, ...]) -> str:
    """("left",) → "left"; both sides → "both sides"."""
    return "both sides" if len(sides) == 2 else sides[0] if sides else "no side"


def routine_name(result: SelfTestResult) -> str:
    """ "My psoas routine — tight (left)" and the like."""
    parts: list[str] = []
    if result.verdict == "neither":
        parts.append("maintenance")
    for finding, sides in (("tight", result.tight_sides), ("weak", result.weak_sides)):
        if sides:
            parts.append(f"{finding} ({sides_words(sides)})")
        elif finding in result.inferred and result.verdict in ("both", finding):
            parts.append(f"likely {finding}")
    if result.rectus_femoris:
        parts.append(f"front-thigh stretch ({sides_words(result.rectus_femoris)})")
    if result.cannot_kneel:
        parts.append("no kneeling")
    return "My psoas routine — " + ", ".join(parts)


def _who(result: SelfTestResult) -> str:
    if result.verdict == "neither":
        return "Neither test showed a tight or weak psoas."
    found = []
    if result.tight_sides:
        found.append(f"tested tight on {_side_phrase(result.tight_sides)}")
    if result.weak_sides:
        found.append(f"tested weak on {_side_phrase(result.weak_sides)}")
    if "tight" in result.inferred or "weak" in result.inferred:
        found.append(
            "probably "
            + " and ".join(f for f in ("tight", "weak") if f in result.inferred)
            + " from sitting more than 6 hours a day (that test was not done)"
        )
    return "For a psoas that " + "; ".join(found) + "."


def _side_phrase(sides: tuple[Side, ...]) -> str:
    return "both sides" if len(sides) == 2 else f"the {sides[0]}"


def _description(result: SelfTestResult, today: date) -> str:
    sentences = [_who(result), _HOW_OFTEN[result.verdict]]
    for finding, side in (("tight", result.only_side("tight")), ("weak", result.only_side("weak"))):
        if side is not None:
            sentences.append(f"Your {side} side tested {finding} alone: it gets an extra set.")
    if result.rectus_femoris:
        quad = (
            "the side-lying psoas stretch, holding the foot behind you,"
            if result.cannot_kneel
            else "the low lunge with quad stretch"
        )
        sentences.append(
            "The front of the thigh pulled more than the hip on "
            f"{_side_phrase(result.rectus_femoris)} (a tight rectus femoris): {quad} is for that."
        )
    if result.cannot_kneel:
        sentences.append(
            "You can't kneel, so every exercise here is done standing, sitting or lying down."
        )
    if result.physio_symptoms:
        sentences.append(
            "Have your lasting pain looked at by a physical therapist, as the StarFit article "
            "advises for chronic hip or back pain; this routine is no substitute."
        )
    if result.long_sitter:
        sentences.append("At work, stand up and move about every hour.")
    if result.runner:
        lunge = (
            "ease in and out of the standing hip flexor stretch"
            if result.cannot_kneel
            else "rock gently in the kneeling lunge"
        )
        sentences.append(
            f"Before a run, {lunge} for 10–15 s and do 10 marches per leg; hold the stretches "
            "after the run, when the muscle is warm."
        )
    sentences.append(
        f"Made by the psoas self-test on {today.isoformat()}. Mild discomfort is fine; stop at "
        "sharp pain."
    )
    return " ".join(sentences)


def _entry(item: _Item) -> RoutineExercise:
    return RoutineExercise(
        exercise=item.exercise,
        sets=item.sets,
        hold_seconds=item.hold_seconds,
        reps=item.reps,
        tempo_seconds=item.tempo_seconds,
        sides=item.sides,
        rest_seconds=item.rest_seconds,
        notes=item.notes,
    )


def _extra_set(item: _Item, side: Side, finding: str) -> _Item:
    return _Item(
        item.exercise,
        1,
        hold_seconds=item.hold_seconds,
        reps=item.reps,
        tempo_seconds=item.tempo_seconds,
        sides=side,
        notes=f"Extra set for your {side} side, which tested {finding} on its own.",
    )


def _items(result: SelfTestResult) -> list[_Item]:
    base, _ = _PRESCRIPTIONS[result.verdict]
    extras = {
        LEAD_STRETCH: ("tight", result.only_side("tight")),
        LEAD_STRENGTH: ("weak", result.only_side("weak")),
    }
    items: list[_Item] = []
    quad_placed = not result.rectus_femoris
    for item in base:
        items.append(item)
        finding, side = extras.pop(item.exercise, ("", None))
        if side is not None:
            items.append(_extra_set(item, side, finding))
        if not quad_placed and item.exercise == LEAD_STRETCH:
            items.extend(_quad_items(result))
            quad_placed = True
    if not quad_placed:
        items[:0] = _quad_items(result)
    return items


def _without_kneeling(items: list[_Item], catalogue: Catalogue) -> list[_Item]:
    """`items` with each kneeling exercise swapped for its standing or lying stand-in; a stand-in
    already in the list stays once, where it first comes (with the dose of what it replaced)."""
    swapped: list[_Item] = []
    for item in items:
        if catalogue.get(item.exercise).position is Position.KNEELING:
            exercise, note = _WITHOUT_KNEELING[item.exercise]
            kept = "" if item.notes in (_LEAD_NOTES, _QUAD_NOTES) else item.notes
            item = replace(item, exercise=exercise, notes=" ".join(filter(None, (kept, note))))
        if all((item.exercise, item.sides) != (seen.exercise, seen.sides) for seen in swapped):
            swapped.append(item)
    return swapped


def _quad_items(result: SelfTestResult) -> list[_Item]:
    quad = _Item(QUAD_STRETCH, 2, hold_seconds=30, notes=_QUAD_NOTES)
    items = [quad]
    side = result.only_side("rectus_femoris")
    if side is not None:
        items.append(_extra_set(quad, side, "tight in the front of the thigh"))
    return items


def routine_for(
    result: SelfTestResult, catalogue: Catalogue | None = None, today: date | None = None
) -> Routine | None:
    """The routine for `result`, or None when it says to see a professional."""
    if result.see_professional:
        return None
    catalogue = catalogue or load_catalogue()
    items = _items(result)
    if result.cannot_kneel:
        items = _without_kneeling(items, catalogue)
    for item in items:
        catalogue.get(item.exercise)  # every id used here must be in the catalogue
    _, defaults = _PRESCRIPTIONS[result.verdict]
    tags = ["selftest", result.verdict]
    tags += {
        "tight": ["stretch", "daily"],
        "weak": ["strength", "2-3x weekly"],
        "both": ["stretch", "strength", "2-3x weekly"],
        "neither": ["maintenance", "2-3x weekly"],
    }[result.verdict]
    if result.runner:
        tags.append("runner")
    if result.long_sitter:
        tags.append("desk")
    return Routine(
        schema_=Routine.SCHEMA_VERSION,
        name=routine_name(result),
        description=_description(result, today or date.today()),
        tags=tags,
        defaults=defaults,
        exercises=[_entry(item) for item in items],
    )


def routine_plan(routine: Routine, catalogue: Catalogue | None = None) -> RoutinePlan:
    """The playable plan of a self-test routine, before (or without) saving it."""
    plan = resolve(routine, catalogue or load_catalogue(), routine_id="selftest")
    return replace(plan, source="generated")


def save_result_routine(
    routine: Routine, verdict: str, *, folder: Path | None = None, today: date | None = None
) -> Path:
    """Save the routine as `selftest-<verdict>-<date>.toml` (then `-2`, `-3` …) in the user
    routines folder, atomically, and return its path."""
    folder = folder or paths.user_routines_dir()
    stem = f"selftest-{verdict.replace('_', '-')}-{(today or date.today()).isoformat()}"
    return save_routine(routine, free_path(folder, stem))
