"""Snapshot tests of the player: hold, paused, steps, switch, rest, reps, summary, "this hurts"
and the summary after it, in 80×24, in a large window (120×40: the countdown a third of the
height, the figure's region beside it) and in the smallest (40×12), paused and muted (SVGs in
__snapshots__)."""

from __future__ import annotations

from apps import advance, player_app

SIZE = (80, 24)
LARGE = (120, 40)
SMALLEST = (40, 12)


def at(seconds: float, keys: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await advance(pilot.app, pilot, seconds)
        if keys:
            await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_hold_left(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(player_app(), terminal_size=SIZE, run_before=at(5 + 12))


def test_hold_paused(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(player_app(), terminal_size=SIZE, run_before=at(5 + 12, ("space",)))


def test_hold_steps(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(player_app(), terminal_size=SIZE, run_before=at(5 + 12, ("i",)))


def test_switch_sides(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(player_app(), terminal_size=SIZE, run_before=at(5 + 30 + 2))


def test_rest_between_sets(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(player_app(), terminal_size=SIZE, run_before=at(5 + 30 + 5 + 30 + 3))


def test_reps_open_ended(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(player_app(), terminal_size=SIZE, run_before=at(150 + 5 + 4))


def test_summary(snap_compare) -> None:  # type: ignore[no-untyped-def]
    keys = ("enter", "2")
    assert snap_compare(player_app(), terminal_size=SIZE, run_before=at(150 + 5 + 20, keys))


def test_hold_small_terminal(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(player_app(), terminal_size=SMALLEST, run_before=at(5 + 12))


def test_hold_paused_muted_small_terminal(snap_compare) -> None:  # type: ignore[no-untyped-def]
    keys = ("space", "m")
    assert snap_compare(player_app(), terminal_size=SMALLEST, run_before=at(5 + 12, keys))


def test_hold_large_terminal(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(player_app(), terminal_size=LARGE, run_before=at(5 + 12))


def test_hold_paused_muted_large_terminal(snap_compare) -> None:  # type: ignore[no-untyped-def]
    keys = ("space", "m")
    assert snap_compare(player_app(), terminal_size=LARGE, run_before=at(5 + 12, keys))


def test_switch_sides_large_terminal(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(player_app(), terminal_size=LARGE, run_before=at(5 + 30 + 2))


def test_hold_voice_off(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(player_app(), terminal_size=SIZE, run_before=at(5 + 12, ("v",)))


def test_this_hurts_asks_sharp_pain_or_discomfort_first(snap_compare) -> None:  # type: ignore[no-untyped-def]
    keys = ("exclamation_mark",)
    assert snap_compare(player_app(), terminal_size=SIZE, run_before=at(5 + 12, keys))


def test_this_hurts_dialog(snap_compare) -> None:  # type: ignore[no-untyped-def]
    # discomfort at the knee in a kneeling stretch: the standing variant, and carrying on at 2
    keys = ("exclamation_mark", "d", "down", "down", "down", "2")
    assert snap_compare(player_app(), terminal_size=SIZE, run_before=at(5 + 12, keys))


def test_summary_after_sharp_pain(snap_compare) -> None:  # type: ignore[no-untyped-def]
    keys = ("exclamation_mark", "p", "down", "down", "6", "q")
    assert snap_compare(player_app(), terminal_size=SIZE, run_before=at(5 + 12, keys))


def test_this_hurts_dialog_small_terminal(snap_compare) -> None:  # type: ignore[no-untyped-def]
    keys = ("exclamation_mark", "d", "down", "4")
    assert snap_compare(player_app(), terminal_size=(40, 12), run_before=at(5 + 12, keys))
