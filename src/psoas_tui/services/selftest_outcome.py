"""Finish a self-test: score the answers, compare with the last result, keep the result in the
history and save the routine made for it; the one path for the self-test screens and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
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
from psoas_tui.services.selftest_history import SelfTestRecord, last_selftest, record_selftest
from psoas_tui.store.history import History, HistoryError
from psoas_tui.textfile.problems import ProblemsError
from psoas_tui.weeks.plan import WeeklyPlan, plan_for_verdict
from psoas_tui.weeks.stored_plan import load_plan, save_plan

HistoryAccess = Callable[[], AbstractContextManager[History | None]]
"""Opens the history for one use. The block gets None when there is no history to read and none
should be made; opening may raise `HistoryError` or `OSError`."""


@dataclass(frozen=True, slots=True)
class SelfTestOutcome:
    """A scored self-test and what was done with it."""

    answers: Answers
    result: SelfTestResult
    routine: Routine | None
    plan: RoutinePlan | None
    saved_to: Path | None
    previous: SelfTestRecord | None
    """The last result kept before this one, if any."""
    changes: tuple[str, ...]
    """What changed per side since `previous`."""
    routine_problem: str = ""
    """Why the routine could not be saved, in words ("" when it was, or was not to be)."""
    history_problem: str = ""
    """Why the history could not be read or written, in words."""
    weekly_plan: WeeklyPlan | None = None
    """The weekly plan the result proposed and was saved (None when none was)."""
    plan_problem: str = ""
    """Why the weekly plan could not be saved, in words."""

    @property
    def problems(self) -> tuple[str, ...]:
        """What could not be kept (history or routine file), in words."""
        return tuple(
            p for p in (self.routine_problem, self.history_problem, self.plan_problem) if p
        )


def finish_selftest(
    answers: Answers,
    catalogue: Catalogue,
    history: HistoryAccess,
    *,
    save: bool = True,
    today: date | None = None,
) -> SelfTestOutcome:
    """Score `answers` and compare them with the last result kept. With `save`, also keep the
    result in the history and save the routine it calls for; without, write nothing."""
    result = score_selftest(answers)
    routine = routine_for(result, catalogue, today=today)
    plan = routine_plan(routine, catalogue) if routine is not None else None
    saved_to = None
    routine_problem = history_problem = plan_problem = ""
    weekly_plan = None
    if save and routine is not None:
        try:
            saved_to = save_result_routine(routine, result.verdict, today=today)
        except OSError as error:
            routine_problem = f"The routine could not be saved: {error}"
        else:
            if plan is not None:
                plan = replace(plan, routine_id=saved_to.stem, path=saved_to, source="user")
            weekly_plan, plan_problem = _save_weekly_plan(answers, result.verdict, today)
    previous = None
    try:
        with history() as store:
            if store is not None:
                previous = last_selftest(store)
                if save:
                    record_selftest(store, answers, result)
    except (HistoryError, OSError) as error:
        if save:
            history_problem = f"The result was not kept in the history: {error}"
        else:
            history_problem = f"The last self-test could not be read from the history: {error}"
    differences = changes(previous.result, result) if previous is not None else []
    return SelfTestOutcome(
        answers,
        result,
        routine,
        plan,
        saved_to,
        previous,
        tuple(differences),
        routine_problem,
        history_problem,
        weekly_plan,
        plan_problem,
    )


def _save_weekly_plan(
    answers: Answers, verdict: str, today: date | None
) -> tuple[WeeklyPlan | None, str]:
    """Save the weekly plan `verdict` proposes (from the stored one, whose working hours are
    kept): the plan, or None and why it could not be saved."""
    current, _ = load_plan()
    proposed = plan_for_verdict(verdict, answers, taken=today or date.today(), current=current)
    if proposed == current:
        return None, ""
    try:
        save_plan(proposed)
    except ProblemsError as error:
        return None, f"The weekly plan was not changed: {error.first}"
    except OSError as error:
        return None, f"The weekly plan could not be saved: {error}"
    return proposed, ""
