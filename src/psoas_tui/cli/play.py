"""`psoas play ROUTINE` and `psoas` (the app): run the Textual app, and make sure that Ctrl-C,
SIGTERM or a closed terminal (SIGHUP) end an open session as `interrupted`."""

from __future__ import annotations

import signal
import sys
from types import FrameType

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
        app.interrupt_open_sessions()
        for number, handler in previous.items():
            signal.signal(number, handler)
    if app.return_code not in (None, 0):
        print("psoas: the app stopped with an error", file=sys.stderr)
        return app.return_code or 1
    return 0
