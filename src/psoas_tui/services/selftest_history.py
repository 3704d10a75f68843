"""Self-test results in the history: answers and a result as a stored row, and back again."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import ValidationError

from psoas_tui.selftest.answers import Answers
from psoas_tui.selftest.scoring import SelfTestResult, score_selftest
from psoas_tui.store.history import History
from psoas_tui.store.records import SelfTestRow


@dataclass(frozen=True, slots=True)
class SelfTestRecord:
    """A self-test result kept in the history, with the answers it came from."""

    record_id: int
    taken_at: datetime
    answers: Answers
    result: SelfTestResult


def selftest_row(
    answers: Answers, result: SelfTestResult, taken_at: datetime | None = None
) -> SelfTestRow:
    """The row the history keeps for `result` (taken now unless `taken_at` says when)."""
    return SelfTestRow(
        taken_at=taken_at or datetime.now(UTC),
        verdict=result.verdict,
        tight_sides=tuple(result.tight_sides),
        weak_sides=tuple(result.weak_sides),
        rectus_femoris=tuple(result.rectus_femoris),
        answers_json=json.dumps(answers.to_data(), ensure_ascii=False),
        result_json=result.model_dump_json(),
    )


def selftest_record(row: SelfTestRow) -> SelfTestRecord | None:
    """The answers and result a stored row holds; None when its answers cannot be read. A result
    stored by another version of the program is scored again from the answers."""
    try:
        answers = Answers.from_data(json.loads(row.answers_json))
    except (ValueError, TypeError, ValidationError):
        return None
    try:
        result = SelfTestResult.model_validate_json(row.result_json)
    except ValidationError:
        result = score_selftest(answers)
    return SelfTestRecord(row.record_id or 0, row.taken_at, answers, result)


def record_selftest(
    history: History,
    answers: Answers,
    result: SelfTestResult,
    taken_at: datetime | None = None,
) -> int:
    """Keep a self-test result (and its answers) in `history`; returns its id."""
    return history.record_selftest(selftest_row(answers, result, taken_at))


def last_selftest(history: History) -> SelfTestRecord | None:
    """The newest self-test result in `history` that this program can read, or None."""
    for row in history.selftests():
        record = selftest_record(row)
        if record is not None:
            return record
    return None
