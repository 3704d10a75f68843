"""Every file in `tests/corpus/broken/` is refused with one clear first problem.

Each corpus file has exactly one thing wrong with it. The test loads it and compares the first
problem as printed, minus the leading path: `:LINE:COL: error: MESSAGE`. Cases whose message or
position is not yet good enough carry the message the program *should* print, marked
`xfail(strict=True)`, so fixing the parser turns them into failures that ask for the mark to go.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from psoas_tui.routine.parse import load_routine
from psoas_tui.textfile.problems import ProblemsError

CORPUS = Path(__file__).parent / "corpus" / "broken"

EXPECTED: dict[str, str] = {
    # Reading the bytes
    "binary.toml": ":3:1: error: this is a binary file, not TOML text",
    "latin1.toml": ":3:26: error: not UTF-8 text (byte 0xe9); save the file as UTF-8",
    "empty.toml": (
        ": error: the file is empty (a routine needs `schema = 1`, a name and at least one "
        "[[exercises]] entry)"
    ),
    # TOML syntax
    "not-toml.toml": ":3:10: error: not valid TOML: expected '=' after a key in a key/value pair",
    "duplicate-key.toml": ':3:1: error: not valid TOML: "name" is set twice (first on line 2)',
    "unterminated-string.toml": ":3:15: error: not valid TOML: unterminated string",
    "deeply-nested.toml": ":3:5: error: not valid TOML: nested too deeply",
    # Schema
    "missing-schema.toml": (
        ':1:1: error: missing required key "schema" (add `schema = 1` at the top)'
    ),
    "schema-newer.toml": (
        ":2:1: error: schema 2 is newer than this program understands (it reads schema 1); "
        "update psoas-tui to open this file"
    ),
    "schema-string.toml": ':2:1: error: schema must be a whole number (got "1")',
    "schema-zero.toml": ":1:1: error: schema must be at least 1 (got 0)",
    # Top level
    "missing-name.toml": ':1:1: error: missing required key "name"',
    "empty-name.toml": ":2:1: error: name must not be empty",
    "unknown-top-key.toml": (
        ':3:1: error: unknown key "descripton" in the top level — did you mean "description"?'
    ),
    "tags-not-list.toml": (
        ':3:1: error: tags must be a list in square brackets (got "desk, runner")'
    ),
    "no-exercises.toml": (
        ':1:1: error: missing required key "exercises" (add at least one [[exercises]] entry)'
    ),
    "exercises-empty-list.toml": ":3:1: error: exercises needs at least 1 entry",
    "exercise-header-singular.toml": (
        ':4:1: error: unknown key "exercise" in the top level — did you mean "exercises"?'
    ),
    # [defaults]
    "unknown-defaults-key.toml": (
        ':5:1: error: unknown key "rest_second" in defaults — did you mean "rest_seconds"?'
    ),
    "defaults-negative-rest.toml": (
        ":5:1: error: defaults: rest_seconds must be between 0 and 600 (got -1)"
    ),
    # [[exercises]] fields
    "unknown-exercise-key.toml": (
        ':6:1: error: unknown key "hold_second" in exercises #1 — did you mean "hold_seconds"?'
    ),
    "exercise-empty.toml": ":5:1: error: exercises #1: exercise must not be empty",
    "hold-zero.toml": ":6:1: error: exercises #1: hold_seconds must be between 1 and 600 (got 0)",
    "hold-too-long.toml": (
        ":6:1: error: exercises #1: hold_seconds must be between 1 and 600 (got 601)"
    ),
    "hold-nan.toml": ":6:1: error: exercises #1: hold_seconds must be a whole number (got nan)",
    "hold-fraction.toml": (
        ":6:1: error: exercises #1: hold_seconds must be a whole number (got 30.5)"
    ),
    "sets-too-many.toml": ":6:1: error: exercises #1: sets must be between 1 and 20 (got 21)",
    "sets-string.toml": ':6:1: error: exercises #1: sets must be a whole number (got "two")',
    "sets-table.toml": ":6:1: error: exercises #1: sets must be a whole number (got a table)",
    "reps-too-many.toml": ":6:1: error: exercises #1: reps must be between 1 and 200 (got 201)",
    "tempo-inf.toml": ":7:1: error: exercises #1: tempo_seconds must be a finite number (got inf)",
    "hold-and-reps.toml": ":7:1: error: exercises #1: give hold_seconds or reps, not both",
    "tempo-with-hold.toml": (
        ":7:1: error: exercises #1: tempo_seconds goes with reps, not with hold_seconds"
    ),
    "sides-lefty.toml": (
        ':7:1: error: exercises #1: sides must be one of "both", "left", "right", "alternating" '
        'or "none" (got "lefty") — did you mean "left"?'
    ),
    # Resolved against the catalogue
    "unknown-exercise.toml": (
        ':9:1: error: exercises #2: unknown exercise "kneeling hip flexor lunj" — did you mean '
        '"Kneeling hip flexor lunge"? (`psoas exercises` lists them all)'
    ),
    "sides-left-not-per-side.toml": (
        ':7:1: error: exercises #1: "Glute bridge" is not done per side: use sides = "none"'
    ),
    "sides-none-per-side.toml": (
        ':7:1: error: exercises #1: "Low lunge" is done per side: '
        'use sides = "both", "left", "right" or "alternating"'
    ),
    "alternating-hold.toml": (
        ':7:1: error: exercises #1: "Low lunge" is a hold: sides = "alternating" needs reps '
        "(sides alternate rep by rep)"
    ),
    "tempo-on-catalogue-hold.toml": (
        ':6:1: error: exercises #1: "Low lunge" is a hold: tempo_seconds goes with reps'
    ),
    # [[moves]]
    "move-bad-id.toml": (
        ':5:1: error: moves #1: id must be lowercase words joined by "-", like "wall-angel" '
        '(got "Wall Angel")'
    ),
    "move-duplicate-id.toml": (
        ':10:1: error: moves #2: two custom moves share the id "wall-angel"'
    ),
    # Numbers too large to print: beyond 4,300 digits tomllib cannot read a decimal integer
    # (Python refuses the conversion); a hexadecimal one it reads, but the message must not
    # print it. Either way: the documented line, not a crash.
    "sets-5001-digits.toml": ":6:8: error: not valid TOML: a number with 5001 digits is too large",
    "defaults-rest-5001-digits.toml": (
        ":5:16: error: not valid TOML: a number with 5001 digits is too large"
    ),
    "digits-in-string-then-huge-sets.toml": (
        ":7:8: error: not valid TOML: a number with 5003 digits is too large"
    ),
    "hold-huge-hex.toml": (
        ":6:1: error: exercises #1: hold_seconds must be between 1 and 600 "
        "(got a number with 4817 digits)"
    ),
    "tempo-401-digits.toml": (
        ":7:1: error: exercises #1: tempo_seconds must be between 0.5 and 60 "
        "(got a number with 401 digits)"
    ),
    "schema-huge.toml": (
        ":1:1: error: schema (a number with 4817 digits) is newer than this program understands "
        "(it reads schema 1); update psoas-tui to open this file"
    ),
    "sides-huge-number.toml": (
        ':7:1: error: exercises #1: sides must be one of "both", "left", "right", "alternating" '
        'or "none" (got a number with 4817 digits)'
    ),
    # Text from the file is shown on one line, escaped as TOML writes it
    "unknown-key-with-line-break.toml": (
        ':6:1: error: unknown key "hold\\nseconds" in exercises #1 — did you mean "hold_seconds"?'
    ),
    "sets-text-with-line-separator.toml": (
        ':6:1: error: exercises #1: sets must be a whole number (got "two\\u2028three")'
    ),
    # Lines end at "\n" only: U+2028, U+2029 and U+0085 in a string or a comment do not count
    "line-separator-in-name.toml": (
        ":6:1: error: exercises #1: hold_seconds must be between 1 and 600 (got 0)"
    ),
    "paragraph-separator-in-description.toml": (
        ":6:1: error: defaults: rest_seconds must be between 0 and 600 (got -1)"
    ),
    "next-line-in-notes.toml": ":10:1: error: exercises #2: sets must be between 1 and 20 (got 21)",
    "line-separators-before-duplicate-key.toml": (
        ':4:1: error: not valid TOML: "name" is set twice (first on line 2)'
    ),
    "line-separator-before-unterminated-string.toml": (
        ":3:15: error: not valid TOML: unterminated string"
    ),
    "not-utf8-after-accent.toml": (
        ":2:14: error: not UTF-8 text (byte 0xe9); save the file as UTF-8"
    ),
}

XFAIL: dict[str, str] = {}


def _cases() -> list[object]:
    cases = []
    for name, expected in sorted(EXPECTED.items()):
        marks = [pytest.mark.xfail(reason=XFAIL[name], strict=True)] if name in XFAIL else []
        cases.append(pytest.param(name, expected, id=name.removesuffix(".toml"), marks=marks))
    return cases


def _first_problem(path: Path) -> str:
    with pytest.raises(ProblemsError) as caught:
        load_routine(path)
    shown = str(caught.value.problems[0])
    assert shown.startswith(str(path)), shown
    return shown[len(str(path)) :]


@pytest.mark.parametrize(("name", "expected"), _cases())
def test_first_problem(name: str, expected: str) -> None:
    assert _first_problem(CORPUS / name) == expected


def test_every_corpus_file_has_an_expectation() -> None:
    on_disk = {path.name for path in CORPUS.iterdir()}
    assert on_disk - EXPECTED.keys() == set(), "corpus files without an expected problem"
    assert EXPECTED.keys() - on_disk == set(), "expectations without a corpus file"


def test_xfail_marks_only_known_cases() -> None:
    assert XFAIL.keys() <= EXPECTED.keys()


def test_corpus_is_big_enough() -> None:
    assert len(EXPECTED) >= 24


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    filler = "# " + "x" * 98 + "\n"
    body = 'schema = 1\nname = "Huge"\n[[exercises]]\nexercise = "low-lunge"\n'
    path.write_text(body + filler * (1024 * 1024 // len(filler) + 10), encoding="utf-8")
    assert path.stat().st_size > 1024 * 1024
    assert _first_problem(path) == (
        ": error: file is too large (over 1024 KiB); is it really a TOML file?"
    )


def test_byte_order_mark_is_not_a_problem(tmp_path: Path) -> None:
    """A UTF-8 BOM (as some Windows editors write) in front of a valid routine is fine."""
    path = tmp_path / "with-bom.toml"
    body = 'schema = 1\nname = "With a BOM"\n\n[[exercises]]\nexercise = "low-lunge"\n'
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert load_routine(path).plan.name == "With a BOM"
