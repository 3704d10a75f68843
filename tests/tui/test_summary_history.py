"""The summary and the history screen show the same numbers for a session, played in the app: a
pain report, the exercise skipped, the next one done."""

from __future__ import annotations

from apps import advance, plan_from, settle
from textual.widgets import DataTable, Static

from psoas_tui.player.clock import FakeClock
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.history import HistoryScreen
from psoas_tui.tui.screens.home import HomeScreen
from psoas_tui.tui.screens.summary import SummaryScreen


async def test_the_summary_and_the_history_screen_say_the_same() -> None:
    save_settings(Settings(safety_note_seen=True))
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.play(plan_from())
        await pilot.pause()
        await advance(app, pilot, 5 + 9)  # 9 s into the first hold it hurts
        await pilot.press("exclamation_mark", "d", "down", "down", "down", "5", "s")
        await advance(app, pilot, 5 + 20)  # the dead bug: prep, then 20 s of reps
        await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        assert str(app.screen.query_one("#summary-title", Static).render()) == "Well done!"
        lines = [str(w.render()) for w in app.screen.query("#summary-lines Static")]
        assert lines[:3] == [
            "Exercises: 1 of 2 done",
            "Sets/sides: 1 of 5 done",
            "Work: 0:29 of holds and reps",
        ]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#sessions", DataTable)
        columns = [str(column.label) for column in table.columns.values()]
        row = dict(zip(columns, (str(cell) for cell in table.get_row_at(0)), strict=True))
    assert row["Outcome"] == "completed"
    assert (row["Exercises"], row["Sets/sides"], row["Work"]) == ("1 of 2", "1 of 5", "0:29")
    assert row["Pain"] == "1"
