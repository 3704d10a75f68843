"""`psoas log` (a session done without the app, kept as if played as planned) and
`psoas history --csv`."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cli_runs import run

from psoas_tui import paths
from psoas_tui.cli import log
from psoas_tui.cli.history import CSV_HEADER
from psoas_tui.player.timeline import build_timeline
from psoas_tui.routine.library import find_routine
from psoas_tui.store.history import SCHEMA_VERSION, History
from psoas_tui.textfile.printable import printable

HOSTILE_NAME = 'Hips, "flexors"\x1b[31m\nred\u202e'
HOSTILE = """\
schema = 1
name = "Hips, \\"flexors\\"\\u001b[31m\\nred\\u202e"

[[exercises]]
exercise = "Kneeling hip flexor lunge"
sets = 2
hold_seconds = 45
"""


def sessions() -> list[dict[str, object]]:
    with History.open(paths.history_db()) as history:
        return [row.as_json() for row in history.sessions()]


def test_a_logged_session_is_kept_done_as_planned_and_listed(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "log", "runner-post-run", "--date", "2020-02-29")
    assert (code, err) == (0, "")
    assert out == "Logged Runner: after the run on 2020-02-29 (4:50 of work)\n"
    (row,) = sessions()
    assert row["outcome"] == "completed" and row["rating"] is None
    assert row["work_seconds"] == 290
    assert row["exercises"] == {"done": 2, "total": 2}
    assert row["sets_and_sides"] == {"done": 6, "total": 6}
    started = datetime.fromisoformat(str(row["started_at"])).astimezone()
    assert (started.date(), started.hour, started.minute) == (date(2020, 2, 29), 12, 0)
    code, out, _ = run(capsys, "history")
    assert code == 0
    assert "2020-02-29 12:00  completed    Runner: after the run" in out
    assert "1 session, 4:50 of holds and reps" in out


def test_a_logged_session_counts_like_a_played_one(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_history import play_some

    with History.open(paths.history_db()) as history:
        play_some(history, finish=True)  # 1 minute of holds, played today
    assert run(capsys, "log", "runner-post-run", "--date", "2021-06-01")[0] == 0
    code, out, _ = run(capsys, "history")
    assert code == 0 and "2 sessions, 5:50 of holds and reps" in out
    code, out, _ = run(capsys, "history", "--json")
    assert [row["outcome"] for row in json.loads(out)] == ["completed", "completed"]


@pytest.mark.parametrize(
    ("word", "rating"), [("easy", "too_easy"), ("right", "about_right"), ("hard", "too_hard")]
)
def test_the_rating_is_kept(
    psoas_home: Path, capsys: pytest.CaptureFixture[str], word: str, rating: str
) -> None:
    code, _, _ = run(capsys, "log", "desk-break", "--date", "2022-03-04", "--rating", word)
    assert code == 0
    assert [row["rating"] for row in sessions()] == [rating]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["desk-brake"],
            'psoas: no routine "desk-brake" — did you mean "desk-break"? '
            "(`psoas list` shows them all)\n",
        ),
        (
            ["desk-break", "--date", "2026-13-01"],
            "psoas log: --date must be YYYY-MM-DD, got '2026-13-01'\n",
        ),
        (
            ["desk-break", "--date", "20260101"],
            "psoas log: --date must be YYYY-MM-DD, got '20260101'\n",
        ),
        (
            ["desk-break", "--date", "2026-02-30"],
            "psoas log: --date must be YYYY-MM-DD, got '2026-02-30'\n",
        ),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_kept(
    psoas_home: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert run(capsys, "log", *argv) == (1, "", message)
    assert not paths.history_db().exists()


def test_a_future_date_is_refused(psoas_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "log", "desk-break", "--date", "2999-01-01")
    assert (code, out) == (1, "")
    assert err.startswith("psoas log: --date 2999-01-01 is in the future (today is ")
    assert err.count("\n") == 1
    assert not paths.history_db().exists()


def test_an_unknown_rating_is_a_usage_error_with_a_suggestion(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "log", "desk-break", "--rating", "hrad")
    assert code == 2 and 'did you mean "hard"?' in err
    assert not paths.history_db().exists()


def test_a_history_that_cannot_be_opened_is_one_line(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = paths.history_db()
    db.parent.mkdir(parents=True)
    connection = sqlite3.connect(db)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    code, out, err = run(capsys, "log", "desk-break", "--date", "2020-01-01")
    assert (code, out) == (1, "")
    assert err.startswith("psoas log: ") and "newer psoas-tui" in err and err.count("\n") == 1
    connection = sqlite3.connect(db)
    assert connection.execute("SELECT name FROM sqlite_master").fetchall() == []
    connection.close()


def test_today_is_the_default_and_a_session_never_ends_after_now(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = find_routine("desk-break").plan
    morning = datetime(2026, 11, 22, 9, 30).astimezone()
    assert log.run(plan, None, None, io.StringIO(), now=lambda: morning) == 0
    (row,) = sessions()
    started = datetime.fromisoformat(str(row["started_at"]))
    ended = datetime.fromisoformat(str(row["ended_at"]))
    seconds = build_timeline(plan).estimated_seconds
    assert ended == morning.astimezone(UTC)
    assert (ended - started).total_seconds() == seconds


def test_start_time_is_noon_local_time_or_earlier_today() -> None:
    evening = datetime(2026, 11, 22, 20, 0).astimezone()
    noon = datetime(2026, 11, 22, 12, 0).astimezone()
    assert log.start_time(date(2026, 11, 22), evening, 600) == noon
    assert log.start_time(date(2026, 11, 1), evening, 600) == noon.replace(day=1)
    early = datetime(2026, 11, 22, 0, 5).astimezone()
    assert log.start_time(date(2026, 11, 22), early, 600) == early.replace(minute=0)


def test_csv_has_a_header_and_a_row_a_session_and_quotes_hostile_names(
    psoas_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    routine = tmp_path / "hostile.toml"
    routine.write_text(HOSTILE)
    code, out, _ = run(capsys, "log", str(routine), "--date", "2023-05-06", "--rating", "easy")
    assert code == 0 and "\x1b" not in out and out.count("\n") == 1
    assert run(capsys, "log", "desk-break", "--date", "2023-05-07")[0] == 0
    code, out, err = run(capsys, "history", "--csv")
    assert (code, err) == (0, "")
    assert "\x1b" not in out and "\u202e" not in out
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == list(CSV_HEADER)
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [r["routine"] for r in records] == ["Desk break", printable(HOSTILE_NAME)]
    hostile = records[1]
    assert hostile["routine"] == 'Hips, "flexors"\\x1b[31m\\nred\\u202e'
    assert (hostile["outcome"], hostile["rating"]) == ("completed", "too_easy")
    assert (hostile["work_seconds"], hostile["left_seconds"], hostile["right_seconds"]) == (
        "180.0", "90.0", "90.0",
    )  # fmt: skip
    assert (hostile["sets_done"], hostile["sets_total"], hostile["pain_reports"]) == ("4", "4", "0")
    started = datetime.fromisoformat(hostile["started_at"])
    assert started.tzinfo is not None and started.date() == date(2023, 5, 6)
    assert records[0]["id"] == "2" and hostile["id"] == "1"


def test_csv_of_no_sessions_is_just_the_header(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "history", "--csv")
    assert (code, out) == (0, ",".join(CSV_HEADER) + "\n")


def test_csv_and_json_do_not_go_together(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "history", "--csv", "--json")
    assert code == 2 and "not allowed with" in err
