"""Opening the history when something is wrong: a damaged file is found on opening and moved
aside; a file that cannot be read or written (locked, no permission, a file-size limit, a folder
in its place) is an error with one clear line, and is never called corrupt or moved."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from histories import damage_pages, drop_column, fill, locked, set_aside
from test_cli import run

from psoas_tui.store.history import (
    SCHEMA_VERSION,
    History,
    HistoryAccessError,
    HistoryError,
    _columns_of_schema,
)
from psoas_tui.store.records import SessionStart


def test_damaged_pages_with_an_intact_header_are_found_on_opening_and_moved_aside(
    tmp_path: Path,
) -> None:
    path = tmp_path / "h.sqlite3"
    fill(path)
    damaged = damage_pages(path)
    with History.open(path) as history:
        assert "damaged" in history.notice and "moved to" in history.notice
        assert history.sessions() == []
    (aside,) = set_aside(tmp_path)
    assert (tmp_path / aside).read_bytes() == damaged


def test_a_missing_column_is_found_on_opening_and_the_file_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    fill(path, sessions=3)
    drop_column(path, "sessions", "rating")
    with History.open(path) as history:
        assert "the column sessions.rating is missing" in history.notice
        assert history.sessions() == []
    assert len(set_aside(tmp_path)) == 1


def test_the_expected_columns_are_read_from_the_migrations() -> None:
    columns = _columns_of_schema(SCHEMA_VERSION)
    assert "rating" in columns["sessions"] and "answers_json" in columns["selftest_results"]
    assert "selftest_results" not in _columns_of_schema(1)


def test_a_database_locked_by_another_program_is_an_error_and_is_not_moved(
    tmp_path: Path,
) -> None:
    path = tmp_path / "h.sqlite3"
    fill(path, sessions=3)
    with History.open(path) as history, locked(path):
        assert len(history.sessions()) == 3  # reading goes on
        started = time.monotonic()
        with pytest.raises(HistoryError, match="locked by another program"):
            history.start_session(SessionStart("r", "R", "", 60))
        assert time.monotonic() - started < 2  # a write does not freeze the player for long
    assert set_aside(tmp_path) == []


def test_a_path_that_cannot_be_opened_is_not_called_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.mkdir()  # SQLite cannot open it, as with no permission
    with pytest.raises(HistoryAccessError, match="is a folder, not the history database"):
        History.open(path)
    assert path.is_dir() and set_aside(tmp_path) == []


def test_permission_denied_is_an_error_naming_the_file_and_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "h.sqlite3"
    fill(path, sessions=3)
    before = path.read_bytes()
    error = sqlite3.OperationalError("unable to open database file")
    error.sqlite_errorcode = sqlite3.SQLITE_CANTOPEN
    monkeypatch.setattr(sqlite3, "connect", lambda *_, **__: (_ for _ in ()).throw(error))
    monkeypatch.setattr("os.access", lambda p, mode: Path(p) != path)
    with pytest.raises(HistoryAccessError) as raised:
        History.open(path)
    assert str(raised.value) == (
        f"{path}: cannot open the history database: permission denied; make it readable and "
        f"writable by you (chmod u+rw {path})"
    )
    assert path.read_bytes() == before and set_aside(tmp_path) == []


def test_a_data_folder_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("not a folder")
    with pytest.raises(HistoryAccessError, match=f"{home}: is a file, not a folder"):
        History.open(home / "history.sqlite3")
    assert home.read_text() == "not a folder"


# A child under a file-size limit, SIGXFSZ ignored so that writes fail with EFBIG.
LIMITED = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from psoas_tui.store.history import History, HistoryError

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
    try:
        History.open(Path(sys.argv[1])).close()
    except HistoryError as error:
        print("HistoryError", error)
    else:
        print("opened")
    """
)


@pytest.mark.parametrize("existing", [False, True], ids=["new", "healthy"])
def test_a_file_size_limit_is_an_error_and_never_moves_the_database(
    tmp_path: Path, existing: bool
) -> None:
    path = tmp_path / "h.sqlite3"
    if existing:
        fill(path, sessions=20)
    for _ in range(2):  # every run: nothing is set aside
        child = subprocess.run(
            [sys.executable, "-c", LIMITED, str(path)], capture_output=True, text=True, check=False
        )
        assert child.returncode == 0, child.stderr
        assert child.stdout.startswith("HistoryError"), child.stdout
        assert "could not be read or written" in child.stdout
        assert set_aside(tmp_path) == []
    with History.open(path) as history:
        assert len(history.sessions()) == (20 if existing else 0)


@pytest.mark.parametrize("damage", ["pages", "column"])
def test_psoas_history_sets_a_damaged_database_aside_with_one_line(
    psoas_home: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    db = psoas_home / "history.sqlite3"
    psoas_home.mkdir()
    fill(db)
    if damage == "pages":
        damage_pages(db)
    else:
        drop_column(db, "sessions", "rating")
    code, out, err = run(capsys, "history")
    assert (code, out) == (0, "No sessions yet. Play one with `psoas play desk-break`.\n")
    assert err.startswith("psoas: The history database was damaged (") and err.count("\n") == 1
    assert f"it was moved to {psoas_home / set_aside(psoas_home)[0]}" in err


def test_psoas_play_leaves_a_damaged_database_to_the_app(
    psoas_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check before playing only looks; the app sets the file aside and says so."""
    from psoas_tui.cli import play

    db = psoas_home / "history.sqlite3"
    psoas_home.mkdir()
    fill(db)
    damaged = damage_pages(db)
    started: list[object] = []
    monkeypatch.setattr(play, "run_app", lambda plan: started.append(plan) or 0)
    assert run(capsys, "play", "desk-break")[0] == 0
    assert len(started) == 1 and db.read_bytes() == damaged
