"""The weekly plan in the app: `p` on home opens it; ← / → step a field, enter types a value or
turns a yes/no over, `s` saves (as `psoas plan --set` does) and home's week follows; escape asks
before dropping changes; a broken or newer plan.toml is told on home in one line."""

from __future__ import annotations

from pathlib import Path

from apps import home_app, settle
from textual.widgets import Input, OptionList, Static

from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.confirm import ConfirmDialog
from psoas_tui.tui.screens.home import HomeScreen
from psoas_tui.tui.screens.plan import PlanScreen
from psoas_tui.weeks.plan import DEFAULT_PLAN, WeeklyPlan
from psoas_tui.weeks.stored_plan import read_plan


def text(app: PsoasApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def plan_screen(app: PsoasApp) -> PlanScreen:
    assert isinstance(app.screen, PlanScreen), app.screen
    return app.screen


def row(app: PsoasApp, index: int) -> str:
    return str(app.screen.query_one("#plan-fields", OptionList).get_option_at_index(index).prompt)


async def test_editing_and_saving_the_plan_updates_the_week(psoas_home: Path) -> None:
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text(app, "#week-progress") == "Week: stretch 0/5 · strength 0/2"
        await pilot.press("p")
        screen = plan_screen(app)
        assert row(app, 0) == "Stretch days a week      5 "
        assert text(app, "#plan-field-help") == "Days a week with stretching, 0 to 7."
        await pilot.press("right", "l")  # stretch days 5 → 7
        assert row(app, 0) == "Stretch days a week      7*"
        assert screen.dirty
        await pilot.press("right")  # no 8th day
        assert text(app, "#plan-problem") == "stretch_days must be at most 7 (got 8)"
        await pilot.press("j", "h")  # strength days 2 → 1
        await pilot.press("down", "enter")  # desk breaks turned off
        assert row(app, 2) == "Desk breaks              no*"
        await pilot.press("down", "enter")  # working hours from: typed
        editor = app.screen.query_one("#plan-input", Input)
        assert editor.has_focus and editor.value == "09:00"
        editor.value = ""
        await pilot.press(*"8:3", "enter")
        assert text(app, "#plan-problem") == 'work_start "8:3" is not a time like "09:00"'
        assert editor.has_focus  # still typing
        editor.value = ""
        await pilot.press(*"08:30", "enter")
        assert not editor.display
        assert row(app, 3) == "Working hours from       08:30*"
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert text(app, "#week-progress") == "Week: stretch 0/7 · strength 0/1"
        assert any("Plan saved: " in str(n.message) for n in app._notifications)
    assert read_plan() == WeeklyPlan(
        stretch_days=7, strength_days=1, desk_breaks=False, work_start="08:30", source="edited"
    )
    assert "stretch_days = 7" in (psoas_home / "plan.toml").read_text(encoding="utf-8")


async def test_escape_with_unsaved_changes_asks_first(psoas_home: Path) -> None:
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.press("escape")  # nothing changed: straight back
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("p", "down", "down", "down", "down", "down", "down", "enter")
        assert row(app, 6) == "I run                    yes*"
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("left")  # back to no: nothing left to save
        assert not plan_screen(app).dirty
        await pilot.press("right", "escape", "y")
        assert isinstance(app.screen, HomeScreen)
    assert not (psoas_home / "plan.toml").exists()


async def test_escape_while_typing_leaves_the_value_as_it_was() -> None:
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p", "down", "enter")
        editor = app.screen.query_one("#plan-input", Input)
        editor.value = ""
        await pilot.press("9", "enter")
        assert text(app, "#plan-problem") == "strength_days must be at most 4 (got 9)"
        await pilot.press("q", "escape")  # q is typed, not back
        assert editor.value == "9q" and not editor.display
        assert isinstance(app.screen, PlanScreen) and not plan_screen(app).dirty
        assert not app.screen.query_one("#plan-problem").display


async def test_home_says_a_broken_plan_was_moved_and_where(psoas_home: Path) -> None:
    psoas_home.mkdir(parents=True)
    (psoas_home / "plan.toml").write_text('schema = 1\nstretch_days = "a"\n', encoding="utf-8")
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        moved = [p.name for p in psoas_home.iterdir() if ".corrupt-" in p.name]
        assert len(moved) == 1
        assert text(app, "#plan-notice") == f"plan.toml was broken: moved to {moved[0]}"
        await pilot.press("p")
        assert f"it was moved to {moved[0]}" in text(app, "#plan-problem")
        await pilot.press("right", "s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query_one("#plan-notice").display  # a plan is kept again
    assert read_plan().stretch_days == 6


async def test_a_plan_from_a_newer_psoas_is_told_and_not_written_over(psoas_home: Path) -> None:
    psoas_home.mkdir(parents=True)
    (psoas_home / "plan.toml").write_text("schema = 9\n", encoding="utf-8")
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text(app, "#plan-notice") == (
            "plan.toml is from a newer psoas-tui: left as it is, default plan used"
        )
        await pilot.press("p", "right", "s")
        assert isinstance(app.screen, PlanScreen)
        assert "schema 9 is newer than this program understands" in text(app, "#plan-problem")
        assert app.weekly_plan() == DEFAULT_PLAN
    assert (psoas_home / "plan.toml").read_text(encoding="utf-8") == "schema = 9\n"


async def test_the_palette_opens_the_plan() -> None:
    from psoas_tui.tui.palette import PsoasCommands

    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        entry = next(
            e for e in PsoasCommands(app.screen).entries() if e.title == "Change your weekly plan"
        )
        entry.run()
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
