"""The player at a glance: space reads Resume in the Footer while paused, the sound indicator
follows m and v, and both are remembered."""

from __future__ import annotations

import pytest
from apps import advance, player, player_app
from textual.widgets import Static

from psoas_tui.store.settings import load_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.widgets.figure import PoseFigure


def footer_word(app: PsoasApp, key: str) -> str:
    """The Footer's word for `key` now (the one binding of that key the screen offers)."""
    return app.screen.active_bindings[key].binding.description


def shown(app: PsoasApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_space_reads_resume_while_paused_and_resumes() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5 + 3)
        assert footer_word(app, "space") == "Pause"
        await pilot.press("space")
        assert player(app).session.paused and shown(app, "#headline") == "PAUSED · HOLD"
        assert footer_word(app, "space") == "Resume"
        await pilot.press("space")
        assert not player(app).session.paused and shown(app, "#headline") == "HOLD"
        assert footer_word(app, "space") == "Pause"


async def test_done_is_offered_on_reps_and_five_seconds_more_elsewhere() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5 + 3)
        assert "enter" not in app.screen.active_bindings and "plus" in app.screen.active_bindings
        await advance(app, pilot, 150 + 5 - 3)  # the dead bug's open-ended reps
        assert player(app).session.segment.kind == "reps"
        assert "enter" in app.screen.active_bindings and "plus" not in app.screen.active_bindings


async def test_sound_and_voice_are_shown_and_remembered() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert shown(app, "#sound") == "sound + voice"
        await pilot.press("v")
        assert shown(app, "#sound") == "sound, no voice" and player(app).voice is False
        assert load_settings()[0].voice is False
        await pilot.press("m")
        assert shown(app, "#sound") == "muted"
        assert load_settings()[0].muted is True
        assert "Short test routine · exercise 1 of 2" in shown(app, "#routine")


async def test_in_a_browser_page_the_badge_says_the_cues_are_a_bell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PSOAS_SERVED", "1")
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual_serve.driver:WebDriver")
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert shown(app, "#sound") == "bell"
        await pilot.press("m")
        assert shown(app, "#sound") == "muted"


async def test_the_pose_figure_follows_the_exercise_side_and_window() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        figure = app.screen.query_one("#figure", PoseFigure)
        slot = app.screen.query_one("#figure-slot")
        assert figure.shown == ("half-kneeling-hip-flexor-stretch", "left", 0.0)  # get ready
        assert slot.display and figure.size.width >= 20
        lines = [figure.render_line(y).text for y in range(figure.size.height)]
        assert any(line.strip(" \u2800") for line in lines)  # something is drawn
        await advance(app, pilot, 5 + 3)
        assert figure.shown == ("half-kneeling-hip-flexor-stretch", "left", 1.0)  # the hold
        await advance(app, pilot, 30)
        assert figure.shown == ("half-kneeling-hip-flexor-stretch", "right", 0.0)  # switch
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert not slot.display  # no room: the countdown takes the width
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert slot.display
