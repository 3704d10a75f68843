"""The routine editor's core: the draft and its undo, the live check, and saves that keep what
was not changed (comments, key order, layout) byte for byte."""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.editing.check import check_data
from psoas_tui.editing.draft import RoutineDraft, blank_data, first_changed_exercise
from psoas_tui.editing.fields import text_from_value, value_from_text
from psoas_tui.editing.preserve import edited_text
from psoas_tui.editing.session import (
    ChangedOnDisk,
    NotSaved,
    file_stem,
    new_from_routine,
    new_routine,
    open_file,
)
from psoas_tui.player.describe import estimated_seconds
from psoas_tui.routine.parse import load_routine, parse_routine_text
from psoas_tui.textfile.problems import ProblemsError

COMMENTED = Path(__file__).with_name("commented_routine.toml")
TEXT = COMMENTED.read_text(encoding="utf-8")
COMMENT_LINES = [line for line in TEXT.splitlines() if line.strip().startswith("#")]


def changed_lines(before: str, after: str) -> list[str]:
    """The lines taken out and put in, as `-line` and `+line`."""
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    return [line[:1] + line[2:] for line in diff if line[:1] in "+-"]


def draft_of(text: str = TEXT) -> RoutineDraft:
    return RoutineDraft.from_data(tomllib.loads(text))


# -- the draft ---------------------------------------------------------------------------------


def test_operations_undo_and_redo() -> None:
    draft = draft_of()
    assert not draft.dirty and not draft.can_undo
    draft.set(("exercises", 1, "sets"), 3)
    index = draft.add_exercise("dead-bug")
    assert index == 3
    assert draft.move_exercise(3, -1) == 2
    assert draft.duplicate_exercise(0) == 1
    draft.remove_exercise(0)
    names = [e["exercise"] for e in draft.data()["exercises"]]
    assert names == ["wall-lean", "half-kneeling-hip-flexor-stretch", "dead-bug", "glute-bridge"]
    assert draft.dirty
    for _ in range(5):
        assert draft.undo()
    assert not draft.undo()
    assert draft.data() == tomllib.loads(TEXT) and not draft.dirty
    for _ in range(5):
        assert draft.redo()
    assert not draft.redo()
    assert [e["exercise"] for e in draft.data()["exercises"]] == names


def test_first_changed_exercise() -> None:
    draft = draft_of()
    start = draft.state
    draft.set(("exercises", 2, "reps"), 12)
    assert first_changed_exercise(start, draft.state) == 2
    draft.undo()
    draft.add_exercise("dead-bug")
    assert first_changed_exercise(start, draft.state) == 3
    assert first_changed_exercise(draft.state, start) == 2  # removed: the one before it
    draft.set(("name",), "Other")
    draft.undo()
    assert first_changed_exercise(draft.state, draft.state) is None


def test_a_change_that_changes_nothing_is_not_a_step() -> None:
    draft = draft_of()
    assert not draft.set(("name",), "Hips, by hand")
    assert draft.move_exercise(0, -1) == 0
    assert not draft.can_undo


def test_typing_in_one_field_is_one_step() -> None:
    draft = draft_of()
    for text in ("M", "Mi", "Min", "Mine"):
        draft.set(("name",), text, typing=True)
    draft.set(("description",), "x", typing=True)
    draft.set(("name",), "Mine!", typing=True)
    assert draft.undo() and draft.get(("name",)) == "Mine"
    assert draft.undo() and draft.get(("description",)) != "x"
    assert draft.undo() and draft.get(("name",)) == "Hips, by hand"
    assert not draft.undo()


def test_a_new_change_forgets_the_redo() -> None:
    draft = draft_of()
    draft.set(("name",), "A")
    draft.undo()
    draft.set(("name",), "B")
    assert not draft.redo()
    assert draft.get(("name",)) == "B"


def test_setting_none_leaves_the_key_out() -> None:
    draft = draft_of()
    draft.set(("exercises", 1, "sets"), None)
    assert "sets" not in draft.data()["exercises"][1]
    draft.set(("defaults", "switch_seconds"), 8)
    assert draft.data()["defaults"]["switch_seconds"] == 8


def test_custom_move_gets_a_free_id() -> None:
    draft = draft_of()
    index = draft.add_custom_move("Wall lean", per_side=True, hold_seconds=25)
    data = draft.data()
    assert data["moves"][-1] == {
        "id": "wall-lean-2",
        "name": "Wall lean",
        "per_side": True,
        "hold_seconds": 25,
    }
    assert data["exercises"][index] == {"exercise": "wall-lean-2"}
    assert check_data(data, load_catalogue()).ok
    draft.undo()
    assert len(draft.data()["moves"]) == 1


