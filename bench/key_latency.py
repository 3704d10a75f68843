"""Benchmark: key press to repaint latency of the player, beside a bare Textual app, same run.

Headless (Textual's `run_test`, 80x24), for the keys space (pause/resume), n (next segment) and
plus (+5 s), `--presses` times each:

* direct: the key event is handed to the app the way `Pilot.press` does (`driver.send_message`),
  then the benchmark polls (`await asyncio.sleep(0)`) until the widgets show the change
  ("widget") and until a frame with the change is rendered ("frame": the first call of
  `App._display` whose screen shows it);
* pilot: `await pilot.press(key)` and check the change is there, the round trip a test sees. Pilot
  waits for the app to go idle (at least two 20 ms sleeps), so this has a floor of about 45 ms.

The player is `PsoasApp(plan=..., clock=FakeClock())`: time does not move, so only the keys
change the screen. The baseline is a bare Textual app (Header + Static + Footer) whose bindings
for the same keys update the Static.

Terminal (tmux, 80x24, unless `--no-tmux`): `python -m psoas_tui play` (real clock, paused first
so the countdown stands still) and the bare app, each in a private tmux server; `tmux send-keys`,
then `capture-pane` in a tight loop until the change shows. This includes two tmux client
processes per sample and the poll period (a few ms), the same for both apps.

    .venv/bin/python bench/key_latency.py [--presses 50] [--tmux-presses 20] [--no-tmux]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from textual import events
from textual.app import App
from textual.widgets import Digits, Static

from psoas_tui.player.clock import FakeClock
from psoas_tui.routine.parse import parse_routine_text
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.tui.app import PsoasApp

KEYS = ("space", "n", "plus")
CHARACTERS = {"space": " ", "n": "n", "plus": "+"}
TMUX_KEYS = {"space": "Space", "n": "n", "plus": "+"}
TIMEOUT = 3.0
_EXERCISES = ("low-lunge", "couch-stretch", "supine-psoas-stretch", "cobra-pose")
ROUTINE = (
    'schema = 1\nname = "Key latency bench"\n\n'
    "[defaults]\nprep_seconds = 5\nrest_seconds = 15\nswitch_seconds = 5\n"
    + "".join(
        f'\n[[exercises]]\nexercise = "{_EXERCISES[n % len(_EXERCISES)]}"\nhold_seconds = 30\n'
        for n in range(30)
    )
)
BARE_APP = '''from textual.app import App
from textual.binding import Binding
from textual.widgets import Footer, Header, Static


class Bare(App):
    """A bare app: a key binding updates a Static."""

    BINDINGS = [
        Binding("space", "bump('space')", "Pause"),
        Binding("n", "bump('n')", "Next"),
        Binding("plus", "bump('plus')", "+5s"),
        Binding("q", "quit", "Quit"),
    ]

    def compose(self):
        yield Header()
        yield Static("ready", id="text")
        yield Footer()

    def on_mount(self):
        self.count = 0

    def action_bump(self, key):
        self.count += 1
        self.query_one("#text", Static).update(f"{key} pressed, {self.count} in all")


if __name__ == "__main__":
    Bare().run()
'''


def load_bare() -> type[App[None]]:
    namespace: dict[str, object] = {"__name__": "bare_app"}
    exec(compile(BARE_APP, "bare_app", "exec"), namespace)
    bare = namespace["Bare"]
    assert isinstance(bare, type)
    return bare


def plan() -> RoutinePlan:
    return parse_routine_text(Path("key-latency-bench.toml"), ROUTINE).plan


# --- headless ----------------------------------------------------------------------------------
@dataclass
class Timings:
    widget: list[float] = field(default_factory=list)
    frame: list[float] = field(default_factory=list)
    pilot: list[float] = field(default_factory=list)
    tmux: list[float] = field(default_factory=list)


def player_signature(app: App[None]) -> tuple[str, ...]:
    screen = app.screen
    texts = [str(screen.query_one(f"#{name}", Static).content) for name in ("headline", "hint")]
    texts += [str(screen.query_one(f"#{name}", Static).content) for name in ("next", "set")]
    texts.append(screen.query_one("#countdown", Digits).value)
    return tuple(texts)


def bare_signature(app: App[None]) -> tuple[str, ...]:
    return (str(app.screen.query_one("#text", Static).content),)


async def _until(done: Callable[[], bool], started: float, what: str) -> float:
    while not done():
        if time.perf_counter() - started > TIMEOUT:
            raise SystemExit(f"key_latency.py: no {what} within {TIMEOUT} s")
        await asyncio.sleep(0)
    return time.perf_counter()


async def headless(
    make: Callable[[], App[None]],
    signature: Callable[[App[None]], tuple[str, ...]],
    presses: int,
) -> dict[str, Timings]:
    app = make()
    results = {key: Timings() for key in KEYS}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        signature(app)  # the screen is up
        frames: list[tuple[float, tuple[str, ...]]] = []
        display = app._display

        def recording_display(screen: object, renderable: object) -> None:
            if renderable is not None:
                frames.append((time.perf_counter(), signature(app)))
            display(screen, renderable)  # type: ignore[arg-type]

        app._display = recording_display  # type: ignore[method-assign]
        driver = app._driver
        assert driver is not None
        for key in KEYS:
            for _ in range(presses):
                # direct: the key goes in as from the terminal; poll for widget, then frame
                before = signature(app)
                frames.clear()
                event = events.Key(key, CHARACTERS[key])
                event.set_sender(app)
                started = time.perf_counter()
                driver.send_message(event)
                widget = await _until(lambda b=before: signature(app) != b, started, "change")
                await _until(lambda b=before: any(sig != b for _, sig in frames), started, "frame")
                frame = next(at for at, sig in frames if sig != before)
                results[key].widget.append(widget - started)
                results[key].frame.append(frame - started)
                await pilot.pause()
                # pilot: the round trip of `await pilot.press(key)`
                before = signature(app)
                started = time.perf_counter()
                await pilot.press(key)
                if signature(app) == before:
                    await _until(lambda b=before: signature(app) != b, started, "change")
                results[key].pilot.append(time.perf_counter() - started)
                await pilot.pause()
    return results


# --- tmux --------------------------------------------------------------------------------------
def tmux(socket: str, *args: str) -> str:
    command = ["tmux", "-L", socket, "-f", "/dev/null", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def terminal(
    label: str, command: list[str], home: Path, presses: int, pause_first: bool
) -> dict[str, Timings]:
    socket = f"psoas-keys-{os.getpid()}-{label}"
    session = ["new-session", "-d", "-s", "bench", "-x", "80", "-y", "24"]
    for variable in ("TERM=xterm-256color", "COLORTERM=truecolor", f"PSOAS_HOME={home}"):
        session += ["-e", variable]
    tmux(socket, *session, shlex.join(command))
    results = {key: Timings() for key in KEYS}
    try:
        screen = _wait_stable(socket)
        if pause_first:  # the countdown stands still while paused
            tmux(socket, "send-keys", "-t", "bench", "Space")
            screen = _wait_for(socket, lambda text: "PAUSED" in text)
            time.sleep(0.3)
        for key in KEYS:
            for _ in range(presses):
                before = screen = tmux(socket, "capture-pane", "-p", "-t", "bench")
                if key == "space" and pause_first:

                    def changed(text: str, b: str = before) -> bool:
                        return ("PAUSED" in text) != ("PAUSED" in b)
                else:

                    def changed(text: str, b: str = before) -> bool:
                        return text != b

                started = time.perf_counter()
                tmux(socket, "send-keys", "-t", "bench", TMUX_KEYS[key])
                screen = _wait_for(socket, changed)
                results[key].tmux.append(time.perf_counter() - started)
                time.sleep(0.15)
            if key == "space" and pause_first and "PAUSED" not in screen:
                tmux(socket, "send-keys", "-t", "bench", "Space")  # paused again for the rest
                _wait_for(socket, lambda text: "PAUSED" in text)
                time.sleep(0.3)
    finally:
        tmux(socket, "kill-server")
        remove_socket(socket)
    return results


def remove_socket(socket: str) -> None:
    """tmux leaves its socket file behind after kill-server; remove it."""
    folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
    (folder / socket).unlink(missing_ok=True)


def _wait_for(socket: str, done: Callable[[str], bool]) -> str:
    started = time.perf_counter()
    while True:
        text = tmux(socket, "capture-pane", "-p", "-t", "bench")
        if done(text):
            return text
        if time.perf_counter() - started > TIMEOUT:
            raise SystemExit(f"key_latency.py: tmux screen did not change:\n{text}")


def _wait_stable(socket: str) -> str:
    previous, stable = "", 0
    for _ in range(150):
        time.sleep(0.1)
        text = tmux(socket, "capture-pane", "-p", "-t", "bench")
        stable = stable + 1 if text.strip() and text == previous else 0
        if stable >= 3:
            return text
        previous = text
    raise SystemExit(f"key_latency.py: the program did not settle:\n{previous}")


# --- report ------------------------------------------------------------------------------------
def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def row(label: str, ours: list[float], base: list[float]) -> str:
    o_med, b_med = statistics.median(ours) * 1000, statistics.median(base) * 1000
    o_95, b_95 = p95(ours) * 1000, p95(base) * 1000
    return (
        f"{label:24} {o_med:8.2f} {o_95:8.2f} {b_med:8.2f} {b_95:8.2f} "
        f"{o_med / b_med:6.2f}× {o_95 / b_95:6.2f}×"
    )


def report(kind: str, ours: dict[str, Timings], base: dict[str, Timings], count: int) -> None:
    print(f"\n{kind}, {count} presses per key; ms")
    header = f"{'key / measure':24} {'player':>8} {'p95':>8} {'bare':>8} {'p95':>8}"
    print(f"{header} {'ratio':>7} {'p95':>7}")
    every: dict[str, tuple[list[float], list[float]]] = {}
    for key in KEYS:
        for measure in ("widget", "frame", "pilot", "tmux"):
            values, baseline = getattr(ours[key], measure), getattr(base[key], measure)
            if not values:
                continue
            print(row(f"{key} {measure}", values, baseline))
            all_ours, all_base = every.setdefault(measure, ([], []))
            all_ours.extend(values)
            all_base.extend(baseline)
    for measure, (values, baseline) in every.items():
        print(row(f"all keys {measure}", values, baseline))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=50, help="headless presses per key")
    parser.add_argument("--tmux-presses", type=int, default=20, help="tmux presses per key")
    parser.add_argument("--no-tmux", action="store_true", help="skip the terminal part")
    args = parser.parse_args()
    bare = load_bare()
    with tempfile.TemporaryDirectory(prefix="psoas-keys-") as tmp:
        folder = Path(tmp)
        home = folder / "home"
        home.mkdir()
        os.environ["PSOAS_HOME"] = str(home)

        def player() -> App[None]:
            return PsoasApp(plan=plan(), clock=FakeClock())

        ours = asyncio.run(headless(player, player_signature, args.presses))
        base = asyncio.run(headless(bare, bare_signature, args.presses))
        report("headless (run_test)", ours, base, args.presses)
        if not args.no_tmux:
            routine = folder / "keys.toml"
            routine.write_text(ROUTINE)
            bare_file = folder / "bare.py"
            bare_file.write_text(BARE_APP)
            python = sys.executable
            play = [python, "-m", "psoas_tui", "play", str(routine)]
            ours_t = terminal("player", play, home, args.tmux_presses, pause_first=True)
            base_t = terminal("bare", [python, str(bare_file)], home, args.tmux_presses, False)
            report("terminal (tmux send-keys → capture-pane)", ours_t, base_t, args.tmux_presses)
    print(
        "\nwidget: key sent → widgets changed; frame: → first frame showing it; "
        "pilot: `await pilot.press` round trip; tmux: send-keys → capture-pane shows it"
    )


if __name__ == "__main__":
    main()
