"""Fuzz the three loaders (routines, self-test answers, settings) for longer than the test suite.

The inputs and the check are those of `tests/core/test_fuzz_loaders.py` (`tests/hostile_toml.py`):
structured TOML with hostile values, and mutated bytes of the files we ship. Every case must give
a loaded value or one-line `path:line:col: error: …` problems; anything else is a failure, printed
with its input. Baseline, on the same inputs in the same run: decoding and `tomllib.loads` only.

    .venv/bin/python bench/fuzz_loaders.py [CASES] [--seed 0]
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile_toml import LOADERS, Loader, check, inputs


def tomllib_only(data: bytes) -> str:
    """What tomllib alone makes of the bytes: "parsed", "TOML error" or the exception's name."""
    try:
        tomllib.loads(data.decode("utf-8"))
    except tomllib.TOMLDecodeError:
        return "TOML error"
    except Exception as error:  # what the loaders must turn into problems
        return type(error).__name__
    return "parsed"


@dataclass
class Outcome:
    """One loader's run."""

    failures: list[tuple[str, bytes]] = field(default_factory=list)
    results: collections.Counter[str] = field(default_factory=collections.Counter)
    tomllib_alone: collections.Counter[str] = field(default_factory=collections.Counter)
    loader_seconds: float = 0.0
    tomllib_seconds: float = 0.0

    @property
    def cases(self) -> int:
        return sum(self.tomllib_alone.values())


def fuzz(loader: Loader, cases: int, folder: Path, seed_value: int) -> Outcome:
    outcome = Outcome()
    path = folder / f"{loader}.toml"

    @seed(seed_value)
    @settings(
        max_examples=cases,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        content = data.draw(inputs(loader))
        start = time.perf_counter()
        outcome.tomllib_alone[tomllib_only(content)] += 1
        middle = time.perf_counter()
        result = check(loader, path, content)
        end = time.perf_counter()
        outcome.tomllib_seconds += middle - start
        outcome.loader_seconds += end - middle
        outcome.results[result.kind] += 1
        if result.failure is not None:
            outcome.failures.append((result.failure, content))

    run()
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", type=int, nargs="?", default=3000, help="cases in all")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    total = Outcome()
    print(f"{'loader':<9} {'cases':>6} {'failures':>8} {'cases/s':>8} {'tomllib cases/s':>16}")
    with tempfile.TemporaryDirectory() as tmp:
        for number, loader in enumerate(LOADERS):
            share = args.cases // len(LOADERS) + (number < args.cases % len(LOADERS))
            outcome = fuzz(loader, share, Path(tmp), args.seed + number)
            total.failures += outcome.failures
            total.tomllib_alone += outcome.tomllib_alone
            total.results += outcome.results
            total.loader_seconds += outcome.loader_seconds
            total.tomllib_seconds += outcome.tomllib_seconds
            print(_row(loader, outcome))
            print(f"  {'':<7} loader: {dict(outcome.results)}")
            print(f"  {'':<7} tomllib alone: {dict(outcome.tomllib_alone)}")
            _print_failures(outcome.failures)
    slower = total.cases / total.tomllib_seconds / (total.cases / total.loader_seconds)
    print(_row("all", total), f"  ({slower:.1f}× the time of tomllib alone)")
    elapsed = time.perf_counter() - started
    print(f"time: {elapsed:.1f} s in all (generating the inputs included), seed {args.seed}")
    sys.exit(1 if total.failures else 0)


def _print_failures(failures: list[tuple[str, bytes]]) -> None:
    """Each kind of failure once (its last line, digits blurred), with a count and an input."""
    kinds: dict[str, list[tuple[str, bytes]]] = collections.defaultdict(list)
    for failure, content in failures:
        last = failure.strip().splitlines()[-1]
        kinds[re.sub(r"[0-9]+", "N", last)[:160]].append((failure, content))
    for kind, found in sorted(kinds.items(), key=lambda item: -len(item[1])):
        failure, content = found[0]
        print(f"  FAILURE ×{len(found)}: {kind}")
        print(f"    e.g. ({len(content)} bytes) {content[:200]!r}")
        print("    " + "\n    ".join(failure.strip().splitlines()[-6:]))


def _row(name: str, outcome: Outcome) -> str:
    rate = outcome.cases / outcome.loader_seconds
    baseline = outcome.cases / outcome.tomllib_seconds
    return f"{name:<9} {outcome.cases:>6} {len(outcome.failures):>8} {rate:>8.0f} {baseline:>16.0f}"


if __name__ == "__main__":
    main()
