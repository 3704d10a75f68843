"""Snapshots of home, catalogue, detail and library at 100×30 and 80×24; the catalogue and the
library in a narrow window; the notice in a window too small."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from apps import settle
from plans import exercise, plan

from psoas_tui import paths
from psoas_tui.player.clock import FakeClock
from psoas_tui.player.session import PainReport, SegmentFinished, Session
from psoas_tui.player.timeline import build_timeline
from psoas_tui.services.session_recorder import segment_record, session_start
from psoas_tui.store import history as history_store
from psoas_tui.store.history import History
from psoas_tui.store.records import Outcome, Rating
from psoas_tui.store.settings import Settings, save_settings
from psoas_tui.tui.app import PsoasApp

SIZES = [(100, 30), (80, 24)]
NOON = datetime(2026, 11, 21, 12, 0)


def app() -> PsoasApp:
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock(), now=lambda: NOON, today=NOON.date)


def keys(*pressed: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_home(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_catalogue(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=keys("c"))


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_catalogue_detail_desk_filter(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=keys("d", "j"))


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_library(snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=keys("r", "j", "j"))


def test_catalogue_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=(40, 12), run_before=keys("c"))


def test_catalogue_narrow_detail(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=(40, 12), run_before=keys("c", "j", "enter"))


def test_library_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=(40, 24), run_before=keys("r", "j"))


def test_window_too_small(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=(30, 8), run_before=keys())


def test_help(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=(100, 30), run_before=keys("question_mark"))


def test_safety_note_on_first_run(snap_compare) -> None:  # type: ignore[no-untyped-def]
    fresh = PsoasApp(clock=FakeClock(), now=lambda: NOON)  # no settings yet: a first run
    assert snap_compare(fresh, terminal_size=(80, 24), run_before=keys())


def record_session(
    history: History,
    name: str,
    outcome: Outcome,
    rating: Rating | None = None,
    stop_after: int | None = None,
    pain: PainReport | None = None,
) -> None:
    """Play a small routine on the engine (to the end, or up to segment `stop_after`) into
    `history`; its times come from the store's `utc_now`."""
    routine = plan(
        exercise("Half-kneeling stretch", sets=2, hold=30),
        exercise("Dead bug", sides="alternating", sets=1, hold=None, reps=8),
        name=name,
    )
    clock = FakeClock()
    session = Session(build_timeline(routine), clock)
    session_id = history.start_session(session_start(session.timeline))
    events = session.start()
    while not session.is_over and (stop_after is None or session.index < stop_after):
        if pain is not None and session.segment.is_work:
            session.report_pain(pain)
            pain = None
        if session.remaining() is None:
            clock.advance(20)
            events += session.mark_reps_done()
        else:
            clock.advance(session.remaining() or 0.0)
            events += session.tick()
    if outcome == "quit":
        events += session.stop()
    for event in events:
        if isinstance(event, SegmentFinished):
            history.record_segment(session_id, segment_record(event))
    if outcome != "interrupted":  # an interrupted session is one its process left open
        history.end_session(session_id, outcome)
    if rating is not None:
        history.rate_session(session_id, rating)


@pytest.fixture
def past_sessions(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Four sessions in the history at fixed times, shown in UTC whatever the machine's zone."""
    started = [datetime(2026, 11, 17, 7, 30, tzinfo=UTC)]
    monkeypatch.setattr(history_store, "utc_now", lambda: started[0])
    with History.open(paths.history_db()) as history:
        record_session(history, "Desk break", "completed", "about_right")
        started[0] += timedelta(days=1, hours=11, minutes=5)
        hurt = PainReport("front of hip", 4, "continue")
        record_session(history, "Tight psoas", "quit", stop_after=5, pain=hurt)
        started[0] += timedelta(days=1, hours=-3)
        record_session(history, "[b]Not markup[/b]", "completed", "too_hard")
        started[0] += timedelta(days=2, hours=-6, minutes=-2)
        record_session(history, "Gentle start", "interrupted", stop_after=3)
        history.close_abandoned()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "UTC")
        time.tzset()
        yield
    time.tzset()


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_history_with_sessions(snap_compare, past_sessions, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=size, run_before=keys("h"))


def test_home_with_sessions(snap_compare, past_sessions) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(), terminal_size=(100, 30), run_before=keys())


def selftest_app() -> PsoasApp:
    save_settings(Settings(safety_note_seen=True))
    return PsoasApp(clock=FakeClock(), now=lambda: NOON, start="selftest")


def test_selftest_gate(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(selftest_app(), terminal_size=(80, 24), run_before=keys())


def test_selftest_kneel_test_left(snap_compare) -> None:  # type: ignore[no-untyped-def]
    steps = keys("n", "8", "enter", "n", "space")
    assert snap_compare(selftest_app(), terminal_size=(80, 24), run_before=steps)


def test_selftest_result(snap_compare) -> None:  # type: ignore[no-untyped-def]
    # 8 hours of sitting, deep pull on the left, nothing on the right, knee lifts skipped
    kneel = ("down", "enter", "down", "down", "down", "enter")
    steps = keys("n", "8", "enter", "n", *kneel, "s", "s", "enter")
    assert snap_compare(selftest_app(), terminal_size=(100, 30), run_before=steps)
