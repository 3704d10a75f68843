"""The `psoas` command line. Subcommands live beside it in `psoas_tui.cli` and are imported lazily,
so `psoas --help` answers at once. No input ever ends in a traceback: an unexpected error leaves a
crash report in the user log folder and one line on the terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from psoas_tui.catalogue.vocabulary import Kind

if TYPE_CHECKING:
    from psoas_tui.routine.plan import RoutinePlan

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="psoas",
        description="Stretch and strengthen the psoas. Without a command, opens the app.",
        epilog="This is not medical advice. Stop at sharp pain; see a physiotherapist "
        "if pain persists.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="validate routine files (files or folders)")
    check.add_argument("paths", nargs="+", metavar="PATH")

    listing = commands.add_parser("list", help="list built-in and user routines")
    listing.add_argument("--json", action="store_true", help="print JSON")

    exercises = commands.add_parser("exercises", help="list the exercise catalogue")
    exercises.add_argument("--json", action="store_true", help="print JSON")
    exercises.add_argument("--kind", choices=[kind.value for kind in Kind], help="only this kind")

    commands.add_parser("schema", help="print the JSON Schema of routine files")

    show = commands.add_parser("show", help="show a routine's timeline and total time")
    show.add_argument("routine", metavar="ROUTINE", help="a routine file, or a routine id")
    show.add_argument("--json", action="store_true", help="print JSON")

    play = commands.add_parser("play", help="play a routine in the full-screen player")
    play.add_argument("routine", metavar="ROUTINE", help="a routine file, or a routine id")

    history = commands.add_parser("history", help="list past sessions, newest first")
    history.add_argument("--json", action="store_true", help="print JSON")

    _add_selftest(commands)
    return parser


def _add_selftest(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from psoas_tui.selftest.questions import answers_help

    selftest = commands.add_parser(
        "selftest",
        help="the psoas self-test: in the app, or from an answers file",
        description=(
            "Is your psoas tight, weak, or both? Without --answers, opens the self-test in the\n"
            "app. With --answers FILE, reads the answers from a TOML file and prints the\n"
            "verdict, the reasons and a routine made for it.\n\n"
            "exit status: 0 ok, 1 a bad answers file, 2 usage"
        ),
        epilog=answers_help()
        + "\n\nexample:\n  psoas selftest --answers examples/selftest-answers.toml --save\n\n"
        "--json prints {verdict, tight_sides, weak_sides, likely_tight, likely_weak,\n"
        "rectus_femoris, see_physical_therapist_about, reasons, routine}; verdict is tight,\n"
        'weak, both, neither, see_professional or seek_care_now; with --save also "path";\n'
        '"changes" (per side) when an earlier result was kept.',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    selftest.add_argument(
        "--answers",
        metavar="FILE",
        help="read the answers from this TOML file and print the result",
    )
    selftest.add_argument("--json", action="store_true", help="print the result as JSON")
    selftest.add_argument(
        "--save",
        action="store_true",
        help="also save the routine to your routines, print its path, and keep the result",
    )
    selftest.set_defaults(selftest_usage=selftest.error)


def _version() -> str:
    from psoas_tui import __version__

    return f"psoas-tui {__version__}"


def dispatch(args: argparse.Namespace) -> int:
    out = sys.stdout
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

        return history.run(args.json, out)
    if args.command == "selftest":
        if args.answers is None:
            if args.json or args.save:
                args.selftest_usage("--json and --save need --answers FILE")
            from psoas_tui.cli import play

            return play.run_app(start="selftest")
        from psoas_tui.cli import selftest

        return selftest.run(args.answers, args.json, args.save, out)
    if args.command in ("show", "play"):
        plan = _find_plan(args.routine)
        if plan is None:
            return EXIT_PROBLEMS
        if args.command == "show":
            from psoas_tui.cli import show

            return show.run(plan, args.json, out)
        from psoas_tui.cli import play

        return play.run_app(plan)
    from psoas_tui.cli import play

    return play.run_app()


def _find_plan(ref: str) -> RoutinePlan | None:
    """The routine a command names, or None after printing why it cannot be used."""
    from psoas_tui.routine.library import RoutineNotFound, find_routine
    from psoas_tui.textfile.printable import printable
    from psoas_tui.textfile.problems import ProblemsError

    try:
        return find_routine(ref).plan
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
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the last line of defence: a report and one line, no traceback
        from psoas_tui.cli.crash_report import EXIT_SOFTWARE, report_crash

        report_crash(error)
        return EXIT_SOFTWARE


if __name__ == "__main__":
    raise SystemExit(main())
