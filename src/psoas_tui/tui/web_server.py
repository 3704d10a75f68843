"""The web server behind `psoas serve`, where the app's terminal is a web page: textual-serve's,
keeping count of its pages and their app processes so that a closed page, or the server's end,
leaves no app process behind."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from asyncio.subprocess import Process
from pathlib import Path

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

log = logging.getLogger("psoas-serve")

PAGE_FOLDER = Path(__file__).resolve().parent / "web_page"
"""The page's template: textual-serve's, with addresses relative to the page, the font served
locally and a beep for the terminal bell."""


class AppSession(AppService):
    """One page's app process (textual-serve's), kept so that it can be waited for or killed."""

    @property
    def process(self) -> Process | None:
        return self._process

    async def end(self, grace: float) -> None:
        """Ask the app to quit; kill it if it has not ended within `grace` seconds."""
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.stop(), grace)
        process = self._process
        if process is None or process.returncode is not None:
            return
        try:
            await asyncio.wait_for(process.wait(), grace)
        except TimeoutError:
            self.kill()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(process.wait(), grace)

    def kill(self) -> None:
        process = self._process
        if process is not None and process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()


class PageServer(Server):
    """textual-serve's server with psoas's page, and every page and app process accounted for."""

    def __init__(self, command: str, *, host: str, port: int, grace: float = 5.0) -> None:
        super().__init__(command, host=host, port=port, title="psoas", templates_path=PAGE_FOLDER)
        self.grace = grace
        self.pages: set[web.WebSocketResponse] = set()
        self.sessions: set[AppSession] = set()

    async def make_web_app(self) -> web.Application:
        return await self._make_app()

    async def on_startup(self, app: web.Application) -> None:
        """Says nothing: `psoas serve` prints its own line once it listens."""

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One page: start its app, pass keys and screen updates both ways until the page
        closes, then end the app."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        session: AppSession | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            self.pages.add(websocket)
            session = AppSession(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.sessions.add(session)
            await session.start(width, height)
            await self._process_messages(websocket, session)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await websocket.close()
        except Exception as error:  # one line on the server's terminal, never a traceback
            log.warning("a page's app stopped: %s", error or type(error).__name__)
        finally:
            self.pages.discard(websocket)
            if session is not None:
                await asyncio.shield(self._end(session))
        return websocket

    async def _end(self, session: AppSession) -> None:
        try:
            await session.end(self.grace)
        finally:
            self.sessions.discard(session)

    async def close_pages(self) -> None:
        """Close every page (each one's app is then asked to quit)."""
        for page in list(self.pages):
            with contextlib.suppress(Exception):
                await page.close()

    async def end_apps(self) -> None:
        """End the app processes still running: asked to quit, killed after the grace time."""
        ending = [session.end(self.grace) for session in list(self.sessions)]
        if ending:
            await asyncio.gather(*ending, return_exceptions=True)

    def kill_all(self) -> None:
        for session in list(self.sessions):
            session.kill()
