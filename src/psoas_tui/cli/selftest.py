"""`psoas selftest --answers FILE [--json] [--save]`: score self-test answers from a TOML file,
print the verdict, the reasons and the routine; with `--save`, keep the routine and the result."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.cli import exit_codes
from psoas_tui.selftest.answers import load_answers
from psoas_tui.selftest.questions import NOT_MEDICAL_ADVICE
from psoas_tui.selftest.report import result_json, result_lines, routine_lines
from psoas_tui.services.selftest_outcome import finish_selftest
from psoas_tui.store.history import History
from psoas_tui.textfile.printable import printable, printable_json
from psoas_tui.textfile.problems import ProblemsError


def _warn(message: str) -> None:
    print(printable(f"psoas: {message}"), file=sys.stderr)


@contextlib.contextmanager
def _history(save: bool) -> Iterator[History | None]:
    """The history database: opened to record with `--save`, else only if it already exists."""
    if not save and not paths.history_db().exists():
        yield None
        return
    with History.open(paths.history_db()) as history:
        if history.notice:
            _warn(history.notice)
        yield history


def run(answers_file: str, as_json: bool, save: bool, out: TextIO) -> int:
    """0 when the answers could be scored; 1 when the file is bad, or with `save` when the
    routine or the result cannot be kept (the result is still printed when it can be)."""
    try:
        answers = load_answers(Path(answers_file))
    except ProblemsError as error:
        for problem in error.problems:
            print(printable(str(problem)), file=sys.stderr)
        return exit_codes.PROBLEMS
    outcome = finish_selftest(answers, load_catalogue(), lambda: _history(save), save=save)
    if outcome.history_problem:
        _warn(outcome.history_problem)
    if outcome.routine_problem:
        _warn(outcome.routine_problem)
        return exit_codes.PROBLEMS
    result, routine = outcome.result, outcome.routine
    saved, previous, changed = outcome.saved_to, outcome.previous, list(outcome.changes)

    if as_json:
        data: dict[str, Any] = result_json(result, routine)
        if save:
            data["path"] = str(saved) if saved is not None else None
        if previous is not None:
            data["changes"] = changed
        print(printable_json(data), file=out)
        return exit_codes.PROBLEMS if save and outcome.history_problem else exit_codes.OK

    lines = result_lines(result)
    if outcome.plan is not None:
        lines += ["", *routine_lines(outcome.plan)]
    if previous is not None:
        when = previous.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines += ["", f"Since your last self-test ({when}):", *(f"  - {c}" for c in changed)]
    if saved is not None:
        lines += ["", f"Saved to {saved}", f"Play it with: psoas play {saved.stem}"]
    elif save and not outcome.history_problem:
        lines += ["", "No routine was saved; the result was kept in your history."]
    lines += ["", NOT_MEDICAL_ADVICE]
    for line in lines:
        print(printable(line), file=out)
    return exit_codes.PROBLEMS if save and outcome.history_problem else exit_codes.OK
