"""A session's detail: the store reads one back whole (segments in order, their pain reports),
the words for it, and `psoas history --session ID` (text, JSON, an unknown id)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from cli_runs import run
from detail_sessions import OLD, SEGMENTS, SHARP, STARTED, keep, keep_at, segment

from psoas_tui import paths
from psoas_tui.services.session_detail import (
    detail_lines,
    pain_lines,
    segment_cells,
    summary_lines,
    when_line,
)
from psoas_tui.store.history import History


def test_the_store_reads_a_session_back_whole(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        other = keep(history, (segment(0, "hold", "Bridge"),), started=STARTED - timedelta(days=1))
        session = keep(history)
        detail = history.session_detail(session)
        assert detail is not None
        assert history.session_detail(other) is not None
        assert history.session_detail(session + 100) is None
    assert (detail.session_id, detail.routine_name, detail.outcome, detail.rating) == (
        session,
        "Tight psoas",
        "quit",
        "too_hard",
    )
    assert detail.started_at == STARTED
    assert detail.ended_at == STARTED + timedelta(minutes=4)
    assert detail.planned_seconds == 300.0
    assert detail.segments == SEGMENTS
    assert [report for _, report in detail.pain] == [OLD, SHARP]


def test_the_store_reads_sessions_since_a_moment_oldest_first(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        early = keep(history, started=STARTED - timedelta(days=3))
        late = keep(history, started=STARTED)
        middle = keep(history, started=STARTED - timedelta(days=1))
        assert [d.session_id for d in history.session_details()] == [early, middle, late]
        since = history.session_details(STARTED - timedelta(days=1))
        assert [d.session_id for d in since] == [middle, late]
        assert all(d.segments == SEGMENTS for d in since)
        assert history.session_details(STARTED + timedelta(days=1)) == []


def test_a_session_never_closed_reads_as_interrupted(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        history.connection.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_at, pid)"
            " VALUES ('x', 'X', ?, 999999999)",
            (STARTED.isoformat(),),
        )
        (detail,) = history.session_details()
    assert (detail.outcome, detail.ended_at, detail.segments) == ("interrupted", None, ())


def test_segment_cells_mark_skips_and_pain() -> None:
    cells = [segment_cells(s) for s in SEGMENTS]
    assert [c.mark for c in cells] == [" ", "✓", " ", "✗", " ", "✓⚠", "✓", "✓⚠"]
    assert (cells[3].status, cells[3].skipped, cells[3].set) == ("skipped", True, "1/2")
    assert (cells[1].planned, cells[1].actual, cells[1].side) == ("0:30", "0:31", "left")
    assert (cells[6].planned, cells[6].actual, cells[6].side) == ("open", "0:42", "")
    assert (cells[5].pain, cells[7].pain) == ("4/10", "7/10 sharp")
    assert cells[0].set == ""


def test_the_words_say_when_how_and_what_hurt() -> None:
    with_pain = "\n".join(pain_lines(_detail()))
    assert summary_lines(_detail(), UTC) == [
        "Tight psoas (tight-psoas)",
        "Thu 2026-11-19 07:00 to 07:04 (4:00)",
        "Quit, rated too hard · 2 pain reports",
        "Exercises: 2 of 2 done · Sets/sides: 4 of 5 done · Work: 1:57 of holds and reps",
    ]
    assert with_pain == (
        "⚠ Kneeling lunge, left, set 2/2: knee, 4/10: carried on\n"
        "⚠ Glute bridge, set 2/2: front of the hip, 7/10, sharp pain: ended the session"
    )


def test_a_session_past_midnight_gives_the_end_its_date() -> None:
    late = datetime(2026, 12, 31, 23, 50, tzinfo=UTC)
    detail = _detail(started=late, minutes=20)
    assert when_line(detail, UTC) == "Thu 2026-12-31 23:50 to Fri 2027-01-01 00:10 (20:00)"
    assert when_line(detail, timezone(timedelta(hours=-1))).endswith("to 23:10 (20:00)")


def _detail(started: datetime = STARTED, minutes: float = 4):  # type: ignore[no-untyped-def]
    with History.open(paths.history_db()) as history:
        detail = history.session_detail(keep(history, started=started, minutes=minutes))
    assert detail is not None
    return detail


def test_detail_lines_put_each_pain_report_under_its_segment() -> None:
    lines = detail_lines(_detail(), UTC)
    assert lines[0] == "Session 1: Tight psoas (tight-psoas)"
    assert "8 segments:" in lines
    skipped = next(line for line in lines if "skipped" in line)
    assert skipped.split()[:4] == ["✗", "Kneeling", "lunge", "right"]
    bridge = lines.index(next(line for line in lines if line.startswith("  ✓⚠ Glute bridge")))
    assert lines[bridge + 1].strip() == (
        "⚠ pain: front of the hip, 7/10, sharp pain: ended the session"
    )


def test_cli_prints_one_session(in_utc: None, capsys: pytest.CaptureFixture[str]) -> None:
    keep_at(paths.history_db(), STARTED - timedelta(days=2))
    session = keep_at(paths.history_db())
    code, out, err = run(capsys, "history", "--session", str(session))
    assert (code, err) == (0, "")
    assert out.startswith(f"Session {session}: Tight psoas (tight-psoas)\n")
    assert "Thu 2026-11-19 07:00 to 07:04 (4:00)" in out
    assert "  ✗  Kneeling lunge  right    1/2  hold    0:03 of 0:30   skipped\n" in out
    assert "⚠ pain: knee, 4/10: carried on" in out


def test_cli_prints_one_session_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    session = keep_at(paths.history_db())
    code, out, _ = run(capsys, "history", "--session", str(session), "--json")
    data = json.loads(out)
    assert code == 0
    assert (data["id"], data["outcome"], data["rating"]) == (session, "quit", "too_hard")
    assert [s["status"] for s in data["segments"]].count("skipped") == 1
    assert data["segments"][7]["pain"] == [
        {"location": "front of the hip", "kind": "sharp", "severity": 7, "action": "end"}
    ]


def test_cli_an_unknown_session_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    keep_at(paths.history_db())
    code, out, err = run(capsys, "history", "--session", "42")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "no session with id 42" in err


def test_cli_session_with_csv_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "history", "--session", "1", "--csv")
    assert code == 2 and err.count("\n") == 1


def test_cli_a_bad_id_is_argparse_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "history", "--session", "x")
    assert code == 2 and "invalid int value" in err


def test_cli_names_from_the_database_are_printed_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with History.open(paths.history_db()) as history:
        session = keep(
            history,
            (segment(0, "hold", "Lunge \x1b[31m[bold]x[/bold]"),),
            name="R\x1b]0;pwned\x07",
        )
    code, out, _ = run(capsys, "history", "--session", str(session))
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "Lunge \\x1b[31m[bold]x[/bold]" in out
