"""The routine editor in the app: build a routine from nothing, edit a commented file and keep
its comments, reorder and undo, invalid values marked, the questions before losing anything, and
the ways in (library e / n / d, `psoas edit`, `psoas new`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from apps import home_app, settle, until
from cli_runs import run
from textual.widgets import DataTable, Input, OptionList

from psoas_tui import paths
from psoas_tui.editing.session import new_routine, open_file
from psoas_tui.routine.parse import load_routine
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.add_exercise import AddExerciseDialog
from psoas_tui.tui.dialogs.confirm import ConfirmDialog
from psoas_tui.tui.dialogs.new_routine import NewRoutineDialog
from psoas_tui.tui.screens.editor import EditorScreen, FieldRow
from psoas_tui.tui.screens.library import LibraryScreen
from psoas_tui.tui.screens.player import PlayerScreen

COMMENTED = Path(__file__).parents[1] / "core" / "commented_routine.toml"
COMMENT_LINES = [line for line in COMMENTED.read_text(encoding="utf-8").splitlines() if "#" in line]


def editor(app: PsoasApp) -> EditorScreen:
    assert isinstance(app.screen, EditorScreen), app.screen
    return app.screen


def hips(user_routines: Path) -> Path:
    path = user_routines / "hips.toml"
    shutil.copyfile(COMMENTED, path)
    return path


async def type_into(pilot: object, field_id: str, text: str) -> None:
    """Empty the field and type `text` in it, key by key."""
    app = pilot.app  # type: ignore[attr-defined]
    field = app.screen.query_one(f"#{field_id}", Input)
    field.focus()
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("end", *["backspace"] * len(field.value))  # type: ignore[attr-defined]
    await pilot.press(*[{" ": "space", ",": "comma"}.get(c, c) for c in text])  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def add(pilot: object, search: str, *, down: int = 0) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    app.screen.query_one("#exercise-list", OptionList).focus()
    await pilot.press("a")  # type: ignore[attr-defined]
    assert isinstance(app.screen, AddExerciseDialog)
    await pilot.press(*[{" ": "space"}.get(c, c) for c in search])  # type: ignore[attr-defined]
    for _ in range(down):
        await pilot.press("down")  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def row(screen: EditorScreen, field_id: str) -> FieldRow:
    return next(r for r in screen.query(FieldRow) if r.field_id == field_id)


async def test_build_a_routine_from_nothing_save_and_play(user_routines: Path) -> None:
    app = home_app(editing=new_routine("My routine"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = editor(app)
        assert screen.focused is screen.query_one("#field-name", Input)
        assert "missing required key" in str(screen.query_one("#preview-body").render())
        await type_into(pilot, "field-name", "Lunch hips")
        await type_into(pilot, "field-tags", "desk, lunch")
        await pilot.press("ctrl+s")
        assert not list(user_routines.iterdir())  # invalid: not saved
        await add(pilot, "glute bridge")
        await add(pilot, "shake it out", down=2)  # to the list; a custom move, on each side
        screen = editor(app)
        assert screen.session.draft.exercise_count == 2
        await type_into(pilot, "exercise-hold_seconds", "20")
        await type_into(pilot, "move-name", "Shake out")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = user_routines / "lunch-hips.toml"
        assert screen.session.path == saved and not screen.session.dirty
        loaded = load_routine(saved)
        assert loaded.routine.tags == ["desk", "lunch"]
        assert [e.name for e in loaded.plan.exercises] == ["Glute bridge", "Shake out"]
        assert loaded.routine.moves[0].id == "shake-it-out"
        assert loaded.plan.exercises[1].sides == "both"
        assert loaded.plan.exercises[1].hold_seconds == 20
        screen.query_one("#exercise-list", OptionList).focus()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)


def test_the_saved_file_passes_psoas_check(
    user_routines: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = new_routine("Checked")
    session.draft.add_exercise("glute-bridge")
    session.draft.add_custom_move("Shake out")
    path = session.save()
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0 and out.startswith(f"OK {path} — Checked, 2 exercises")


async def test_edit_a_commented_file_keeps_its_comments(user_routines: Path) -> None:
    path = hips(user_routines)
    app = home_app(editing=open_file(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = editor(app)
        await pilot.press("down")  # the lunge
        assert screen.selected == 1
        await type_into(pilot, "exercise-sets", "3")
        await type_into(pilot, "field-defaults-rest_seconds", "20")
        await pilot.press("ctrl+s")
        await settle(pilot)
    text = path.read_text(encoding="utf-8")
    for line in COMMENT_LINES:
        if "two is enough" in line:
            assert line.replace("2", "3") in text.splitlines()
        elif "rest_seconds" in line:
            assert "rest_seconds   = 20" in text
        else:
            assert line in text.splitlines(), line
    assert load_routine(path).plan.exercises[1].sets == 3


async def test_reorder_undo_and_redo(user_routines: Path) -> None:
    path = hips(user_routines)
    app = home_app(editing=open_file(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = editor(app)

        def order() -> list[str]:
            return [e["exercise"] for e in screen.session.draft.data()["exercises"]]

        first = order()
        await pilot.press("shift+down")
        assert order() == [first[1], first[0], first[2]] and screen.selected == 1
        await pilot.press("J", "c")
        assert order() == [first[1], first[2], first[0], first[0]] and screen.selected == 3
        await pilot.press("x")
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        assert order() == [first[1], first[0], first[2]]
        await pilot.press("ctrl+z")
        assert order() == first and not screen.session.dirty
        await pilot.press("ctrl+y")
        assert order() == [first[1], first[0], first[2]]
        assert screen.selected == 0  # the first exercise the redo changed is shown
        listing = screen.query_one("#exercise-list", OptionList)
        assert str(listing.get_option_at_index(0).prompt).startswith("1. Half-kneeling")
        await pilot.press("down", "K")  # the wall lean, back up
        assert order() == first
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert path.read_text(encoding="utf-8") == COMMENTED.read_text(encoding="utf-8")


async def test_invalid_values_are_marked_and_not_saved(user_routines: Path) -> None:
    path = hips(user_routines)
    app = home_app(editing=open_file(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = editor(app)
        await type_into(pilot, "exercise-sets", "0")
        sets = row(screen, "exercise-sets")
        assert sets.has_class("-invalid")
        message = "exercises #1: sets must be between 1 and 20 (got 0)"
        assert str(sets.query_one(".field-error").render()) == message
        listing = screen.query_one("#exercise-list", OptionList)
        assert str(listing.get_option_at_index(0).prompt).startswith("⚠ 1. ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert path.read_text(encoding="utf-8") == COMMENTED.read_text(encoding="utf-8")
        await type_into(pilot, "exercise-sets", "2")
        assert not sets.has_class("-invalid")
        await type_into(pilot, "move-per_side", "maybe")  # wall lean is a custom move
        per_side = row(screen, "move-per_side")
        message = 'moves #1: per_side must be true or false (got "maybe")'
        assert str(per_side.query_one(".field-error").render()) == message


async def test_leaving_with_unsaved_changes_asks(user_routines: Path) -> None:
    path = hips(user_routines)
    app = home_app(editing=open_file(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen | ConfirmDialog)
    assert path.read_text(encoding="utf-8") == COMMENTED.read_text(encoding="utf-8")


async def test_ctrl_c_with_unsaved_changes_asks_and_a_second_ctrl_c_quits(
    user_routines: Path,
) -> None:
    path = hips(user_routines)
    app = home_app(editing=open_file(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")  # nothing changed: quits at once
        await pilot.pause()
        assert app.return_code == 0
    app = home_app(editing=open_file(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "ctrl+c")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, EditorScreen) and app.return_code is None
        await pilot.press("ctrl+c", "ctrl+c")
        await pilot.pause()
        assert app.return_code == 0


async def test_a_new_routines_name_is_replaced_by_what_is_typed(user_routines: Path) -> None:
    app = home_app(editing=new_routine("My routine"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"Hips", "ctrl+n")  # ctrl+n adds an exercise from inside a field
        assert isinstance(app.screen, AddExerciseDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert editor(app).session.draft.get(("name",)) == "Hips"


async def test_a_file_changed_on_disk_is_overwritten_only_when_asked(user_routines: Path) -> None:
    path = hips(user_routines)
    app = home_app(editing=open_file(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        path.write_text(COMMENTED.read_text(encoding="utf-8") + "# added elsewhere\n")
        os.utime(path, ns=(5, 5))
        await pilot.press("c", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert "# added elsewhere" in path.read_text(encoding="utf-8")
        await pilot.press("ctrl+s", "y")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen) and not app.screen.session.dirty
    assert len(load_routine(path).routine.exercises) == 4


async def open_library(pilot: object, app: PsoasApp, row_of: str) -> LibraryScreen:
    await settle(pilot)
    await pilot.press("r")  # type: ignore[attr-defined]
    await settle(pilot)
    library = app.screen
    assert isinstance(library, LibraryScreen)
    index = next(i for i, e in enumerate(library.entries) if e.routine_id == row_of)
    for _ in range(index):
        await pilot.press("down")  # type: ignore[attr-defined]
    return library


async def test_library_e_edits_a_users_file_and_copies_a_builtin(user_routines: Path) -> None:
    path = hips(user_routines)
    app = home_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_library(pilot, app, "hips")
        await pilot.press("e")
        await settle(pilot)
        assert editor(app).session.path == path and editor(app).session.copied_from is None
        await pilot.press("escape")
        await settle(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        builtin = next(i for i, e in enumerate(library.entries) if e.source == "built-in")
        library.query_one("#routines", DataTable).move_cursor(row=builtin)
        await pilot.press("e")
        await settle(pilot)
        session = editor(app).session
        assert session.copied_from is not None and session.copied_from.is_relative_to(
            paths.builtin_routines_dir()
        )
        assert session.path.parent == user_routines


async def test_library_d_says_where_the_copy_is_and_offers_to_edit_it(
    user_routines: Path,
) -> None:
    hips(user_routines)
    app = home_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_library(pilot, app, "hips")
        await pilot.press("d")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        copy = user_routines / "hips-copy.toml"
        assert dialog.detail == f"The copy is {copy}"
        await pilot.press("y")
        await settle(pilot)
        assert editor(app).session.path == copy
    text = copy.read_text(encoding="utf-8")
    assert "name = 'Hips, by hand (my copy)'" in text or 'name = "Hips, by hand (my copy)"' in text
    assert "# the lunge: keep the pelvis tucked" in text  # the comments are copied too


async def test_library_n_makes_a_new_routine(user_routines: Path) -> None:
    app = home_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_library(pilot, app, "desk-break")
        await pilot.press("n")
        assert isinstance(app.screen, NewRoutineDialog)
        await pilot.press("c")
        await settle(pilot)
        session = editor(app).session
        assert session.draft.get(("name",)) == "Desk break (new)"
        await pilot.press("escape", "y")
        await settle(pilot)
        await pilot.press("n", "b")
        await settle(pilot)
        assert editor(app).session.draft.exercise_count == 0


def test_psoas_edit_an_unknown_routine_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "edit", "no-such-routine")
    assert code == 1 and out == ""
    assert err.strip().startswith('psoas: no routine "no-such-routine"')
    assert len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "new", "  ")
    assert code == 1 and err.strip() == "psoas: the new routine needs a name"


def test_psoas_edit_and_new_open_the_editor(
    user_routines: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[object] = []

    def fake_run_app(**options: object) -> int:
        opened.append(options["editing"])
        return 0

    monkeypatch.setattr("psoas_tui.cli.play.run_app", fake_run_app)
    path = hips(user_routines)
    assert run(capsys, "edit", "hips")[0] == 0
    assert run(capsys, "edit", "desk-break")[0] == 0
    assert run(capsys, "new", "Evening")[0] == 0
    edit_hips, edit_builtin, new = opened
    assert edit_hips.path == path  # type: ignore[attr-defined]
    assert edit_builtin.copied_from.name == "desk-break.toml"  # type: ignore[attr-defined]
    assert new.draft.get(("name",)) == "Evening"  # type: ignore[attr-defined]


async def test_add_dialog_searches_type_position_and_equipment(user_routines: Path) -> None:
    app = home_app(editing=new_routine("Mine"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        editor(app).query_one("#exercise-list", OptionList).focus()
        await pilot.press("a")
        dialog = app.screen
        assert isinstance(dialog, AddExerciseDialog)
        for words in ("chair", "kneeling", "strengthen"):
            search = dialog.query_one("#add-search", Input)
            search.value = words
            await pilot.pause()
            catalogue = app.catalogue
            found = [catalogue.get(p.exercise_id) for p in dialog.picks if p.exercise_id]
            assert found, words
        await pilot.press("escape")
        assert isinstance(app.screen, EditorScreen)
        await until(pilot, lambda: True)
