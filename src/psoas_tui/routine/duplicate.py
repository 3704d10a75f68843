"""Copy a routine into the user's folder (so a built-in one can be changed), with a free name."""

from __future__ import annotations

from pathlib import Path

from psoas_tui import paths
from psoas_tui.routine.model import Routine
from psoas_tui.routine.write import free_path, save_routine


def duplicate_routine(routine: Routine, routine_id: str) -> Path:
    """Save a copy of `routine` as a user routine named "<name> (my copy)"; returns its path."""
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    copy = routine.model_copy(update={"name": f"{routine.name} (my copy)"[:200]})
    return save_routine(copy, free_path(folder, f"{routine_id}-copy"))
