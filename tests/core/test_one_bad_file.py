"""One bad file never stops the others: a routine, answers or settings file that once crashed the
loader (a number of 5,001 digits) gives its own clear line, and the rest still load; an error of
the program itself, in one file, becomes that file's problem (the last line of defence)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_cli import VALID, run

from psoas_tui.routine import parse
from psoas_tui.routine.library import discover
from psoas_tui.selftest import answers
from psoas_tui.selftest.answers import load_answers
from psoas_tui.store import settings
from psoas_tui.store.settings import Settings, load_settings
from psoas_tui.textfile.problems import ProblemsError

HUGE = "1" + "0" * 5000
HUGE_PROBLEM = "error: not valid TOML: a number with 5001 digits is too large"


def _huge_routine(folder: Path) -> Path:
    path = folder / "huge.toml"
    path.write_text(VALID.replace("sets = 2", f"sets = {HUGE}"))
    return path


def test_discover_lists_a_file_with_a_huge_number_as_broken_beside_the_others(
    user_routines: Path,
) -> None:
    (user_routines / "mine.toml").write_text(VALID)
    huge = _huge_routine(user_routines)
    entries = {entry.routine_id: entry for entry in discover()}
    assert entries["mine"].ok
    assert not entries["huge"].ok and entries["huge"].error == f"{huge}:6:8: {HUGE_PROBLEM}"
    assert sum(entry.source == "built-in" and entry.ok for entry in entries.values()) >= 6


def test_list_and_check_give_the_line_and_go_on(
    user_routines: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (user_routines / "mine.toml").write_text(VALID)
    huge = _huge_routine(user_routines)
    code, out, err = run(capsys, "list", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert (code, err) == (0, "")
    assert rows["mine"]["ok"] and rows["huge"]["error"] == f"{huge}:6:8: {HUGE_PROBLEM}"
    code, out, err = run(capsys, "check", str(user_routines))
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"{huge}:6:8: {HUGE_PROBLEM}",
        f"OK {user_routines / 'mine.toml'} — Runner post-run, 1 exercise, 3:30",
    ]


def test_an_error_of_the_program_in_one_routine_is_that_file_s_problem(
    user_routines: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (user_routines / "mine.toml").write_text(VALID)
    (user_routines / "trips-a-bug.toml").write_text(VALID)
    real = parse.parse_routine_text

    def buggy(path: Path, text: str, catalogue: Any = None) -> parse.LoadedRoutine:
        if path.name == "trips-a-bug.toml":
            raise ValueError("Exceeds the limit (4300 digits)\nfor integer string conversion")
        return real(path, text, catalogue)

    monkeypatch.setattr(parse, "parse_routine_text", buggy)
    entries = {entry.routine_id: entry for entry in discover()}
    assert entries["mine"].ok
    (problem,) = entries["trips-a-bug"].problems
    assert problem.unexpected and problem.line is None
    assert str(problem) == (
        f"{user_routines / 'trips-a-bug.toml'}: error: could not be read: ValueError: Exceeds "
        "the limit (4300 digits) for integer string conversion (a bug in psoas-tui: please "
        "report it)"
    )


def test_an_error_of_the_program_in_an_answers_file_is_its_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def buggy(*args: object) -> object:
        raise OverflowError("int too large to convert to float")

    monkeypatch.setattr(answers, "answers_from_data", buggy)
    path = tmp_path / "answers.toml"
    path.write_text("sitting_hours = 8\n")
    with pytest.raises(ProblemsError) as caught:
        load_answers(path)
    (problem,) = caught.value.problems
    assert problem.unexpected
    assert str(problem) == (
        f"{path}: error: could not be read: OverflowError: int too large to convert to float "
        "(a bug in psoas-tui: please report it)"
    )


def test_settings_with_a_huge_number_are_moved_aside_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f'theme = "nord"\nmuted = {HUGE}\n')
    loaded, notice = load_settings(path)
    assert loaded == Settings()
    assert notice.startswith(f"{path}:2:9: {HUGE_PROBLEM}; it was moved to settings.toml.corrupt-")
    assert not path.exists()


def test_an_error_of_the_program_in_the_settings_gives_defaults_and_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def buggy(raw: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(settings, "settings_from_data", buggy)
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"\n')
    assert load_settings(path) == (
        Settings(),
        f"{path}: error: could not be read: RecursionError: maximum recursion depth exceeded "
        "(a bug in psoas-tui: please report it); defaults are used",
    )
    assert path.exists()  # not the file's fault: left alone


@pytest.mark.parametrize(
    "value",
    [
        '"' + "x" * 300 + '.toml"',  # a name longer than the file system allows
        '"/tmp/' + "x" * 5000 + '"',
        '"/tmp/a\\u0000b.toml"',
    ],
    ids=["long-name", "long-path", "nul"],
)
def test_a_selftest_routine_that_cannot_be_a_path_is_reset(tmp_path: Path, value: str) -> None:
    """Path.is_file() raises (rather than returns False) for a name too long; the app asks it of
    this value before its first frame."""
    path = tmp_path / "settings.toml"
    path.write_text(f'theme = "nord"\nselftest_routine = {value}\n')
    assert load_settings(path) == (
        Settings(theme="nord"),
        f"{path}: invalid selftest_routine in the settings; defaults are used",
    )
