"""Which side felt tighter or weaker, asked in the app: in the player during the prep after both
sides of an exercise (1 2 3, gone once answered or when the next work starts), and on the summary
when the exercise ended the session (l s r, beside the rating's 1 2 3); the answers kept in the
history."""

from __future__ import annotations

from apps import advance, plan_from, player, player_app, settle
from textual.widgets import Static

from psoas_tui import paths
from psoas_tui.store.history import History
from psoas_tui.tui.screens.summary import SummaryScreen

# Short test routine: prep 5, then the stretch's two sets (30 s a side, a 5 s switch, a 10 s
# rest between): the dead bug's prep begins at 145 s.
AFTER_BOTH_SIDES = 5 + (30 + 5 + 30) * 2 + 10 + 1

ONE_STRETCH = """\
schema = 1
name = "One stretch"

[defaults]
prep_seconds = 5
switch_seconds = 5

[[exercises]]
exercise = "low-lunge"
sets = 1
hold_seconds = 20
"""


def question_line(app: object) -> Static:
    return player(app).query_one("#side-question", Static)  # type: ignore[arg-type]


def kept_answers() -> list[tuple[int, str, str, str]]:
    with History.open(paths.history_db()) as history:
        return [
            (a.exercise_index, a.exercise_id, a.question, a.answer) for a in history.side_answers()
        ]


async def test_the_question_comes_after_both_sides_and_an_answer_is_kept() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await advance(app, pilot, 5 + 30 + 5 + 30 + 5)  # the rest between sets: not yet
        assert not question_line(app).display
        await advance(app, pilot, AFTER_BOTH_SIDES - (5 + 30 + 5 + 30 + 5))
        line = question_line(app)
        assert line.display
        assert str(line.render()) == "Which side felt tighter?  1 left · 2 same · 3 right"
        assert player(app).session.segment.kind == "prep"
        await pilot.press("1")
        assert not question_line(app).display
        await pilot.press("3")  # nothing is asked any more: the key does nothing
        assert player(app).session.segment.kind == "prep"
    assert kept_answers() == [(0, "half-kneeling-hip-flexor-stretch", "tighter", "left")]


async def test_an_unanswered_question_goes_when_the_next_work_starts() -> None:
    app = player_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await advance(app, pilot, AFTER_BOTH_SIDES)
        assert question_line(app).display  # shown in the smallest window too
        await advance(app, pilot, 5)  # the dead bug's reps
        assert player(app).session.segment.kind == "reps"
        assert not question_line(app).display
        await pilot.press("2")
    assert kept_answers() == []


async def test_the_summary_asks_when_the_last_exercise_was_done_on_each_side() -> None:
    app = player_app(plan_from(ONE_STRETCH))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await advance(app, pilot, 5 + 20 + 5 + 20 + 1)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        line = summary.query_one("#side-answer", Static)
        assert str(line.render()) == "Which side felt tighter?  l left · s same · r right"
        await pilot.press("2")  # the rating's keys still rate
        await pilot.press("r")
        assert str(line.render()).startswith("Sides: right tighter · change: l left")
        assert summary.rating == "about_right"
        await pilot.press("enter")
        await settle(pilot)
    assert kept_answers() == [(0, "low-lunge", "tighter", "right")]


async def test_the_summary_asks_nothing_after_a_session_without_both_sides() -> None:
    app = player_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await advance(app, pilot, AFTER_BOTH_SIDES + 5 + 20)
        await pilot.press("enter")  # the dead bug's reps done: the end
        assert isinstance(app.screen, SummaryScreen)
        assert not app.screen.query("#side-answer")
        await pilot.press("l")
        assert app.screen.side_answer is None


def in_the_prep_after_both_sides(pilot) -> object:  # type: ignore[no-untyped-def]
    return advance(pilot.app, pilot, AFTER_BOTH_SIDES + 1)


def test_snapshot_the_question_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        player_app(), terminal_size=(80, 24), run_before=in_the_prep_after_both_sides
    )


def test_snapshot_the_question_40x12(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        player_app(), terminal_size=(40, 12), run_before=in_the_prep_after_both_sides
    )


def test_snapshot_the_summary_asks_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await advance(pilot.app, pilot, 5 + 20 + 5 + 20 + 1)
        await pilot.press("1")

    app = player_app(plan_from(ONE_STRETCH))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
