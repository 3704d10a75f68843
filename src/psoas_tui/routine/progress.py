"""Progression: from how the last sessions of a routine felt, the next level of it or a step back.

The rules, on the routine's last rated sessions (newest first; a session with neither a rating
nor a pain report says nothing and is not counted):

- pain reported in the last one, or it was rated too hard: step back. A hold loses 10 s (5 s
  when it is 30 s or less), reps lose 2, never below the bottom of the catalogue's range; an
  exercise already at the bottom becomes its first easier variant (at that variant's usual
  dose), or, with none, does one set fewer (down to the range's fewest).
- the last `STEP_UP_AFTER` (2) both rated too easy, without pain: step up. A hold gains 10 s
  (5 s when it is under 30 s), reps gain 2, never above the top of the range; an exercise
  already at the top becomes its first harder variant (at the bottom of that variant's range),
  or, with none, does one set more (up to the range's most).
- anything else: no change.

Custom moves (the routine's own) have no range from the articles and are left alone. Each change
says why, naming the rule and where the range's end comes from. Nothing here reads the history:
`services.progression` gathers the sessions.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from psoas_tui import paths
from psoas_tui.catalogue.dosage import Origin, Span
from psoas_tui.catalogue.model import Catalogue, Exercise
from psoas_tui.routine.model import Routine, RoutineExercise
from psoas_tui.routine.write import free_path, routine_to_toml, save_routine

STEP_UP_AFTER = 2
"""How many sessions in a row rated too easy (without pain) call for the next level."""
REPS_STEP = 2
LONG_HOLD = 30
"""Holds above this change by 10 s, shorter ones by 5 s."""

Direction = Literal["harder", "easier"]
_LEVEL = re.compile(r"^(?P<name>.*?) — (?:level (?P<level>\d+)|easier(?: (?P<eased>\d+))?)$")
_LEVEL_ID = re.compile(r"^(?P<id>.*?)-(?:level-\d+|easier(?:-\d+)?)$")


@dataclass(frozen=True, slots=True)
class Feedback:
    """How one session of the routine felt: its rating (None when not rated) and pain reports."""

    rating: str | None
    pain_reports: int = 0


@dataclass(frozen=True, slots=True)
class Change:
    """One exercise's change, with why."""

    position: int
    """Which `[[exercises]]` entry (from 1)."""
    exercise: str
    before: str
    after: str
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "exercise": self.exercise,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Proposal:
    """What would change in a routine and why; `routine` is the new one (None: no change)."""

    routine_id: str
    original: Routine
    why: str
    direction: Direction | None = None
    changes: tuple[Change, ...] = ()
    left_alone: tuple[str, ...] = ()
    """Exercises kept as they are, each with why ("Hip circles: a custom move …")."""
    routine: Routine | None = None
    new_id: str = ""

    @property
    def changed(self) -> bool:
        return self.routine is not None

    def diff(self) -> str:
        """A unified diff of the routine's TOML text, old against new ("" without a change)."""
        if self.routine is None:
            return ""
        lines = difflib.unified_diff(
            routine_to_toml(self.original).splitlines(keepends=True),
            routine_to_toml(self.routine).splitlines(keepends=True),
            fromfile=f"{self.routine_id}.toml",
            tofile=f"{self.new_id}.toml",
        )
        return "".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "routine": self.routine_id,
            "change": self.direction,
            "why": self.why,
            "changes": [change.as_json() for change in self.changes],
            "left_alone": list(self.left_alone),
            "new_routine": (
                {"id": self.new_id, "name": self.routine.name} if self.routine else None
            ),
            "diff": self.diff(),
        }


def decide(recent: Sequence[Feedback]) -> tuple[Direction | None, str]:
    """Which way to go from the sessions (newest first), and why."""
    rated = [f for f in recent if f.rating is not None or f.pain_reports]
    if not rated:
        return None, "no rated session of this routine yet"
    last = rated[0]
    if last.pain_reports:
        return "easier", f"pain reported in the last session ({last.pain_reports}×)"
    if last.rating == "too_hard":
        return "easier", "the last session was rated too hard"
    streak = rated[:STEP_UP_AFTER]
    if len(streak) < STEP_UP_AFTER:
        return None, (
            f"only {len(rated)} rated session; the next level comes after "
            f"{STEP_UP_AFTER} rated too easy in a row"
        )
    if all(f.rating == "too_easy" and not f.pain_reports for f in streak):
        return "harder", f"the last {STEP_UP_AFTER} sessions were rated too easy, without pain"
    ratings = ", ".join((f.rating or "not rated").replace("_", " ") for f in streak)
    return None, (
        f"the last {STEP_UP_AFTER} sessions were not all rated too easy ({ratings}, newest first)"
    )


