"""Closing the terminal (SIGHUP, or only EOF when it is not the controlling terminal) or SIGTERM
ends `psoas` within a second at any moment — during start-up, on the home screen, in a dialog, in
the player — and a session in progress is kept, as interrupted, with its finished segments.

Each test runs the real app in a pseudo-terminal (or in tmux) in a subprocess."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from terminals import (
    EXIT_WITHIN,
    PtyApp,
    recorded_segments,
    sessions,
    wait_until,
)

from psoas_tui.store.settings import Settings, save_settings

HANG_UP, TERMINATE = "hang up", "SIGTERM"


@pytest.fixture(autouse=True)
def not_a_first_run(request: pytest.FixtureRequest, psoas_home: Path) -> None:
    """Tests that play a routine start past the first-run safety note (shown before the player);
    the start-up test keeps it, so a signal also lands on a dialog."""
    if "at_any_moment_of_its_start" not in request.node.name:
        save_settings(Settings(safety_note_seen=True))


def _stop(app: PtyApp, how: str) -> tuple[float, int]:
    """Close the terminal or send SIGTERM; the signal the app gets from it, and when."""
    if how == HANG_UP:
        return app.hang_up(), signal.SIGHUP
    return app.send(signal.SIGTERM), signal.SIGTERM


def _ended_by(returncode: int | None, signum: int) -> bool:
    """Ended by the app's own handler (128 + the signal), or by the signal's default action
    before the app had a handler in place (the first few tens of milliseconds)."""
    return returncode in (128 + signum, -signum)


@pytest.mark.parametrize("how", [HANG_UP, TERMINATE])
@pytest.mark.parametrize("delay", [0.05, 0.2, 0.5, 1.0, 2.0])
def test_the_app_ends_within_a_second_at_any_moment_of_its_start(
    how: str, delay: float, psoas_home: Path
) -> None:
    """Item 4: from the first tens of milliseconds to the home screen under the safety note."""
    with PtyApp() as app:
        app.sleep_until(delay)
        since, signum = _stop(app, how)
        seconds = app.seconds_to_exit(since)
        assert seconds < EXIT_WITHIN, f"{how} after {delay} s: ended {seconds:.2f} s later"
        assert _ended_by(app.process.returncode, signum), app.process.returncode
    assert sessions() == []


def _play_two_segments(app: PtyApp) -> int:
    """In `psoas play desk-break`: skip ahead until two holds or reps are recorded (a prep or
    rest does not count); how many the history holds then."""
    # the player is showing, so the app has made the history: reading it no longer races that
    wait_until(lambda: b" left" in app.output)
    wait_until(lambda: bool(sessions()))
    deadline = time.monotonic() + 15
    while recorded_segments() < 2 and time.monotonic() < deadline:
        app.type("n")
        time.sleep(0.2)
    time.sleep(0.3)  # the last "n" typed is recorded by now
    return recorded_segments()


@pytest.mark.parametrize("how", [HANG_UP, TERMINATE])
def test_a_session_in_progress_is_kept_as_interrupted(how: str, psoas_home: Path) -> None:
    with PtyApp("play", "desk-break") as app:
        kept = _play_two_segments(app)
        since, signum = _stop(app, how)
        assert app.seconds_to_exit(since) < EXIT_WITHIN
        assert app.process.returncode == 128 + signum
    (session,) = sessions()
    assert session.outcome == "interrupted" and session.ended_at is not None
    assert session.tally.sets_total == kept >= 2


@pytest.mark.parametrize("how", [HANG_UP, TERMINATE])
def test_the_app_ends_from_a_dialog_over_the_player(how: str, psoas_home: Path) -> None:
    with PtyApp("play", "desk-break") as app:
        kept = _play_two_segments(app)
        app.type("!")  # "this hurts": the pain dialog
        wait_until(lambda: b"or the discomfort of a stretch?" in app.output, timeout=5)
        since, signum = _stop(app, how)
        assert app.seconds_to_exit(since) < EXIT_WITHIN
        assert app.process.returncode == 128 + signum
    (session,) = sessions()
    assert session.outcome == "interrupted" and session.ended_at is not None
    assert session.tally.sets_total == kept


def test_a_terminal_that_only_ends_its_input_ends_the_app(psoas_home: Path) -> None:
    """No SIGHUP comes when the pty is not the process's controlling terminal: reads end (EOF)
    and writes fail (EIO). The app notices within a second and ends as on a hang-up."""
    with PtyApp("play", "desk-break", controlling=False) as app:
        kept = _play_two_segments(app)
        since = app.hang_up()
        assert app.seconds_to_exit(since) < EXIT_WITHIN + 0.3  # + one look at the terminal
        assert app.process.returncode == 128 + signal.SIGHUP
    (session,) = sessions()
    assert session.outcome == "interrupted" and session.ended_at is not None
    assert session.tally.sets_total == kept


# `psoas play desk-break` whose event loop hangs half a second after the player opens
HANGING_PLAYER = """
import sys, time
from psoas_tui.cli.main import main
from psoas_tui.tui.app import PsoasApp

