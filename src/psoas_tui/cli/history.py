"""`psoas history [--json | --csv]`: past sessions, newest first, with totals;
`psoas history --session ID [--json]`: one session whole."""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from typing import TextIO

from psoas_tui import paths
from psoas_tui.cli import exit_codes
from psoas_tui.player.describe import plural, sessions_total, tally_line
from psoas_tui.store.history import History, HistoryError
from psoas_tui.store.records import SessionRow
from psoas_tui.textfile.printable import printable, printable_json

CSV_HEADER = (
    "id",
    "started_at",
    "ended_at",
    "routine_id",
    "routine",
    "outcome",
    "rating",
    "work_seconds",
    "left_seconds",
    "right_seconds",
    "spent_seconds",
    "exercises_done",
    "exercises_total",
    "sets_done",
    "sets_total",
    "pain_reports",
    "logged_by_hand",
)
"""The columns of `psoas history --csv`: times in ISO 8601 with the local offset, seconds to
a tenth; `logged_by_hand` is 1 for a session kept with `psoas log`, 0 for one played."""
LOGGED_MARK = "(logged by hand)"
"""After the routine's name in `psoas history`, for a session kept with `psoas log`."""


def write_csv(sessions: Sequence[SessionRow], out: TextIO) -> None:
    """`sessions` as CSV: the header, then a row each (text from files made printable)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for item in sessions:
        counted = item.tally
        writer.writerow(
            (
                item.session_id,
                item.started_at.astimezone().isoformat(timespec="seconds"),
                item.ended_at.astimezone().isoformat(timespec="seconds") if item.ended_at else "",
                printable(item.routine_id),
                printable(item.routine_name),
                item.outcome,
                item.rating or "",
                round(counted.work_seconds, 1),
                round(counted.left_seconds, 1),
                round(counted.right_seconds, 1),
                round(counted.spent_seconds, 1),
                len(counted.exercises_done),
                counted.exercises_total,
                counted.sets_done,
                counted.sets_total,
                item.pain_reports,
                int(item.logged),
            )
        )


def run(as_json: bool, out: TextIO, as_csv: bool = False, session: int | None = None) -> int:
    """0 with the sessions listed; 1, with one line saying why, when the history cannot be read
    (the file is left as it is unless it was damaged, and then the line says where it went).
    With `session`, that one session whole instead (1 when there is none with that id)."""
    if session is not None:
        return run_session(session, as_json, out, as_csv)
    try:
        with History.open(paths.history_db()) as history:
            if history.notice:
                print(printable(f"psoas: {history.notice}"), file=sys.stderr)
            sessions = history.sessions()
    except HistoryError as error:
        print(printable(f"psoas: {error}"), file=sys.stderr)
        return exit_codes.PROBLEMS
    if as_csv:
        write_csv(sessions, out)
        return exit_codes.OK
    if as_json:
        print(printable_json([s.as_json() for s in sessions]), file=out)
        return exit_codes.OK
    if not sessions:
        print("No sessions yet. Play one with `psoas play desk-break`.", file=out)
        return exit_codes.OK
    for item in sessions:
        when = item.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        rating = f", {item.rating.replace('_', ' ')}" if item.rating else ""
        pain = f", {plural(item.pain_reports, 'pain report')}" if item.pain_reports else ""
        mark = f"  {LOGGED_MARK}" if item.logged else ""
        print(printable(f"{when}  {item.outcome:<11}  {item.routine_name}") + mark, file=out)
        print(printable(f"    {tally_line(item.tally)}{pain}{rating}"), file=out)
    total = sum(item.work_seconds for item in sessions)
    print(f"\n{sessions_total(len(sessions), total)}", file=out)
    return exit_codes.OK


def run_session(session_id: int, as_json: bool, out: TextIO, as_csv: bool = False) -> int:
    """`psoas history --session ID`: 0 with the session printed whole; 1, with one line, when
    there is no session with that id or the history cannot be read; 2 with --csv."""
    from psoas_tui.services.session_detail import detail_json, detail_lines

    if as_csv:
        print(
            "psoas: history: --session prints one session; --csv is for them all", file=sys.stderr
        )
        return exit_codes.USAGE
    try:
        with History.open(paths.history_db()) as history:
            if history.notice:
                print(printable(f"psoas: {history.notice}"), file=sys.stderr)
            detail = history.session_detail(session_id)
    except HistoryError as error:
        print(printable(f"psoas: {error}"), file=sys.stderr)
        return exit_codes.PROBLEMS
    if detail is None:
        print(
            f"psoas: history: no session with id {session_id} (`psoas history --json` lists "
            "them with their ids)",
            file=sys.stderr,
        )
        return exit_codes.PROBLEMS
    if as_json:
        print(printable_json(detail_json(detail)), file=out)
        return exit_codes.OK
    for line in detail_lines(detail):
        print(printable(line), file=out)
    return exit_codes.OK
