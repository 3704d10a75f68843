"""Time per exercise over the last 12 weeks, as of an injected today: done holds and reps only,
a set counted once, weeks ending across month and year ends, sessions outside the weeks left out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from detail_sessions import segment

from psoas_tui.store.records import SessionDetail
from psoas_tui.weeks.exercise_time import ExerciseTime, exercise_times, first_day, since


def session(number: int, started: datetime, *segments) -> SessionDetail:  # type: ignore[no-untyped-def]
    return SessionDetail(
        number, "r", "R", started, started + timedelta(minutes=5), "completed", None, 0.0, segments
    )


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_done_work_adds_up_per_exercise_most_time_first() -> None:
    today = date(2026, 11, 19)
    sessions = [
        session(
            1,
            at(today),
            segment(0, "prep", "Lunge", "left", actual=5),
            segment(1, "hold", "Lunge", "left", actual=30),
            segment(2, "hold", "Lunge", "right", status="skipped", actual=2),
            segment(3, "rest", "Lunge", actual=15),
            segment(4, "reps", "Bridge", actual=40),
            segment(1, "hold", "Lunge", "left", actual=25),  # went back and did it again
        ),
        session(2, at(today - timedelta(days=1)), segment(0, "hold", "Lunge", "right", actual=31)),
    ]
    assert exercise_times(sessions, today, tz=UTC) == [
        ExerciseTime("lunge", "Lunge", 86.0, 2, 2),
        ExerciseTime("bridge", "Bridge", 40.0, 1, 1),
    ]


def test_the_newest_name_is_shown_and_ties_go_by_name() -> None:
    today = date(2026, 11, 19)
    old = segment(0, "hold", "Old name", exercise_id="x", actual=30)
    new = segment(0, "hold", "New name", exercise_id="x", actual=30)
    sessions = [
        session(2, at(today), new),
        session(1, at(today - timedelta(days=3)), old),
        session(3, at(today), segment(0, "hold", "bend", actual=60)),
        session(4, at(today), segment(0, "hold", "Arch", actual=60)),
    ]
    assert [(t.name, t.work_seconds) for t in exercise_times(sessions, today, tz=UTC)] == [
        ("Arch", 60.0),
        ("bend", 60.0),
        ("New name", 60.0),
    ]


def test_twelve_weeks_across_a_year_end() -> None:
    today = date(2027, 1, 1)  # a Friday
    assert first_day(today) == date(2026, 10, 12)  # a Monday, 11 weeks before 2026-12-28
    sessions = [
        session(n, at(day), segment(0, "hold", "Lunge", actual=10))
        for n, day in enumerate(
            [
                date(2026, 10, 11),  # the Sunday before: left out
                date(2026, 10, 12),
                date(2026, 12, 31),
                date(2027, 1, 1),
                date(2027, 1, 2),  # after today: left out
            ]
        )
    ]
    assert exercise_times(sessions, today, tz=UTC) == [ExerciseTime("lunge", "Lunge", 30.0, 3, 3)]
    assert since(today) < at(date(2026, 10, 12), 0)


def test_the_day_is_the_local_date() -> None:
    today = date(2026, 3, 1)  # a Sunday, after the end of February
    late = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    sessions = [session(1, late, segment(0, "hold", "Lunge", actual=10))]
    assert exercise_times(sessions, today, tz=UTC) != []
    assert exercise_times(sessions, today, tz=timezone(timedelta(hours=1))) == []  # 2 March
    assert exercise_times(sessions, date(2026, 2, 28), tz=UTC) == []


def test_nothing_done_is_no_exercise() -> None:
    today = date(2026, 11, 19)
    skipped = session(1, at(today), segment(0, "hold", "Lunge", status="skipped"))
    assert exercise_times([skipped], today, tz=UTC) == []
    assert exercise_times([], today, tz=UTC) == []