play = PsoasApp.play

def play_then_hang(self, plan, exit_after=False):
    play(self, plan, exit_after)
    self.set_timer(0.5, lambda: time.sleep(60))

PsoasApp.play = play_then_hang
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("how", [HANG_UP, TERMINATE])
def test_an_app_that_no_longer_answers_is_ended_by_the_watchdog(how: str, psoas_home: Path) -> None:
    """The last resort: the event loop is stuck, so the watchdog records the session as
    interrupted, puts the terminal back and ends the process."""
    with PtyApp("play", "desk-break", code=HANGING_PLAYER) as app:
        wait_until(lambda: b" left" in app.output)
        time.sleep(0.8)  # the loop hangs now
        screen_so_far = len(app.output)
        since, signum = _stop(app, how)
        assert app.seconds_to_exit(since) < EXIT_WITHIN
        assert app.process.returncode == 128 + signum
        if how == TERMINATE:
            assert b"\x1b[?1049l" in app.output[screen_so_far:]  # the alternate screen left
    (session,) = sessions()
    assert session.outcome == "interrupted" and session.ended_at is not None


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie (an orphan's zombie may wait long for init)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _screen(tmux: list[str]) -> str:
    return subprocess.run(
        [*tmux, "capture-pane", "-p"], capture_output=True, text=True, timeout=10
    ).stdout


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to follow the app")
@pytest.mark.parametrize("delay", [0.4, "player"])
def test_killing_the_tmux_server_ends_the_app(
    delay: float | str, psoas_home: Path, tmp_path: Path
) -> None:
    """The report's reproduction: `tmux kill-server` soon after start, or in the player."""
    tmux = ["tmux", "-S", str(tmp_path / "tmux.sock"), "-f", os.devnull]
    command = [sys.executable, "-m", "psoas_tui"]
    if delay == "player":
        command += ["play", "desk-break"]
    pid = int(
        subprocess.run(
            [*tmux, "new-session", "-d", "-x", "80", "-y", "24", "-P", "-F", "#{pane_pid}",
             "-e", f"PSOAS_HOME={psoas_home}", "--", *command],
            check=True, capture_output=True, text=True, timeout=10,
        ).stdout
    )  # fmt: skip
    try:
        if delay == "player":
            wait_until(lambda: " left" in _screen(tmux))  # the player shows: a session is on
            wait_until(lambda: bool(sessions()))
        else:
            time.sleep(float(delay))
        subprocess.run([*tmux, "kill-server"], check=False, timeout=10)
        since = time.monotonic()
        wait_until(lambda: not _alive(pid), timeout=5)
        assert time.monotonic() - since < EXIT_WITHIN
    finally:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
    if delay == "player":
        (session,) = sessions()
        assert session.outcome == "interrupted" and session.ended_at is not None


def test_writes_to_a_gone_terminal_are_dropped_so_the_writer_thread_lives_on() -> None:
    """Textual's writer thread died on the first write to a closed terminal (EIO), and the app
    then blocked for ever on that thread's full queue."""
    from psoas_tui.tui.driver import TerminalOutput

    master, slave = os.openpty()
    stream = open(slave, "w", encoding="utf-8")  # noqa: SIM115 (closed below)
    try:
        output = TerminalOutput(stream)
        output.write("before")
        output.flush()
        assert not output.gone
        os.close(master)
        for _ in range(3):
            output.write("after" * 1000)
            output.flush()
        assert output.gone
    finally:
        with contextlib.suppress(OSError):
            stream.close()
