"""`psoas remind [--every MINUTES] [--from HH:MM] [--to HH:MM] [--weekends] [--once]`: a desk-break
reminder in the foreground, as a desktop notification (or the terminal bell), every hour of the
working day; `--once` reminds now and ends, for cron or a systemd timer."""

from __future__ import annotations

import re
import sys
import time as time_module
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import TextIO

from psoas_tui.cli import exit_codes
from psoas_tui.textfile.printable import printable
from psoas_tui.weeks.notify import notify
from psoas_tui.weeks.reminders import (
    ALL_DAYS,
    DEFAULT_EVERY,
    WORKDAYS,
    ReminderSchedule,
    ScheduleError,
)

TITLE = "psoas"
MESSAGE = "Time for a desk break — psoas play desk-break"
LONGEST_NAP = 60.0
"""Seconds slept at most before the wall clock is read again (a suspended laptop, a clock set)."""
_HHMM = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
_MINUTES = re.compile(r"[0-9]{1,4}")


class UsageError(ValueError):
    """A bad option value: one line."""


def parse_time(option: str, text: str) -> time:
    match = _HHMM.fullmatch(text)
    if match is None:
        raise UsageError(f'{option} "{text}" is not a time like 09:00')
    return time(int(match[1]), int(match[2]))


def parse_schedule(every: str | None, start: str, end: str, weekends: bool) -> ReminderSchedule:
    """The schedule the options name; UsageError (one line) when they cannot make one."""
    minutes = DEFAULT_EVERY
    if every is not None:
        if not _MINUTES.fullmatch(every) or not 1 <= int(every) <= 1440:
            raise UsageError(f'--every "{every}" is not a number of minutes from 1 to 1440')
        minutes = int(every)
    try:
        return ReminderSchedule(
            every=minutes,
            start=parse_time("--from", start),
            end=parse_time("--to", end),
            days=ALL_DAYS if weekends else WORKDAYS,
        )
    except ScheduleError as error:
        raise UsageError(str(error)) from None


def when(moment: datetime, now: datetime) -> str:
    """`10:00` today, `10:00 on Mon 23 Nov` another day."""
    if moment.date() == now.date():
        return f"{moment:%H:%M}"
    return f"{moment:%H:%M} on {moment:%a %d %b}"


def remind_now(out: TextIO, terminal: TextIO, quiet: bool = False) -> str:
    """One reminder: the notification (or the bell), and the message on `out` (with `quiet`, only
    after the bell: cron mails what a job prints); how it was shown."""
    shown = notify(TITLE, MESSAGE, terminal)
    if not quiet or shown == "bell":
        print(printable(MESSAGE), file=out, flush=True)
    return shown


def remind_forever(
    schedule: ReminderSchedule,
    out: TextIO,
    terminal: TextIO,
    clock: Callable[[], datetime] = datetime.now,
    sleep: Callable[[float], None] = time_module.sleep,
    rounds: int | None = None,
) -> None:
    """Say when the next reminder comes, sleep until then, remind; again (`rounds` times, or until
    Ctrl-C). Sleeps in naps of at most `LONGEST_NAP` seconds, reading the clock after each."""
    previous: datetime | None = None
    done = 0
    while rounds is None or done < rounds:
        now = clock()
        target = schedule.next_reminder(now if previous is None else max(now, previous))
        print(
            f"next reminder at {when(target, now)} (desk break: `psoas play desk-break`)",
            file=out,
            flush=True,
        )
        while (left := (target - clock()) / timedelta(seconds=1)) > 0:
            sleep(min(left, LONGEST_NAP))
        remind_now(out, terminal)
        previous = target
        done += 1


def run(
    every: str | None, start: str | None, end: str | None, weekends: bool, once: bool, out: TextIO
) -> int:
    """0 after `--once`; runs until Ctrl-C otherwise (main turns it into 130); 2 for a bad
    option. What is not given comes from the weekly plan (`psoas plan`: its working hours and
    desk-break interval)."""
    if every is None or start is None or end is None:
        from psoas_tui.weeks.stored_plan import load_plan

        plan, notice = load_plan()
        if notice:
            print(printable(notice), file=sys.stderr)
        every = every if every is not None else str(plan.every_minutes)
        start = start if start is not None else plan.work_start
        end = end if end is not None else plan.work_end
    try:
        schedule = parse_schedule(every, start, end, weekends)
    except UsageError as error:
        print(printable(f"psoas remind: {error}"), file=sys.stderr)
        return exit_codes.USAGE
    if once:
        remind_now(out, sys.stderr, quiet=True)
        return exit_codes.OK
    remind_forever(schedule, out, sys.stderr)
    return exit_codes.OK
