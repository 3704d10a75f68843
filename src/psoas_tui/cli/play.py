"""`psoas play ROUTINE` and `psoas` (the app): run the Textual app, and make sure that Ctrl-C,
SIGTERM, a closed terminal (SIGHUP) or a crash end an open session as `interrupted`. A crash in the
app is reported once the terminal is restored: a report file and one line, no traceback."""

from __future__ import annotations

import signal
import sys
from types import FrameType

from psoas_tui.cli.crash_report import EXIT_SOFTWARE, report_crash
from psoas_tui.routine.plan import RoutinePlan


def run_app(plan: RoutinePlan | None = None, start: str = "home") -> int:
    """Run the app: on `plan` in the player, or on the `start` screen ("home", "selftest")."""
    from psoas_tui.tui.app import PsoasApp

    app = PsoasApp(plan=plan, start=start)

    def cut_off(_signum: int, _frame: FrameType | None) -> None:
        app.interrupt_open_sessions()
        app.call_later(app.exit)

    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, cut_off)
    try:
        app.run()
    except KeyboardInterrupt:
        pass
    finally:
        if app.crash is not None:  # reported first, in case closing the sessions fails too
            report_crash(app.crash)
        app.interrupt_open_sessions()
        for number, handler in previous.items():
            signal.signal(number, handler)
    if app.crash is not None:
        return EXIT_SOFTWARE
    if app.return_code not in (None, 0):
        print("psoas: the app stopped with an error", file=sys.stderr)
        return app.return_code or 1
    return 0