def _cause(direction: Direction) -> str:
    return f"too easy {STEP_UP_AFTER}× in a row" if direction == "harder" else "too hard or pain"


def _end_source(origin: Origin | None, end: int, top: bool, catalogue: Catalogue) -> str:
    """Who gives the range's end: the articles whose figure reaches it, or "our range"."""
    if isinstance(origin, dict):
        names = [
            catalogue.articles[key].short if key in catalogue.articles else key
            for key, (low, high) in origin.items()
            if (high if top else low) == end
        ]
        if names:
            return " and ".join(sorted(set(names)))
    return "our range"


def _step(value: int, figure: Literal["hold", "reps"], up: bool) -> int:
    if figure == "reps":
        size = REPS_STEP
    else:
        size = 10 if (value >= LONG_HOLD if up else value > LONG_HOLD) else 5
    return value + size if up else value - size


def _dose_text(figure: str, value: int | None, sets: int) -> str:
    unit = f"{value} s hold" if figure == "hold" else f"{value} reps"
    return f"{sets} × {unit}"


def _variant(
    entry: RoutineExercise, exercise: Exercise, direction: Direction, catalogue: Catalogue
) -> tuple[RoutineExercise, Exercise] | None:
    ids = exercise.harder if direction == "harder" else exercise.easier
    for variant_id in ids:
        variant = catalogue.lookup(variant_id)
        if variant is None:
            continue
        dosage = variant.dosage
        if direction == "harder":
            hold = dosage.hold_range[0] if dosage.hold_range else None
            reps = dosage.reps_range[0] if dosage.reps_range else None
        else:
            hold, reps = dosage.hold_seconds, dosage.reps
        sets = dosage.sets_range[0] if direction == "harder" else dosage.sets
        return RoutineExercise(
            exercise=variant.id, sets=sets, hold_seconds=hold, reps=reps
        ), variant
    return None


def _progress_entry(
    position: int,
    entry: RoutineExercise,
    exercise: Exercise,
    direction: Direction,
    catalogue: Catalogue,
) -> tuple[RoutineExercise, Change | None, str]:
    """The entry moved one step, its change, or why it stays."""
    dosage = exercise.dosage
    up = direction == "harder"
    hold, reps = entry.hold_seconds, entry.reps
    if hold is None and reps is None:
        hold, reps = dosage.hold_seconds, dosage.reps
    sets = entry.sets or dosage.sets
    figure: Literal["hold", "reps"] = "hold" if hold is not None else "reps"
    value = hold if hold is not None else reps
    span: Span | None = dosage.hold_range if figure == "hold" else dosage.reps_range
    origin = dosage.origin.hold_seconds if figure == "hold" else dosage.origin.reps
    cause = _cause(direction)
    before = _dose_text(figure, value, sets)
    if value is not None and span is not None:
        end = span[1] if up else span[0]
        moved = _step(value, figure, up)
        moved = min(moved, end) if up else max(moved, end)
        if (up and value < end) or (not up and value > end):
            source = _end_source(origin, end, up, catalogue)
            verb = "holds up to" if up else "holds from"
            if figure == "reps":
                verb = "goes up to" if up else "starts at"
            unit = " s" if figure == "hold" else ""
            end_unit = " s" if figure == "hold" else " reps"
            field = "hold_seconds" if figure == "hold" else "reps"
            new = entry.model_copy(update={field: moved})
            name = "hold" if figure == "hold" else "reps"
            reason = (
                f"{name} {value}{unit} → {moved}{unit}: {cause}; {source} {verb} {end}{end_unit}"
            )
            after = _dose_text(figure, moved, sets)
            return new, Change(position, exercise.name, before, after, reason), ""
    at_end = "the top" if up else "the bottom"
    found = _variant(entry, exercise, direction, catalogue)
    if found is not None:
        new, variant = found
        new_figure = "hold" if new.hold_seconds is not None else "reps"
        new_value = new.hold_seconds if new_figure == "hold" else new.reps
        after = f"{variant.name}, {_dose_text(new_figure, new_value, new.sets or 1)}"
        dose = "at the bottom of its range" if up else "at its usual dose"
        reason = (
            f"{exercise.name} is at {at_end} of its range ({before}): {cause}; its "
            f"{direction} variant {variant.name}, {dose}"
        )
        return new, Change(position, exercise.name, before, after, reason), ""
    low, high = dosage.sets_range
    if (up and sets < high) or (not up and sets > low):
        new_sets = sets + 1 if up else sets - 1
        end = high if up else low
        source = _end_source(dosage.origin.sets, end, up, catalogue)
        reason = (
            f"sets {sets} → {new_sets}: {cause}; {at_end} of its {figure} range and no "
            f"{direction} variant; {source} {'up to' if up else 'from'} {end} sets"
        )
        new = entry.model_copy(update={"sets": new_sets})
        after = _dose_text(figure, value, new_sets)
        return new, Change(position, exercise.name, before, after, reason), ""
    return entry, None, f"{exercise.name}: already at {at_end} of its range, no {direction} variant"


