"""`psoas serve` without a browser: the address and port checks, the warning for a host other
than the loopback, and Ctrl-C ending the server and the app of an open page (a websocket opened
as the page opens it). The browser's own test is tests/browser/test_served_app.py."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from cli_runs import run

from psoas_tui.cli.serve import app_command, is_loopback, network_addresses, page_address
from psoas_tui.cli.terminal import missing_terminal


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A loopback port that another program listens on."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield int(other.getsockname()[1])


def test_a_port_in_use_is_one_line_and_status_1(
    capsys: pytest.CaptureFixture[str], taken_port: int
) -> None:
    code, out, err = run(capsys, "serve", "--port", str(taken_port))
    assert code == 1
    assert out == ""
    assert err == (
        f"psoas serve: port {taken_port} on 127.0.0.1 is in use (another psoas serve?); "
        "choose another with --port\n"
    )


def test_another_host_is_warned_about(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as other:  # taken, so that the command ends after its checks
        other.bind(("0.0.0.0", 0))
        other.listen()
        port = other.getsockname()[1]
        code, _out, err = run(capsys, "serve", "--host", "0.0.0.0", "--port", str(port))
    warning, problem = err.splitlines()
    assert "listening on 0.0.0.0, not on the loopback address" in warning
    assert "anyone who can reach this address can use the app and see its history" in warning
    assert f"port {port} on 0.0.0.0 is in use" in problem
    assert code == 1


def test_the_loopback_is_not_warned_about(
    capsys: pytest.CaptureFixture[str], taken_port: int
) -> None:
    _code, _out, err = run(capsys, "serve", "--host", "localhost", "--port", str(taken_port))
    assert "warning" not in err


def test_an_address_not_of_this_machine_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "serve", "--host", "192.0.2.7", "--port", "8000")
    assert code == 1
    assert err.splitlines()[-1] == (
        "psoas serve: 192.0.2.7 is not an address of this machine; try --host 127.0.0.1"
    )


@pytest.mark.parametrize("port", ["0", "70000"])
def test_a_port_out_of_range_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], port: str
) -> None:
    code, _out, err = run(capsys, "serve", "--port", port)
    assert code == 2
    assert err == f"psoas serve: --port {port}: choose a port from 1 to 65535\n"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("my-laptop.local", False),
    ],
)
def test_which_hosts_are_the_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_page_address_printed() -> None:
    assert page_address("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert page_address("0.0.0.0", 8080) == "http://127.0.0.1:8080"
    assert page_address("::1", 8000) == "http://[::1]:8000"


def test_each_page_runs_this_program_as_one_process() -> None:
    assert app_command("/opt/py/bin/python", "linux") == "exec /opt/py/bin/python -m psoas_tui"
    assert app_command("C:/Py/python.exe", "win32") == "C:/Py/python.exe -m psoas_tui"
    assert app_command("/a b/python", "linux") == "exec '/a b/python' -m psoas_tui"


def test_the_served_app_needs_no_terminal_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSOAS_SERVED", "1")
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert missing_terminal() is None
    monkeypatch.delenv("TEXTUAL_DRIVER")  # PSOAS_SERVED alone does not make a terminal
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        assert missing_terminal() is not None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _open_page_then_stop(port: int, server: subprocess.Popen[str]) -> list[psutil.Process]:
    """Open the page's websocket, wait for the app to draw, stop the server with SIGINT; the
    app processes that were running."""
    import aiohttp

    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24") as page,
    ):
        drawn = 0
        while drawn < 1000:  # the app's first screen
            message = await asyncio.wait_for(page.receive(), 30)
            assert message.type == aiohttp.WSMsgType.BINARY, message
            drawn += len(message.data)
        apps = psutil.Process(server.pid).children(recursive=True)
        environment = apps[0].environ()
        command = apps[0].cmdline()
        server.send_signal(signal.SIGINT)
        while not page.closed:  # the server closes the page
            await asyncio.wait_for(page.receive(), 30)
    # the app is this program, on the same data, with no sound player or speech engine of its own
    assert command == [sys.executable, "-m", "psoas_tui"]
    assert environment["PSOAS_HOME"] == os.environ["PSOAS_HOME"]
    assert environment["PSOAS_AUDIO"] == "off"
    assert environment["PSOAS_SERVED"] == "1"
    return apps


def test_ctrl_c_ends_the_server_and_the_open_pages_app(
    psoas_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = _free_port()
    monkeypatch.delenv("PSOAS_AUDIO")  # `psoas serve` turns it off for its apps by itself
    environment = dict(os.environ, PSOAS_HOME=str(psoas_home))
    server = subprocess.Popen(
        [sys.executable, "-m", "psoas_tui", "serve", "--port", str(port)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        assert f"http://127.0.0.1:{port}" in server.stdout.readline()
        apps = asyncio.run(_open_page_then_stop(port, server))
        out, err = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert len(apps) == 1
    assert server.returncode == 0
    assert "Traceback" not in out + err
    assert err == ""
    assert out.strip() == "psoas serve: stopping"
    assert not apps[0].is_running() or apps[0].status() == psutil.STATUS_ZOMBIE


def test_listening_everywhere_says_where_a_tablet_finds_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket

    monkeypatch.setattr(socket, "gethostname", lambda: "desk")
    found = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, 8000))
        for ip in ("192.168.1.20", "127.0.1.1", "10.0.0.5")
    ]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: found)
    assert network_addresses("0.0.0.0", 8000) == [
        "http://desk:8000",
        "http://10.0.0.5:8000",
        "http://192.168.1.20:8000",
    ]
    assert network_addresses("127.0.0.1", 8000) == []
    assert network_addresses("192.168.1.20", 8000) == []

    def unknown(*args: object, **kwargs: object) -> object:
        raise OSError("no such name")

    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    assert network_addresses("::", 8000) == ["http://desk:8000"]
