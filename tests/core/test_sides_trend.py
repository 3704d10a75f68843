"""Left against right over the weeks (`weeks.sides`): counts by week, the self-test per side, the
call-out at the edges of its threshold and its words; and `psoas stats` / `psoas history` showing
the per-side record and the sessions logged by hand."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cli_runs import run
from histories import keep_sided_session

from psoas_tui import paths
from psoas_tui.store.history import History
from psoas_tui.store.records import (
    PainRecord,
    SelfTestRow,
    SessionStart,
    SideAnswer,
    SideChoice,
    SidedPain,
    SideQuestionKind,
)
from psoas_tui.weeks.record import weeks_record
from psoas_tui.weeks.sides import MIN_ANSWERS, RECENT_ANSWERS, call_out, side_trend

TODAY = date(2026, 11, 22)  # a Sunday


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def answers(
    *said: SideChoice, question: SideQuestionKind = "tighter", day: date = TODAY
) -> list[SideAnswer]:
    """Answers in this order, a minute apart on `day`."""
    return [
        SideAnswer(0, "low-lunge", question, choice, at(day) + timedelta(minutes=n))
        for n, choice in enumerate(said)
    ]


def selftest(day: date, tight: tuple[str, ...] = (), weak: tuple[str, ...] = ()) -> SelfTestRow:
    return SelfTestRow(at(day), "tight", tight, weak, (), "{}", "{}")


def pain(side: str, day: date) -> SidedPain:
    return SidedPain(side, PainRecord("groin", 3, "continue"), "Low lunge", at(day), 1)  # type: ignore[arg-type]


def test_answers_pain_and_self_tests_are_counted_by_week() -> None:
    said = (
        answers("left", "left", "same", day=date(2026, 11, 17))
        + answers("right", question="weaker", day=date(2026, 11, 10))
        + answers("left", day=date(2026, 8, 30))  # 13 weeks back: left out
        + answers("left", day=date(2026, 11, 23))  # after today: left out
    )
    hurt = [pain("left", date(2026, 11, 18)), pain("right", date(2026, 9, 1))]
    tests = [
        selftest(date(2026, 9, 2), tight=("left", "right")),
        selftest(date(2026, 11, 16), tight=("left",), weak=("left",)),
        selftest(date(2026, 11, 20)),  # the latest of its week: found nothing
    ]
    trend = side_trend(said, hurt, tests, TODAY, UTC)
    assert len(trend.weeks) == 12
    assert trend.weeks[0].monday == date(2026, 8, 31) and trend.weeks[-1].monday == date(
        2026, 11, 16
    )
    last, before = trend.weeks[-1], trend.weeks[-2]
    assert (last.left, last.same, last.right, last.left_pain, last.right_pain) == (2, 1, 0, 1, 0)
    assert (before.left, before.same, before.right) == (0, 0, 1)
    assert (trend.weeks[0].left, trend.weeks[0].right_pain) == (0, 1)
    assert last.test is not None and (last.test.left, last.test.right) == ((), ())
    assert trend.weeks[0].test is not None and trend.weeks[0].test.of("right") == ("tight",)
    assert [(t.taken, t.left, t.right) for t in trend.tests] == [
        (date(2026, 9, 2), ("tight",), ("tight",)),
        (date(2026, 11, 16), ("tight", "weak"), ()),
        (date(2026, 11, 20), (), ()),
    ]
    assert trend.call_outs == ()


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (("left",) * 4, None),  # too few answers, however one-sided
        (("left",) * 4 + ("same",), ("left", 4, 5)),  # 5 answers, 4 of 5 ≥ 2/3
        (("left",) * 4 + ("same", "right"), ("left", 4, 6)),  # exactly 2/3
        (("left",) * 4 + ("same", "right", "same"), None),  # 4 of 7 < 2/3
        (("right", "same", "right", "same", "right"), None),  # 3 of 5 < 2/3
        (("right",) * 10 + ("left",) * 7 + ("same",) * 3, ("left", 7, 10)),  # the latest 10
    ],
)
def test_the_call_out_threshold(
    said: tuple[SideChoice, ...], expected: tuple[str, int, int] | None
) -> None:
    found = call_out(answers(*said), "tighter", None)
    assert (None if found is None else (found.side, found.named, found.answers)) == expected
    assert (MIN_ANSWERS, RECENT_ANSWERS) == (5, 10)


def test_each_question_is_called_out_on_its_own() -> None:
    said = answers("left", "left", "left", "right", "right") + answers(
        "right", "right", "right", "right", "right", question="weaker"
    )
    trend = side_trend(said, [], [], TODAY, UTC)
    assert [(c.side, c.question) for c in trend.call_outs] == [("right", "weaker")]


def test_the_call_out_mentions_the_extra_set_only_when_the_self_test_found_that_side_alone() -> (
    None
):
    said = answers("left", "left", "left", "left", "left", "same", "left", "left", "right")
    alone = side_trend(said, [], [selftest(date(2026, 11, 2), tight=("left",))], TODAY, UTC)
    assert alone.call_outs[0].text == (
        "Left has felt tighter in 7 of the last 9 answers — the self-test's routine "
        "(of 02 Nov 2026) gives it an extra set."
    )
    both = side_trend(said, [], [selftest(date(2026, 11, 2), tight=("left", "right"))], TODAY, UTC)
    assert not both.call_outs[0].extra_set
    assert both.call_outs[0].text.endswith(
        "though the self-test of 02 Nov 2026 did not find it tight alone — take the self-test "
        "again (psoas selftest)."
    )
    weak_only = side_trend(said, [], [selftest(date(2026, 11, 2), weak=("left",))], TODAY, UTC)
    assert not weak_only.call_outs[0].extra_set  # weak is not tight: no extra stretch set
    never = side_trend(said, [], [], TODAY, UTC)
    assert never.call_outs[0].text.endswith(
        "— take the self-test (psoas selftest) to see whether it is tight."
    )
    # the latest self-test is the one that counts
    later = [selftest(date(2026, 11, 2), tight=("left",)), selftest(date(2026, 11, 9))]
    assert not side_trend(said, [], later, TODAY, UTC).call_outs[0].extra_set


def test_the_per_side_record_counts_pain_by_side_and_the_answers() -> None:
    said = answers("left", "same", "right", "left")
    hurt = [pain("left", TODAY), pain("left", TODAY), pain("right", TODAY)]
    sides = weeks_record([], [], TODAY, tz=UTC, side_answers=said, sided_pain=hurt).sides
    assert (sides.left_pain, sides.right_pain, sides.answers) == (2, 1, (2, 1, 1))
    data = weeks_record([], [], TODAY, tz=UTC, side_answers=said, sided_pain=hurt).as_json()
    assert data["sides"]["pain"] == {"left": 2, "right": 1}
    assert data["sides"]["answers"] == {"left": 2, "same": 1, "right": 1}
    assert data["sides"]["trend"]["weeks"][-1]["answers"] == {"left": 2, "same": 1, "right": 1}


def keep_a_week_of_left_answers() -> None:
    """Five sessions this week, each with a hold on each side (pain on the left in one) and
    "left felt tighter"; a self-test that found the left alone tight."""
    with History.open(paths.history_db()) as history:
        for n in range(5):
            started = at(date(2026, 11, 16) + timedelta(days=n), hour=8)
            hurts = (PainRecord("groin", 4, "continue", "sharp"),) if n == 0 else ()
            keep_sided_session(history, started, "left", hurts)
        history.record_selftest(selftest(date(2026, 11, 1), tight=("left",)))


def test_psoas_stats_prints_the_per_side_record_and_the_call_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    keep_a_week_of_left_answers()
    code, out, err = run(capsys, "stats", "--today", "2026-11-22")
    assert (code, err) == (0, "")
    assert (
        "Per side: left 2 min, right 2 min worked; 1 pain report: 1 on the left, 0 on the right"
        in out
    )
    assert "Which side felt tighter or weaker (last 12 weeks): left 5, same 0, right 0" in out
    assert "  2026-11-16  answers 5/0/0  pain 1/0" in out
    assert (
        "Left has felt tighter in 5 of the last 5 answers — the self-test's routine "
        "(of 01 Nov 2026) gives it an extra set." in out
    )
    code, out, err = run(capsys, "stats", "--json", "--today", "2026-11-22")
    sides = json.loads(out)["sides"]
    assert sides["pain"] == {"left": 1, "right": 0}
    assert sides["trend"]["call_outs"][0]["side"] == "left"
    assert sides["trend"]["call_outs"][0]["extra_set"] is True
    assert sides["trend"]["selftests"] == [{"taken": "2026-11-01", "left": ["tight"], "right": []}]


def test_psoas_history_marks_the_sessions_logged_by_hand(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "log", "desk-break", "--date", "2026-11-20")[0] == 0
    with History.open(paths.history_db()) as history:
        played = history.start_session(SessionStart("desk-break", "Played", "", 60, at(TODAY)))
        history.end_session(played, "quit", at(TODAY))
    code, out, _ = run(capsys, "history")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].endswith("Played") and "(logged by hand)" not in lines[0]
    assert lines[2].endswith("(logged by hand)")
    code, out, _ = run(capsys, "history", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["routine"], row["logged_by_hand"]) for row in rows] == [
        ("Played", "0"),
        (rows[1]["routine"], "1"),
    ]
    code, out, _ = run(capsys, "history", "--json")
    assert [row["logged_by_hand"] for row in json.loads(out)] == [False, True]
