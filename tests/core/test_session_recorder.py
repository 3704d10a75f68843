"""The recorder keeps a session going when the history cannot be written: it says so once, keeps
the segments in memory, and writes everything, in order, as soon as it can."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from histories import locked, set_aside, short_waits
from plans import exercise, plan

from psoas_tui.player.clock import FakeClock
from psoas_tui.player.session import Event, Session
from psoas_tui.player.timeline import build_timeline
from psoas_tui.services.session_recorder import SessionRecorder
from psoas_tui.store.history import History

ROUTINE = plan(exercise("Lunge", prep=5, sets=2, hold=30, rest=10))


class WallClock:
    """A wall clock moved by hand, to date the records."""

    def __init__(self) -> None:
        self.now = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def end_segment(session: Session, clock: FakeClock) -> list[Event]:
    """Move the clock to the end of the current segment; the events."""
    clock.advance(session.remaining() or 0)
    return session.tick()


def segment_rows(history: History) -> list[tuple[int, str, str]]:
    return history.connection.execute(
        "SELECT position, kind, finished_at FROM segments ORDER BY id"
    ).fetchall()


def test_a_session_goes_on_when_the_history_is_locked_and_is_written_in_order_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    short_waits(monkeypatch)
    path = tmp_path / "h.sqlite3"
    clock, wall = FakeClock(), WallClock()
    session = Session(build_timeline(ROUTINE), clock)
    with History.open(path) as history:
        recorder = SessionRecorder(history, now=wall)
        with locked(path):
            recorder.begin(session.timeline)  # the session itself cannot be written yet
            recorder.handle(session.start())
            for _ in range(3):  # prep, hold (left), switch: finished while locked
                wall.now += timedelta(seconds=10)
                recorder.handle(end_segment(session, clock))
            assert "locked by another program" in recorder.problem
            assert recorder.unsaved == 4  # the start and three segments
            told = recorder.take_problem()
            assert told.startswith("The history could not be written (") and told.endswith(
                "written as soon as it can be."
            )
            assert recorder.take_problem() == ""  # said once
            assert history.sessions() == []
        recorder.handle(end_segment(session, clock))  # the next: all is written, in order
        assert recorder.unsaved == 0 and recorder.problem == ""
        rows = segment_rows(history)
        assert [(position, kind) for position, kind, _ in rows] == [
            (0, "prep"),
            (1, "hold"),
            (2, "switch"),
            (3, "hold"),
        ]
        # dated when they happened, not when they could be written
        assert rows[0][2] == "2024-05-01T08:00:10+00:00"
        with locked(path):
            recorder.finish("quit")
            recorder.rate("too_easy")
            assert recorder.unsaved == 2
        recorder.close()  # the last try, at the end
        (summary,) = history.sessions()
        assert summary.outcome == "quit" and summary.rating == "too_easy"
        assert summary.started_at == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    assert set_aside(tmp_path) == []


# A child that records a session under a file-size limit reached mid-session (SIGXFSZ ignored, so
# writes fail with EFBIG), then has the limit lifted: nothing is lost, all is in order.
FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from plans import exercise, plan
    from psoas_tui.player.clock import FakeClock
    from psoas_tui.player.session import Session
    from psoas_tui.player.timeline import build_timeline
    from psoas_tui.services.session_recorder import SessionRecorder
    from psoas_tui.store.history import History

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    path = Path(sys.argv[1])
    clock = FakeClock()
    session = Session(build_timeline(plan(exercise("Lunge", sets=2))), clock)
    history = History.open(path)
    recorder = SessionRecorder(history)
    recorder.begin(session.timeline)
    recorder.handle(session.start())
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    full = max(p.stat().st_size for p in path.parent.iterdir())
    resource.setrlimit(resource.RLIMIT_FSIZE, (full, hard))
    for _ in range(3):
        clock.advance(session.remaining())
        recorder.handle(session.tick())
    print("unsaved", recorder.unsaved, "told", bool(recorder.take_problem()))
    print("problem", recorder.problem)
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    recorder.handle(session.stop())
    recorder.finish("quit")
    print("unsaved", recorder.unsaved)
    """
)


def test_a_full_disk_mid_session_loses_nothing_once_there_is_room_again(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    tests = Path(__file__).resolve().parents[1]
    child = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(tests), "PATH": "/usr/bin:/bin"},
    )
    assert child.returncode == 0, child.stderr
    lines = child.stdout.splitlines()
    assert lines[0] == "unsaved 3 told True"
    assert "could not be read or written" in lines[1]
    assert lines[2] == "unsaved 0"
    with History.open(path) as history:
        (summary,) = history.sessions()
        assert summary.outcome == "quit"
        positions = [position for position, _, _ in segment_rows(history)]
    assert positions == [0, 1, 2, 3, 5, 7]  # … and the holds that quitting left undone
    assert set_aside(tmp_path) == []
