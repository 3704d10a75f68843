"""The weekly plan kept in plan.toml: reading, writing, upgrading and refusing it; the plan a
self-test proposes; `psoas plan`; and the weeks counted against the stored plan."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cli_runs import run

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.selftest.answers import Answers
from psoas_tui.services.selftest_outcome import finish_selftest
from psoas_tui.store.history import History
from psoas_tui.store.plan_file import PLAN_SCHEMA, NewerPlan, PlanFile
from psoas_tui.store.records import SegmentRecord, SessionStart
from psoas_tui.weeks.plan import DEFAULT_PLAN, WeeklyPlan, plan_for_verdict
from psoas_tui.weeks.stored_plan import load_plan, read_plan, save_plan

DAY = date(2026, 11, 22)


def _write(text: str) -> None:
    paths.plan_file().parent.mkdir(parents=True, exist_ok=True)
    paths.plan_file().write_text(text, encoding="utf-8")


def test_the_file_and_the_plan_agree_on_the_defaults() -> None:
    stored = PlanFile.model_validate({"schema": PLAN_SCHEMA})
    assert read_plan() == DEFAULT_PLAN  # no file yet
    assert stored.stretch_days == DEFAULT_PLAN.stretch_days
    assert stored.strength_days == DEFAULT_PLAN.strength_days
    assert (stored.desk_breaks, stored.work_start, stored.work_end, stored.every_minutes) == (
        DEFAULT_PLAN.desk_breaks,
        DEFAULT_PLAN.work_start,
        DEFAULT_PLAN.work_end,
        DEFAULT_PLAN.every_minutes,
    )
    assert (stored.runner, stored.source) == (DEFAULT_PLAN.runner, DEFAULT_PLAN.source)


def test_no_file_gives_the_default_plan_and_no_notice(psoas_home: Path) -> None:
    assert load_plan() == (DEFAULT_PLAN, "")
    assert not paths.plan_file().exists()


def test_a_plan_round_trips(psoas_home: Path) -> None:
    plan = WeeklyPlan(
        stretch_days=3,
        strength_days=3,
        desk_breaks=False,
        work_start="08:30",
        work_end="16:00",
        every_minutes=45,
        runner=True,
        source="self-test 2026-11-22: weak",
    )
    written = save_plan(plan)
    assert written == psoas_home / "plan.toml"
    assert written.read_text(encoding="utf-8").startswith("schema = 1\n")
    assert load_plan() == (plan, "")


def test_a_file_that_is_not_toml_is_moved_aside(psoas_home: Path) -> None:
    _write("stretch_days = = 3\n")
    plan, notice = load_plan()
    assert plan == DEFAULT_PLAN
    assert (
        "\n" not in notice and "plan.toml:1:" in notice and "moved to plan.toml.corrupt-" in notice
    )
    assert not paths.plan_file().exists()
    assert len(list(psoas_home.glob("plan.toml.corrupt-*"))) == 1


def test_a_value_out_of_range_names_the_line_and_the_field(psoas_home: Path) -> None:
    _write("schema = 1\nstretch_days = 9\n")
    plan, notice = load_plan()
    assert plan == DEFAULT_PLAN
    assert f"{paths.plan_file()}:2:" in notice and "stretch_days" in notice
    assert "\n" not in notice


@pytest.mark.parametrize(
    ("line", "field"),
    [('work_start = "9am"', "work_start"), ("runner = 1", "runner"), ("stretch = 3", "stretch")],
)
def test_other_bad_values_name_their_field(psoas_home: Path, line: str, field: str) -> None:
    _write(f"schema = 1\n{line}\n")
    _, notice = load_plan()
    assert "plan.toml:2:" in notice and field in notice


def test_a_newer_schema_is_refused_and_not_written_over(psoas_home: Path) -> None:
    text = "schema = 2\nstretch_days = 3\nsomething_new = true\n"
    _write(text)
    plan, notice = load_plan()
    assert plan == DEFAULT_PLAN
    assert "schema 2 is newer than this program understands" in notice
    assert "\n" not in notice
    with pytest.raises(NewerPlan):
        save_plan(WeeklyPlan(stretch_days=6))
    assert paths.plan_file().read_text(encoding="utf-8") == text
    assert list(psoas_home.glob("plan.toml.corrupt-*")) == []


def test_older_schemas_are_upgraded_step_by_step(monkeypatch: pytest.MonkeyPatch) -> None:
    from psoas_tui.store import plan_file

    def from_0(raw: dict[str, object]) -> dict[str, object]:
        return {**raw, "schema": 1, "stretch_days": raw["stretch"]}

    monkeypatch.setitem(plan_file.UPGRADES, 0, from_0)
    raw = {"schema": 0, "stretch": 4}
    upgraded = plan_file.upgrade(raw)
    assert upgraded["schema"] == 1 and upgraded["stretch_days"] == 4


# --- plan_for_verdict ------------------------------------------------------------------------


def _answers(*, runner: bool = False, hours: float = 4) -> Answers:
    return Answers.model_validate({"sitting_hours": hours, "runner": runner})


@pytest.mark.parametrize(
    ("verdict", "stretch", "strength"),
    [("tight", 6, 2), ("weak", 3, 3), ("both", 5, 2), ("neither", 5, 2)],
)
def test_each_verdict_proposes_its_days(verdict: str, stretch: int, strength: int) -> None:
    plan = plan_for_verdict(verdict, _answers(), taken=DAY)
    assert (plan.stretch_days, plan.strength_days) == (stretch, strength)
    assert plan.strength_rest_between
    assert plan.source == f"self-test 2026-11-22: {verdict}"
    assert not plan.runner


@pytest.mark.parametrize("verdict", ["see_professional", "seek_care_now"])
def test_see_a_professional_changes_no_plan(verdict: str) -> None:
    mine = WeeklyPlan(stretch_days=4, source="edited")
    assert plan_for_verdict(verdict, _answers(runner=True), taken=DAY, current=mine) is mine


def test_a_runner_gets_the_runners_order_and_long_sitting_desk_breaks() -> None:
    current = WeeklyPlan(desk_breaks=False, work_start="07:00")
    plan = plan_for_verdict("tight", _answers(runner=True, hours=8), taken=DAY, current=current)
    assert plan.runner and plan.desk_breaks and plan.work_start == "07:00"
    short = plan_for_verdict("tight", _answers(hours=2), taken=DAY, current=current)
    assert not short.desk_breaks and not short.runner


def test_finishing_a_selftest_saves_the_plan_it_proposes(psoas_home: Path) -> None:
    answers = Answers.model_validate(
        {
            "sitting_hours": 8,
            "runner": True,
            "kneel_test": {"left": "deep_front_hip", "right": "nothing"},
            "knee_lift_test": {"left": "clean", "right": "clean"},
        }
    )
    outcome = finish_selftest(
        answers, load_catalogue(), lambda: History.open(paths.history_db()), today=DAY
    )
    assert outcome.result.verdict == "tight" and outcome.problems == ()
    assert outcome.weekly_plan is not None
    plan, notice = load_plan()
    assert notice == "" and plan == outcome.weekly_plan
    assert (plan.stretch_days, plan.strength_days, plan.runner) == (6, 2, True)
    assert plan.source == "self-test 2026-11-22: tight"


def test_a_selftest_without_saving_writes_no_plan(psoas_home: Path) -> None:
    answers = Answers.model_validate({"sitting_hours": 8})

    @contextlib.contextmanager
    def no_history():  # type: ignore[no-untyped-def]
        yield None

    outcome = finish_selftest(answers, load_catalogue(), no_history, save=False, today=DAY)
    assert outcome.weekly_plan is None
    assert not paths.plan_file().exists()


def test_a_selftest_reports_a_plan_it_may_not_write_over(psoas_home: Path) -> None:
    _write("schema = 7\n")
    answers = Answers.model_validate({"sitting_hours": 8})
    outcome = finish_selftest(
        answers, load_catalogue(), lambda: History.open(paths.history_db()), today=DAY
    )
    assert outcome.weekly_plan is None
    assert any("weekly plan was not changed" in p and "schema 7" in p for p in outcome.problems)
    assert paths.plan_file().read_text(encoding="utf-8") == "schema = 7\n"


# --- psoas plan --------------------------------------------------------------------------------


def test_plan_shows_the_default(psoas_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "plan")
    assert (code, err) == (0, "")
    assert "Stretch 5 days a week, strengthen 2" in out
    assert "Desk breaks every 60 min from 09:00 to 17:00" in out
    assert "004_b08a8e43cb40d0bb.txt" in out and "(not written yet)" in out


def test_plan_set_edits_and_saves(psoas_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "plan", "--set", "stretch_days=6", "--set", "strength_days=3")
    assert (code, err) == (0, "")
    assert "Stretch 6 days a week, strengthen 3" in out and "From: edited" in out
    assert read_plan() == WeeklyPlan(stretch_days=6, strength_days=3, source="edited")
    code, out, _ = run(capsys, "plan", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["stretch_days"] == 6 and data["strength_days"] == 3
    assert data["schema"] == 1 and data["source"] == "edited"
    assert data["file"] == str(paths.plan_file())


@pytest.mark.parametrize(
    "assignment", ["stretch_days", "=6", "stretch=6", "stretch_days=six", "runner=maybe"]
)
def test_plan_set_with_bad_syntax_exits_2(
    psoas_home: Path, capsys: pytest.CaptureFixture[str], assignment: str
) -> None:
    code, out, err = run(capsys, "plan", "--set", assignment)
    assert code == 2 and out == ""
    assert err.startswith("psoas plan: --set") and err.count("\n") == 1
    assert not paths.plan_file().exists()


@pytest.mark.parametrize(
    ("assignment", "field"),
    [
        ("stretch_days=8", "stretch_days"),
        ("strength_days=5", "strength_days"),
        ("work_end=24:00", "work_end"),
        ("every_minutes=5", "every_minutes"),
    ],
)
def test_plan_set_out_of_range_exits_1(
    psoas_home: Path, capsys: pytest.CaptureFixture[str], assignment: str, field: str
) -> None:
    save_plan(WeeklyPlan(stretch_days=4))
    code, out, err = run(capsys, "plan", "--set", assignment)
    assert code == 1 and out == ""
    assert field in err and err.count("\n") == 1
    assert read_plan() == WeeklyPlan(stretch_days=4)


def test_plan_with_a_newer_file_exits_1(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write("schema = 3\n")
    code, _, err = run(capsys, "plan", "--set", "stretch_days=6")
    assert code == 1 and "schema 3 is newer" in err
    assert paths.plan_file().read_text(encoding="utf-8") == "schema = 3\n"


# --- the weeks against the stored plan -------------------------------------------------------


def test_stats_count_against_the_stored_plan(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_plan(WeeklyPlan(stretch_days=3, strength_days=1))
    for day in (17, 18, 19):
        when = datetime(2026, 11, day, 12, tzinfo=UTC)
        with History.open(paths.history_db()) as history:
            number = history.start_session(SessionStart("r", "R", "", 120, when))
            segment = SegmentRecord(0, "hold", "x", "Couch stretch", "left", 1, 1, "done", 120, 120)
            history.record_segments(number, [segment])
            history.end_session(number, "completed", when)
    code, out, err = run(capsys, "stats", "--today", "2026-11-22")
    assert (code, err) == (0, "")
    assert "3 of 3 stretch days, 0 of 1 strength days" in out
    assert "(4 rest days a week allowed)" in out


def test_stats_report_a_broken_plan(psoas_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write("schema = 1\nstrength_days = 9\n")
    code, out, err = run(capsys, "stats", "--today", "2026-11-22")
    assert code == 0 and "0 of 5 stretch days" in out
    assert "plan.toml:2:" in err and "moved to plan.toml.corrupt-" in err
