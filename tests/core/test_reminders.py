"""Desk-break reminders: the schedule on a given clock, the notification (a fake notify-send on
PATH records its arguments), the bell when there is none, and `psoas remind`. No test sleeps."""

from __future__ import annotations

import io
import stat
from datetime import date, datetime, time
from pathlib import Path

import pytest
from cli_runs import run
from fake_programs import program

from psoas_tui.cli import remind as remind_command
from psoas_tui.cli.remind import MESSAGE, remind_forever
from psoas_tui.weeks.notify import BELL, notification_command, notify
from psoas_tui.weeks.reminders import ALL_DAYS, ReminderSchedule, ScheduleError

DEFAULT = ReminderSchedule()
RECORDER = """\
import os, sys
from pathlib import Path
Path(os.environ["NOTIFY_LOG"]).open("a").write(repr(sys.argv[1:]) + "\\n")
sys.exit(int(os.environ.get("FAKE_STATUS", "0")))
"""


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 23, 7, 30), datetime(2026, 11, 23, 10, 0)),  # Monday, before work
        (datetime(2026, 11, 23, 9, 0), datetime(2026, 11, 23, 10, 0)),  # the day starts
        (datetime(2026, 11, 23, 9, 59, 59), datetime(2026, 11, 23, 10, 0)),
        (datetime(2026, 11, 23, 10, 0), datetime(2026, 11, 23, 11, 0)),  # strictly after
        (datetime(2026, 11, 23, 15, 59), datetime(2026, 11, 23, 16, 0)),  # the last of the day
        (datetime(2026, 11, 23, 16, 0), datetime(2026, 11, 24, 10, 0)),  # none at 17:00
        (datetime(2026, 11, 23, 23, 59), datetime(2026, 11, 24, 10, 0)),
        (datetime(2026, 11, 27, 16, 30), datetime(2026, 11, 30, 10, 0)),  # Friday → Monday
        (datetime(2026, 11, 28, 12, 0), datetime(2026, 11, 30, 10, 0)),  # Saturday
        (datetime(2026, 11, 30, 16, 0), datetime(2026, 12, 1, 10, 0)),  # month end
        (datetime(2026, 12, 31, 16, 5), datetime(2027, 1, 1, 10, 0)),  # year end (a Friday)
        (datetime(2027, 1, 1, 16, 5), datetime(2027, 1, 4, 10, 0)),  # … then the weekend
        (datetime(2028, 2, 28, 16, 0), datetime(2028, 2, 29, 10, 0)),  # a leap day
    ],
)
def test_next_reminder_is_the_next_whole_hour_of_a_working_day(
    now: datetime, expected: datetime
) -> None:
    assert DEFAULT.next_reminder(now) == expected


def test_a_working_day_has_a_reminder_each_hour_after_the_first() -> None:
    monday, saturday = date(2026, 11, 23), date(2026, 11, 28)
    assert [f"{t:%H:%M}" for t in DEFAULT.reminders_on(monday)] == [
        "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"
    ]  # fmt: skip
    assert DEFAULT.reminders_on(saturday) == []


def test_other_intervals_hours_and_weekends() -> None:
    schedule = ReminderSchedule(every=45, start=time(8, 30), end=time(12, 0), days=ALL_DAYS)
    saturday = datetime(2026, 11, 28, 10, 0)
    assert schedule.next_reminder(saturday) == datetime(2026, 11, 28, 10, 45)
    assert schedule.next_reminder(datetime(2026, 11, 28, 11, 30)) == datetime(2026, 11, 29, 9, 15)
    assert [f"{t:%H:%M}" for t in schedule.reminders_on(saturday.date())] == [
        "09:15", "10:00", "10:45", "11:30"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"every": 0}, "at least 1 minute"),
        ({"start": time(17, 0), "end": time(9, 0)}, "is not before"),
        ({"every": 480}, "leaves no reminder"),
        ({"days": frozenset()}, "no day"),
    ],
)
def test_a_schedule_that_cannot_remind_says_why(kwargs: dict[str, object], says: str) -> None:
    with pytest.raises(ScheduleError, match=says):
        ReminderSchedule(**kwargs)  # type: ignore[arg-type]


def _fake_notify_send(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int = 0) -> Path:
    folder = tmp_path / "bin"
    program(folder, "notify-send", RECORDER)
    log = tmp_path / "notify.log"
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setenv("NOTIFY_LOG", str(log))
    monkeypatch.setenv("FAKE_STATUS", str(status))
    return log


def test_notify_send_gets_the_text_as_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _fake_notify_send(tmp_path, monkeypatch)
    terminal = io.StringIO()
    hostile = "$(touch pwned); `id` & 'quote\" \\"
    assert notify("psoas", hostile, terminal, platform="linux") == "notify-send"
    assert log.read_text() == repr(["--app-name=psoas", "psoas", hostile]) + "\n"
    assert terminal.getvalue() == ""
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("status", [1, 127])
def test_a_failing_notify_send_rings_the_bell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    log = _fake_notify_send(tmp_path, monkeypatch, status)
    terminal = io.StringIO()
    assert notify("psoas", "up", terminal, platform="linux") == "bell"
    assert terminal.getvalue() == BELL
    assert log.exists()


