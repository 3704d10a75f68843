"""`psoas serve`: the whole app in a web browser, through textual-serve.

Each page opened starts the app (`python -m psoas_tui`, with this process's data folders, so the
history is the same as in the terminal) as a process of its own; closing the page ends it. The
app runs with `PSOAS_AUDIO=off` (no sound player or speech engine starts on the server's machine)
and rings the terminal bell for its cues, which the page turns into a beep. The port is taken
before anything starts: a port in use is one line and exit status 1. Ctrl-C (or SIGTERM) ends
every app still open (a session in progress is kept as interrupted) and then the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import logging
import os
import shlex
import signal
import socket
import sys
from typing import TextIO

from psoas_tui.audio.processes import AUDIO_SWITCH
from psoas_tui.cli import exit_codes
from psoas_tui.cli.terminal import SERVED, say

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
QUIT_GRACE = 5.0
"""Seconds an app has to end after its page closed (or the server stops) before it is killed."""


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable only from this machine (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str) -> str:
    return (
        f"psoas serve: warning: listening on {host}, not on the loopback address: anyone who can "
        "reach this address can use the app and see its history (use --host 127.0.0.1 to keep "
        "it on this machine)"
    )


def app_command(python: str = sys.executable, platform: str = sys.platform) -> str:
    """The shell command that textual-serve runs for each page: this program's app. On POSIX
    the shell execs it, so each page costs one process."""
    command = shlex.join([python, "-m", "psoas_tui"])
    return command if platform == "win32" else f"exec {command}"


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to `host`:`port` and listening (raises OSError: in use, no such
    address)."""
    family, kind, proto, _name, address = socket.getaddrinfo(
        host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        if os.name == "posix":  # reuse a port in TIME_WAIT, never one that is listening
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


def listen_problem(host: str, port: int, error: OSError) -> str:
    """The one line that says why `host`:`port` cannot be listened on."""
    if error.errno == errno.EADDRINUSE:
        return (
            f"psoas serve: port {port} on {host} is in use (another psoas serve?); "
            "choose another with --port"
        )
    if isinstance(error, socket.gaierror) or error.errno == errno.EADDRNOTAVAIL:
        return f"psoas serve: {host} is not an address of this machine; try --host 127.0.0.1"
    if error.errno == errno.EACCES:
        return f"psoas serve: no permission to listen on port {port}; choose one above 1023"
    reason = (error.strerror or str(error)).lower()
    return f"psoas serve: cannot listen on {host}:{port}: {reason}"


def page_address(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def network_addresses(host: str, port: int) -> list[str]:
    """Where another device (the tablet on the floor) finds the app when it listens on every
    address (0.0.0.0, ::): this machine's name and its addresses other than the loopback one."""
    if host not in ("0.0.0.0", "::", ""):
        return []
    name = socket.gethostname()
    try:
        found = socket.getaddrinfo(name, port, socket.AF_INET, socket.SOCK_STREAM)
    except OSError:
        found = []
    numbers = sorted({str(info[4][0]) for info in found} - {"127.0.0.1", "127.0.1.1"})
    return [f"http://{where}:{port}" for where in (name, *numbers) if where]


def run(host: str, port: int, out: TextIO) -> int:
    """Serve the app on `host`:`port` until Ctrl-C or SIGTERM."""
    if not 0 < port < 65536:
        say(f"psoas serve: --port {port}: choose a port from 1 to 65535")
        return exit_codes.USAGE
    if not is_loopback(host):
        say(exposure_warning(host))
    try:
        sock = listen(host, port)
    except OSError as error:
        say(listen_problem(host, port, error))
        return exit_codes.PROBLEMS
    os.environ[SERVED] = "1"  # the app's own environment, inherited by every page's process
    os.environ[AUDIO_SWITCH] = "off"
    logging.basicConfig(level=logging.WARNING, format="psoas serve: %(message)s")
    try:
        asyncio.run(_serve(sock, host, port, out))
    finally:
        sock.close()
    return exit_codes.OK


async def _serve(sock: socket.socket, host: str, port: int, out: TextIO) -> None:
    from aiohttp import web

    from psoas_tui.tui.web_server import PageServer

    server = PageServer(app_command(), host=host, port=port, grace=QUIT_GRACE)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    stops = 0

    def on_signal() -> None:
        nonlocal stops
        stops += 1
        stop.set()
        if stops > 1:  # a second Ctrl-C: no more waiting for the apps
            server.kill_all()

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(number, on_signal)
    runner = web.AppRunner(await server.make_web_app(), handle_signals=False, access_log=None)
    await runner.setup()
    site = web.SockSite(runner, sock, shutdown_timeout=QUIT_GRACE)
    await site.start()
    print(
        f"psoas serve: the app is at {page_address(host, port)} — open it in a browser "
        "(each page is a session of its own); Ctrl-C stops",
        file=out,
        flush=True,
    )
    elsewhere = network_addresses(host, port)
    if elsewhere:
        print(
            f"psoas serve: from another device on your network: {' or '.join(elsewhere)}",
            file=out,
            flush=True,
        )
    try:
        await stop.wait()
    finally:
        print("psoas serve: stopping", file=out, flush=True)
        await server.close_pages()
        await runner.cleanup()
        await server.end_apps()
