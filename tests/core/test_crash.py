"""A session killed mid-way (kill -9, SIGTERM, SIGHUP) keeps every finished segment and reads
as interrupted; a clean quit reads as quit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from psoas_tui.store.history import History

# A child process that plays a routine on the real engine and history, at high speed, with no
# screen: it records segments exactly as the player does, then waits to be killed.
CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from psoas_tui.player.clock import FakeClock
    from psoas_tui.services.session_recorder import SessionRecorder
    from psoas_tui.routine.library import find_routine
    from psoas_tui.player.session import SegmentFinished, Session
    from psoas_tui.player.timeline import build_timeline
    from psoas_tui.store.history import History

    plan = find_routine("runner-post-run").plan
    timeline = build_timeline(plan)
    clock = FakeClock()
    session = Session(timeline, clock)
    recorder = SessionRecorder(History.open(Path(sys.argv[1])))
    recorder.begin(timeline)
    work = 0
    for events in [session.start(), *(session.next() for _ in range(int(sys.argv[2])))]:
        recorder.handle(events)
        work += sum(isinstance(e, SegmentFinished) and e.segment.is_work for e in events)
    print("READY", work, flush=True)
    time.sleep(60)
    """
)


def _run_child(db: Path, segments: int) -> tuple[subprocess.Popen[str], int]:
    """The child process, ready to be killed, and how many holds and reps it finished."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(segments)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    ready, work = child.stdout.readline().split()
    assert ready == "READY"
    return child, int(work)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_a_killed_session_keeps_its_segments_and_reads_as_interrupted(
    tmp_path: Path, how: signal.Signals
) -> None:
    db = tmp_path / "history.sqlite3"
    child, work = _run_child(db, segments=4)
    assert work > 0
    os.kill(child.pid, how)
    child.wait(timeout=10)
    with History.open(db) as history:
        (session,) = history.sessions()
        assert session.outcome == "interrupted"
        assert session.tally.sets_total == work
        assert history.close_abandoned() == 1


def test_the_player_process_marks_the_session_interrupted_on_sigterm(tmp_path: Path) -> None:
    """The real `psoas play` in a pseudo-terminal, stopped with SIGTERM."""
    import pty

    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.toml").write_text("safety_note_seen = true\n")  # not a first run
    env = {**os.environ, "PSOAS_HOME": str(home), "TERM": "xterm-256color"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: become `psoas play`
        os.execvpe(sys.executable, [sys.executable, "-m", "psoas_tui", "play", "desk-break"], env)
    try:
        deadline = time.monotonic() + 20
        db = home / "history.sqlite3"
        while time.monotonic() < deadline:
            try:
                os.read(fd, 65536)
            except OSError:
                break
            if db.exists():
                with History.open(db) as history:
                    if history.sessions():
                        break
        os.kill(pid, signal.SIGTERM)
        while True:  # drain output until the child exits
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert os.WIFEXITED(status), status
    with History.open(home / "history.sqlite3") as history:
        (session,) = history.sessions()
    assert session.outcome == "interrupted"


def test_a_stop_signal_while_textual_loads_is_a_stop_even_when_python_wraps_it(
    monkeypatch: pytest.MonkeyPatch, psoas_home: Path
) -> None:
    """A SIGTERM that lands in a class's `__set_name__` while Textual's modules load comes out
    as a RuntimeError (Python wraps what `__set_name__` raises): it is still the stop, not a
    crash with a report."""
    from psoas_tui.cli import exit_codes, play
    from psoas_tui.tui import app as app_module

    class SignalledWhileLoading:
        def __set_name__(self, owner: type, name: str) -> None:
            os.kill(os.getpid(), signal.SIGTERM)  # the handler raises here

    def loading(**_: object) -> None:
        type("Loading", (), {"part": SignalledWhileLoading()})

    monkeypatch.setattr(play, "missing_terminal", lambda _: None)
    monkeypatch.setattr(app_module, "PsoasApp", loading)
    assert play.run_app() == exit_codes.from_signal(signal.SIGTERM)
    assert not list(psoas_home.rglob("crash*"))
