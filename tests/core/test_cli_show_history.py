"""`psoas show` (timeline, JSON shape) and `psoas history` (sessions, newest first)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import VALID, run

from psoas_tui import paths
from psoas_tui.store.history import SCHEMA_VERSION, History


def test_show_json_has_the_documented_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "post.toml"
    path.write_text(VALID)
    code, out, _ = run(capsys, "show", str(path), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["routine"] == {"id": "post", "name": "Runner post-run"}
    assert data["total_seconds"] == 210
    first = data["segments"][0]
    assert set(first) == {"index", "kind", "exercise", "side", "set", "sets", "seconds", "reps"}
    assert [(s["kind"], s["side"]) for s in data["segments"][:4]] == [
        ("prep", "left"), ("hold", "left"), ("switch", "right"), ("hold", "right"),
    ]  # fmt: skip
    assert sum(s["seconds"] or 0 for s in data["segments"]) == data["total_seconds"]


def test_show_open_ended_reps_have_null_seconds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "strength-twice-weekly", "--json")
    reps = [s for s in json.loads(out)["segments"] if s["kind"] == "reps"]
    assert code == 0
    assert any(s["seconds"] is None and s["reps"] == 10 for s in reps)
    assert any(s["seconds"] is not None for s in reps)


def test_show_text_names_every_segment_and_the_total(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "runner-post-run")
    assert code == 0
    assert "Total: 5:30 timed" in out
    assert out.count(" hold ") == 6


def test_show_unknown_routine_suggests_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "desk-brake")
    assert code == 1 and 'did you mean "desk-break"?' in err


def test_show_broken_file_reports_its_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("schema = 1\nname = 'x'\n")
    code, _, err = run(capsys, "show", str(path))
    assert code == 1 and f"{path}:1:1: error: missing required key" in err


def test_history_lists_sessions_newest_first_with_totals(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from test_history import play_some

    with History.open(paths.history_db()) as history:
        play_some(history, finish=True)
        cut_off = play_some(history, finish=False)
        # its process is gone (as after kill -9)
        history.connection.execute("UPDATE sessions SET pid = 999999999 WHERE id = ?", (cut_off,))
    code, out, _ = run(capsys, "history", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [row["outcome"] for row in rows] == ["interrupted", "completed"]
    assert rows[1]["work_seconds"] == 60 and rows[1]["rating"] == "about_right"
    code, out, _ = run(capsys, "history")
    assert "2 sessions" in out and "completed" in out


def test_history_refuses_a_newer_database(capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    db = paths.history_db()
    db.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(db)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.commit()
    connection.close()
    code, _, err = run(capsys, "history")
    assert code == 1 and "newer psoas-tui" in err


def test_history_and_show_count_in_words_one_or_many(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_history import play_some

    with History.open(paths.history_db()) as history:
        play_some(history, finish=True)
    code, out, _ = run(capsys, "history")
    assert code == 0
    assert ", 1 pain report," in out and "(s)" not in out
    assert "1 session," in out
    path = tmp_path / "one.toml"
    path.write_text(
        'schema = 1\nname = "One"\n\n[[exercises]]\nexercise = "glute-bridge"\nsets = 1\nreps = 5\n'
    )
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0
    assert "+ 1 set of reps at your own pace" in out
