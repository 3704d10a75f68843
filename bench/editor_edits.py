"""Benchmark: what one edit costs in the routine editor, and a save's text, and undo/redo.

For three routine files — `tests/core/commented_routine.toml` (comments everywhere), the longest
built-in routine (most `[[exercises]]`), and a generated one of 60 exercises — it times, on the
same catalogue, interleaved with the baseline:

* baseline: `parse_routine_text` of the file's text (what `psoas check` does for one file);
* `set`: one change to the draft (`RoutineDraft.set`, an exercise's `sets`) alone;
* `edit`: that change and the live check the editor runs after it, as `EditSession.check` does
  (`check_data(draft.data(), …)`: validate, resolve, timeline) — the cost of one key that changes
  a field;
* `typed key`: the editor's own work for one key typed in a field, without Textual: the draft
  read (`get`), the change (`set(..., typing=True)`), the check, and the `REFRESH_GETS` reads of
  the draft `EditorScreen.refresh_all` makes to show the fields (each `get` copies the whole
  draft); `get` alone is timed too;
* `edited_text`: the text a save writes for a user's file (tomlkit: parse the opened text, put the
  draft's values in, dump), after one change; beside it `tomli_w.dumps` of the same data (what a
  new routine's save is, without the comments and layout);
* `undo ×200` / `redo ×200`: 200 steps back after 200 changes (`UNDO_LIMIT`), then 200 forward,
  in all; `undo+check ×200`: 200 steps back with the live check after each (the editor checks
  again after an undo).

Medians of `--repeat` timings (each the mean of a batch of calls, so that short calls are above
the timer's resolution), and each one's ratio to the baseline's median of the same run. A frame
at 60 Hz is 16.7 ms: `edit` should fit in one.

    .venv/bin/python bench/editor_edits.py [--repeat 15] [--exercises 60]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.model import Catalogue
from psoas_tui.editing.check import check_data
from psoas_tui.editing.draft import UNDO_LIMIT, RoutineDraft
from psoas_tui.editing.preserve import edited_text
from psoas_tui.routine.parse import parse_routine_text

ROOT = Path(__file__).resolve().parent.parent
COMMENTED = ROOT / "tests" / "core" / "commented_routine.toml"
FRAME_MS = 1000 / 60
REFRESH_GETS = 20
"""`draft.get` calls in `EditorScreen.refresh_all` with a custom move picked: 6 routine fields, 8
exercise fields, 2 move fields (each finds its move: 2 reads, then its own), and finding the move
once more to show or hide the move's fields."""


def longest_builtin() -> Path:
    """The built-in routine with the most exercises (then the most lines)."""
    files = sorted(paths.builtin_routines_dir().glob("*.toml"))

    def size(path: Path) -> tuple[int, int]:
        text = path.read_text(encoding="utf-8")
        return text.count("[[exercises]]"), text.count("\n")

    return max(files, key=size)


def generated_text(catalogue: Catalogue, count: int) -> str:
    """A routine of `count` exercises, cycling through the catalogue, with a comment above each
    and a custom move, as a person might write a long one by hand."""
    ids = [exercise.id for exercise in catalogue.exercises]
    lines = [
        "# A long routine, generated for the benchmark.",
        "schema = 1",
        f'name = "Generated, {count} exercises"',
        'description = "Every exercise of the catalogue, again and again."',
        'tags = ["bench", "long"]',
        "",
        "[defaults]",
        "prep_seconds = 5   # a moment to get in place",
        "rest_seconds = 15",
        "",
        "# a move of my own",
        "[[moves]]",
        'id = "wall-lean"',
        'name = "Wall lean"',
        "hold_seconds = 20",
    ]
    for number in range(count):
        lines += ["", f"# exercise {number + 1}", "[[exercises]]"]
        if number % 10 == 9:
            lines.append('exercise = "wall-lean"')
        else:
            lines.append(f'exercise = "{ids[number % len(ids)]}"')
        if number % 3 == 0:
            lines.append(f"sets = {1 + number % 3}   # a note on the sets")
    return "\n".join(lines) + "\n"


def timed(action: Callable[[], object], batch: int) -> float:
    """Seconds a call of `action` takes: the mean of `batch` calls in a row."""
    start = time.perf_counter()
    for _ in range(batch):
        action()
    return (time.perf_counter() - start) / batch


def median_ms(values: list[float]) -> float:
    return 1000 * statistics.median(values)


