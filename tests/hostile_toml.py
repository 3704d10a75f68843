"""Hypothesis strategies for files that try to break the loaders, and the check every loader must
pass on them (used by `tests/core/test_fuzz_loaders.py` and `bench/fuzz_loaders.py`).

Two kinds of input for each loader (routines, self-test answers, settings):

* structured TOML: the keys the format knows (and a few it does not), each given either a
  sensible value or a hostile one — integers of thousands of digits, `1e400`, `inf`, `nan`,
  `-0.0`, long text, text holding line separators and escapes of control characters, deeply
  nested and huge arrays, dates, inline tables;
* mutated bytes of the files we ship (the built-in routines, the example answers, a settings
  file): bytes cut, copied, replaced, or tokens spliced in, and values swapped for hostile ones.

The check: a loader returns what it loads, or raises `ProblemsError` whose every problem prints
on one line as `path:line:col: error: …` (or `path: error: …`), with a line inside the file, and
is not an error of the program caught by the last line of defence. Anything else is a failure.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import tomli_w
from hypothesis import strategies as st

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.routine.parse import load_routine
from psoas_tui.selftest.answers import load_answers
from psoas_tui.store.settings import Settings, load_settings
from psoas_tui.textfile.problems import Problem, ProblemsError

ROOT = Path(__file__).resolve().parents[1]
Loader = Literal["routine", "answers", "settings"]
LOADERS: tuple[Loader, ...] = ("routine", "answers", "settings")

# --- values -------------------------------------------------------------------------------

_LINE_BREAKERS = "\u2028\u2029\u0085"
"""Characters `str.splitlines()` breaks at that TOML allows in a string as they are."""
_ESCAPED_BREAKERS = ("\\u000b", "\\u000c", "\\u001c", "\\u001d", "\\u001e", "\\u0000", "\\r")
"""Control characters TOML allows in a string only as an escape."""


def _words(text: str) -> list[str]:
    return text.split()


def _digits(count: int) -> str:
    return "1" + "0" * (count - 1)


huge_integers = st.one_of(
    st.integers(4290, 6000).map(_digits),
    st.integers(4290, 6000).map(lambda n: "-" + _digits(n)),
    st.integers(2200, 3000).map(lambda n: "1" + "_0" * n),
    st.integers(300, 400).map(_digits),  # beyond a float
    st.integers(1, 3000).map(lambda n: "0x" + "f" * n),
    st.integers(1, 3000).map(lambda n: "0o" + "7" * n),
    st.integers(1, 3000).map(lambda n: "0b" + "1" * n),
)
integers = st.one_of(
    st.sampled_from(_words("0 -0 +0 1 -1 20 21 120 121 200 201 600 601 1_000 0x0 -0o0")),
    st.sampled_from([str(2**63 - 1), str(-(2**63)), str(2**63), str(2**64), "-" + "9" * 40]),
    st.integers(-(10**30), 10**30).map(str),
    huge_integers,
)
floats = st.one_of(
    st.sampled_from(_words("1e308 -1e308 1.7976931348623157e308 1e309 1e400 -1e400 5e-324 1e-400")),
    st.sampled_from(
        _words("inf -inf +inf nan -nan +nan -0.0 +0.0 0.0 -0e0 0.5 0.49999999999999994")
    ),
    st.sampled_from(_words("60.0 60.00000000000001 24.0 24.000000000000004 1_000.5")),
    st.integers(300, 5000).map(lambda n: _digits(n) + ".0"),
    st.integers(300, 5000).map(lambda n: "0." + "0" * n + "1"),
    st.integers(300, 5000).map(lambda n: "1e" + "9" * n),
    st.integers(300, 5000).map(lambda n: "-1e-" + "9" * n),
    st.floats().map(lambda x: repr(x).replace("e+", "e")),
)


def _basic_string(text: str) -> str:
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or char == "\x7f":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return f'"{"".join(out)}"'


strings = st.one_of(
    st.text(max_size=30).map(_basic_string),
    st.text(alphabet=st.sampled_from(f"ab -\t{_LINE_BREAKERS}\u202e\u200b"), max_size=30).map(
        _basic_string
    ),
    st.lists(st.sampled_from(["a", " ", *_ESCAPED_BREAKERS, *_LINE_BREAKERS]), max_size=12).map(
        lambda parts: '"' + "".join(parts) + '"'
    ),
    st.integers(0, 300_000).map(lambda n: '"' + "x" * n + '"'),
    st.integers(0, 5000).map(lambda n: "'" + "\u2028" * n + "'"),
    st.sampled_from(
        [
            '""',
            "''",
            '"""\nline\u2028two\n"""',
            "'''\nraw\n'''",
            '"\\uD800"',
            '"\\U0010FFFF"',
            '"low-lunge"',
            '"Low lunge"',
            '"both"',
            '"left"',
            '"none"',
            '"alternating"',
            '"[/]"',
            '"deep_front_hip"',
            '"clean"',
            '"short_stride"',
            '"sharp_pain"',
            '"textual-dark"',
        ]
    ),
)
dates = st.sampled_from(
    [
        "1979-05-27",
        "1979-05-27T07:32:00Z",
        "07:32:00",
        "1979-05-27T07:32:00.999999-08:00",
        "1979-05-27 07:32:00",
        "0001-01-01",
        "9999-12-31T23:59:59+23:59",
        "1979-02-30",
    ]
)
scalars = st.one_of(integers, floats, strings, st.sampled_from(["true", "false"]), dates)
deep_arrays = st.integers(1, 1500).map(lambda n: "[" * n + "]" * n)
deep_tables = st.integers(1, 600).map(lambda n: "{a = " * n + "1" + " }" * n)
huge_arrays = st.tuples(st.integers(0, 50_000), st.sampled_from(["1", '"a"', "[]", "{}"])).map(
    lambda pair: "[" + ", ".join([pair[1]] * pair[0]) + "]"
)
values = st.recursive(
    st.one_of(scalars, deep_arrays, deep_tables, huge_arrays),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(
            st.tuples(st.sampled_from(["a", "b", "left"]), inner),
            max_size=3,
            unique_by=lambda pair: pair[0],
        ).map(lambda pairs: "{" + ", ".join(f"{key} = {value}" for key, value in pairs) + "}"),
    ),
    max_leaves=6,
)
"""A TOML value, written as it appears after `key = `."""

unknown_keys = st.one_of(
    st.sampled_from(["foo", "hold_second", '"quoted key"', "'x\u2028y'", "a.b.c", "1234"]),
    st.text(max_size=12).map(_basic_string),
    st.integers(4300, 5000).map(_digits),
)

# --- structured documents -------------------------------------------------------------------

_SENSIBLE: dict[str, list[str]] = {
    "schema": ["1"],
    "name": ['"Fuzz"'],
    "description": ['"A routine."'],
    "tags": ['["desk", "runner"]'],
    "prep_seconds": ["5"],
    "rest_seconds": ["15"],
    "switch_seconds": ["5"],
    "exercise": ['"low-lunge"', '"glute-bridge"', '"Dead bug"', '"my-move"', '"pigeon-pose"'],
    "sets": ["2"],
    "hold_seconds": ["30"],
    "reps": ["10"],
    "tempo_seconds": ["3", "2.5"],
    "notes": ['"Breathe."'],
    "id": ['"my-move"'],
    "per_side": ["true", "false"],
    "steps": ['["Step."]'],
    "cues": ['["Cue."]'],
    "sitting_hours": ["8", "7.5", "0"],
    "runner": ["true"],
    "symptoms": ['["short_stride"]'],
    "red_flags": ["[]"],
    "left": ['"skipped"', '"pain"'],
    "right": ['"nothing"', '"skipped"'],
    "theme": ['"nord"'],
    "muted": ["true"],
    "safety_note_seen": ["false"],
    "selftest_routine": ['"/tmp/none.toml"'],
}


Table = tuple[str, list[str], tuple[str, ...]]
"""A table's header ("" for the top level), its keys, and those it always has."""


