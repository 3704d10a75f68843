"""The history's views: enter on a session opens its detail (segments, skips and pain marked,
text from the database never markup), t the time per exercise as bars, f the self-tests over
time; each goes back with escape. Snapshots of the detail and the time view at 80×24 and 40×12."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from apps import settle
from detail_sessions import keep, segment
from textual.widgets import DataTable

from psoas_tui import paths
from psoas_tui.player.clock import FakeClock
from psoas_tui.selftest.answers import Answers
from psoas_tui.selftest.scoring import score_selftest
from psoas_tui.services.selftest_history import record_selftest
from psoas_tui.store.history import History
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.screens.exercise_time import ExerciseTimeScreen
from psoas_tui.tui.screens.history import HistoryScreen
from psoas_tui.tui.screens.selftest_history import SelfTestHistoryScreen
from psoas_tui.tui.screens.session_detail import SessionDetailScreen
from psoas_tui.tui.widgets.bar_chart import BarChart, bar_cells, fit

pytestmark = pytest.mark.usefixtures("in_utc")

TODAY = date(2026, 11, 19)
NOON = datetime(2026, 11, 19, 12, 0)


def app() -> PsoasApp:
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock(), now=lambda: NOON, today=lambda: TODAY)


def screen_text(app: PsoasApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def two_sessions() -> None:
    """Yesterday a short session of one hold; today the session of `detail_sessions`."""
    with History.open(paths.history_db()) as history:
        keep(
            history,
            (segment(0, "hold", "Couch stretch", "left", actual=60),),
            started=datetime(2026, 11, 18, 7, tzinfo=UTC),
            name="Desk break",
        )
        keep(history, started=datetime(2026, 11, 19, 7, tzinfo=UTC))


async def open_history(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)


async def test_enter_opens_the_highlighted_session_and_escape_goes_back() -> None:
    two_sessions()
    async with app().run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("j", "enter")  # the older one: Desk break
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SessionDetailScreen)
        assert "Desk break (tight-psoas)" in screen_text(pilot.app)
        assert screen.query_one("#segments", DataTable).row_count == 1
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, HistoryScreen)
        await pilot.press("k", "enter")
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "Tight psoas (tight-psoas)" in text
        assert "Quit, rated too hard · 2 pain reports" in text
        table = pilot.app.screen.query_one("#segments", DataTable)
        assert table.row_count == 8
        skipped = [str(cell) for cell in table.get_row_at(3)]
        assert skipped[0] == "✗" and skipped[7] == "skipped"
        assert str(table.get_row_at(7)[8]) == "7/10 sharp"
        assert "⚠ Glute bridge, set 2/2: front of the hip, 7/10, sharp pain: ended the" in text
        await pilot.press("q")
        assert isinstance(pilot.app.screen, HistoryScreen)


async def test_the_detail_of_a_session_gone_says_so() -> None:
    async with app().run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.app.push_screen(SessionDetailScreen(7))
        await settle(pilot)
        assert "No session with id 7." in screen_text(pilot.app)


async def test_names_from_the_database_are_never_markup() -> None:
    with History.open(paths.history_db()) as history:
        keep(history, (segment(0, "hold", "[bold red]Lunge[/]", "left"),), name="[b]R[/b]")
    async with app().run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "[b]R[/b] (tight-psoas)" in text and "[bold red]Lunge[/]" in text
        await pilot.press("escape", "t")
        await settle(pilot)
        assert "[bold red]Lunge[/]" in screen_text(pilot.app)


async def test_t_shows_time_per_exercise_as_bars_most_first() -> None:
    two_sessions()
    async with app().run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ExerciseTimeScreen)
        rows = screen.query_one("#exercise-bars", BarChart).rows
        assert [(r.label, r.value) for r in rows] == [
            ("Couch stretch", 60.0),
            ("Kneeling lunge", 60.0),
            ("Glute bridge", 54.0),
        ]
        text = screen_text(pilot.app)
        assert "Last 12 weeks, since Mon 2026-08-31" in text
        assert "Kneeling lunge" in text and "1:00 · 1 session · 2 sets" in text
        weeks = screen.query_one("#week-bars", BarChart).rows
        assert (
            len(weeks) == 12 and weeks[-1].label == "Nov 16" and weeks[-1].value == 177.0
        )  # cut-short sets too
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, HistoryScreen)


async def test_t_with_no_history_says_nothing_is_done_yet() -> None:
    async with app().run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert "no hold or set of reps done yet." in screen_text(pilot.app)


def _answers(kneel_left: str) -> Answers:
    return Answers.model_validate(
        {
            "sitting_hours": 8,
            "symptoms": ["short_stride"],
            "kneel_test": {"left": kneel_left, "right": "nothing"},
            "knee_lift_test": {"left": "clean", "right": "back_rounds"},
        }
    )


def two_selftests() -> None:
    """Six weeks ago tight on the left and weak on the right; a week ago only weak on the right."""
    with History.open(paths.history_db()) as history:
        for weeks, kneel in ((6, "deep_front_hip"), (1, "nothing")):
            answers = _answers(kneel)
            taken = datetime(2026, 11, 19, 8, tzinfo=UTC) - timedelta(weeks=weeks)
            record_selftest(history, answers, score_selftest(answers), taken)


async def test_f_lists_self_tests_with_what_changed() -> None:
    two_selftests()
    async with app().run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("f")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SelfTestHistoryScreen)
        table = screen.query_one("#selftests", DataTable)
        assert [str(c) for c in table.get_row_at(0)] == [
            "2026-11-12",
            "clear",
            "weak",
            "left",
            "Weak hip flexors (right)",
        ]
        text = screen_text(pilot.app)
        assert "Since 2026-10-08:" in text and "Left: was tight, now clear." in text
        await pilot.press("j")
        assert "2026-10-08: the first self-test kept." in screen_text(pilot.app)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, HistoryScreen)


def test_bars_are_drawn_in_eighths_and_labels_cut() -> None:
    assert bar_cells(1, 8, 1) == "▏"
    assert bar_cells(8, 8, 2) == "██"
    assert bar_cells(5, 8, 2) == "█▎"
    assert bar_cells(0, 8, 3) == "   "
    assert bar_cells(0.001, 8, 3) == "▏  "  # anything done shows
    assert fit("Kneeling lunge", 8) == "Kneelin…"
    assert fit("a\x1bb", 5) == "a\\x1…"


async def open_detail(pilot) -> None:  # type: ignore[no-untyped-def]
    await open_history(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def open_time(pilot) -> None:  # type: ignore[no-untyped-def]
    await open_history(pilot)
    await pilot.press("t")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
def test_snapshot_detail(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    two_sessions()
    assert snap_compare(app(), terminal_size=size, run_before=open_detail)


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
def test_snapshot_time_per_exercise(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    two_sessions()
    assert snap_compare(app(), terminal_size=size, run_before=open_time)


async def open_selftests(pilot) -> None:  # type: ignore[no-untyped-def]
    await open_history(pilot)
    await pilot.press("f")
    await settle(pilot)


def test_snapshot_selftests_over_time(snap_compare) -> None:  # type: ignore[no-untyped-def]
    two_selftests()
    assert snap_compare(app(), terminal_size=(80, 24), run_before=open_selftests)


async def test_a_session_logged_by_hand_says_so_in_the_table_and_its_detail() -> None:
    from psoas_tui.player.timeline import build_timeline
    from psoas_tui.routine.library import find_routine
    from psoas_tui.services.logged_session import logged_session, write_logged

    plan = find_routine("desk-break").plan
    with History.open(paths.history_db()) as history:
        keep(history, started=datetime(2026, 11, 19, 7, tzinfo=UTC))
        logged = logged_session(build_timeline(plan), datetime(2026, 11, 18, 12, tzinfo=UTC))
        write_logged(history, logged, None)
    async with app().run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        table = pilot.app.screen.query_one("#sessions", DataTable)
        outcomes = [str(table.get_row_at(row)[2]) for row in range(table.row_count)]
        assert outcomes == ["quit", "logged"]
        assert "Rating" in screen_text(pilot.app)  # the rating fits 80 columns
        await pilot.press("j", "enter")
        await settle(pilot)
        assert "Completed (logged by hand with psoas log), not rated" in screen_text(pilot.app)