def test_a_blank_routine_is_unsaved_and_needs_an_exercise() -> None:
    draft = RoutineDraft.from_data(blank_data("Mine"), saved=False)
    assert draft.dirty
    checked = check_data(draft.data(), load_catalogue())
    assert not checked.ok
    assert checked.at(("exercises",)) == [
        'missing required key "exercises" (add at least one [[exercises]] entry)'
    ]


# -- typed text --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("sets", " 3 ", 3),
        ("sets", "", None),
        ("sets", "three", "three"),
        ("tempo_seconds", "2.5", 2.5),
        ("tempo_seconds", "4", 4),
        ("tags", "a, b ,, c", ["a", "b", "c"]),
        ("tags", " ", None),
        ("per_side", "yes", True),
        ("notes", "Keep it easy", "Keep it easy"),
        ("description", "Line one⏎Line two", "Line one\nLine two"),
    ],
)
def test_value_from_text(key: str, text: str, value: object) -> None:
    assert value_from_text(key, text) == value


def test_text_from_value_reads_back() -> None:
    pairs = [("sets", 2), ("tags", ["a", "b"]), ("tempo_seconds", 2.5), ("description", "a\nb")]
    for key, value in pairs:
        assert value_from_text(key, text_from_value(key, value)) == value


# -- the live check ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("loc", "value"),
    [
        (("exercises", 1, "sets"), 0),
        (("exercises", 1, "sets"), "three"),
        (("exercises", 2, "exercise"), "glute brige"),
        (("exercises", 1, "reps"), 10),
        (("exercises", 2, "sides"), "both-ish"),
        (("defaults", "rest_seconds"), -1),
        (("name",), ""),
    ],
)
def test_the_check_says_what_psoas_check_says(loc: tuple[str | int, ...], value: object) -> None:
    draft = draft_of()
    draft.set(loc, value)
    checked = check_data(draft.data(), load_catalogue())
    assert not checked.ok
    text = edited_text(TEXT, draft.state)
    with pytest.raises(ProblemsError) as error:
        parse_routine_text(COMMENTED, text)
    assert [p.message for p in checked.problems] == [p.message for p in error.value.problems]
    # and each message is tied to the field that was changed, to be marked in place
    assert checked.at(loc), checked.problems


def test_total_time_is_the_players() -> None:
    checked = check_data(tomllib.loads(TEXT), load_catalogue())
    assert checked.ok and checked.timeline is not None
    assert checked.total_seconds == estimated_seconds(load_routine(COMMENTED).plan)
    draft = draft_of()
    draft.set(("exercises", 1, "sets"), 3)
    longer = check_data(draft.data(), load_catalogue()).total_seconds
    assert longer is not None and checked.total_seconds is not None
    # one more set: a hold on each side, the switch between them and a rest before it
    assert longer == checked.total_seconds + 30 * 2 + 5 + 15


# -- keeping what was not changed --------------------------------------------------------------


def test_nothing_changed_writes_the_same_bytes() -> None:
    assert edited_text(TEXT, draft_of().state) == TEXT


def test_a_changed_value_changes_its_line_only() -> None:
    draft = draft_of()
    draft.set(("exercises", 1, "sets"), 3)
    draft.set(("defaults", "rest_seconds"), 20)
    draft.set(("name",), "Hips, changed")
    after = edited_text(TEXT, draft.state)
    assert changed_lines(TEXT, after) == [
        "-name = 'Hips, by hand'   # single quotes on purpose",
        "-rest_seconds   = 15",
        "-sets = 2          # two is enough",
        '+name = "Hips, changed"   # single quotes on purpose',
        "+rest_seconds   = 20",
        "+sets = 3          # two is enough",
    ] or sorted(changed_lines(TEXT, after)) == sorted(
        [
            "-name = 'Hips, by hand'   # single quotes on purpose",
            '+name = "Hips, changed"   # single quotes on purpose',
            "-rest_seconds   = 15",
            "+rest_seconds   = 20",
            "-sets = 2          # two is enough",
            "+sets = 3          # two is enough",
        ]
    )
    assert tomllib.loads(after) == draft.data()


def test_added_keys_and_exercises_leave_the_rest_alone() -> None:
    draft = draft_of()
    draft.set(("defaults", "switch_seconds"), 8)
    draft.add_exercise("dead-bug", reps=8)
    draft.set(("exercises", 0, "notes"), "first")
    after = edited_text(TEXT, draft.state)
    removed = [line for line in changed_lines(TEXT, after) if line.startswith("-")]
    assert removed == []
    assert tomllib.loads(after) == draft.data()
    # the new key goes inside its table, above the comment about the next one
    assert "rest_seconds   = 15\nswitch_seconds = 8\n\n# A custom move of my own" in after