@st.composite
def _document(draw: st.DrawFn, tables: list[Table]) -> str:
    """The tables with sensible values, but for a few hostile ones (none to many), and now and
    then a key the format does not know. (Which keys are left out or made hostile is chosen
    evenly; hypothesis on its own would favour the first key and the smallest numbers.)"""
    chance = draw(st.randoms(use_true_random=True))
    lines: list[str] = []
    keyed: list[int] = []
    for header, keys, required in tables:
        if header:
            lines.append(header)
        for key in keys:
            if key in required or chance.random() < 0.7:
                keyed.append(len(lines))
                lines.append(f"{key} = {chance.choice(_SENSIBLE[key])}")
    for _ in range(chance.choice([0, 0, 1, 1, 1, 2, 3]) if keyed else 0):
        number = chance.choice(keyed)
        key = lines[number].split(" = ", 1)[0]
        lines[number] = f"{key} = {draw(values)}"
    if chance.random() < 0.1:
        where = chance.randint(0, len(lines))
        lines.insert(where, f"{draw(unknown_keys)} = {draw(values)}")
    return "\n".join(lines) + "\n"


_MOVE = ["id", "name", "per_side", "steps", "cues", "sets"]


@st.composite
def _exercise(draw: st.DrawFn) -> Table:
    keys = ["exercise", "sets", "rest_seconds", "prep_seconds", "switch_seconds", "notes"]
    keys += draw(st.sampled_from([["hold_seconds"], ["reps"], ["reps", "tempo_seconds"], []]))
    return "[[exercises]]", keys, ("exercise",)


