"""The routine library's columns always fit: drawn before or after the table is idle, at any
width, the time and the number of exercises are whole and a long name ends with "…"."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from apps import settle
from textual.widgets import DataTable

from psoas_tui.player.clock import FakeClock
from psoas_tui.routine import library
from psoas_tui.routine.library import RoutineEntry
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.library import LibraryScreen
from psoas_tui.tui.widgets.routine_table import NAME_MIN, TAGS_MIN, RoutineRow, fit_columns

ROWS = [
    RoutineRow(
        "Desk worker: tight and weak", "23:00", "7", "desk, office, tight, weak", "built-in"
    ),
    RoutineRow("Weak psoas", "23:08", "5", "weak, strength", "user"),
    RoutineRow("⚠ broken.toml", "—", "—", "line 3: unknown key", "user", broken=True),
]


def cost(widths: dict[str, int]) -> int:
    """The cells the columns take, padding included."""
    return sum(width + 2 for width in widths.values())


@pytest.mark.parametrize("available", range(0, 160, 3))
def test_the_numbers_are_never_cut_and_the_name_comes_next(available: int) -> None:
    widths = fit_columns(available, ROWS)
    assert widths["time"] == len("23:00") and widths["exercises"] == len("Ex.")
    assert NAME_MIN <= widths["name"] <= len("Desk worker: tight and weak")
    assert list(widths) == [
        k for k in ("name", "time", "exercises", "tags", "source") if k in widths
    ]
    if available >= cost({"name": NAME_MIN, "time": 5, "exercises": 3}):
        assert cost(widths) <= available
    if "tags" in widths:
        assert widths["tags"] >= TAGS_MIN
        assert widths["name"] == len("Desk worker: tight and weak")
    if "source" in widths:
        assert widths["tags"] == len("desk, office, tight, weak")


def test_every_column_shows_in_a_wide_table() -> None:
    widths = fit_columns(200, ROWS)
    assert widths == {"name": 27, "time": 5, "exercises": 3, "tags": 25, "source": 8}


def start_app() -> PsoasApp:
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock())


def lines(table: DataTable[object], count: int) -> list[str]:
    return [table.render_line(y).text.rstrip() for y in range(count)]


async def test_rows_drawn_before_the_table_is_idle_have_their_widths(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rows arrive and the screen is drawn before the table's next idle moment (as under
    load): Textual's DataTable drew them with the header's widths and kept those lines."""
    release = threading.Event()
    discover = library.discover
    entries: list[RoutineEntry] = []

    def held_discover(*args: object) -> list[RoutineEntry]:
        release.wait(10)
        return entries

    app = start_app()
    async with app.run_test(size=(100, 30)) as pilot:
        entries.extend(discover(app.catalogue))
        monkeypatch.setattr(library, "discover", held_discover)
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one("#routines", DataTable)
        screen.on_library_screen_loaded(LibraryScreen.Loaded(entries))
        drawn_at_once = lines(table, 5)  # no await: the table has not been idle since
        await pilot.pause()
        assert lines(table, 5) == drawn_at_once
        assert "Desk worker: tight and weak  23:00" in "\n".join(drawn_at_once)
        release.set()
        await app.workers.wait_for_complete()


@pytest.mark.parametrize("width", [40, 60, 80, 100, 160])
async def test_the_library_at_any_width(width: int, user_routines: Path) -> None:
    (user_routines / "a-very-long-name.toml").write_text(
        'schema = 1\nname = "A routine with a name far too long for any narrow table"\n'
        '[[exercises]]\nexercise = "dead-bug"\nreps = 6\n',
        encoding="utf-8",
    )
    app = start_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await settle(pilot)
        table = app.screen.query_one("#routines", DataTable)
        shown = "\n".join(lines(table, table.row_count + 1))
        for time in ("5:15", "4:10", "23:00", "6:32", "21:27", "29:32"):
            assert f" {time} " in shown + " "
        assert "A routine with a na" in shown and "…" in shown
        columns = sum(column.width + 2 for column in table.columns.values())
        assert columns <= table.scrollable_content_region.width