def propose(
    routine: Routine,
    routine_id: str,
    recent: Sequence[Feedback],
    catalogue: Catalogue,
) -> Proposal:
    """What the next level (or the step back) of `routine` would be, from `recent` sessions
    (newest first)."""
    direction, why = decide(recent)
    if direction is None:
        return Proposal(routine_id, routine, why)
    custom = {move.id: move for move in routine.moves}
    entries: list[RoutineExercise] = []
    changes: list[Change] = []
    left_alone: list[str] = []
    for position, entry in enumerate(routine.exercises, start=1):
        exercise = None if entry.exercise in custom else catalogue.lookup(entry.exercise)
        if exercise is None:
            name = custom[entry.exercise].name if entry.exercise in custom else entry.exercise
            left_alone.append(f"{name}: a custom move, with no range from the articles")
            entries.append(entry)
            continue
        new, change, kept = _progress_entry(position, entry, exercise, direction, catalogue)
        entries.append(new)
        if change is not None:
            changes.append(change)
        else:
            left_alone.append(kept)
    if not changes:
        return Proposal(
            routine_id,
            routine,
            f"{why}, but nothing can change",
            direction,
            left_alone=tuple(left_alone),
        )
    name, new_id = _next_name(routine.name, routine_id, direction)
    new_routine = routine.model_copy(update={"name": name, "exercises": entries})
    return Proposal(
        routine_id, routine, why, direction, tuple(changes), tuple(left_alone), new_routine, new_id
    )


def _next_name(name: str, routine_id: str, direction: Direction) -> tuple[str, str]:
    """ "Tight psoas — level 2" (then 3 …) going up, "Tight psoas — easier" going down; the new
    file's id stem alike ("tight-psoas-level-2")."""
    level = 1
    match = _LEVEL.match(name)
    if match:
        name = match["name"]
        level = int(match["level"]) if match["level"] else 1
    id_match = _LEVEL_ID.match(routine_id)
    stem = id_match["id"] if id_match else routine_id
    if direction == "harder":
        return f"{name} — level {level + 1}"[:200], f"{stem}-level-{level + 1}"
    if level > 1:
        return f"{name} — level {level - 1}"[:200], f"{stem}-level-{level - 1}"
    return f"{name} — easier"[:200], f"{stem}-easier"


def save_proposal(proposal: Proposal, folder: Path | None = None) -> Path:
    """Write the proposed routine as a new user routine (never over another file); its path."""
    if proposal.routine is None:
        raise ValueError("no change to save")
    folder = folder or paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return save_routine(proposal.routine, free_path(folder, proposal.new_id))


def proposal_head(proposal: Proposal) -> list[str]:
    """What changes and why, before the diff; or "no change proposed: why"."""
    if not proposal.changed or proposal.routine is None:
        lines = [f"{proposal.routine_id}: no change proposed: {proposal.why}"]
        lines += [f"  {kept}" for kept in proposal.left_alone]
        return lines
    step = "next level" if proposal.direction == "harder" else "a step back"
    lines = [f"{proposal.routine_id}: {step}, because {proposal.why}", ""]
    for change in proposal.changes:
        lines.append(f"  #{change.position} {change.exercise}: {change.before} → {change.after}")
        lines.append(f"      {change.reason}")
    lines += [f"  kept: {kept}" for kept in proposal.left_alone]
    lines += ["", f'New routine "{proposal.routine.name}" ({proposal.new_id}):', ""]
    return lines


def proposal_lines(proposal: Proposal) -> list[str]:
    """What changes and why, then the diff (as `psoas progress` prints it); or "no change
    proposed: why"."""
    return proposal_head(proposal) + proposal.diff().rstrip("\n").splitlines()