def test_a_notify_send_that_cannot_run_rings_the_bell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_notify_send(tmp_path, monkeypatch)
    (tmp_path / "bin" / "notify-send").write_bytes(b"\x7fELF broken")  # not a program
    (tmp_path / "bin" / "notify-send").chmod(stat.S_IRWXU)
    terminal = io.StringIO()
    assert notify("psoas", "up", terminal, platform="linux") == "bell"
    assert terminal.getvalue() == BELL


def test_without_a_notifier_the_bell_rings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    terminal = io.StringIO()
    assert notify("psoas", "up", terminal, platform="linux") == "bell"
    assert notify("psoas", "up", terminal, platform="darwin") == "bell"
    assert terminal.getvalue() == BELL * 2


def test_macos_passes_the_text_to_applescript_as_arguments() -> None:
    command = notification_command(
        "psoas", 'say "hi"', {"osascript": "/usr/bin/osascript"}.get, "darwin"
    )
    assert command is not None
    assert command[0] == "/usr/bin/osascript"
    assert command[-2:] == ["psoas", 'say "hi"']
    assert all('say "hi"' not in part for part in command[:-1])  # never quoted into the script


class FakeTime:
    """A clock that moves only when slept on."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.naps: list[float] = []

    def clock(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        from datetime import timedelta

        self.naps.append(seconds)
        self.now += timedelta(seconds=seconds)


def test_the_loop_announces_sleeps_and_reminds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _fake_notify_send(tmp_path, monkeypatch)
    fake = FakeTime(datetime(2026, 11, 27, 15, 30))  # a Friday
    out, terminal = io.StringIO(), io.StringIO()
    remind_forever(DEFAULT, out, terminal, fake.clock, fake.sleep, rounds=2)
    assert out.getvalue().splitlines() == [
        "next reminder at 16:00 (desk break: `psoas play desk-break`)",
        MESSAGE,
        "next reminder at 10:00 on Mon 30 Nov (desk break: `psoas play desk-break`)",
        MESSAGE,
    ]
    assert fake.now == datetime(2026, 11, 30, 10, 0)
    assert max(fake.naps) <= 60  # the clock is read again at least every minute
    assert len(log.read_text().splitlines()) == 2


def test_a_clock_that_wakes_early_does_not_remind_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_notify_send(tmp_path, monkeypatch)
    fake = FakeTime(datetime(2026, 11, 23, 9, 59, 30))
    times = iter(
        [fake.now, fake.now, datetime(2026, 11, 23, 10, 0), datetime(2026, 11, 23, 9, 59, 59)]
    )
    out = io.StringIO()

    def clock() -> datetime:
        return next(times, fake.now)

    def sleep(seconds: float) -> None:
        fake.now = datetime(2026, 11, 23, 11, 0)

    remind_forever(DEFAULT, out, io.StringIO(), clock, sleep, rounds=2)
    announced = [line for line in out.getvalue().splitlines() if line.startswith("next")]
    assert announced[1].startswith("next reminder at 11:00")


def test_remind_once_notifies_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _fake_notify_send(tmp_path, monkeypatch)
    assert run(capsys, "remind", "--once") == (0, "", "")
    assert log.read_text() == repr(["--app-name=psoas", "psoas", MESSAGE]) + "\n"


def test_remind_once_without_a_desktop_rings_and_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert run(capsys, "remind", "--once") == (0, MESSAGE + "\n", BELL)


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--every", "0"], '--every "0" is not a number of minutes from 1 to 1440'),
        (["--every", "ten"], '--every "ten" is not a number of minutes from 1 to 1440'),
        (["--every", "1441"], '--every "1441" is not a number of minutes from 1 to 1440'),
        (["--from", "9"], '--from "9" is not a time like 09:00'),
        (["--to", "24:00"], '--to "24:00" is not a time like 09:00'),
        (["--from", "18:00"], "--from 18:00 is not before --to 17:00"),
        (["--every", "480"], "--every 480 leaves no reminder between 09:00 and 17:00"),
    ],
)
def test_bad_values_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], error: str
) -> None:
    assert run(capsys, "remind", *argv, "--once") == (2, "", f"psoas remind: {error}\n")


def test_remind_takes_the_plans_hours_and_interval_unless_told(
    psoas_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    schedules: list[ReminderSchedule] = []
    monkeypatch.setattr(
        remind_command, "remind_forever", lambda schedule, out, err: schedules.append(schedule)
    )
    assert run(capsys, "plan", "--set", "every_minutes=30", "--set", "work_start=08:00")[0] == 0
    assert run(capsys, "remind")[0] == 0
    assert (schedules[-1].every, schedules[-1].start, schedules[-1].end) == (
        30,
        time(8, 0),
        time(17, 0),
    )
    assert run(capsys, "remind", "--every", "45", "--to", "12:00")[0] == 0
    assert (schedules[-1].every, schedules[-1].start, schedules[-1].end) == (
        45,
        time(8, 0),
        time(12, 0),
    )
