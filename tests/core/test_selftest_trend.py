"""Self-test results over time: oldest first, each side's findings, and what changed since the
one before (a row this program cannot read is listed from its kept columns, compared with none)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from psoas_tui.selftest.answers import Answers
from psoas_tui.selftest.scoring import score_selftest
from psoas_tui.services.selftest_history import selftest_row
from psoas_tui.services.selftest_trend import changed_words, selftest_entries
from psoas_tui.store.records import SelfTestRow

FIRST = datetime(2026, 9, 1, 8, tzinfo=UTC)


def answers(kneel_left: str = "deep_front_hip", lift_right: str = "back_rounds") -> Answers:
    return Answers.model_validate(
        {
            "sitting_hours": 8,
            "symptoms": ["short_stride"],
            "kneel_test": {"left": kneel_left, "right": "nothing"},
            "knee_lift_test": {"left": "clean", "right": lift_right},
        }
    )


def row(taken: datetime, given: Answers) -> SelfTestRow:
    return selftest_row(given, score_selftest(given), taken)


def test_each_says_what_changed_since_the_one_before() -> None:
    rows = [
        row(FIRST + timedelta(weeks=6), answers("nothing", "clean")),
        row(FIRST, answers()),
        row(FIRST + timedelta(weeks=3), answers("nothing")),
    ]
    first, second, third = selftest_entries(rows)  # given newest first, as the store gives them
    assert [e.taken_at for e in (first, second, third)] == sorted(r.taken_at for r in rows)
    assert (first.left, first.right, first.first, first.changes) == ("tight", "weak", True, ())
    assert changed_words(first) == "first"
    assert (second.left, second.right, second.changed) == ("clear", "weak", ("left",))
    assert second.changes == ("Left: was tight, now clear.", "Right: no change (weak).")
    assert changed_words(second) == "left"
    assert third.right == "clear" and changed_words(third) == "right"
    assert first.headline.startswith("Tight psoas (left")


def test_the_same_result_again_is_no_change() -> None:
    _, again = selftest_entries([row(FIRST, answers()), row(FIRST + timedelta(days=1), answers())])
    assert (again.changed, changed_words(again)) == ((), "no change")


def test_a_row_that_cannot_be_read_shows_its_kept_columns() -> None:
    unreadable = SelfTestRow(
        FIRST + timedelta(days=1), "tight", ("left",), (), (), "{not json", "{}", 2
    )
    first, broken, after = selftest_entries(
        [row(FIRST, answers()), unreadable, row(FIRST + timedelta(days=2), answers())]
    )
    assert (broken.headline, broken.left, broken.right) == ("Tight", "tight", "not tight or weak")
    assert broken.changes == () and changed_words(broken) == "—"
    assert after.changes == () and not after.first
    assert first.first