def test_reordered_exercises_keep_their_comments() -> None:
    draft = draft_of()
    draft.move_exercise(2, -1)  # glute bridge before the lunge
    after = edited_text(TEXT, draft.state)
    assert tomllib.loads(after) == draft.data()
    for line in COMMENT_LINES:
        assert line in after.splitlines()
    bridge = after.index('exercise = "glute-bridge"')
    lunge_comment = after.index("# the lunge: keep the pelvis tucked")
    assert bridge < lunge_comment < after.index('exercise = "half-kneeling')
    assert after.index('exercise = "half-kneeling') < after.index("sets = 2          # two")
    parse_routine_text(COMMENTED, after)


def test_removing_an_exercise_takes_its_comments_only() -> None:
    draft = draft_of()
    draft.remove_exercise(1)
    after = edited_text(TEXT, draft.state)
    assert "# the lunge" not in after and "two is enough" not in after
    kept = [line for line in COMMENT_LINES if "lunge" not in line and "two is" not in line]
    for line in kept:
        assert line in after.splitlines()


OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("sets"), st.integers(0, 2), st.integers(1, 5)),
        st.tuples(st.just("move"), st.integers(0, 3), st.sampled_from([-1, 1])),
        st.tuples(st.just("duplicate"), st.integers(0, 3), st.just(0)),
        st.tuples(st.just("remove"), st.integers(0, 3), st.just(0)),
        st.tuples(st.just("add"), st.integers(0, 4), st.just(0)),
        st.tuples(st.just("notes"), st.integers(0, 3), st.integers(0, 3)),
        st.tuples(st.just("undo"), st.just(0), st.just(0)),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(OPERATIONS)
def test_any_edit_writes_what_the_draft_holds(operations: list[tuple[str, int, int]]) -> None:
    draft = draft_of()
    for name, index, amount in operations:
        count = draft.exercise_count
        if name == "add":
            draft.add_exercise("dead-bug", at=index)
        elif name == "undo":
            draft.undo()
        elif count == 0 or index >= count:
            continue
        elif name == "sets":
            draft.set(("exercises", index, "sets"), amount)
        elif name == "move":
            draft.move_exercise(index, amount)
        elif name == "duplicate":
            draft.duplicate_exercise(index)
        elif name == "remove":
            draft.remove_exercise(index)
        elif name == "notes":
            draft.set(("exercises", index, "notes"), f"note {amount}" if amount else None)
    after = edited_text(TEXT, draft.state)
    assert tomllib.loads(after) == draft.data()
    # The head of the file is never touched.
    assert after.startswith(TEXT[: TEXT.index("hold_seconds = 20")])
    # A comment of an exercise that is still there (and was not copied) is still there.
    origins = {entry.origin for entry in draft.state.exercises}
    if any(
        e.origin == 2 and e.values.get("notes") == "Squeeze at the top."
        for e in draft.state.exercises
    ):
        assert 'notes = "Squeeze at the top."   # my note' in after
    for origin, comment in enumerate(["# --- first: warm up", "# the lunge: keep the pelvis"]):
        if origin in origins:
            assert comment in after


# -- saving ------------------------------------------------------------------------------------


def user_copy(user_routines: Path) -> Path:
    path = user_routines / "hips.toml"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_saving_a_users_file_keeps_its_comments(user_routines: Path) -> None:
    path = user_copy(user_routines)
    session = open_file(path)
    assert not session.dirty and session.path == path
    session.draft.move_exercise(0, 1)
    session.draft.set(("exercises", 2, "reps"), 12)
    assert session.dirty
    assert session.save() == path
    assert not session.dirty
    saved = path.read_text(encoding="utf-8")
    for line in COMMENT_LINES:
        assert line in saved.splitlines()
    assert load_routine(path).routine.exercises[2].reps == 12
    # a second save after more changes works from the saved file, and undo still works
    session.draft.move_exercise(1, -1)
    session.save()
    assert session.draft.undo()
    session.save()
    assert path.read_text(encoding="utf-8") == saved


