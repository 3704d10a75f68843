"""The no-copying check: text of ours must not repeat a run of 8 words from a seed article."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from psoas_tui.textfile.names import normalise

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
"""The five source articles, beside the checkout (absent in a bare clone: tests then skip)."""
RUN = 8


@cache
def _seed_runs() -> frozenset[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for path in SEEDS.iterdir():
        words = normalise(path.read_text(errors="replace")).split()
        runs.update(tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1))
    return frozenset(runs)


def copied_run(text: str) -> str:
    """The first run of 8 words that `text` shares with a seed article, or ""."""
    words = normalise(text).split()
    seeds = _seed_runs()
    for i in range(len(words) - RUN + 1):
        if tuple(words[i : i + RUN]) in seeds:
            return " ".join(words[i : i + RUN])
    return ""
