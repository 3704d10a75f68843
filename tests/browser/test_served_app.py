"""`psoas serve` in a real browser: Debian's Chromium, headless, driven by Playwright.

The server runs as `psoas serve` does for a user, on a free loopback port with a data folder of
its own. The page draws the app with xterm.js on a canvas, so the test reads the screen from
xterm.js's own buffer (what it draws), found by a trap set before the page's scripts run. Keys
are typed into the page as a person would. Without Chromium or Playwright the tests are skipped
with the reason, except when `PSOAS_REQUIRE_BROWSER=1` (as `.ci/run` sets): then they fail.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from psoas_tui.paths import builtin_routines_dir

pytestmark = pytest.mark.xdist_group("browser")  # one worker: the server and browser are shared

CHROMIUM = os.environ.get("PSOAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""No connection leaves the machine (this one has no network but the loopback)."""
TIMEOUT_MS = 15_000
PAGES_AT_ONCE = 4
"""The closing test opens its 20 pages this many at a time (their apps start side by side)."""

TERMINAL_TRAP = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    if (value && value.buffer && value.buffer.active) window.psoasTerminal = value;
  },
});
"""
"""Keeps the page's xterm.js terminal (textual-serve assigns it to `this.terminal`) where the
test can read its buffer."""
SCREEN_TEXT = """
() => {
  const terminal = window.psoasTerminal;
  if (!terminal) return "";
  const buffer = terminal.buffer.active;
  const rows = [];
  for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}
"""
SHOWS = f"""
([text, gone]) => {{
  const screen = ({SCREEN_TEXT})();
  return screen.includes(text) && !(gone && screen.includes(gone));
}}
"""

ROUTINE = """\
schema = 1
name = "Browser check"
description = "A three-second hold, played in the browser."

[defaults]
prep_seconds = 1
rest_seconds = 0
switch_seconds = 0

[[moves]]
id = "tiny-hold"
name = "Tiny hold"
hold_seconds = 3

[[exercises]]
exercise = "tiny-hold"
"""


def _missing_browser() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    if not Path(CHROMIUM).is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    missing = _missing_browser()
    if missing is not None:
        if os.environ.get("PSOAS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"PSOAS_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(f"no browser to test in: {missing}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class Served:
    """A running `psoas serve`: its process, address and data folder."""

    def __init__(self, process: subprocess.Popen[str], url: str, home: Path) -> None:
        self.process = process
        self.url = url
        self.home = home

    def app_processes(self) -> list[Any]:
        import psutil

        return psutil.Process(self.process.pid).children(recursive=True)

    def psoas(self, *argv: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "psoas_tui", *argv],
            env=_environment(self.home),
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return done.stdout


def _environment(home: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment["PSOAS_HOME"] = str(home)
    environment.pop("PSOAS_AUDIO", None)  # `psoas serve` turns local sound off by itself
    return environment


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_server(home: Path) -> Served:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "psoas_tui", "serve", "--port", str(port)],
        env=_environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    assert f"http://127.0.0.1:{port}" in first, first
    return Served(process, f"http://127.0.0.1:{port}/", home)


def _stop_server(server: Served) -> None:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
        try:
            server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


@pytest.fixture(scope="module")
def served(chromium: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A server for the module, its data folder holding a three-second routine of the user's."""
    home = tmp_path_factory.mktemp("served-home")
    (home / "routines").mkdir()
    (home / "routines" / "browser-check.toml").write_text(ROUTINE, encoding="utf-8")
    server = _start_server(home)
    try:
        yield server
    finally:
        _stop_server(server)


def _open(chromium: Any, served: Served) -> Any:
    page = _open_page(chromium, served)
    _drawn(page)
    page.focus("textarea.xterm-helper-textarea")
    return page


