"""Text from files and the history database never drives the terminal from the command line:
`printable` shows control characters as escapes, and `--json` spells them `\\uXXXX`."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from test_cli import run
from test_selftest_answers import EXAMPLE

from psoas_tui import paths
from psoas_tui.store.history import History
from psoas_tui.store.records import SessionStart
from psoas_tui.textfile.printable import printable

HOSTILE = "T\x1b]2;PWNED\x07\x9b2J\x85\x08\r\x7f\u202eend"
"""Sets the terminal's title, clears it (CSI as one C1 byte), next line (C1), backspace, carriage
return, delete, then right-to-left."""

HOSTILE_ROUTINE = r"""schema = 1
name = "T\u001b]2;PWNED\u0007\u009b2J\u0085\u0008\r\u007f\u202eend"
description = "D\u001b[2J\u009b31m"

[[moves]]
id = "evil-move"
name = "M\u001b[31m\u009bove"
hold_seconds = 10

[[exercises]]
exercise = "evil-move"
"""

BROKEN_NAME = "b\x1b]2;PWNED\x07\x9broken.toml"


def raw_controls(text: str) -> list[str]:
    """Characters a terminal could act on (line breaks and tabs aside)."""
    return [
        char
        for char in text
        if char not in "\n\t" and unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
    ]


def test_printable_shows_c0_c1_del_and_bidi_controls_as_escapes() -> None:
    assert printable(HOSTILE) == "T\\x1b]2;PWNED\\x07\\x9b2J\\x85\\x08\\r\\x7f\\u202eend"
    assert printable("line\nbreak\ttab") == "line\\nbreak\ttab"
    for char in ("\u2066", "\u200f", "\u2028", "\ufeff", "\udcff", "\U000f0000"):
        assert raw_controls(printable(f"a{char}b")) == []
    kept = "Hüftbeuger × 2 — 🧘 [b]not markup[/b]"
    assert printable(kept) == kept
    assert printable(printable(HOSTILE)) == printable(HOSTILE)


def test_printable_json_escapes_the_same_characters_and_keeps_the_text() -> None:
    from psoas_tui.textfile.printable import printable_json

    data = {"name": HOSTILE + "\udcff\U000f0000 é × —", "tab": "\t"}
    text = printable_json(data)
    assert raw_controls(text) == []
    assert json.loads(text) == data
    assert "é × —" in text  # other Unicode stays readable


@pytest.fixture
def hostile_files(user_routines: Path) -> Path:
    """A routine full of escape sequences, and a broken file with one in its name."""
    (user_routines / "evil.toml").write_text(HOSTILE_ROUTINE)
    (user_routines / BROKEN_NAME).write_text("schema = 1\nname = [\n")
    return user_routines


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--json"],
        ["show", "evil"],
        ["show", "evil", "--json"],
        ["check", "{folder}"],
        ["check", "{folder}/" + BROKEN_NAME],
        ["show", "{folder}/" + BROKEN_NAME],
        ["show", "nothing\x1b]2;PWNED\x07\x9b"],
        ["exercises", "--json"],
    ],
)
def test_routine_commands_print_no_raw_control_characters(
    hostile_files: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, err = run(capsys, *(arg.replace("{folder}", str(hostile_files)) for arg in argv))
    assert out or err
    assert raw_controls(out) == [] and raw_controls(err) == []
    if "--json" in argv:
        json.loads(out)


def test_list_json_keeps_the_exact_names(
    hostile_files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert {row["name"] for row in rows if row["source"] == "user"} == {HOSTILE, None}
    assert any(BROKEN_NAME in row["path"] for row in rows)


def test_history_text_and_json_show_a_kept_name_as_escapes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with History.open(paths.history_db()) as history:
        session = history.start_session(SessionStart("gone", HOSTILE, "", 60.0))
        history.end_session(session, "quit")
    _, out, _ = run(capsys, "history")
    assert raw_controls(out) == [] and "T\\x1b]2;PWNED" in out
    _, out, _ = run(capsys, "history", "--json")
    assert raw_controls(out) == []
    assert json.loads(out)[0]["routine"]["name"] == HOSTILE


@pytest.fixture
def hostile_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder whose path holds escape sequences (paths are text from the system)."""
    home = tmp_path / "home\x1b]2;PWNED\x07\x9b"
    monkeypatch.setenv("PSOAS_HOME", str(home))
    return home


def test_history_problems_show_the_path_as_escapes(
    hostile_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile_home.mkdir()
    paths.history_db().write_bytes(b"not a database" * 100)  # moved aside, with a notice
    code, _, err = run(capsys, "history")
    assert code == 0 and "was moved to" in err
    assert raw_controls(err) == []


def test_selftest_json_shows_the_saved_path_as_escapes(
    hostile_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "selftest", "--answers", str(EXAMPLE), "--save", "--json")
    assert code == 0 and raw_controls(out) == []
    assert json.loads(out)["path"].startswith(str(hostile_home))
