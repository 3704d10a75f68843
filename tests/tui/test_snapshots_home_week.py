"""Snapshot of home with a week in progress (80×24): what is due, the week, the streak."""

from __future__ import annotations

from apps import home_app, settle
from week_history import week_in_progress


def test_home_with_a_week_in_progress(snap_compare, in_utc) -> None:  # type: ignore[no-untyped-def]
    week_in_progress()
    assert snap_compare(home_app(), terminal_size=(80, 24), run_before=settle)
