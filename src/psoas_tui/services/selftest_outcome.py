"""Finish a self-test: score the answers, compare with the last result, keep the result in the
history and save the routine made for it (the self-test screens' last step); plain Python."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from psoas_tui.catalogue.model import Catalogue
from psoas_tui.routine.model import Routine
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.selftest.answers import Answers
from psoas_tui.selftest.compare import changes
from psoas_tui.selftest.prescribe import routine_for, routine_plan, save_result_routine
from psoas_tui.selftest.scoring import SelfTestResult, score_selftest
from psoas_tui.store.history import History, HistoryError


@dataclass(frozen=True, slots=True)
class SelfTestOutcome:
    """A scored self-test and what was done with it."""

    answers: Answers
    result: SelfTestResult
    routine: Routine | None
    plan: RoutinePlan | None
    saved_to: Path | None
    changes: tuple[str, ...]
    problems: tuple[str, ...]
    """What could not be kept (history or routine file), in words."""


def finish_selftest(
    answers: Answers, catalogue: Catalogue, history_path: Path, today: date | None = None
) -> SelfTestOutcome:
    """Score `answers`, record them, and save the routine they call for."""
    result = score_selftest(answers)
    routine = routine_for(result, catalogue, today=today)
    plan = routine_plan(routine, catalogue) if routine is not None else None
    problems: list[str] = []
    saved_to = None
    if routine is not None:
        try:
            saved_to = save_result_routine(routine, result.verdict, today=today)
            if plan is not None:
                plan = replace(plan, routine_id=saved_to.stem, path=saved_to, source="user")
        except OSError as error:
            problems.append(f"The routine could not be saved: {error}")
    differences: list[str] = []
    try:
        with History.open(history_path) as history:
            previous = history.last_selftest()
            if previous is not None:
                differences = changes(previous.result, result)
            history.record_selftest(answers, result)
    except (HistoryError, OSError) as error:
        problems.append(f"The result was not kept in the history: {error}")
    return SelfTestOutcome(
        answers, result, routine, plan, saved_to, tuple(differences), tuple(problems)
    )
