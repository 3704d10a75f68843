"""The `psoas` command line: output formats and exit codes (0 ok, 1 problems, 2 usage)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runs import run

from psoas_tui.paths import builtin_routines_dir

VALID = """\
schema = 1
name = "Runner post-run"

[[exercises]]
exercise = "Kneeling hip flexor lunge"
sets = 2
hold_seconds = 45
"""


def test_check_a_valid_file_prints_ok_with_name_count_and_duration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "post.toml"
    path.write_text(VALID)
    code, out, _ = run(capsys, "check", str(path))
    # prep 5 + (45 + switch 5 + 45) + rest 15 + (45 + 5 + 45) = 210 s
    assert (code, out) == (0, f"OK {path} — Runner post-run, 1 exercise, 3:30\n")


def test_check_reports_each_problem_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(VALID.replace("hold_seconds = 45", "hold_second = 45"))
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert out == (
        f'{path}:7:1: error: unknown key "hold_second" in exercises #1 — '
        'did you mean "hold_seconds"?\n'
    )


def test_check_a_folder_mixes_ok_and_errors_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.toml").write_text(VALID)
    (tmp_path / "b.toml").write_text("schema = 1\nname = ")
    (tmp_path / "notes.txt").write_text("not a routine")
    code, out, _ = run(capsys, "check", str(tmp_path))
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith(f"OK {tmp_path / 'a.toml'}")
    assert lines[1].startswith(f"{tmp_path / 'b.toml'}:2:")
    assert len(lines) == 2


def test_check_all_built_in_routines_pass(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(builtin_routines_dir()))
    assert code == 0
    assert len(out.splitlines()) >= 6
    assert all(line.startswith("OK ") for line in out.splitlines())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "{tmp}/missing.toml"], "no such file or folder"),
        (["check", "{tmp}"], "folder holds no .toml files"),
    ],
)
def test_check_missing_things_are_problems_not_crashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *[arg.format(tmp=tmp_path) for arg in argv])
    assert code == 1 and message in out and "Traceback" not in out + err


def test_check_survives_a_symlink_loop_and_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(tmp_path / "loop.toml")
    secret = tmp_path / "secret.toml"
    secret.write_text(VALID)
    secret.chmod(0)
    code, out, err = run(capsys, "check", str(loop), str(secret))
    assert code == 1
    assert f"{loop}: error: cannot read the file: too many levels of symbolic links" in out
    if os.geteuid() != 0:  # root can read anything
        assert f"{secret}: error: cannot read the file: permission denied" in out
    assert err == ""


@pytest.mark.parametrize("argv", [["check"], ["frobnicate"], ["exercises", "--kind", "yoga"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and "usage:" in err


def test_list_shows_built_in_and_user_routines_and_broken_ones(
    user_routines: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (user_routines / "mine.toml").write_text(VALID)
    (user_routines / "broken.toml").write_text("schema = 1\nname = 'x'\n")
    code, out, _ = run(capsys, "list", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert code == 0
    assert rows["mine"]["source"] == "user" and rows["mine"]["duration_seconds"] == 210
    assert (
        rows["broken"]["ok"] is False
        and 'missing required key "exercises"' in rows["broken"]["error"]
    )
    assert any(row["source"] == "built-in" for row in rows.values())
    code, text, _ = run(capsys, "list")
    assert "BROKEN" in text and "Runner post-run" in text


def test_exercises_lists_the_catalogue_and_filters_by_kind(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "exercises", "--json", "--kind", "release")
    assert code == 0
    assert [row["id"] for row in json.loads(out)] == ["foam-roller-psoas-release"]
    code, out, _ = run(capsys, "exercises")
    rows = [line for line in out.splitlines() if line[:1].isalpha()]
    assert code == 0 and len(rows) == 25


def test_schema_is_json_schema_with_field_descriptions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["properties"]["schema"]["type"] == "integer"
    assert schema["additionalProperties"] is False
    exercise = schema["$defs"]["RoutineExercise"]["properties"]
    assert exercise["hold_seconds"]["anyOf"][0]["maximum"] == 600
    assert "Seconds per rep" in exercise["tempo_seconds"]["description"]


def test_help_is_fast_because_it_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from psoas_tui.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pydantic', 'textual', 'tomllib', 'sqlite3') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "HEAVY []" in result.stdout
    assert "check" in result.stdout and "exercises" in result.stdout


def test_check_refuses_a_pipe_instead_of_waiting_on_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    code, out, _ = run(capsys, "check", str(fifo))
    assert (code, out) == (1, f"{fifo}: error: is not a regular file\n")


def test_show_finds_a_routine_id_in_any_case_and_punctuation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "show", "Desk-Break")
    assert code == 0
    assert out.startswith("Desk break (desk-break)")
    code, out, _ = run(capsys, "show", "desk break")
    assert code == 0


def test_a_misspelt_command_gets_one_line_with_a_suggestion_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "plya")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "did you mean" in err and '"play"?' in err
    code, _, err = run(capsys, "exercises", "--kind", "strech")
    assert code == 2
    assert 'did you mean "stretch"?' in err
