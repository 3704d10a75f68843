"""Permission problems are not corruption: a history or settings file that cannot be read, a
data folder that cannot be written or opened, PSOAS_HOME naming a file. Each command says so in
one line naming the path and what to do, exits 1, and moves nothing.

The real cases run `psoas` as an unprivileged user (root reads files of any mode); the unit
cases stand in for the permission error in-process."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import as_nobody
import pytest
from histories import fill, set_aside, unreadable
from test_cli import run

from psoas_tui import paths
from psoas_tui.cli import play
from psoas_tui.store.settings import Settings, SettingsNotSaved, load_settings, save_settings

ANSWERS = str(Path(__file__).resolve().parents[2] / "examples" / "selftest-answers.toml")
COMMANDS = {
    "history": ("history",),
    "list": ("list",),
    "play": ("play", "desk-break"),
    "selftest --save": ("selftest", "--answers", ANSWERS, "--save"),
}


def history_unreadable(home: Path) -> str:
    home.mkdir()
    fill(home / "history.sqlite3", sessions=3)
    as_nobody.own(home, *home.iterdir())
    (home / "history.sqlite3").chmod(0)
    db = home / "history.sqlite3"
    return (
        f"{db}: cannot open the history database: permission denied; make it readable and "
        f"writable by you (chmod u+rw {db})"
    )


def folder_read_only(home: Path) -> str:
    home.mkdir()  # the unprivileged user's, but not to write in
    as_nobody.own(home)
    home.chmod(0o555)
    return (
        f"{home}: cannot write in this folder: permission denied; give yourself access "
        f"(chmod u+rwx {home}) or set PSOAS_HOME to another folder"
    )


def folder_unreadable(home: Path) -> str:
    home.mkdir()
    as_nobody.own(home)
    home.chmod(0)
    return (
        f"{home}: cannot open this folder: permission denied; give yourself access "
        f"(chmod u+rwx {home}) or set PSOAS_HOME to another folder"
    )


def home_is_a_file(home: Path) -> str:
    home.write_text("a file, not a folder")
    as_nobody.own(home)
    return f"{home}: is a file, not a folder"


CASES: dict[str, tuple[Callable[[Path], str], tuple[str, ...]]] = {
    "history 000": (history_unreadable, ("history", "play", "selftest --save")),
    "read-only folder": (folder_read_only, ("history", "play", "selftest --save")),
    "unreadable folder": (folder_unreadable, tuple(COMMANDS)),
    "PSOAS_HOME is a file": (home_is_a_file, tuple(COMMANDS)),
}


@pytest.mark.parametrize(
    ("case", "command"),
    [(case, command) for case, (_, commands) in CASES.items() for command in commands],
)
def test_a_permission_problem_is_one_line_exit_1_and_nothing_moved(case: str, command: str) -> None:
    make, _ = CASES[case]
    with as_nobody.folder() as place:
        home = place / "home"
        expected = make(home)
        before = {p.name: p.stat().st_size for p in place.rglob("*") if p.is_file()}
        done = as_nobody.psoas(home, *COMMANDS[command])
        if home.is_dir():
            home.chmod(0o755)
        after = {p.name: p.stat().st_size for p in place.rglob("*") if p.is_file()}
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith(f"psoas: {expected}"), done.stderr
    assert done.stderr.count("\n") == 1 and "unexpected error" not in done.stderr
    assert after == before  # nothing moved aside, made or written


def test_unreadable_settings_give_defaults_and_are_neither_moved_nor_written_over() -> None:
    """The real case: settings.toml of mode 000, read and saved by an unprivileged user."""
    with as_nobody.folder() as place:
        home = place / "home"
        home.mkdir()
        settings = home / "settings.toml"
        settings.write_text('theme = "nord"\nsafety_note_seen = true\n')
        as_nobody.own(home, settings)
        settings.chmod(0)
        done = as_nobody.run(
            "from psoas_tui.store import settings as s\n"
            "loaded, notice = s.load_settings()\n"
            "print(loaded == s.Settings(), notice)\n"
            "try:\n"
            "    s.save_settings(s.Settings(theme='dracula'))\n"
            "except s.SettingsNotSaved as error:\n"
            "    print('not saved:', error)\n",
            home,
        )
        settings.chmod(0o600)
        assert sorted(p.name for p in home.iterdir()) == ["settings.toml"]
        assert settings.read_text() == 'theme = "nord"\nsafety_note_seen = true\n'
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert first.startswith(f"True {settings}: the settings could not be read (permission denied)")
    assert "left as it is" in first and f"chmod u+rw {settings}" in first
    assert second.startswith(f"not saved: {settings}: the settings could not be read")


# --- the same in-process: the permission error stood in for ---------------------------------


def test_settings_that_cannot_be_read_are_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"\n')
    blocked = unreadable(monkeypatch)
    blocked.add(path)
    settings, notice = load_settings(path)
    assert settings == Settings()
    assert notice == (
        f"{path}: the settings could not be read (permission denied); defaults are used and the "
        f"file is left as it is, not written over: make it readable by you (chmod u+rw {path})"
    )
    with pytest.raises(SettingsNotSaved):
        save_settings(Settings(theme="dracula"), path)
    blocked.clear()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"]
    assert path.read_text() == 'theme = "nord"\n'


def test_a_settings_file_that_is_a_folder_is_not_moved(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.mkdir()
    settings, notice = load_settings(path)
    assert settings == Settings() and "not a regular file" in notice
    assert path.is_dir() and set_aside(tmp_path) == []


def test_folder_problems_name_the_folder_and_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "home"
    folder.mkdir()
    assert paths.folder_problem(folder, write=True) is None
    assert paths.folder_problem(folder / "not" / "yet", write=True) is None
    monkeypatch.setattr(os, "access", lambda p, mode: not (mode & os.W_OK))
    assert paths.folder_problem(folder, write=False) is None
    assert paths.folder_problem(folder, write=True) == (
        f"{folder}: cannot write in this folder: permission denied; give yourself access "
        f"(chmod u+rwx {folder}) or set PSOAS_HOME to another folder"
    )
    assert str(folder) in str(paths.folder_problem(folder / "routines", write=True))


def test_commands_stop_before_starting_when_the_data_folder_is_a_file(
    psoas_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    psoas_home.write_text("a file")
    monkeypatch.setattr(play, "run_app", lambda *_, **__: pytest.fail("the app was started"))
    for argv in COMMANDS.values():
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, "")
        inside = f" (psoas-tui keeps its data in {psoas_home / 'routines'})"
        assert err == (
            f"psoas: {psoas_home}: is a file, not a folder{inside if argv == ('list',) else ''}"
            "; move the file away or set PSOAS_HOME to another folder\n"
        )
    assert psoas_home.read_text() == "a file"
