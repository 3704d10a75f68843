"""Unsaved changes kept on disk while a routine is edited: written, read back as the session
they were, removed once saved or not wanted; two routines apart; an unreadable file moved aside."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.editing.recovery import (
    DraftKeeper,
    differs,
    kept_drafts,
    kept_for,
    read_draft,
    restore,
)
from psoas_tui.editing.session import ChangedOnDisk, new_routine, open_file

COMMENTED = Path(__file__).parent / "commented_routine.toml"
COMMENT_LINES = [line for line in COMMENTED.read_text(encoding="utf-8").splitlines() if "#" in line]
CATALOGUE = load_catalogue()


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 11, 22, hour, minute)


@pytest.fixture
def hips(user_routines: Path) -> Path:
    path = user_routines / "hips.toml"
    shutil.copyfile(COMMENTED, path)
    return path


def test_kept_changes_come_back_as_the_session_they_were(hips: Path) -> None:
    session = open_file(hips, CATALOGUE)
    session.draft.set(("name",), "Evening hips")
    session.draft.move_exercise(0, 1)
    keeper = DraftKeeper(session, lambda: at(11, 40))
    assert keeper.keep()
    assert not keeper.keep()  # nothing new to keep
    assert keeper.file.parent == paths.drafts_dir()

    reopened = open_file(hips, CATALOGUE)
    kept, problems = kept_for(reopened)
    assert problems == []
    assert kept is not None and kept.name == "Evening hips" and kept.for_file
    assert kept.when() == "Sun 22 Nov 11:40"
    assert differs(kept, reopened)
    restored = restore(kept, CATALOGUE)
    assert restored.dirty and restored.path == hips
    assert restored.draft.state == session.draft.state
    restored.draft.undo()  # back to the file as it was opened
    assert restored.draft.data() == reopened.draft.data() and not restored.dirty
    restored.draft.redo()

    restored.save()
    text = hips.read_text(encoding="utf-8")
    assert 'name = "Evening hips"' in text
    assert all(line in text for line in COMMENT_LINES if "name =" not in line)
    adopted = DraftKeeper(restored, lambda: at(11, 41), adopted=kept)
    adopted.keep()  # saved: nothing to keep
    assert not kept.file.exists() and kept_drafts() == ([], [])


def test_no_changes_no_file(hips: Path) -> None:
    session = open_file(hips, CATALOGUE)
    keeper = DraftKeeper(session, lambda: at(9, 0))
    assert not keeper.keep() and not keeper.file.exists()
    session.draft.set(("description",), "x")
    keeper.keep()
    assert keeper.file.exists()
    session.draft.undo()  # back to the file: nothing left to keep
    keeper.keep()
    assert not keeper.file.exists()


def test_two_routines_are_kept_apart_newest_first(hips: Path) -> None:
    mine = open_file(hips, CATALOGUE)
    mine.draft.set(("name",), "Hips changed")
    fresh = new_routine("Lunch", CATALOGUE)
    fresh.draft.add_exercise("glute-bridge")
    DraftKeeper(mine, lambda: at(10, 0)).keep()
    DraftKeeper(fresh, lambda: at(10, 5)).keep()

    drafts, _ = kept_drafts()
    assert [kept.name for kept in drafts] == ["Lunch", "Hips changed"]
    for_file, _ = kept_for(open_file(hips, CATALOGUE))
    for_new, _ = kept_for(new_routine("Other", CATALOGUE))
    assert for_file is not None and for_file.name == "Hips changed"
    assert for_new is not None and for_new.name == "Lunch" and not for_new.for_file
    restored = restore(for_new, CATALOGUE)
    assert restored.dirty and restored.named_by_routine and restored.draft.exercise_count == 1


def test_a_new_routine_once_saved_is_kept_under_its_file(user_routines: Path) -> None:
    session = new_routine("Lunch", CATALOGUE)
    session.draft.add_exercise("glute-bridge")
    keeper = DraftKeeper(session, lambda: at(10, 0))
    keeper.keep()
    first = keeper.file
    session.save()
    keeper.keep()
    assert not first.exists() and not keeper.file.exists()
    session.draft.set(("description",), "after lunch")
    keeper.keep()
    assert keeper.file != first and keeper.file.exists()
    assert read_draft(keeper.file).for_file


def test_a_file_changed_since_is_not_overwritten_without_asking(hips: Path) -> None:
    session = open_file(hips, CATALOGUE)
    session.draft.set(("name",), "Mine")
    DraftKeeper(session, lambda: at(10, 0)).keep()
    hips.write_text(hips.read_text(encoding="utf-8") + "\n# changed elsewhere\n", "utf-8")
    kept, _ = kept_for(open_file(hips, CATALOGUE))
    assert kept is not None
    restored = restore(kept, CATALOGUE)
    with pytest.raises(ChangedOnDisk):
        restored.save()


@pytest.mark.parametrize(
    "text",
    [
        "not = [toml",
        "schema = 1\n",  # keys missing
        "schema = 1\nkept_at = 2026-11-22T10:00:00\npath = 3\nnamed_by_routine = true\n"
        "[draft]\ntop = {}\nmoves = []\nexercises = []\n",
        "schema = 7\n",
        b"\xff\xfe".decode("latin-1"),
    ],
)
def test_an_unreadable_draft_is_moved_aside_and_said(hips: Path, text: str) -> None:
    session = open_file(hips, CATALOGUE)
    session.draft.set(("name",), "Kept")
    DraftKeeper(session, lambda: at(10, 0)).keep()
    broken = paths.drafts_dir() / "new-broken.toml"
    broken.write_text(text, encoding="latin-1")

    drafts, problems = kept_drafts()
    assert [kept.name for kept in drafts] == ["Kept"]
    assert len(problems) == 1 and str(broken) in problems[0] and "moved to" in problems[0]
    assert not broken.exists()
    assert any(p.name.startswith("new-broken.toml.corrupt-") for p in paths.drafts_dir().iterdir())
    assert kept_drafts()[1] == []  # said once
