"""Finishing a self-test, the one path the app and `psoas selftest` share: what it keeps with and
without saving, what it compares with, and what it says when the history or the routine folder
cannot be used."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.selftest.answers import Answers
from psoas_tui.services.selftest_history import last_selftest
from psoas_tui.services.selftest_outcome import finish_selftest
from psoas_tui.store.history import History, HistoryError

DAY = date(2026, 3, 1)


def _answers(kneel_left: str) -> Answers:
    return Answers.model_validate(
        {
            "sitting_hours": 5,
            "kneel_test": {"left": kneel_left, "right": "nothing"},
            "knee_lift_test": {"left": "clean", "right": "clean"},
        }
    )


def _history() -> contextlib.AbstractContextManager[History | None]:
    return History.open(paths.history_db())


@contextlib.contextmanager
def _no_history() -> Iterator[History | None]:
    yield None


def _kept() -> int:
    with History.open(paths.history_db()) as history:
        return len(history.selftests())


def test_saving_keeps_the_result_and_the_routine_and_compares_with_the_last(
    psoas_home: Path,
) -> None:
    first = finish_selftest(_answers("deep_front_hip"), load_catalogue(), _history, today=DAY)
    assert first.previous is None and first.changes == () and first.problems == ()
    assert first.saved_to is not None and first.saved_to.parent == psoas_home / "routines"
    assert first.plan is not None and first.plan.path == first.saved_to
    second = finish_selftest(_answers("nothing"), load_catalogue(), _history, today=DAY)
    assert second.previous is not None and second.previous.result == first.result
    assert second.changes == ("Left: was tight, now clear.", "Right: no change (clear).")
    assert _kept() == 2
    with History.open(paths.history_db()) as history:
        newest = last_selftest(history)
    assert newest is not None and newest.answers == _answers("nothing")


def test_without_saving_it_compares_but_writes_nothing(psoas_home: Path) -> None:
    finish_selftest(_answers("deep_front_hip"), load_catalogue(), _history, today=DAY)
    routines = sorted((psoas_home / "routines").iterdir())
    outcome = finish_selftest(
        _answers("nothing"), load_catalogue(), _history, save=False, today=DAY
    )
    assert outcome.saved_to is None and outcome.routine is not None
    assert outcome.changes[0] == "Left: was tight, now clear."
    assert sorted((psoas_home / "routines").iterdir()) == routines
    assert _kept() == 1


def test_with_no_history_to_read_there_is_nothing_to_compare(psoas_home: Path) -> None:
    outcome = finish_selftest(
        _answers("nothing"), load_catalogue(), _no_history, save=False, today=DAY
    )
    assert outcome.previous is None and outcome.problems == ()
    assert not psoas_home.exists()


def test_a_history_that_cannot_be_opened_is_said_in_words(psoas_home: Path) -> None:
    def refused() -> contextlib.AbstractContextManager[History | None]:
        raise HistoryError("the history database is from a newer psoas-tui")

    outcome = finish_selftest(_answers("deep_front_hip"), load_catalogue(), refused, today=DAY)
    assert outcome.result.verdict == "tight" and outcome.saved_to is not None
    assert outcome.problems == (
        "The result was not kept in the history: the history database is from a newer psoas-tui",
    )


def test_a_routine_that_cannot_be_saved_is_said_in_words_and_the_result_still_kept(
    psoas_home: Path,
) -> None:
    psoas_home.mkdir()
    (psoas_home / "routines").write_text("a file where the folder should be")
    outcome = finish_selftest(_answers("deep_front_hip"), load_catalogue(), _history, today=DAY)
    assert outcome.saved_to is None and outcome.plan is not None
    assert outcome.routine_problem.startswith("The routine could not be saved: ")
    assert outcome.history_problem == "" and _kept() == 1