def _open_page(chromium: Any, served: Served) -> Any:
    """A new page on the server: its app starts (without waiting for it to draw)."""
    page = chromium.new_page(viewport={"width": 1200, "height": 800})
    page.add_init_script(TERMINAL_TRAP)
    page.goto(served.url)
    return page


def _drawn(page: Any) -> None:
    """Wait for the page's app to have drawn (textual-serve marks its first byte)."""
    page.wait_for_function("() => document.body.classList.contains('-first-byte')")


def _wait_for(page: Any, text: str, instead_of: str | None = None) -> None:
    """Wait until the page shows `text` (and no longer `instead_of`, the screen left)."""
    try:
        page.wait_for_function(SHOWS, arg=[text, instead_of], timeout=TIMEOUT_MS)
    except Exception as error:
        screen = page.evaluate(SCREEN_TEXT)
        raise AssertionError(f"{text!r} not on the page; the screen:\n{screen}") from error


def test_the_app_in_the_browser_plays_a_routine_into_the_history(
    chromium: Any, served: Served
) -> None:
    page = _open(chromium, served)
    _wait_for(page, "Before you start")  # the safety note, the first time
    page.keyboard.press("Enter")
    _wait_for(page, "Stretch and strengthen your psoas")
    _wait_for(page, "Suggested now")

    page.keyboard.press("c")
    _wait_for(page, "to filter by name")  # the catalogue
    page.keyboard.press("Escape")
    _wait_for(page, "Suggested now", instead_of="to filter by name")

    page.keyboard.press("t")
    _wait_for(page, "Self-test · page 1")
    page.keyboard.press("Escape")
    _wait_for(page, "Suggested now", instead_of="Self-test · page")

    page.keyboard.press("r")
    _wait_for(page, "Browser check")
    for _ in builtin_routines_dir().glob("*.toml"):  # the user's routines come last
        page.keyboard.press("ArrowDown")
    _wait_for(page, "A three-second hold")  # its preview: the routine is chosen
    page.keyboard.press("p")
    _wait_for(page, "Tiny hold")
    assert "sound + voice" not in page.evaluate(SCREEN_TEXT)  # the badge: the page's bell
    _wait_for(page, "Well done!")
    bells = page.evaluate("window.psoasBells")
    page.keyboard.press("2")  # about right
    page.close()

    sessions = json.loads(served.psoas("history", "--json"))
    assert [(s["routine"]["name"], s["outcome"]) for s in sessions] == [
        ("Browser check", "completed")
    ]
    assert bells >= 2, "the cues' bell did not reach the page"


def test_closed_pages_leave_no_app_running(chromium: Any, served: Served) -> None:
    started = set()
    running = []
    for _ in range(20 // PAGES_AT_ONCE):  # 20 pages opened and closed, a few at a time
        pages = [_open_page(chromium, served) for _ in range(PAGES_AT_ONCE)]
        for page in pages:
            _drawn(page)  # its app has drawn
        apps = served.app_processes()
        started.update(app.pid for app in apps)
        running.append(len(apps))
        for page in pages:
            page.close()
    deadline = time.monotonic() + 15
    while served.app_processes() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert served.app_processes() == []
    assert len(started) >= 20, "a page did not get an app of its own"
    assert max(running) <= PAGES_AT_ONCE + 2, f"the apps of closed pages piled up: {running}"


def test_ctrl_c_stops_the_server_and_its_apps(chromium: Any, tmp_path: Path) -> None:
    served = _start_server(tmp_path)
    try:
        page = _open(chromium, served)
        _wait_for(page, "Before you start")
        apps = served.app_processes()
        assert len(apps) == 1
        served.process.send_signal(signal.SIGINT)
        output, _ = served.process.communicate(timeout=20)
        page.close()
    finally:
        _stop_server(served)
    assert served.process.returncode == 0
    assert "Traceback" not in output, output
    assert output.strip() == "psoas serve: stopping"
    assert not [app for app in apps if app.is_running() and app.status() != "zombie"]
