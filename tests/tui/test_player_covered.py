"""Whatever covers the player pauses the session: the quit question, "this hurts", the command
palette and the help it opens. The session goes on when the player is on top again, unless it
was paused before."""

from __future__ import annotations

from apps import SHORT_ROUTINE, advance, plan_from, player, player_app
from textual.command import CommandPalette

from psoas_tui.player.clock import FakeClock
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.dialogs.confirm import ConfirmDialog
from psoas_tui.tui.dialogs.pain import PainDialog
from psoas_tui.tui.screens.player import PlayerScreen
from psoas_tui.tui.widgets.big_text import BigText

ONE_HOLD = """\
schema = 1
name = "One hold"

[[exercises]]
exercise = "standing-hip-flexor-stretch"
sets = 1
hold_seconds = 30
prep_seconds = 5
sides = "left"
"""


def countdown(app: PsoasApp) -> str:
    return app.screen.query_one("#countdown", BigText).value


async def time_passes_behind(app: PsoasApp, screen: PlayerScreen, seconds: float) -> None:
    """The fake clock moves on while the player is covered, and the player wakes up as its
    timer would (if it still has one, it is woken anyway)."""
    clock = app.clock
    assert isinstance(clock, FakeClock)
    for _ in range(int(seconds)):
        clock.advance(1)
        screen.poll()


async def test_a_short_routine_does_not_end_behind_the_quit_question() -> None:
    app = player_app(plan_from(ONE_HOLD))
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5 + 10)  # 10 s into the only hold
        screen = player(app)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmDialog)
        await time_passes_behind(app, screen, 120)  # the question stays open two minutes
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # no summary over it
        assert not screen.session.is_over and screen.session.remaining() == 20
        await pilot.press("n")  # no: the hold goes on where it was
        assert app.screen is screen and not screen.session.paused
        assert countdown(app) == "0:20"
        await advance(app, pilot, 5)
        assert countdown(app) == "0:15"


async def test_this_hurts_pauses_and_going_back_resumes() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5 + 10)
        screen = player(app)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, PainDialog) and screen.session.paused
        await time_passes_behind(app, screen, 60)
        await pilot.press("escape")  # back, no report
        assert app.screen is screen and not screen.session.paused
        assert countdown(app) == "0:20"


async def test_the_command_palette_and_help_pause_the_player() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5 + 10)
        screen = player(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette) and screen.session.paused
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and not screen.session.paused
        app.action_open_help()  # the palette's "help" command
        await pilot.pause()
        assert app.screen is not screen and screen.session.paused
        await time_passes_behind(app, screen, 30)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and not screen.session.paused
        assert countdown(app) == "0:20"


async def test_a_session_paused_before_the_dialog_stays_paused_after_it() -> None:
    app = player_app(plan_from(SHORT_ROUTINE))
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, 5 + 10)
        screen = player(app)
        await pilot.press("space")  # paused by hand
        await pilot.press("q", "n")
        assert app.screen is screen and screen.session.paused
        await pilot.press("space")
        assert not screen.session.paused and countdown(app) == "0:20"
