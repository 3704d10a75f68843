"""The `psoas` command line's arguments: every command, its options and its help text.

Kept free of pydantic and Textual so that `psoas --help` answers at once.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, NoReturn

from psoas_tui.catalogue.vocabulary import Kind
from psoas_tui.textfile.names import did_you_mean

_SUGGESTION = " — did you mean "


class Parser(argparse.ArgumentParser):
    """argparse that answers a misspelt command or choice with one line and a suggestion:
    `psoas: error: argument COMMAND: no "plya" — did you mean "play"?`. An `epilog_source`
    makes the epilog only when the help is shown (so `psoas play` does not load its text)."""

    epilog_source: Callable[[], str] | None = None

    def format_help(self) -> str:
        if self.epilog_source is not None:
            self.epilog, self.epilog_source = self.epilog_source(), None
        return super().format_help()

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is not None and value not in choices and isinstance(value, str):
            hint = did_you_mean(value, [str(choice) for choice in choices])
            if hint:
                raise argparse.ArgumentError(action, f'no "{value}"{hint}')
        super()._check_value(action, value)

    def error(self, message: str) -> NoReturn:
        if _SUGGESTION in message:
            self.exit(2, f"{self.prog}: error: {message}\n")
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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

    audio = commands.add_parser(
        "audio",
        help="render a routine as one audio file (voice, tones, silences) to play from a phone",
        description="Render the whole session as one WAV file, as long as `psoas show` says "
        "the routine takes: the voice says each exercise, side and count, tones mark each cue, "
        "silence fills the rest. Open-ended reps are counted at a fixed pace. The voice needs "
        "a speech engine: espeak-ng on Linux, `say` on macOS, Windows' own speech.",
    )
    audio.add_argument("routine", metavar="ROUTINE", help="a routine file, or a routine id")
    audio.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="the WAV file to write"
    )
    audio.add_argument(
        "--no-voice", action="store_true", help="tones only (no speech engine needed)"
    )
    audio.add_argument(
        "--pace",
        type=float,
        metavar="SECONDS",
        help="seconds a rep for open-ended reps (default: each exercise's usual pace, the one "
        "`psoas show` counts)",
    )

    log = commands.add_parser(
        "log",
        help="keep a session done without the app in the history",
        description="Keep a session of ROUTINE done without the app: every set and side done as "
        "planned (open-ended reps at their usual pace), counted in `psoas history` like a played "
        "session. It is dated at noon, local time (today before noon: ending now).",
    )
    log.add_argument("routine", metavar="ROUTINE", help="a routine file, or a routine id")
    log.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the day it was done (default: today; not later)"
    )
    log.add_argument(
        "--rating",
        choices=["easy", "right", "hard"],
        help="how it felt: too easy, about right, too hard",
    )

    progress = commands.add_parser(
        "progress",
        help="the next level of a routine (or a step back) from how its sessions felt",
        description="From the ratings and pain reports of ROUTINE's last sessions: after 2 "
        "rated too easy in a row without pain, longer holds and more reps up to the top of the "
        "articles' ranges, then the harder variant; after too hard or pain, a step back toward "
        "the bottom, then the easier variant. Prints what would change and why, and the diff.",
    )
    progress.add_argument("routine", metavar="ROUTINE", help="a routine file, or a routine id")
    progress.add_argument("--json", action="store_true", help="print JSON")
    progress.add_argument(
        "--save",
        action="store_true",
        help="save the new routine to your routines (the old one is not changed); print its path",
    )

    history = commands.add_parser("history", help="list past sessions, newest first")
    output = history.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON")
    output.add_argument(
        "--csv",
        action="store_true",
        help="print every session as CSV (a header row, then one row a session, newest first)",
    )
    history.add_argument(
        "--session",
        type=int,
        metavar="ID",
        help="print one session whole: every segment in order (planned and actual time, done "
        "or skipped) and its pain reports (the id is in --json and --csv); exit 1 for no such id",
    )

    _add_stats(commands)
    _add_remind(commands)
    _add_plan(commands)
    _add_selftest(commands)
    _add_editor(commands)
    _add_serve(commands)
    return parser


def _add_serve(commands: argparse._SubParsersAction[Parser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve the app to a web browser (a tablet or laptop on the floor, say)",
        description=(
            "Serves the whole app to a web browser: open the address it prints. Each page is\n"
            "a session of the app of its own, with the same routines, settings and history as\n"
            "in the terminal; closing the page ends it. The cues ring a bell in the page (no\n"
            "sound plays on this machine). It listens on this machine only (127.0.0.1) unless\n"
            "--host says otherwise: then anyone who can reach that address can use the app and\n"
            "see its history. Ctrl-C stops it.\n\n"
            "exit status: 0 stopped with Ctrl-C, 1 the port is in use or the address cannot be\n"
            "used, 2 usage"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDRESS",
        help="the address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for "
        "every address of this machine)",
    )
    serve.add_argument(
        "--port", type=int, default=8000, metavar="PORT", help="the port (default: 8000)"
    )


def _add_editor(commands: argparse._SubParsersAction[Parser]) -> None:
    edit = commands.add_parser(
        "edit",
        help="change a routine in the app's editor (a built-in one: a copy in your folder)",
        description="Open ROUTINE in the routine editor. Your own files keep their comments and "
        "layout; a built-in routine is never changed: a copy in your routines folder is.",
    )
    edit.add_argument("routine", metavar="ROUTINE", help="a routine file, or a routine id")
    new = commands.add_parser("new", help="make a new routine called NAME in the app's editor")
    new.add_argument("name", metavar="NAME", help="the routine's name (it can be changed)")


def _add_remind(commands: argparse._SubParsersAction[Parser]) -> None:
    remind = commands.add_parser(
        "remind",
        help="remind you to get up from the desk every hour of the working day",
        description=(
            "Runs in the foreground (a terminal pane): says when the next reminder comes,\n"
            "waits, then shows a desktop notification (notify-send on Linux, osascript on\n"
            "macOS, else the terminal bell): time for a desk break, `psoas play desk-break`.\n"
            "The articles say to get up about every hour. Ctrl-C ends it.\n\n"
            "exit status: 0 ok (--once), 2 usage (a bad value), 130 Ctrl-C"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    remind.add_argument(
        "--every",
        metavar="MINUTES",
        help="minutes between reminders (default: your plan's, `psoas plan`; else 60)",
    )
    remind.add_argument(
        "--from",
        dest="start",
        metavar="HH:MM",
        help="the working day starts (default: your plan's, else 09:00; the first reminder is one "
        "interval later)",
    )
    remind.add_argument(
        "--to",
        dest="end",
        metavar="HH:MM",
        help="the working day ends (default: your plan's, else 17:00; no reminder at or after it)",
    )
    remind.add_argument("--weekends", action="store_true", help="remind on Saturday and Sunday too")
    remind.add_argument(
        "--once",
        action="store_true",
        help="remind now and exit (for cron or a systemd timer; prints nothing when a desktop "
        "notification was shown)",
    )


def _add_stats(commands: argparse._SubParsersAction[Parser]) -> None:
    stats = commands.add_parser(
        "stats",
        help="this week against your plan, streaks, the last 12 weeks, the per-side record",
        description=(
            "Weeks, not sessions: this week's stretch and strength days against your plan\n"
            "(`psoas plan`; by default stretch 5 days, strengthen 2 with a day between), the\n"
            "current and the longest streak (up to 2 days a week without a session do not\n"
            "break one), the last 12 weeks' sessions and minutes, and the per-side record.\n\n"
            "exit status: 0 ok, 1 the history cannot be read, 2 usage (a bad --today)"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.add_argument(
        "--today", metavar="YYYY-MM-DD", help="count as if this were today (default: today)"
    )
    stats.epilog_source = _stats_epilog


def _add_plan(commands: argparse._SubParsersAction[Parser]) -> None:
    plan = commands.add_parser(
        "plan",
        help="the weekly plan (stretch and strength days, desk breaks, running); --set edits it",
        description=(
            "The weekly plan the weeks are measured against, and where it came from (the\n"
            "default, or the last self-test). --set KEY=VALUE changes one value (repeat it).\n\n"
            "exit status: 0 ok, 1 a value out of range or a plan file that cannot be used,\n"
            "2 usage (a --set that is not KEY=VALUE)"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    plan.add_argument("--json", action="store_true", help="print JSON")
    plan.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="change a value, e.g. --set stretch_days=6 (saved to plan.toml)",
    )
    plan.epilog_source = _plan_epilog


def _plan_epilog() -> str:
    from psoas_tui.cli.plan import JSON_HELP

    return JSON_HELP


def _stats_epilog() -> str:
    from psoas_tui.cli.stats import JSON_HELP

    return JSON_HELP


def _selftest_epilog() -> str:
    from psoas_tui.selftest.questions import answers_help

    return (
        answers_help()
        + "\n\nexample:\n  psoas selftest --answers examples/selftest-answers.toml --save\n\n"
        "--json prints {verdict, tight_sides, weak_sides, likely_tight, likely_weak,\n"
        "rectus_femoris, see_physical_therapist_about, reasons, routine}; verdict is tight,\n"
        'weak, both, neither, see_professional or seek_care_now; with --save also "path";\n'
        '"changes" (per side) when an earlier result was kept.'
    )


def _add_selftest(commands: argparse._SubParsersAction[Parser]) -> None:
    selftest = commands.add_parser(
        "selftest",
        help="the psoas self-test: in the app, or from an answers file",
        description=(
            "Is your psoas tight, weak, or both? Without --answers, opens the self-test in the\n"
            "app. With --answers FILE, reads the answers from a TOML file and prints the\n"
            "verdict, the reasons and a routine made for it.\n\n"
            "exit status: 0 ok, 1 a bad answers file, 2 usage"
        ),
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
    selftest.epilog_source = _selftest_epilog
    selftest.set_defaults(selftest_usage=selftest.error)


def _version() -> str:
    from psoas_tui import __version__

    return f"psoas-tui {__version__}"
