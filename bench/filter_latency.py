"""Benchmark: typing in the catalogue filter → the list repainted, beside a bare Textual app.

Headless: for each key, the time from handing the key event to the driver until the app has
written a new frame that shows the filtered list (the app's `_display` is watched, and the
frame counts only once the list reflects the new text). The baseline is a bare app with an
Input and an OptionList of the same 25 names, filtered the simplest way.

    .venv/bin/python bench/filter_latency.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Callable

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList

WORDS = ["kneeling", "chair", "bed", "dead bug", "march", "stretch"]


class BareFilter(App[None]):
    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names

    def compose(self) -> ComposeResult:
        yield Input(id="filter")
        yield OptionList(*self.names, id="list")

    def on_input_changed(self, event: Input.Changed) -> None:
        options = self.query_one("#list", OptionList)
        options.clear_options()
        options.add_options([n for n in self.names if event.value.lower() in n.lower()])


async def measure(
    app: App[None], open_keys: list[str], rounds: int, expected_count: Callable[[str], int]
) -> list[float]:
    times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key in open_keys:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
        paints: list[float] = []
        display = app._display

        def spy(screen: object, renderable: object) -> None:
            paints.append(time.perf_counter())
            display(screen, renderable)  # type: ignore[arg-type]

        app._display = spy  # type: ignore[method-assign]
        field = app.screen.query_one("#filter", Input)
        options = app.screen.query_one(OptionList)
        for _ in range(rounds):
            for word in WORDS:
                for typed in range(1, len(word) + 1):
                    char = word[typed - 1]
                    expected = word[:typed]
                    want = expected_count(expected)
                    start = time.perf_counter()
                    event = events.Key("space" if char == " " else char, char)
                    event.set_sender(app)
                    assert app._driver is not None
                    app._driver.send_message(event)
                    applied = None
                    while True:
                        await asyncio.sleep(0.0005)
                        done = field.value == expected
                        if applied is None and done and options.option_count == want:
                            applied = time.perf_counter()
                        if applied is not None and paints and paints[-1] >= applied:
                            times.append(paints[-1] - start)
                            break
                        if time.perf_counter() - start > 5:
                            raise RuntimeError(f"no repaint after typing {expected!r}")
                field.value = ""
                await pilot.pause()
    return times


async def main(rounds: int) -> None:
    os.environ["PSOAS_HOME"] = tempfile.mkdtemp()
    from psoas_tui.catalogue.load import load_catalogue
    from psoas_tui.player.clock import FakeClock
    from psoas_tui.store.settings import Settings, save_settings
    from psoas_tui.tui.app import PsoasApp

    save_settings(Settings(safety_note_seen=True))
    from psoas_tui.catalogue.search import ExerciseFilter, search

    catalogue = load_catalogue()
    names = [exercise.name for exercise in catalogue]

    def ours_count(text: str) -> int:
        return len(search(catalogue, ExerciseFilter(text=text)))

    def bare_count(text: str) -> int:
        return sum(text.lower() in name.lower() for name in names)

    ours = await measure(PsoasApp(clock=FakeClock()), ["c", "slash"], rounds, ours_count)
    bare = await measure(BareFilter(names), [], rounds, bare_count)
    for label, values in (("bare Input+OptionList", bare), ("psoas catalogue filter", ours)):
        values = sorted(values)
        p95 = values[int(0.95 * (len(values) - 1))]
        print(
            f"{label:<24} median {1000 * statistics.median(values):6.1f} ms   "
            f"p95 {1000 * p95:6.1f} ms   max {1000 * values[-1]:6.1f} ms   ({len(values)} keys)"
        )
    print(f"ratio of medians: {statistics.median(ours) / statistics.median(bare):.2f}×")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    asyncio.run(main(parser.parse_args().rounds))
