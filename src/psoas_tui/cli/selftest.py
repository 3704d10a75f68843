"""`psoas selftest --answers FILE [--json] [--save]`: score self-test answers from a TOML file,
print the verdict, the reasons and the routine; with `--save`, keep the routine and the result."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.selftest.answers import Answers, load_answers
from psoas_tui.selftest.compare import changes
from psoas_tui.selftest.prescribe import routine_for, routine_plan, save_result_routine
from psoas_tui.selftest.report import result_json, result_lines, routine_lines
from psoas_tui.selftest.scoring import SelfTestResult, score_selftest
from psoas_tui.store.history import History, HistoryError, SelfTestRecord
from psoas_tui.textfile.printable import printable
from psoas_tui.textfile.problems import ProblemsError


def _warn(message: str) -> None:
    print(printable(f"psoas: {message}"), file=sys.stderr)


def _history(save: bool) -> History | None:
    """The history database: opened to record with `--save`, else only if it already exists."""
    if not save and not paths.history_db().exists():
        return None
    try:
        history = History.open(paths.history_db())
    except HistoryError as error:
        _warn(str(error))
        return None
    if history.notice:
        _warn(history.notice)
    return history


def _previous_and_record(
    save: bool, answers: Answers, result: SelfTestResult
) -> SelfTestRecord | None:
    """The last result kept before this one; with `save`, keep this one too."""
    history = _history(save)
    if history is None:
        return None
    with history:
        previous = history.last_selftest()
        if save:
            history.record_selftest(answers, result)
    return previous


def run(answers_file: str, as_json: bool, save: bool, out: TextIO) -> int:
    """0 when the answers could be scored, 1 when the file is bad or the routine cannot be saved."""
    try:
        answers = load_answers(Path(answers_file))
    except ProblemsError as error:
        for problem in error.problems:
            print(printable(str(problem)), file=sys.stderr)
        return 1
    catalogue = load_catalogue()
    result = score_selftest(answers)
    routine = routine_for(result, catalogue)
    saved: Path | None = None
    if save and routine is not None:
        try:
            saved = save_result_routine(routine, result.verdict)
        except OSError as error:
            _warn(f"cannot save the routine: {error.strerror or error}")
            return 1
    previous = _previous_and_record(save, answers, result)
    changed = changes(previous.result, result) if previous is not None else []

    if as_json:
        data: dict[str, Any] = result_json(result, routine)
        if save:
            data["path"] = str(saved) if saved is not None else None
        if previous is not None:
            data["changes"] = changed
        print(json.dumps(data, indent=2, ensure_ascii=False), file=out)
        return 0

    lines = result_lines(result)
    if routine is not None:
        lines += ["", *routine_lines(routine_plan(routine, catalogue))]
    if previous is not None:
        when = previous.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines += ["", f"Since your last self-test ({when}):", *(f"  - {c}" for c in changed)]
    if saved is not None:
        lines += ["", f"Saved to {saved}", f"Play it with: psoas play {saved.stem}"]
    elif save:
        lines += ["", "No routine was saved; the result was kept in your history."]
    for line in lines:
        print(printable(line), file=out)
    return 0
