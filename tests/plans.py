"""Small hand-made plans for engine tests (no catalogue needed)."""

from __future__ import annotations

from psoas_tui.routine.plan import PlannedExercise, RoutinePlan, SideMode


def exercise(
    name: str = "Lunge",
    *,
    sides: SideMode = "both",
    sets: int = 2,
    hold: int | None = 30,
    reps: int | None = None,
    tempo: float | None = None,
    prep: int = 5,
    rest: int = 15,
    switch: int = 5,
) -> PlannedExercise:
    return PlannedExercise(
        exercise_id=name.lower().replace(" ", "-"),
        name=name,
        sides=sides,
        sets=sets,
        hold_seconds=hold,
        reps=reps,
        tempo_seconds=tempo,
        seconds_per_rep_estimate=tempo or 3.0,
        prep_seconds=prep,
        rest_seconds=rest,
        switch_seconds=switch,
        notes="",
        steps=("Step one.", "Step two."),
        cues=("Breathe.",),
    )


def plan(*exercises: PlannedExercise, name: str = "Test routine") -> RoutinePlan:
    return RoutinePlan(
        routine_id="test",
        name=name,
        description="",
        tags=(),
        exercises=exercises or (exercise(),),
    )
