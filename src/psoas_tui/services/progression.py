"""A routine's next level (or step back) from how its last sessions in the history felt: the
history's ratings and pain reports, handed to the rules of `routine.progress`."""

from __future__ import annotations

from psoas_tui.catalogue.model import Catalogue
from psoas_tui.routine.parse import LoadedRoutine
from psoas_tui.routine.progress import Feedback, Proposal, propose
from psoas_tui.store.history import History

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
