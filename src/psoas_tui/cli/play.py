"""`psoas play ROUTINE` and `psoas` (the app): run the Textual app, and make sure that Ctrl-C,
SIGTERM, a closed terminal (SIGHUP) or a crash end an open session as `interrupted`. A crash in the
app is reported once the terminal is restored: a report file and one line, no traceback. Without
a terminal the app does not start: one line says so, and the exit status is 2 (usage)."""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

from psoas_tui.cli import exit_codes
from psoas_tui.cli.crash_report import report_crash
from psoas_tui.cli.stopping import StoppedBeforeStart, Stopper, end_process
from psoas_tui.cli.terminal import missing_terminal, say, served
from psoas_tui.routine.plan import RoutinePlan

if TYPE_CHECKING:
    from psoas_tui.editing.session import EditSession
    from psoas_tui.tui.app import PsoasApp

"""The exit status when the app has no terminal to run in (a usage error, as in `main`)."""


def run_app(
    plan: RoutinePlan | None = None, start: str = "home", editing: EditSession | None = None
) -> int:
    """Run the app: on `plan` in the player, or on the `start` screen ("home", "selftest"),
    with the editor open on `editing` when given."""
    code = _run_app(plan, start, editing)
    if served():
        # A page of `psoas serve` closed, maybe while the app was still starting: end at once,
        # as after a stop signal, without waiting for worker threads (their tasks, destroyed
        # while the interpreter shuts down, would print tracebacks on the server's terminal).
        end_process(code)
    return code


def _run_app(plan: RoutinePlan | None, start: str, editing: EditSession | None) -> int:
    problem = missing_terminal(
        "`psoas selftest --answers FILE`"
        if start == "selftest"
        else "`psoas list` or `psoas show ROUTINE`"
    )
    if problem is not None:
        say(problem)
        return exit_codes.USAGE
    with Stopper() as stopper:  # before Textual loads: a signal during start-up ends it too
        try:
            from psoas_tui.tui.app import PsoasApp

            app = PsoasApp(plan=plan, start=start, editing=editing)
            stopper.attach(app)
        except StoppedBeforeStart:
            return stopper.return_code or 1
        except Exception:
            # Python wraps an exception raised in some places (a class's `__set_name__` while
            # Textual's modules load) in a RuntimeError: the stop signal's, when one came.
            if stopper.signum is None:
                raise
            return stopper.return_code or 1
        try:
            _run(app)
        except KeyboardInterrupt:
            pass
        finally:
            if app.crash is not None:  # reported first, in case closing the sessions fails too
                report_crash(app.crash)
            app.interrupt_open_sessions()
    if app.crash is not None:
        return exit_codes.SOFTWARE
    if stopper.return_code is not None:
        end_process(stopper.return_code)
    if app.return_code not in (None, 0):
        print("psoas: the app stopped with an error", file=sys.stderr)
        return app.return_code or 1
    return exit_codes.OK


def _run(app: PsoasApp) -> None:
    """`app.run()` on an event loop of its own, closed without waiting for worker threads that
    are still busy (reading routines, say), as `asyncio.run` would: after a stop signal the app
    must end within a second."""
    loop = asyncio.new_event_loop()
    try:
        app.run(loop=loop)
    finally:
        loop.close()
