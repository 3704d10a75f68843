"""`Problem`: one clear error about one input file, printed as `path:line:col: error: message`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from psoas_tui.textfile.shown import visible


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with a file and, where it can be found, the line and column."""

    path: Path
    message: str
    line: int | None = None
    column: int | None = None
    unexpected: bool = False
    """Whether this is not a mistake in the file but an error in the program (a bug)."""

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: error: {self.message}"


class ProblemsError(Exception):
    """Raised when a file could not be read; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems

    @property
    def first(self) -> Problem:
        return self.problems[0]


def unexpected_problem(path: Path, error: BaseException) -> Problem:
    """An error in the program while reading `path`, as that file's one problem: a loader that
    reads many files turns a bug into this rather than stop the other files from loading."""
    message = f"could not be read: {describe_error(error)} (a bug in psoas-tui: please report it)"
    return Problem(path, message, unexpected=True)


def describe_error(error: BaseException, limit: int = 200) -> str:
    """`ValueError: what it says`, on one line and short. Never raises: an error's own text can
    fail to print (a ValueError that shows a number of 5,000 digits, say)."""
    try:
        text = visible(" ".join(str(error).split()), limit)
    except Exception:
        text = ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
