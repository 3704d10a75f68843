"""`psoas progress ROUTINE [--json] [--save]`: the routine's next level (or a step back) from how
its last sessions felt, what would change and why, as a diff; `--save` keeps it as a new user
routine (the routine itself, built-in or not, is never changed)."""

from __future__ import annotations

import sys
from typing import TextIO

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.cli import exit_codes
from psoas_tui.routine.parse import LoadedRoutine
from psoas_tui.routine.progress import proposal_lines, save_proposal
from psoas_tui.services.progression import proposal_for
from psoas_tui.store.history import History, HistoryError
from psoas_tui.textfile.printable import printable, printable_json

__all__ = ["proposal_lines", "run"]


def run(loaded: LoadedRoutine, as_json: bool, save: bool, out: TextIO) -> int:
    """0 with the proposal (or "no change proposed: why"); 1 with one line when the history
    cannot be read or the new routine cannot be written."""
    catalogue = load_catalogue()
    try:
        with History.open(paths.history_db()) as history:
            if history.notice:
                print(printable(f"psoas: {history.notice}"), file=sys.stderr)
            proposal = proposal_for(loaded, history, catalogue)
    except HistoryError as error:
        return _fail(str(error))
    saved = None
    if save and proposal.changed:
        try:
            saved = save_proposal(proposal)
        except OSError as error:
            return _fail(f"cannot save the new routine: {error.strerror or error}")
    if as_json:
        data = proposal.as_json()
        if save:
            data["path"] = str(saved) if saved else None
        print(printable_json(data), file=out)
        return exit_codes.OK
    for line in proposal_lines(proposal):
        print(printable(line), file=out)
    if saved is not None:
        print("", file=out)
        print(printable(f"Saved as {saved}"), file=out)
    elif save:
        print("Nothing saved.", file=out)
    return exit_codes.OK


def _fail(message: str) -> int:
    print(printable(f"psoas progress: {message}"), file=sys.stderr)
    return exit_codes.PROBLEMS
