"""The "this hurts" dialog in the player: sharp pain or discomfort first; sharp pain offers no
carrying on and no variant; the easier variant spares where it hurts; ending the session from
it shows advice in the summary; the report is kept whole in the history."""

from __future__ import annotations

from apps import advance, plan_from, player, player_app
from textual.widgets import Static

from psoas_tui import paths
from psoas_tui.store.history import History
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.pain import PainDialog
from psoas_tui.tui.screens.summary import SummaryScreen

PIGEON = """\
schema = 1
name = "Pigeon"

[[exercises]]
exercise = "pigeon-pose"
sets = 1
hold_seconds = 30
"""


def shown(app: PsoasApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def summary_lines(app: PsoasApp) -> list[str]:
    """The summary's lines, then its advice."""
    return [str(w.render()) for w in app.screen.query("#summary Vertical PlainStatic")]


async def test_sharp_pain_offers_neither_carrying_on_nor_a_variant_and_ends_with_advice() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5 + 10)
        screen = player(app)
        await pilot.press("exclamation_mark")
        assert "sharp pain, or the discomfort" in shown(app, ".dialog-title")
        await pilot.press("1")  # how bad, before the kind: nothing to choose from yet
        await pilot.press("c")
        assert isinstance(app.screen, PainDialog)
        await pilot.press("p", "down", "down", "down")  # sharp, at the knee, 1/10
        actions = shown(app, "#actions")
        assert "carry on" not in actions.lower() and "easier" not in actions.lower()
        assert "Sharp pain means stop" in shown(app, "#warning")
        await pilot.press("c", "e")
        assert isinstance(app.screen, PainDialog)  # neither is offered
        await pilot.press("q")  # end the session
        assert isinstance(app.screen, SummaryScreen)
        assert screen.session.state == "stopped"
        assert shown(app, "#summary-title") == "Session stopped early"
        lines = summary_lines(app)
        assert any(
            line.startswith("Pain: Half-kneeling") and "sharp 1/10" in line for line in lines
        )
        assert any("red flag" in line and "(StarFit)" in line for line in lines)
        await pilot.press("enter")
    with History.open(paths.history_db()) as history:
        (session,) = history.sessions()
        rows = history.connection.execute(
            "SELECT location, severity, kind, action FROM pain_reports"
        ).fetchall()
    assert session.outcome == "quit" and rows == [("knee", 1, "sharp", "end")]


async def test_knee_discomfort_in_a_kneeling_stretch_offers_a_standing_one() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5 + 10)
        await pilot.press("exclamation_mark", "d", "down", "down", "down", "5")
        actions = shown(app, "#actions")
        assert "Standing hip flexor stretch" in actions and "carry on" not in actions.lower()
        await pilot.press("c")
        assert isinstance(app.screen, PainDialog)  # 5/10: no carrying on
        await pilot.press("e")
        assert shown(app, "#exercise") == "Standing hip flexor stretch"
        assert not player(app).session.paused


async def test_without_a_fitting_variant_the_dialog_says_so() -> None:
    app = player_app(plan_from(PIGEON))
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5 + 10)
        await pilot.press("exclamation_mark", "d", "down", "down", "down", "2")
        actions = shown(app, "#actions")
        assert "no easier variant" in actions and "Easier" not in actions
        await pilot.press("e")
        assert isinstance(app.screen, PainDialog)


async def test_mild_discomfort_may_carry_on_and_the_summary_says_what_to_change() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5 + 10)
        await pilot.press("exclamation_mark", "d", "down", "down", "down", "3", "c")
        screen = player(app)
        assert app.screen is screen and not screen.session.paused
        assert shown(app, "#headline") == "HOLD"
        await pilot.press("q", "y")
        lines = summary_lines(app)
        assert any("start gentler" in line and "(Cleveland Clinic)" in line for line in lines)
        assert any(line.startswith("For the knee: put a cushion") for line in lines)
