"""`psoas edit ROUTINE` and `psoas new NAME`: the app, opened on the routine editor."""

from __future__ import annotations

import sys

from psoas_tui.cli import exit_codes
from psoas_tui.textfile.printable import printable


def run(command: str, ref: str) -> int:
    """Open the editor on the routine `ref` names (`edit`) or on a new one called `ref` (`new`);
    one line and status 1 when there is no such routine or its file is not TOML."""
    from psoas_tui.catalogue.load import load_catalogue
    from psoas_tui.cli.play import run_app
    from psoas_tui.editing.session import new_routine, open_file
    from psoas_tui.routine.library import RoutineNotFound, find_routine_file
    from psoas_tui.textfile.problems import ProblemsError

    catalogue = load_catalogue()
    if command == "new":
        name = " ".join(ref.split())
        if not name:
            print("psoas: the new routine needs a name", file=sys.stderr)
            return exit_codes.PROBLEMS
        return run_app(editing=new_routine(name[:200], catalogue))
    try:
        session = open_file(find_routine_file(ref), catalogue)
    except RoutineNotFound as error:
        print(printable(f"psoas: {error}"), file=sys.stderr)
        return exit_codes.PROBLEMS
    except ProblemsError as error:
        print(printable(str(error.first)), file=sys.stderr)
        return exit_codes.PROBLEMS
    except OSError as error:
        print(printable(f"psoas: cannot read {ref}: {error.strerror or error}"), file=sys.stderr)
        return exit_codes.PROBLEMS
    return run_app(editing=session)