def test_a_file_changed_on_disk_is_not_overwritten_unasked(user_routines: Path) -> None:
    path = user_copy(user_routines)
    session = open_file(path)
    session.draft.set(("name",), "Mine")
    path.write_text(TEXT.replace("Squeeze", "Press"), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert session.changed_on_disk()
    with pytest.raises(ChangedOnDisk):
        session.save()
    assert "Press" in path.read_text(encoding="utf-8")
    session.save(overwrite=True)
    assert load_routine(path).routine.name == "Mine"
    assert not session.changed_on_disk()


def test_an_invalid_routine_is_not_saved(user_routines: Path) -> None:
    path = user_copy(user_routines)
    session = open_file(path)
    session.draft.set(("exercises", 0, "sets"), 0)
    with pytest.raises(NotSaved) as error:
        session.save()
    assert "exercises #1: sets must be between 1 and" in str(error.value)
    assert path.read_text(encoding="utf-8") == TEXT


def test_a_builtin_routine_is_copied_not_changed(user_routines: Path) -> None:
    builtin = paths.builtin_routines_dir() / "desk-break.toml"
    before = builtin.read_bytes()
    session = open_file(builtin)
    assert session.copied_from == builtin and session.is_new_file
    assert session.path == user_routines / "desk-break-copy.toml"
    assert session.dirty  # the copy's name
    session.draft.set(("exercises", 0, "notes"), None)
    session.save()
    assert builtin.read_bytes() == before
    copy = session.path.read_text(encoding="utf-8")
    assert 'name = "Desk break (my copy)"' in copy
    assert "Get out of the chair first" not in copy
    assert 'steps = [\n    "Stand up from your chair.",' in copy  # the built-in's layout
    load_routine(session.path)


def test_a_new_routine_is_written_with_tomli_w(user_routines: Path) -> None:
    session = new_routine("Lunch")
    with pytest.raises(NotSaved):
        session.save()
    session.draft.set(("name",), "Lunch break #2")
    session.draft.add_exercise("glute-bridge", reps=12)
    session.draft.add_custom_move("Shake out", hold_seconds=20)
    session.draft.set(("tags",), ["lunch"])
    assert session.save() == user_routines / "lunch-break-2.toml"
    loaded = load_routine(session.path)
    assert [e.exercise for e in loaded.routine.exercises] == ["glute-bridge", "shake-out"]
    assert session.path.read_text(encoding="utf-8").startswith('schema = 1\nname = "Lunch')


def test_a_new_routine_does_not_overwrite_a_file_made_meanwhile(user_routines: Path) -> None:
    session = new_routine("Mine")
    session.draft.add_exercise("glute-bridge")
    (user_routines / "mine.toml").write_text("# someone else's\n", encoding="utf-8")
    assert session.save() == user_routines / "mine-2.toml"
    session.draft.set(("name",), "Mine, renamed")
    session.path.write_text("# changed meanwhile\n", encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        session.save()
    assert session.path == user_routines / "mine-2.toml"


def test_a_new_routine_from_another(user_routines: Path) -> None:
    builtin = load_routine(paths.builtin_routines_dir() / "desk-break.toml")
    session = new_from_routine(builtin.routine)
    assert session.dirty and session.draft.get(("name",)) == "Desk break (new)"
    assert session.save() == user_routines / "desk-break-new.toml"
    assert load_routine(session.path).plan.exercises == builtin.plan.exercises


def test_file_stem() -> None:
    assert file_stem("Hip opener #2!") == "hip-opener-2"
    assert file_stem("???") == "routine"


def test_a_broken_file_opens_with_its_problems_and_can_be_mended(user_routines: Path) -> None:
    path = user_routines / "broken.toml"
    path.write_text(TEXT.replace("sets = 2 ", "sets = 99"), encoding="utf-8")
    session = open_file(path)
    assert session.check().at(("exercises", 1, "sets")) == [
        "exercises #2: sets must be between 1 and 20 (got 99)"
    ]
    session.draft.set(("exercises", 1, "sets"), 2)
    session.save()
    assert changed_lines(TEXT, path.read_text(encoding="utf-8")) == [
        "-sets = 2          # two is enough",
        "+sets = 2         # two is enough",  # the one space "99" took stays taken
    ]


def test_a_file_that_is_not_toml_cannot_be_opened(user_routines: Path) -> None:
    path = user_routines / "bad.toml"
    path.write_text("schema = 1\nname = [\n", encoding="utf-8")
    with pytest.raises(ProblemsError):
        open_file(path)


def test_new_top_keys_go_above_the_comment_on_the_first_exercise() -> None:
    text = (
        'schema = 1\nname = "x"   # n\n\n# about a\n[[exercises]]\nexercise = "a"\n\n'
        '# about b\n[[exercises]]\nexercise = "b"\n'
    )
    draft = draft_of(text)
    draft.set(("description",), "new")
    draft.move_exercise(0, 1)
    after = edited_text(text, draft.state)
    assert after == (
        'schema = 1\nname = "x"   # n\ndescription = "new"\n\n# about b\n[[exercises]]\n'
        'exercise = "b"\n\n# about a\n[[exercises]]\nexercise = "a"\n'
    )