def measure(path: Path, text: str, catalogue: Catalogue, repeat: int) -> dict[str, list[float]]:
    data: dict[str, Any] = tomllib.loads(text)
    count = len(data.get("exercises", []))
    draft = RoutineDraft.from_data(data)
    routine_id = path.stem
    state = {"sets": 0}

    def one_set() -> None:
        state["sets"] = state["sets"] % 5 + 1
        draft.set(("exercises", count // 2, "sets"), state["sets"])

    def edit() -> None:
        one_set()
        checked = check_data(draft.data(), catalogue, routine_id=routine_id)
        assert checked.ok, checked.problems

    def typed_key() -> None:
        loc = ("exercises", count // 2, "notes")
        draft.get(loc)
        state["sets"] += 1
        draft.set(loc, f"typed {state['sets']}", typing=True)
        check_data(draft.data(), catalogue, routine_id=routine_id)
        for _ in range(REFRESH_GETS):
            draft.get(("exercises", count // 2, "sets"))

    def one_get() -> None:
        draft.get(("exercises", count // 2, "sets"))

    def baseline() -> None:
        parse_routine_text(path, text, catalogue)

    def save_tomlkit() -> None:
        edited_text(text, draft.state)

    def save_tomli_w() -> None:
        tomli_w.dumps(draft.data())

    def undo_redo() -> tuple[float, float, float]:
        fresh = RoutineDraft.from_data(data)
        for step in range(UNDO_LIMIT):
            fresh.set(("exercises", step % count, "notes"), f"note {step}")
        start = time.perf_counter()
        undone = sum(fresh.undo() for _ in range(UNDO_LIMIT))
        undo_s = time.perf_counter() - start
        start = time.perf_counter()
        redone = sum(fresh.redo() for _ in range(UNDO_LIMIT))
        redo_s = time.perf_counter() - start
        assert undone == redone == UNDO_LIMIT
        start = time.perf_counter()
        for _ in range(UNDO_LIMIT):
            fresh.undo()
            check_data(fresh.data(), catalogue, routine_id=routine_id)
        checked_s = time.perf_counter() - start
        return undo_s, redo_s, checked_s

    # Each once first: imports, caches, the catalogue's first use.
    for action in (baseline, edit, save_tomlkit, save_tomli_w):
        action()
    edited = edited_text(text, draft.state)
    assert tomllib.loads(edited) == draft.data(), "edited_text lost or changed a value"
    results: dict[str, list[float]] = {
        name: []
        for name in (
            "baseline",
            "set",
            "edit",
            "get",
            "typed key",
            "edited_text",
            "tomli_w",
            "undo ×200",
            "redo ×200",
            "undo+check ×200",
        )
    }
    batch = 5
    for _ in range(repeat):
        results["baseline"].append(timed(baseline, batch))
        results["set"].append(timed(one_set, batch))
        results["edit"].append(timed(edit, batch))
        results["get"].append(timed(one_get, batch))
        results["typed key"].append(timed(typed_key, batch))
        results["edited_text"].append(timed(save_tomlkit, batch))
        results["tomli_w"].append(timed(save_tomli_w, batch))
        undo_s, redo_s, checked_s = undo_redo()
        results["undo ×200"].append(undo_s)
        results["redo ×200"].append(redo_s)
        results["undo+check ×200"].append(checked_s)
        gc.collect()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--exercises", type=int, default=60)
    args = parser.parse_args()
    catalogue = load_catalogue()
    builtin = longest_builtin()
    generated = generated_text(catalogue, args.exercises)
    files = [
        ("commented_routine", COMMENTED, COMMENTED.read_text(encoding="utf-8")),
        (builtin.stem, builtin, builtin.read_text(encoding="utf-8")),
        (f"generated-{args.exercises}", Path("generated.toml"), generated),
    ]
    print(
        f"medians of {args.repeat} (each the mean of a batch), ms; ratio to the baseline "
        f"(parse_routine_text of the same file); a 60 Hz frame is {FRAME_MS:.1f} ms"
    )
    for label, path, text in files:
        exercises = len(tomllib.loads(text).get("exercises", []))
        results = measure(path, text, catalogue, args.repeat)
        base = median_ms(results["baseline"])
        print(f"\n{label}: {exercises} exercises, {text.count(chr(10))} lines")
        for name, values in results.items():
            ms = median_ms(values)
            spread = f"({1000 * min(values):.3f}–{1000 * max(values):.3f})"
            ratio = "" if name == "baseline" else f"{ms / base:6.2f}×"
            within = "within" if ms <= FRAME_MS else "OVER"
            frame = f"  {within} a frame" if name in ("edit", "typed key") else ""
            if name.endswith("×200"):
                frame = f"  {1000 * ms / UNDO_LIMIT:.2f} µs a step"
            print(f"  {name:<16} {ms:8.3f} ms {spread:<20} {ratio}{frame}")
        save_ratio = median_ms(results["edited_text"]) / median_ms(results["tomli_w"])
        print(f"  edited_text ÷ tomli_w: {save_ratio:.1f}×")


if __name__ == "__main__":
    main()
