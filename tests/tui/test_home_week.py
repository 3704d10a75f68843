"""Home knows the week: what is due today, the week against the plan, the streak, and `w` to
start what is due; refreshed on coming back to home."""

from __future__ import annotations

from apps import home_app, settle
from textual.widgets import Static
from week_history import STRETCH, log_days, week_in_progress

from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.home import HomeScreen
from psoas_tui.tui.screens.player import PlayerScreen


def text(app: PsoasApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_home_shows_the_week_and_w_starts_the_stretch_due() -> None:
    week_in_progress()
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text(app, "#week-due") == (
            "Due today: stretch — Tight psoas (3 of 5 stretch days this week)"
        )
        assert text(app, "#week-progress") == "Week: stretch 3/5 · strength 1/2"
        assert text(app, "#week-streak") == "Streak: 6 days (longest 6)"
        await pilot.press("w")
        assert isinstance(app.screen, PlayerScreen)
        assert app.screen.session.timeline.plan.name == "Tight psoas"


async def test_strength_is_due_when_the_week_needs_it_more() -> None:
    week_in_progress()
    log_days(STRETCH, "2026-11-20")  # 4 of 5 stretch days; 1 of 2 strength days, 2 days left
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text(app, "#week-due") == (
            "Due today: strength — Strength, twice a week (1 of 2 strength days this week)"
        )
        await pilot.press("w")
        assert isinstance(app.screen, PlayerScreen)
        assert app.screen.session.timeline.plan.name == "Strength, twice a week"


async def test_home_reads_the_week_again_on_coming_back() -> None:
    week_in_progress()
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "3 of 5" in text(app, "#week-due")
        log_days(STRETCH, "2026-11-21")  # today's stretch, done meanwhile
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert text(app, "#week-due").startswith("Due today: strength")
        assert text(app, "#week-progress") == "Week: stretch 4/5 · strength 1/2"
        assert text(app, "#week-streak") == "Streak: 8 days (longest 8)"


async def test_nothing_due_says_why_instead_of_starting() -> None:
    log_days(STRETCH, *(f"2026-11-{n}" for n in (16, 17, 18, 19, 20)))
    log_days("strength-twice-weekly", "2026-11-17", "2026-11-19")
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text(app, "#week-due") == "Due today: rest (this week's plan is met: a rest day)"
        assert text(app, "#week-keys") == "p plan"  # no key to start what is not due
        await pilot.press("w")
        assert isinstance(app.screen, HomeScreen)
        assert "this week's plan is met" in "".join(str(n.message) for n in app._notifications)
