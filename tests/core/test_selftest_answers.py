"""Self-test answers files and `psoas selftest --answers`: clear errors for broken files (the
corpus in `tests/corpus/answers/`, one thing wrong in each), the JSON shape, `--save`, exit
codes and the help text."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from test_cli import run

from psoas_tui.routine.parse import load_routine
from psoas_tui.selftest.answers import Answers, load_answers
from psoas_tui.selftest.questions import (
    KNEE_LIFT_ANSWERS,
    KNEEL_ANSWERS,
    RED_FLAGS,
    SYMPTOMS,
)
from psoas_tui.textfile.problems import ProblemsError

CORPUS = Path(__file__).parent / "corpus" / "answers"
EXAMPLE = Path(__file__).parents[2] / "examples" / "selftest-answers.toml"
KNEEL_VALUES = '"deep_front_hip", "front_thigh", "nothing", "pain", "cannot_kneel" or "skipped"'
LIFT_VALUES = '"clean", "pelvis_tips_back", "back_rounds", "unsteady", "pain" or "skipped"'
TOP_KEYS = "schema, sitting_hours, runner, symptoms, red_flags, kneel_test, knee_lift_test"

EXPECTED: dict[str, str] = {
    "empty.toml": (
        ": error: the file is empty (an answers file needs at least `sitting_hours = …`)"
    ),
    "not-toml.toml": ":1:15: error: not valid TOML: expected '=' after a key in a key/value pair",
    "schema-newer.toml": (
        ":1:1: error: schema 2 is newer than this program understands (it reads schema 1); "
        "update psoas-tui to open this file"
    ),
    "unknown-top-key.toml": (
        ':2:1: error: unknown key "siting_hours" in the top level — did you mean "sitting_hours"?'
    ),
    "test-table-misspelt.toml": (
        ':3:1: error: unknown key "knee_lift" in the top level — did you mean "knee_lift_test"?'
    ),
    "kneel-unknown-side.toml": (
        ':5:1: error: unknown key "middle" in kneel_test (it takes: left, right)'
    ),
    "kneel-test-not-table.toml": ':2:1: error: kneel_test must be a table (got "deep_front_hip")',
    "kneel-bad-value.toml": (
        f':4:1: error: kneel_test: left must be one of {KNEEL_VALUES} (got "deep_hip") — '
        'did you mean "deep_front_hip"?'
    ),
    "knee-lift-bad-value.toml": (
        f':5:1: error: knee_lift_test: right must be one of {LIFT_VALUES} (got "wobbly")'
    ),
    "sitting-missing.toml": ':1:1: error: missing required key "sitting_hours"',
    "sitting-too-many.toml": ":1:1: error: sitting_hours must be between 0 and 24 (got 25)",
    "sitting-negative.toml": ":1:1: error: sitting_hours must be between 0 and 24 (got -1)",
    "sitting-nan.toml": ":1:1: error: sitting_hours must be a finite number (got nan)",
    "sitting-inf.toml": ":1:1: error: sitting_hours must be a finite number (got inf)",
    "sitting-string.toml": ':1:1: error: sitting_hours must be a number (got "8")',
    "runner-string.toml": ':2:1: error: runner must be true or false (got "yes")',
    "symptom-unknown.toml": (
        ":2:1: error: symptoms #2 must be one of "
        + ", ".join(f'"{choice.id}"' for choice in SYMPTOMS[:-1])
        + f' or "{SYMPTOMS[-1].id}" (got "sore_knees")'
    ),
    "symptom-twice.toml": ':2:1: error: symptoms lists "short_stride" twice',
    "symptoms-not-list.toml": (
        ':2:1: error: symptoms must be a list in square brackets (got "short_stride")'
    ),
    "red-flag-misspelt.toml": (
        ":2:1: error: red_flags #1 must be one of "
        + ", ".join(f'"{choice.id}"' for choice in RED_FLAGS[:-1])
        + f' or "{RED_FLAGS[-1].id}" (got "sharp_pian") — did you mean "sharp_pain"?'
    ),
    "sitting-5001-digits.toml": (
        ":1:17: error: not valid TOML: a number with 5001 digits is too large"
    ),
    "sitting-huge-hex.toml": (
        ":1:1: error: sitting_hours must be between 0 and 24 (got a number with 4817 digits)"
    ),
    "runner-huge.toml": ":2:1: error: runner must be true or false (got a number with 4817 digits)",
    "schema-huge.toml": (
        ":1:1: error: schema (a number with 4817 digits) is newer than this program understands "
        "(it reads schema 1); update psoas-tui to open this file"
    ),
    "kneel-bad-value-after-line-separators.toml": (
        f':5:1: error: kneel_test: left must be one of {KNEEL_VALUES} (got "deep_hip") — '
        'did you mean "deep_front_hip"?'
    ),
}


def _first_problem(path: Path) -> str:
    with pytest.raises(ProblemsError) as caught:
        load_answers(path)
    shown = str(caught.value.problems[0])
    assert shown.startswith(str(path)), shown
    return shown[len(str(path)) :]


@pytest.mark.parametrize(
    ("name", "expected"),
    [pytest.param(n, e, id=n.removesuffix(".toml")) for n, e in sorted(EXPECTED.items())],
)
def test_first_problem(name: str, expected: str) -> None:
    assert _first_problem(CORPUS / name) == expected


def test_every_corpus_file_has_an_expectation() -> None:
    assert {path.name for path in CORPUS.iterdir()} == EXPECTED.keys()


def test_an_unknown_key_with_nothing_close_lists_the_keys(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("sitting_hours = 8\nfavourite_colour = 'blue'\n")
    assert _first_problem(path) == (
        f':2:1: error: unknown key "favourite_colour" in the top level (it takes: {TOP_KEYS})'
    )


def test_negative_zero_hours_read_as_zero(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("sitting_hours = -0.0\n")
    hours = load_answers(path).sitting_hours
    assert hours == 0 and math.copysign(1, hours) == 1
    assert load_answers(path).to_data()["sitting_hours"] == 0.0


def test_the_documented_example_loads() -> None:
    loaded = load_answers(EXAMPLE)
    assert loaded.sitting_hours == 8 and loaded.runner is True
    assert loaded.kneel_test.left == "deep_front_hip"


def test_dotted_keys_inline_tables_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(
        'sitting_hours = 7.5\nkneel_test.left = "front_thigh"\n'
        'knee_lift_test = { right = "unsteady" }\n'
    )
    loaded = load_answers(path)
    assert (loaded.kneel_test.left, loaded.kneel_test.right) == ("front_thigh", "skipped")
    assert (loaded.knee_lift_test.left, loaded.knee_lift_test.right) == ("skipped", "unsteady")
    assert (loaded.runner, loaded.symptoms, loaded.red_flags) == (False, [], [])
    assert Answers.from_data(loaded.to_data()) == loaded


# --- the command line ----------------------------------------------------------------------


def write_answers(folder: Path, kneel: str, lift: str, extra: str = "") -> Path:
    path = folder / f"answers-{kneel}-{lift}.toml"
    path.write_text(
        f'sitting_hours = 5\n{extra}\n[kneel_test]\nleft = "{kneel}"\nright = "nothing"\n'
        f'[knee_lift_test]\nleft = "{lift}"\nright = "clean"\n'
    )
    return path


def test_json_has_the_documented_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "selftest", "--answers", str(EXAMPLE), "--json")
    data = json.loads(out)
    assert (code, err) == (0, "")
    assert set(data) == {
        "verdict",
        "tight_sides",
        "weak_sides",
        "likely_tight",
        "likely_weak",
        "rectus_femoris",
        "see_physical_therapist_about",
        "reasons",
        "routine",
    }
    assert (data["verdict"], data["tight_sides"], data["weak_sides"]) == (
        "both",
        ["left"],
        ["right"],
    )
    assert (data["likely_tight"], data["likely_weak"]) == (False, False)
    assert data["see_physical_therapist_about"] == []
    assert data["rectus_femoris"] == [] and all(isinstance(r, str) for r in data["reasons"])
    assert data["routine"]["schema"] == 1
    assert data["routine"]["exercises"][0]["exercise"] == "half-kneeling-hip-flexor-stretch"


def test_json_for_see_professional_has_no_routine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers(tmp_path, "deep_front_hip", "clean", 'red_flags = ["recent_injury"]')
    code, out, _ = run(capsys, "selftest", "--answers", str(path), "--json")
    data = json.loads(out)
    assert code == 0 and data["verdict"] == "see_professional" and data["routine"] is None


def test_text_output_shows_verdict_reasons_and_routine(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "selftest", "--answers", str(EXAMPLE))
    assert code == 0
    assert out.startswith("Result: Tight psoas (left) and weak hip flexors (right)\n")
    assert "Why:\n  - Left: the half-kneeling test pulled deep" in out
    assert "Routine: My psoas routine — tight (left), weak (right)" in out
    assert "  2. Half-kneeling hip flexor stretch — 1 × 45 s, left side only" in out
    assert "Saved to" not in out


def test_save_writes_a_routine_that_loads_and_records_the_result(
    psoas_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "selftest", "--answers", str(EXAMPLE), "--save")
    assert code == 0
    saved = [line.removeprefix("Saved to ") for line in out.splitlines() if "Saved to" in line]
    path = Path(saved[0])
    assert path.parent == psoas_home / "routines" and path.name.startswith("selftest-both-")
    assert load_routine(path).plan.name == "My psoas routine — tight (left), weak (right)"
    assert f"Play it with: psoas play {path.stem}" in out
    assert "Since your last self-test" not in out

    # Retaking: what changed per side since the result just kept.
    better = write_answers(tmp_path, "nothing", "clean")
    code, out, _ = run(capsys, "selftest", "--answers", str(better), "--save", "--json")
    data = json.loads(out)
    assert code == 0 and data["verdict"] == "neither"
    assert data["changes"] == ["Left: was tight, now clear.", "Right: was weak, now clear."]
    assert Path(data["path"]).name.startswith("selftest-neither-")
    assert load_routine(Path(data["path"])).routine.name == "My psoas routine — maintenance"

    # Without --save the last kept result is compared but nothing new is kept.
    for _ in range(2):
        code, out, _ = run(capsys, "selftest", "--answers", str(EXAMPLE))
        assert "Left: was clear, now tight." in out and "Right: was clear, now weak." in out


def test_save_with_see_professional_keeps_the_result_but_no_routine(
    psoas_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_answers(tmp_path, "pain", "clean")
    code, out, _ = run(capsys, "selftest", "--answers", str(path), "--save")
    assert code == 0
    assert out.startswith("Result: See a professional")
    assert "No routine was saved; the result was kept in your history." in out
    assert not (psoas_home / "routines").exists()
    code, out, _ = run(capsys, "selftest", "--answers", str(path), "--save", "--json")
    assert json.loads(out)["path"] is None
    assert json.loads(out)["changes"] == [
        "Left: no change (painful in a test).",
        "Right: no change (clear).",
    ]


def test_without_save_no_history_database_is_created(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(capsys, "selftest", "--answers", str(EXAMPLE))
    assert code == 0 and not psoas_home.exists()


def test_save_when_the_routine_cannot_be_written_exits_1(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    psoas_home.mkdir()
    (psoas_home / "routines").write_text("a file where the folder should be")
    code, out, err = run(capsys, "selftest", "--answers", str(EXAMPLE), "--save")
    assert (code, out) == (1, "")
    assert err == (
        f"psoas: {psoas_home / 'routines'}: is a file, not a folder; move the file away or set "
        "PSOAS_HOME to another folder\n"
    )
    assert sorted(p.name for p in psoas_home.iterdir()) == ["routines"]  # nothing written


def test_a_newer_history_is_reported_and_the_result_still_shown(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from psoas_tui import paths
    from psoas_tui.store.history import SCHEMA_VERSION

    psoas_home.mkdir()
    connection = sqlite3.connect(paths.history_db())
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    code, out, err = run(capsys, "selftest", "--answers", str(EXAMPLE))
    assert code == 0 and out.startswith("Result: Tight psoas (left)")
    assert "could not be read from the history" in err and "newer psoas-tui" in err


def test_a_bad_answers_file_exits_1_with_problems_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = CORPUS / "kneel-bad-value.toml"
    code, out, err = run(capsys, "selftest", "--answers", str(path), "--json")
    assert (code, out) == (1, "")
    assert err.startswith(f"{path}:4:1: error: kneel_test: left must be one of")


def test_a_missing_answers_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "selftest", "--answers", str(tmp_path / "nope.toml"))
    assert code == 1 and err == f"{tmp_path / 'nope.toml'}: error: no such file\n"


@pytest.mark.parametrize("flag", ["--json", "--save"])
def test_json_or_save_without_answers_is_a_usage_error(
    flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "selftest", flag)
    assert code == 2 and "usage: psoas selftest" in err and "need --answers FILE" in err


def test_without_answers_it_opens_the_app_on_the_selftest(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from psoas_tui.cli import play

    started: list[str] = []

    def fake_run_app(plan: object = None, start: str = "home") -> int:
        started.append(start)
        return 0

    monkeypatch.setattr(play, "run_app", fake_run_app)
    assert run(capsys, "selftest")[0] == 0
    assert started == ["selftest"]


def test_help_documents_every_key_and_value(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "selftest", "--help")
    assert code == 0
    keys = ["sitting_hours", "runner", "symptoms", "red_flags", "[kneel_test]", "[knee_lift_test]"]
    values = [
        *KNEEL_ANSWERS,
        *KNEE_LIFT_ANSWERS,
        *(choice.id for choice in (*SYMPTOMS, *RED_FLAGS)),
    ]
    missing = [word for word in [*keys, *values] if word not in out]
    assert missing == []
    assert "--answers FILE" in out and "exit status" in out


# --- issue 10 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "sitting_hours = 5\n",  # a routine
        'red_flags = ["sharp_pain"]\n',  # see a professional
        'red_flags = ["fever_with_back_pain"]\n',  # seek care now
    ],
)
def test_text_output_says_once_that_it_is_not_medical_advice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """Item 15 (and 7: the CLI's text path has no safety note, so it says it here)."""
    path = tmp_path / "a.toml"
    path.write_text(text)
    code, out, _ = run(capsys, "selftest", "--answers", str(path))
    assert code == 0 and out.count("not medical advice") == 1
    assert out.rstrip().endswith("see a physiotherapist or doctor if pain persists.")
    code, out, _ = run(capsys, "selftest", "--answers", str(path), "--json")
    assert code == 0 and "not medical advice" not in out


def test_a_red_flag_file_without_sitting_hours_is_scored_and_invents_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 3: `sitting_hours` left out on the red-flag path is not made up."""
    path = tmp_path / "a.toml"
    path.write_text('red_flags = ["recent_injury"]\n')
    code, out, err = run(capsys, "selftest", "--answers", str(path))
    assert (code, err) == (0, "")
    assert out.startswith("Result: See a professional") and "You sit" not in out
    assert "  Tight psoas:                        not tested\n" in out


def test_urgent_red_flags_print_seek_care_now(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 15."""
    path = tmp_path / "a.toml"
    path.write_text('red_flags = ["bladder_or_bowel_control"]\n')
    code, out, _ = run(capsys, "selftest", "--answers", str(path))
    assert code == 0 and out.startswith("Result: Seek medical care now\n")
    code, out, _ = run(capsys, "selftest", "--answers", str(path), "--json")
    assert json.loads(out)["verdict"] == "seek_care_now" and json.loads(out)["routine"] is None


def test_json_marks_findings_inferred_from_sitting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 3: "both" with empty side lists says why."""
    path = tmp_path / "a.toml"
    path.write_text("sitting_hours = 9\n")
    code, out, _ = run(capsys, "selftest", "--answers", str(path), "--json")
    data = json.loads(out)
    assert (data["verdict"], data["tight_sides"], data["weak_sides"]) == ("both", [], [])
    assert (data["likely_tight"], data["likely_weak"]) == (True, True)
    code, out, _ = run(capsys, "selftest", "--answers", str(path))
    assert code == 0
    assert "Tight psoas:                        likely (not tested)" in out
    assert "Weak hip flexors:                   likely (not tested)" in out