@st.composite
def routine_documents(draw: st.DrawFn) -> str:
    tables: list[Table] = [("", ["schema", "name", "description", "tags"], ("schema", "name"))]
    if draw(st.booleans()):
        tables.append(("[defaults]", ["prep_seconds", "rest_seconds", "switch_seconds"], ()))
    if draw(st.booleans()):
        hold = draw(st.sampled_from(["hold_seconds", "reps"]))
        tables.append(("[[moves]]", [*_MOVE, hold], ("id", "name")))
    for _ in range(draw(st.sampled_from([1, 1, 2, 3, 0]))):
        tables.append(draw(_exercise()))
    return draw(_document(tables))


@st.composite
def answers_documents(draw: st.DrawFn) -> str:
    keys = ["schema", "sitting_hours", "runner", "symptoms", "red_flags"]
    tables: list[Table] = [("", keys, ("sitting_hours",))]
    for table in ("kneel_test", "knee_lift_test"):
        if draw(st.booleans()):
            tables.append((f"[{table}]", ["left", "right"], ()))
    return draw(_document(tables))


def settings_documents() -> st.SearchStrategy[str]:
    keys = ["theme", "muted", "safety_note_seen", "selftest_routine"]
    return _document([("", keys, ())])


# --- mutated bytes ------------------------------------------------------------------------

_TOKENS = [
    b"\xe2\x80\xa8",  # U+2028
    b"\xe2\x80\xa9",  # U+2029
    b"\xc2\x85",  # U+0085
    *(bytes([code]) for code in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x00, 0x0D, 0x7F)),
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\n",
    b"\r\n",
    b"[",
    b"]",
    b"[[",
    b"]]",
    b"{",
    b'"',
    b"'",
    b'"""',
    b"'''",
    b"=",
    b"#",
    b",",
    b".",
    b"\\",
    b"\\u",
    b"0x",
    b"e",
    b"inf",
    b"nan",
    b"-",
    b"_",
]


