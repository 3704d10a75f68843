"""Editing the weekly plan field by field (the app's plan screen and `psoas plan --set` share
it): typed values, steps at the ends of the ranges, the checks, saving, and the brief notice
home shows for a plan file that cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest

from psoas_tui.services.plan_edit import (
    SETTABLE,
    parse_value,
    plan_fields,
    same_values,
    save_edited,
    shown_value,
    stepped,
    with_changes,
)
from psoas_tui.weeks.plan import DEFAULT_PLAN, WeeklyPlan
from psoas_tui.weeks.stored_plan import load_plan_reported, read_plan


def test_every_settable_field_has_a_label_kind_and_help() -> None:
    fields = plan_fields()
    assert [f.key for f in fields] == list(SETTABLE)
    kinds = {f.key: f.kind for f in fields}
    assert kinds["stretch_days"] == "number"
    assert kinds["runner"] == "yes/no"
    assert kinds["work_start"] == "time"
    assert all(f.label and f.help for f in fields)
    assert next(f for f in fields if f.key == "stretch_days").help.endswith("0 to 7.")


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("stretch_days", " 6 ", ("stretch_days", 6)),
        ("runner", "Yes", ("runner", True)),
        ("desk_breaks", "off", ("desk_breaks", False)),
        ("work_start", "08:30", ("work_start", "08:30")),
        ("stretch_days", "x", 'stretch_days: "x" is not a whole number'),
        ("every_minutes", "-5", 'every_minutes: "-5" is not a whole number'),
        ("runner", "maybe", 'runner: "maybe" is not true or false'),
    ],
)
def test_a_typed_value_is_read_or_refused(key: str, text: str, expected: object) -> None:
    assert parse_value(key, text) == expected


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"stretch_days": 9}, "stretch_days must be at most 7 (got 9)"),
        ({"strength_days": 5}, "strength_days must be at most 4 (got 5)"),
        ({"every_minutes": 5}, "every_minutes must be at least 15 (got 5)"),
        ({"work_end": "25:00"}, 'work_end "25:00" is not a time like "09:00"'),
    ],
)
def test_a_change_out_of_range_says_so_as_the_cli_does(
    changes: dict[str, object], problem: str
) -> None:
    assert with_changes(DEFAULT_PLAN, changes) == problem


def test_a_change_marks_the_plan_edited() -> None:
    changed = with_changes(WeeklyPlan(source="self-test 2026-11-20: tight"), {"runner": True})
    assert isinstance(changed, WeeklyPlan)
    assert (changed.runner, changed.source) == (True, "edited")


def test_steps_move_within_the_range_and_say_so_past_its_end() -> None:
    up = stepped(DEFAULT_PLAN, "stretch_days", up=True)
    assert isinstance(up, WeeklyPlan) and up.stretch_days == 6
    top = WeeklyPlan(stretch_days=7)
    assert stepped(top, "stretch_days", up=True) == "stretch_days must be at most 7 (got 8)"
    bottom = WeeklyPlan(strength_days=0)
    assert stepped(bottom, "strength_days", up=False) == (
        "strength_days must be at least 0 (got -1)"
    )
    minutes = stepped(DEFAULT_PLAN, "every_minutes", up=False)
    assert isinstance(minutes, WeeklyPlan) and minutes.every_minutes == 45
    toggled = stepped(DEFAULT_PLAN, "desk_breaks", up=False)
    assert isinstance(toggled, WeeklyPlan) and toggled.desk_breaks is False


def test_a_time_steps_by_half_an_hour_round_the_clock() -> None:
    late = WeeklyPlan(work_end="23:30")
    after = stepped(late, "work_end", up=True)
    assert isinstance(after, WeeklyPlan) and after.work_end == "00:00"
    early = WeeklyPlan(work_start="00:00")
    before = stepped(early, "work_start", up=False)
    assert isinstance(before, WeeklyPlan) and shown_value(before, "work_start") == "23:30"


def test_same_values_ignores_where_the_plan_came_from() -> None:
    edited = with_changes(DEFAULT_PLAN, {})
    assert isinstance(edited, WeeklyPlan) and edited.source == "edited"
    assert same_values(edited, DEFAULT_PLAN)
    assert not same_values(WeeklyPlan(runner=True), DEFAULT_PLAN)
    assert shown_value(DEFAULT_PLAN, "runner") == "no"


def test_saving_writes_the_file_and_refuses_a_newer_one(psoas_home: Path) -> None:
    plan = WeeklyPlan(stretch_days=6, source="edited")
    saved = save_edited(plan)
    assert saved == psoas_home / "plan.toml"
    assert read_plan() == plan
    (psoas_home / "plan.toml").write_text("schema = 9\n", encoding="utf-8")
    refused = save_edited(plan)
    assert isinstance(refused, str) and "schema 9 is newer" in refused
    assert (psoas_home / "plan.toml").read_text(encoding="utf-8") == "schema = 9\n"


def test_saving_where_no_folder_can_be_made_is_one_line(psoas_home: Path) -> None:
    psoas_home.parent.mkdir(parents=True, exist_ok=True)
    psoas_home.write_text("a file where the folder should be", encoding="utf-8")
    problem = save_edited(DEFAULT_PLAN)
    assert isinstance(problem, str)
    assert problem.startswith(f"{psoas_home / 'plan.toml'}: the plan could not be saved: ")


def test_the_brief_notice_says_where_a_broken_plan_went(psoas_home: Path) -> None:
    psoas_home.mkdir(parents=True)
    (psoas_home / "plan.toml").write_text('schema = 1\nstretch_days = "a"\n', encoding="utf-8")
    plan, notice, brief = load_plan_reported()
    moved = [p.name for p in psoas_home.iterdir() if ".corrupt-" in p.name]
    assert plan == DEFAULT_PLAN and len(moved) == 1
    assert brief == f"plan.toml was broken: moved to {moved[0]}"
    assert "stretch_days must be a whole number" in notice and moved[0] in notice
    assert load_plan_reported() == (DEFAULT_PLAN, "", "")


def test_the_brief_notice_for_a_newer_plan_keeps_the_file(psoas_home: Path) -> None:
    psoas_home.mkdir(parents=True)
    (psoas_home / "plan.toml").write_text("schema = 9\n", encoding="utf-8")
    _, notice, brief = load_plan_reported()
    assert brief == "plan.toml is from a newer psoas-tui: left as it is, default plan used"
    assert notice.endswith("the default plan is used and the file kept")
    assert (psoas_home / "plan.toml").exists()
