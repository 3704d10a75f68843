"""Read a TOML file that a person wrote, turning every way it can fail into `Problem`s.

Handles what people (and copy-paste) produce: missing files, folders, symlink loops, unreadable
files, files that are too large, not UTF-8, binary, or not TOML, and very deep nesting.
"""

from __future__ import annotations

import functools
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from psoas_tui.textfile.locate import KeyLocator, nesting_too_deep
from psoas_tui.textfile.problems import Problem, ProblemsError
from psoas_tui.textfile.shown import visible

MAX_BYTES = 1024 * 1024
"""A hand-written TOML file larger than this is refused."""
_TOML_POSITION = re.compile(r"^(?P<message>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")
_TOML_END = re.compile(r"^(?P<message>.*?)\s*\(at end of document\)$")


def read_text(path: Path) -> str:
    """The file's text; raises `ProblemsError` with one clear problem when it cannot be read."""
    try:
        if path.is_dir():
            raise ProblemsError([Problem(path, "is a folder, not a file")])
        if path.exists() and not path.is_file():
            # a pipe or a device would block or never end
            raise ProblemsError([Problem(path, "is not a regular file")])
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except ProblemsError:
        raise
    except FileNotFoundError:
        raise ProblemsError([Problem(path, "no such file")]) from None
    except PermissionError:
        raise ProblemsError([Problem(path, "cannot read the file: permission denied")]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ProblemsError([Problem(path, f"cannot read the file: {reason.lower()}")]) from None
    if len(data) > MAX_BYTES:
        message = f"file is too large (over {MAX_BYTES // 1024} KiB); is it really a TOML file?"
        raise ProblemsError([Problem(path, message)])
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ProblemsError([Problem(path, "this is a binary file, not TOML text", line, 1)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        # the bytes before the first bad one are good UTF-8: count characters, as tomllib does
        column = len(data[line_start : error.start].decode("utf-8")) + 1
        message = f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        raise ProblemsError([Problem(path, message, line, column)]) from None


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    """Parse TOML text; raises `ProblemsError` with the parser's line and column."""
    text = text.removeprefix("\ufeff")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        better = _better_syntax_problem(path, text, message)
        if better is not None:
            problem = better
        elif (found := _TOML_POSITION.match(message)) is not None:
            problem = Problem(
                path,
                f"not valid TOML: {_lower_first(found['message'])}",
                int(found["line"]),
                int(found["col"]),
            )
        elif (found := _TOML_END.match(message)) is not None:
            line = text.count("\n") + 1
            column = len(text) - (text.rfind("\n") + 1) + 1
            problem = Problem(
                path, f"not valid TOML: {_lower_first(found['message'])}", line, column
            )
        else:
            problem = Problem(path, f"not valid TOML: {_lower_first(message)}")
        raise ProblemsError([problem]) from None
    except RecursionError:
        where = nesting_too_deep(text)
        problem = Problem(path, "not valid TOML: nested too deeply", *(where or (None, None)))
        raise ProblemsError([problem]) from None
    except ValueError:
        # tomllib turns a decimal integer into an int with int(), which Python refuses beyond
        # 4,300 digits (sys.get_int_max_str_digits) with a plain ValueError.
        problem = _too_many_digits(path, text) or Problem(
            path, "not valid TOML: a value cannot be read (is a number too large?)"
        )
        raise ProblemsError([problem]) from None


def _too_many_digits(path: Path, text: str) -> Problem | None:
    """The decimal integer that tomllib could not convert, with its line and column.

    Long runs of digits may also sit in strings, comments and keys. Each run is blanked out with
    `~` (same length, so positions hold) and the text parsed again: everything before the culprit
    parsed before, and `~` is fine in a string or a comment, so tomllib now stops at the first run
    that is a value ("Invalid value") or a key (which is put back, and the text parsed again).
    """
    limit = sys.get_int_max_str_digits() or MAX_BYTES
    runs = {_line_column(text, run.start()): run for run in _long_integers(limit).finditer(text)}
    blanked = list(text)
    for run in runs.values():
        blanked[run.start() : run.end()] = "~" * (run.end() - run.start())
    while runs:
        try:
            tomllib.loads("".join(blanked))
        except tomllib.TOMLDecodeError as error:
            found = _TOML_POSITION.match(str(error))
            if found is None:
                break
            line, column = int(found["line"]), int(found["col"])
            if (line, column) not in runs:
                break
            run = runs.pop((line, column))
            if found["message"] == "Invalid value":
                digits = sum(char.isdigit() for char in run.group())
                message = f"not valid TOML: a number with {digits} digits is too large"
                return Problem(path, message, line, column)
            blanked[run.start() : run.end()] = run.group()  # a key, not a number
        except (ValueError, RecursionError):
            break
        else:
            break
    if not runs:
        return None
    digits = sum(char.isdigit() for char in next(iter(runs.values())).group())
    return Problem(path, f"not valid TOML: a number with {digits} digits is too large")


def _line_column(text: str, index: int) -> tuple[int, int]:
    """The line and column of `text[index]` as tomllib counts them (lines end at `\\n` only)."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


@functools.cache
def _long_integers(limit: int) -> re.Pattern[str]:
    """A decimal integer of more than `limit` digits (`_` between digits), sign included, that
    is not part of a word, a float's fraction or exponent, or a hexadecimal number."""
    return re.compile(rf"(?<![\w.+-])[+-]?[0-9](?:_?[0-9]){{{limit},}}(?![\w.])")


def _better_syntax_problem(path: Path, text: str, message: str) -> Problem | None:
    """Clearer words for the tomllib errors that point at the wrong place or say too little."""
    locator = KeyLocator.from_text(text)
    found = _TOML_POSITION.match(message)
    if found is not None and message.startswith(("Cannot overwrite", "Cannot declare")):
        line = int(found["line"])
        if (duplicate := locator.duplicates.get(line)) is not None:
            shown, first = duplicate
            return Problem(
                path,
                f"not valid TOML: {visible(shown)} is set twice (first on line {first})",
                line,
                1,
            )
    if message.startswith("Unterminated string") and locator.unclosed_string is not None:
        return Problem(path, "not valid TOML: unterminated string", *locator.unclosed_string)
    return None


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """Read and parse a TOML file; returns its text and its data."""
    text = read_text(path)
    return text, parse_toml(path, text)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text