@st.composite
def _mutated(draw: st.DrawFn, source: bytes) -> bytes:
    data = bytearray(source)
    for _ in range(draw(st.integers(1, 6))):
        where = int(draw(st.floats(0, 1, exclude_max=True)) * (len(data) + 1))
        action = draw(st.sampled_from(["value", "value", "token", "bytes", "cut", "copy"]))
        if action == "value":
            # swap the value of a `key = value` line for a hostile one
            lines = bytes(data).split(b"\n")
            keyed = [n for n, line in enumerate(lines) if b" = " in line]
            if keyed:
                number = draw(st.sampled_from(keyed))
                key = lines[number].split(b" = ", 1)[0]
                lines[number] = key + b" = " + draw(values).encode("utf-8")
                data = bytearray(b"\n".join(lines))
        elif action == "token":
            data[where:where] = draw(st.sampled_from(_TOKENS))
        elif action == "bytes":
            data[where : where + draw(st.integers(0, 3))] = draw(st.binary(max_size=4))
        elif action == "cut":
            del data[where : where + draw(st.integers(1, 200))]
        else:
            length = draw(st.integers(1, 200))
            data[where:where] = data[where : where + length]
    return bytes(data)


def shipped_files(loader: Loader) -> list[bytes]:
    """The files we ship (or write) that `loader` reads."""
    if loader == "routine":
        return [path.read_bytes() for path in sorted((ROOT / "routines").glob("*.toml"))]
    if loader == "answers":
        return [(ROOT / "examples" / "selftest-answers.toml").read_bytes()]
    settings = Settings(theme="nord", muted=True, selftest_routine="/tmp/routine.toml")
    return [tomli_w.dumps(asdict(settings)).encode("utf-8")]


_DOCUMENTS: dict[Loader, Callable[[], st.SearchStrategy[str]]] = {
    "routine": routine_documents,
    "answers": answers_documents,
    "settings": settings_documents,
}


def inputs(loader: Loader) -> st.SearchStrategy[bytes]:
    """File contents for `loader`: structured TOML, or a shipped file with bytes mutated."""
    structured = _DOCUMENTS[loader]().map(lambda text: text.encode("utf-8"))
    mutated = st.sampled_from(shipped_files(loader)).flatmap(_mutated)
    return st.one_of(structured, mutated)


# --- the check ------------------------------------------------------------------------------

_CATALOGUE = load_catalogue()


def _problem_line(path: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(str(path))}(:[1-9][0-9]*:[1-9][0-9]*)?: error: \S.*")


def _problem_failure(path: Path, problem: Problem, lines: int) -> str | None:
    shown = str(problem)
    if getattr(problem, "unexpected", False):
        return f"an error of the program, caught as a problem: {shown}"
    if len(shown.splitlines()) != 1 or _problem_line(path).fullmatch(shown) is None:
        return f"not one `path:line:col: error: …` line: {shown!r}"
    if problem.line is not None and not 1 <= problem.line <= lines:
        return f"line {problem.line} is outside the file ({lines} lines): {shown}"
    return None


@dataclass(frozen=True)
class Result:
    """How a loader took one input."""

    kind: Literal["loaded", "problems", "failure"]
    failure: str | None = None
    """What went wrong, for a failure."""


def check(loader: Loader, path: Path, data: bytes) -> Result:
    """Write `data` to `path` and load it: loaded, clear problems, or a failure saying what went
    wrong."""
    path.write_bytes(data)
    lines = data.count(b"\n") + 1
    try:
        if loader == "routine":
            load_routine(path, _CATALOGUE)
        elif loader == "answers":
            load_answers(path)
        else:
            return _check_settings(path)
    except ProblemsError as error:
        if not error.problems:
            return Result("failure", "ProblemsError without problems")
        for problem in error.problems:
            failure = _problem_failure(path, problem, lines)
            if failure is not None:
                return Result("failure", failure)
        return Result("problems")
    except Exception:
        return Result("failure", traceback.format_exc())
    return Result("loaded")


def _check_settings(path: Path) -> Result:
    try:
        settings, notice = load_settings(path)
    finally:
        for aside in path.parent.glob(f"{path.name}.corrupt-*"):
            aside.unlink()
    if not isinstance(settings, Settings):
        return Result("failure", f"not settings: {settings!r}")
    if "a bug in psoas-tui" in notice:
        return Result("failure", f"an error of the program, caught as a notice: {notice}")
    if len(notice.splitlines()) > 1:
        return Result("failure", f"a notice of more than one line: {notice!r}")
    return Result("problems" if notice else "loaded")
