"""`psoas stats [--json] [--today YYYY-MM-DD]`: this week against the plan, the streaks, the
last 12 weeks and the per-side record."""

from __future__ import annotations

import re
import sys
from datetime import date
from typing import TextIO

from psoas_tui import paths
from psoas_tui.cli import exit_codes
from psoas_tui.player.describe import plural
from psoas_tui.store.history import History, HistoryError
from psoas_tui.textfile.printable import printable, printable_json
from psoas_tui.weeks.record import WeeksRecord, weeks_record
from psoas_tui.weeks.sides import SideTrend

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
JSON_HELP = (
    "--json prints {today, plan: {stretch_days, strength_days, rest_days},\n"
    "week: {monday, stretch_days: {done, planned}, strength_days: {done, planned},\n"
    "strength_back_to_back}, streak: {current, longest} (each {days, first, last}),\n"
    "weeks: [{monday, sessions, days, minutes}] (the last 12, oldest first),\n"
    "sides: {left_minutes, right_minutes, pain_reports, pain: {left, right},\n"
    "answers: {left, same, right} (which side felt tighter or weaker, last 12 weeks),\n"
    "trend: {weeks: [{monday, answers: {left, same, right}, pain: {left, right},\n"
    "selftest}], selftests: [{taken, left, right}], call_outs: [{side, question, named,\n"
    "answers, extra_set, text}]}, selftest: {taken, tight_sides, weak_sides} or null}};\n"
    "a self-test's left and right list what it found there (tight, weak); dates are\n"
    "YYYY-MM-DD."
)


def parse_today(text: str | None, clock_today: date) -> date | None:
    """The date `--today` names (`clock_today` without it), or None after one line on stderr."""
    if text is None:
        return clock_today
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        print(
            printable(f'psoas stats: --today "{text}" is not a date like 2026-11-22'),
            file=sys.stderr,
        )
        return None


def run(as_json: bool, today_text: str | None, out: TextIO) -> int:
    """0 with the record printed; 2 for a bad --today; 1, with one line saying why, when the
    history cannot be read."""
    today = parse_today(today_text, date.today())
    if today is None:
        return exit_codes.USAGE
    try:
        with History.open(paths.history_db()) as history:
            if history.notice:
                print(printable(f"psoas: {history.notice}"), file=sys.stderr)
            sessions = history.sessions()
            selftests = history.selftests()
            answers = history.side_answers()
            pain = history.sided_pain()
    except HistoryError as error:
        print(printable(f"psoas: {error}"), file=sys.stderr)
        return exit_codes.PROBLEMS
    from psoas_tui.weeks.stored_plan import load_plan

    plan, notice = load_plan()
    if notice:
        print(printable(f"psoas: {notice}"), file=sys.stderr)
    record = weeks_record(sessions, selftests, today, plan, side_answers=answers, sided_pain=pain)
    if as_json:
        print(printable_json(record.as_json()), file=out)
    else:
        for line in summary_lines(record):
            print(printable(line), file=out)
    return exit_codes.OK


def _minutes(seconds: float) -> str:
    return f"{round(seconds / 60)} min"


def summary_lines(record: WeeksRecord) -> list[str]:
    """The record in a few lines of text."""
    week, plan = record.week, record.week.plan
    lines = [
        f"This week (from {week.monday:%a %d %b}): {week.stretch_days} of {plan.stretch_days} "
        f"stretch days, {week.strength_days} of {plan.strength_days} strength days"
    ]
    if week.strength_back_to_back:
        lines.append(
            f"  {plural(week.strength_back_to_back, 'strength day')} right after another "
            "(leave a day between)"
        )
    current, longest = record.streaks.current, record.streaks.longest
    lines.append(
        f"Streak: current {plural(current.days if current else 0, 'day')}, "
        f"longest {plural(longest.days if longest else 0, 'day')} "
        f"({plural(plan.rest_days, 'rest day')} a week allowed)"
    )
    lines.append("")
    lines.append(
        f"Last {len(record.weeks)} weeks (week from Monday: sessions, minutes, # a day trained):"
    )
    for total in record.weeks:
        line = (
            f"  {total.monday:%Y-%m-%d}  {total.sessions:>3}  {round(total.work_seconds / 60):>4}"
        )
        lines.append(f"{line}  {'#' * total.days}".rstrip())
    sides = record.sides
    lines.append("")
    lines.append(
        f"Per side: left {_minutes(sides.left_seconds)}, right {_minutes(sides.right_seconds)}"
        f" worked; {plural(sides.pain_reports, 'pain report')}: "
        f"{sides.left_pain} on the left, {sides.right_pain} on the right"
    )
    left, same, right = sides.answers
    if left + same + right:
        lines.append(
            f"Which side felt tighter or weaker (last {len(record.weeks)} weeks): "
            f"left {left}, same {same}, right {right}"
        )
    if sides.selftest_taken is not None:
        tight = ", ".join(sides.tight_sides) or "neither"
        weak = ", ".join(sides.weak_sides) or "neither"
        lines.append(f"Self-test of {sides.selftest_taken}: tight {tight}; weak {weak}")
    trend = sides.trend
    if trend is not None:
        lines.extend(_trend_lines(trend))
    return lines


def _trend_lines(trend: SideTrend) -> list[str]:
    """The weeks with something said about a side, and the call-outs."""
    shown = [week for week in trend.weeks if week.answers or week.left_pain or week.right_pain]
    lines: list[str] = []
    if shown:
        lines.append("Left and right by week (answers left/same/right, pain left/right):")
        for week in shown:
            lines.append(
                f"  {week.monday:%Y-%m-%d}  answers {week.left}/{week.same}/{week.right}"
                f"  pain {week.left_pain}/{week.right_pain}"
            )
    if len(trend.tests) > 1:
        lines.append(
            "Self-tests: "
            + "; ".join(
                f"{test.taken} left {'+'.join(test.left) or 'clear'},"
                f" right {'+'.join(test.right) or 'clear'}"
                for test in trend.tests[-4:]
            )
        )
    lines.extend(call.text for call in trend.call_outs)
    return lines
