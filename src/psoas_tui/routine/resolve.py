"""Resolve a parsed `Routine` against the catalogue into a `RoutinePlan`.

Fills every value the file leaves out from the catalogue (or the custom move) and the routine's
`[defaults]`, and reports exercises that cannot be played as written (unknown names, sides that
do not fit the exercise, a hold and a tempo together).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from psoas_tui.catalogue.model import Catalogue, Exercise
from psoas_tui.catalogue.vocabulary import Sidedness
from psoas_tui.routine.model import CustomMove, Defaults, Routine, RoutineExercise
from psoas_tui.routine.plan import PlannedExercise, RoutinePlan, SideMode
from psoas_tui.textfile.names import did_you_mean
from psoas_tui.textfile.shown import quoted

DEFAULT_SECONDS_PER_REP = 3.0
"""Estimate for reps of a custom move, used only for durations."""


@dataclass(frozen=True, slots=True)
class PlanIssue:
    """A problem found while resolving, with the key path it is about."""

    loc: tuple[str | int, ...]
    message: str


class PlanError(Exception):
    def __init__(self, issues: list[PlanIssue]) -> None:
        super().__init__("; ".join(issue.message for issue in issues))
        self.issues = issues


def _default_sides(per_side: bool, sidedness: Sidedness | None) -> SideMode:
    if sidedness is Sidedness.ALTERNATING:
        return "alternating"
    return "both" if per_side else "none"


def _plan_catalogue(
    entry: RoutineExercise, exercise: Exercise, routine: Routine
) -> PlannedExercise:
    dosage = exercise.dosage
    hold = entry.hold_seconds
    reps = entry.reps
    if hold is None and reps is None:
        hold, reps = dosage.hold_seconds, dosage.reps
    per_rep = dosage.seconds_per_rep or DEFAULT_SECONDS_PER_REP
    return _planned(
        entry,
        routine,
        exercise_id=exercise.id,
        name=exercise.name,
        sides=entry.sides or _default_sides(exercise.per_side, exercise.sidedness),
        sets=entry.sets or dosage.sets,
        hold=hold,
        reps=reps,
        per_rep=per_rep,
        steps=exercise.steps,
        cues=exercise.cues,
        is_custom=False,
    )


def _plan_custom(entry: RoutineExercise, move: CustomMove, routine: Routine) -> PlannedExercise:
    hold = entry.hold_seconds
    reps = entry.reps
    if hold is None and reps is None:
        hold, reps = move.hold_seconds, move.reps
    return _planned(
        entry,
        routine,
        exercise_id=move.id,
        name=move.name,
        sides=entry.sides or _default_sides(move.per_side, None),
        sets=entry.sets or move.sets,
        hold=hold,
        reps=reps,
        per_rep=DEFAULT_SECONDS_PER_REP,
        steps=tuple(move.steps),
        cues=tuple(move.cues),
        is_custom=True,
    )


def _planned(
    entry: RoutineExercise,
    routine: Routine,
    *,
    exercise_id: str,
    name: str,
    sides: SideMode,
    sets: int,
    hold: int | None,
    reps: int | None,
    per_rep: float,
    steps: tuple[str, ...],
    cues: tuple[str, ...],
    is_custom: bool,
) -> PlannedExercise:
    defaults = routine.defaults
    return PlannedExercise(
        exercise_id=exercise_id,
        name=name,
        sides=sides,
        sets=sets,
        hold_seconds=hold,
        reps=reps,
        tempo_seconds=entry.tempo_seconds,
        seconds_per_rep_estimate=entry.tempo_seconds or per_rep,
        prep_seconds=defaults.prep_seconds if entry.prep_seconds is None else entry.prep_seconds,
        rest_seconds=defaults.rest_seconds if entry.rest_seconds is None else entry.rest_seconds,
        switch_seconds=(
            defaults.switch_seconds if entry.switch_seconds is None else entry.switch_seconds
        ),
        notes=entry.notes or "",
        steps=steps,
        cues=cues,
        is_custom=is_custom,
    )


def _check(
    planned: PlannedExercise, per_side: bool, entry: RoutineExercise
) -> tuple[str, str] | None:
    """Why this planned exercise cannot be played as written (the key to blame, the reason)."""
    name = quoted(planned.name, 80)
    if planned.hold_seconds is None and planned.reps is None:
        return "exercise", f"{name} needs hold_seconds or reps"
    if planned.tempo_seconds is not None and planned.hold_seconds is not None:
        return "tempo_seconds", f"{name} is a hold: tempo_seconds goes with reps"
    if not per_side and planned.sides in ("both", "left", "right"):
        return "sides", f'{name} is not done per side: use sides = "none"'
    if per_side and planned.sides == "none" and entry.sides is not None:
        options = '"both", "left", "right" or "alternating"'
        return "sides", f"{name} is done per side: use sides = {options}"
    if planned.sides == "alternating" and planned.reps is None:
        return (
            "sides",
            f'{name} is a hold: sides = "alternating" needs reps (sides alternate rep by rep)',
        )
    return None


def resolve(
    routine: Routine,
    catalogue: Catalogue,
    routine_id: str = "",
    *,
    places: tuple[Sequence[int], Sequence[int]] | None = None,
) -> RoutinePlan:
    """The playable plan of `routine`; raises `PlanError` listing every exercise that is wrong.

    `places` gives, for the moves and the exercises of `routine`, where each stood in the file
    when some entries were left out (to check what remains of a file with invalid entries);
    problems are numbered by those places.
    """
    moves: dict[str, CustomMove] = {}
    planned: list[PlannedExercise] = []
    issues: list[PlanIssue] = []
    move_places, exercise_places = places or (
        range(len(routine.moves)),
        range(len(routine.exercises)),
    )
    for index, custom in zip(move_places, routine.moves, strict=True):
        if custom.id in moves:
            message = f"moves #{index + 1}: two custom moves share the id {quoted(custom.id, 80)}"
            issues.append(PlanIssue(("moves", index, "id"), message))
        moves.setdefault(custom.id, custom)
    for index, entry in zip(exercise_places, routine.exercises, strict=True):
        move = moves.get(entry.exercise)
        if move is not None:
            item = _plan_custom(entry, move, routine)
            per_side = move.per_side
        else:
            exercise = catalogue.lookup(entry.exercise)
            if exercise is None:
                names = [*catalogue.all_names(), *moves]
                suggestion = did_you_mean(entry.exercise, names, cutoff=0.5)
                unknown = quoted(entry.exercise, 80)
                message = (
                    f"exercises #{index + 1}: unknown exercise {unknown}{suggestion} "
                    "(`psoas exercises` lists them all)"
                )
                issues.append(PlanIssue(("exercises", index, "exercise"), message))
                continue
            item = _plan_catalogue(entry, exercise, routine)
            per_side = exercise.per_side
        problem = _check(item, per_side, entry)
        if problem is not None:
            key, message = problem
            if getattr(entry, key) is None:
                key = "exercise"
            issues.append(
                PlanIssue(("exercises", index, key), f"exercises #{index + 1}: {message}")
            )
            continue
        planned.append(item)
    if issues:
        raise PlanError(issues)
    return RoutinePlan(
        routine_id=routine_id,
        name=routine.name,
        description=routine.description,
        tags=tuple(routine.tags),
        exercises=tuple(planned),
    )


def plan_single(
    exercise: Exercise, *, sets: int | None = None, prep_seconds: int = 5
) -> PlannedExercise:
    """An exercise on its own with its default dosage (to play it from the catalogue, or to
    swap in an easier variant). Reps get the catalogue's pace as a tempo, so they are timed."""
    dosage = exercise.dosage
    defaults = Defaults(prep_seconds=prep_seconds)
    return PlannedExercise(
        exercise_id=exercise.id,
        name=exercise.name,
        sides=_default_sides(exercise.per_side, exercise.sidedness),
        sets=sets or dosage.sets,
        hold_seconds=dosage.hold_seconds,
        reps=dosage.reps,
        tempo_seconds=dosage.seconds_per_rep if dosage.reps is not None else None,
        seconds_per_rep_estimate=dosage.seconds_per_rep or DEFAULT_SECONDS_PER_REP,
        prep_seconds=defaults.prep_seconds,
        rest_seconds=defaults.rest_seconds,
        switch_seconds=defaults.switch_seconds,
        notes="",
        steps=exercise.steps,
        cues=exercise.cues,
    )


def single_exercise_plan(exercise: Exercise) -> RoutinePlan:
    """A one-exercise routine for playing an exercise straight from the catalogue."""
    return RoutinePlan(
        routine_id=f"exercise:{exercise.id}",
        name=exercise.name,
        description=exercise.summary,
        tags=(exercise.kind.value,),
        exercises=(plan_single(exercise),),
        source="generated",
    )
