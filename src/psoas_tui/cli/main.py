"""The `psoas` command line. Subcommands live beside it in `psoas_tui.cli` and are imported lazily,
so `psoas --help` answers at once. No input ever ends in a traceback: an unexpected error leaves a
crash report in the user log folder and one line on the terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from psoas_tui.cli import exit_codes
from psoas_tui.cli.parser import build_parser

if TYPE_CHECKING:
    from psoas_tui.routine.parse import LoadedRoutine
    from psoas_tui.routine.plan import RoutinePlan


def dispatch(args: argparse.Namespace) -> int:
    out = sys.stdout
    problem = _preflight(args)
    if problem is not None:
        from psoas_tui.textfile.printable import printable

        print(printable(f"psoas: {problem}"), file=sys.stderr)
        return exit_codes.PROBLEMS
    if args.command == "check":
        from psoas_tui.cli import check

        return check.run(args.paths, out)
    if args.command == "list":
        from psoas_tui.cli import listing

        return listing.list_routines(args.json, out)
    if args.command == "exercises":
        from psoas_tui.cli import listing

        return listing.list_exercises(args.json, args.kind, out)
    if args.command == "schema":
        from psoas_tui.cli import schema

        return schema.run(out)
    if args.command == "history":
        from psoas_tui.cli import history

        return history.run(args.json, out, as_csv=args.csv, session=args.session)
    if args.command == "stats":
        from psoas_tui.cli import stats

        return stats.run(args.json, args.today, out)
    if args.command == "remind":
        from psoas_tui.cli import remind

        return remind.run(args.every, args.start, args.end, args.weekends, args.once, out)
    if args.command == "plan":
        from psoas_tui.cli import plan as plan_command

        return plan_command.run(args.json, args.assignments, out)
    if args.command == "serve":
        from psoas_tui.cli import serve

        return serve.run(args.host, args.port, out)
    if args.command == "selftest":
        if args.answers is None:
            if args.json or args.save:
                args.selftest_usage("--json and --save need --answers FILE")
            from psoas_tui.cli import play

            return play.run_app(start="selftest")
        from psoas_tui.cli import selftest

        return selftest.run(args.answers, args.json, args.save, out)
    if args.command in ("edit", "new"):
        from psoas_tui.cli import edit

        return edit.run(args.command, args.routine if args.command == "edit" else args.name)
    if args.command == "progress":
        loaded = _find_loaded(args.routine)
        if loaded is None:
            return exit_codes.PROBLEMS
        from psoas_tui.cli import progress

        return progress.run(loaded, args.json, args.save, out)
    if args.command in ("show", "play", "audio", "log"):
        plan = _find_plan(args.routine)
        if plan is None:
            return exit_codes.PROBLEMS
        if args.command == "log":
            from psoas_tui.cli import log

            return log.run(plan, args.date, args.rating, out)
        if args.command == "audio":
            from pathlib import Path

            from psoas_tui.cli import audio

            return audio.run(plan, Path(args.output), not args.no_voice, args.pace, out)
        if args.command == "show":
            from psoas_tui.cli import show

            return show.run(plan, args.json, out)
        from psoas_tui.cli import play

        return play.run_app(plan)
    from psoas_tui.cli import play

    return play.run_app()


def _preflight(args: argparse.Namespace) -> str | None:
    """Why a command that reads or keeps user data cannot (one line), before it starts."""
    from psoas_tui.cli import preflight

    if args.command == "list":
        return preflight.routines_problem(write=False)
    if args.command == "log":
        return preflight.history_problem()
    if args.command == "progress":
        return preflight.history_problem() or (
            preflight.routines_problem(write=True) if args.save else None
        )
    if args.command == "serve":
        return preflight.keeping_problem()
    if args.command in ("edit", "new"):
        return preflight.routines_problem(write=True)
    if args.command == "play" or (args.command == "selftest" and args.save and args.answers):
        return preflight.keeping_problem()
    return None


def _find_plan(ref: str) -> RoutinePlan | None:
    """The routine a command names, or None after printing why it cannot be used."""
    loaded = _find_loaded(ref)
    return None if loaded is None else loaded.plan


def _find_loaded(ref: str) -> LoadedRoutine | None:
    """The routine a command names, read and resolved, or None after printing why it cannot be
    used."""
    from psoas_tui.routine.library import RoutineNotFound, find_routine
    from psoas_tui.textfile.printable import printable
    from psoas_tui.textfile.problems import ProblemsError

    try:
        return find_routine(ref)
    except ProblemsError as error:
        for problem in error.problems:
            print(printable(str(problem)), file=sys.stderr)
    except RoutineNotFound as error:
        print(printable(f"psoas: {error}"), file=sys.stderr)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return dispatch(args)
    except KeyboardInterrupt:
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        return exit_codes.OK
    except Exception as error:  # the last line of defence: a report and one line, no traceback
        from psoas_tui.cli.crash_report import report_crash

        report_crash(error)
        return exit_codes.SOFTWARE


if __name__ == "__main__":
    raise SystemExit(main())
