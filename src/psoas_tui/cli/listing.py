"""`psoas list` (routines) and `psoas exercises` (the catalogue), as text or JSON."""

from __future__ import annotations

from typing import Any, TextIO

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.model import Catalogue, Exercise
from psoas_tui.catalogue.origin import dose_is_ours, dose_origin_lines
from psoas_tui.catalogue.vocabulary import Kind
from psoas_tui.cli import exit_codes
from psoas_tui.player.describe import amount_text, estimated_seconds, format_duration
from psoas_tui.routine.library import discover
from psoas_tui.textfile.printable import printable, printable_json


def list_routines(as_json: bool, out: TextIO) -> int:
    entries = discover()
    if as_json:
        rows: list[dict[str, Any]] = []
        for entry in entries:
            row: dict[str, Any] = {
                "id": entry.routine_id,
                "name": entry.name if entry.ok else None,
                "source": entry.source,
                "path": str(entry.path),
                "ok": entry.ok,
            }
            if entry.loaded is not None:
                plan = entry.loaded.plan
                row["duration_seconds"] = round(estimated_seconds(plan))
                row["exercises"] = len(plan.exercises)
                row["tags"] = list(plan.tags)
            else:
                row["error"] = entry.error
            rows.append(row)
        print(printable_json(rows), file=out)
        return exit_codes.OK
    if not entries:
        print("No routines found.", file=out)
        return exit_codes.OK
    width = max(len(entry.routine_id) for entry in entries)
    for entry in entries:
        if entry.loaded is not None:
            duration = format_duration(estimated_seconds(entry.loaded.plan))
            line = f"{entry.routine_id:<{width}}  {duration:>6}  {entry.source:<8}  {entry.name}"
        else:
            line = f"{entry.routine_id:<{width}}  {'BROKEN':>6}  {entry.source:<8}  {entry.error}"
        print(printable(line), file=out)
    return exit_codes.OK


def _dose(exercise: Exercise) -> str:
    dosage = exercise.dosage
    return amount_text(
        dosage.sets,
        hold_seconds=dosage.hold_seconds,
        reps=dosage.reps,
        sides="both" if exercise.per_side else "none",
    )


OUR_DOSE_MARK = "*"
OUR_DOSE_NOTE = (
    f"{OUR_DOSE_MARK} our own dose: the articles recommend the move but give no number for it.\n"
    "  `psoas exercises --json` says where each figure of every dose comes from."
)


def exercise_json(exercise: Exercise, catalogue: Catalogue) -> dict[str, Any]:
    data = exercise.model_dump(mode="json")
    data["desk_friendly"] = exercise.desk_friendly
    data["dosage"]["min_seconds_per_rep"] = exercise.dosage.min_seconds_per_rep
    data["dose_origin"] = dose_origin_lines(exercise, catalogue)
    data["articles"] = [
        {"key": key, "label": catalogue.article(key).label}
        | catalogue.article(key).model_dump(mode="json")
        for key in exercise.sources
    ]
    return data


def list_exercises(as_json: bool, kind: str | None, out: TextIO) -> int:
    catalogue = load_catalogue()
    exercises = [e for e in catalogue if kind is None or e.kind is Kind(kind)]
    if as_json:
        print(printable_json([exercise_json(e, catalogue) for e in exercises]), file=out)
        return exit_codes.OK
    width = max((len(e.id) for e in exercises), default=0)
    marked = False
    for exercise in exercises:
        equipment = ", ".join(exercise.equipment) or "none"
        dose = _dose(exercise)
        if dose_is_ours(exercise):
            dose += f" {OUR_DOSE_MARK}"
            marked = True
        print(
            printable(
                f"{exercise.id:<{width}}  {exercise.kind:<10}  {exercise.position:<8}  "
                f"{dose:<24}  {equipment}"
            ),
            file=out,
        )
    if marked:
        print(f"\n{OUR_DOSE_NOTE}", file=out)
    return exit_codes.OK
