"""A routine's next level (or step back) from how its last sessions in the history felt: the
history's ratings and pain reports, handed to the rules of `routine.progress`."""

from __future__ import annotations

from psoas_tui.catalogue.model import Catalogue
from psoas_tui.routine.library import RoutineNotFound, find_routine
from psoas_tui.routine.parse import LoadedRoutine, load_routine
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.routine.progress import Feedback, Proposal, propose
from psoas_tui.store.history import History
from psoas_tui.textfile.problems import ProblemsError

SESSIONS_READ = 200
"""How many of the newest sessions are looked through for this routine's."""


def recent_feedback(history: History, routine_id: str) -> list[Feedback]:
    """How the routine's sessions felt, newest first: only finished ones with work done."""
    return [
        Feedback(row.rating, row.pain_reports)
        for row in history.sessions(limit=SESSIONS_READ, worked_only=True)
        if row.routine_id == routine_id and row.outcome != "in progress"
    ]


def proposal_for(loaded: LoadedRoutine, history: History, catalogue: Catalogue) -> Proposal:
    """What would change in `loaded`, from its sessions in `history`, and why."""
    routine_id = loaded.plan.routine_id
    return propose(loaded.routine, routine_id, recent_feedback(history, routine_id), catalogue)


def proposal_after(routine: RoutinePlan, history: History, catalogue: Catalogue) -> Proposal | None:
    """The change the routine just played calls for now (its file read again, as `psoas
    progress` reads it), or None when there is none: no change from its sessions, a routine
    with no file (one made on the spot), or a file that can no longer be read."""
    try:
        if routine.path is not None:
            loaded = load_routine(routine.path, catalogue)
        else:
            loaded = find_routine(routine.routine_id, catalogue)
    except (ProblemsError, RoutineNotFound):
        return None
    if loaded.plan.routine_id != routine.routine_id:
        return None
    proposal = proposal_for(loaded, history, catalogue)
    return proposal if proposal.changed else None
