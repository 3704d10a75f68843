"""What keeps the suite fast, paid once per test process instead of once per app or test.

- The garbage collector: Textual makes hundreds of thousands of objects an app, and its
  module-level caches keep many of them alive between tests, so Python's full collections
  (every ~10 young ones) came to a third of a Pilot test's CPU. Everything imported and
  collected before the first test is frozen (never traversed again) and full collections
  come ten times less often. No object lives longer than the process's memory allows: young
  ones are still collected as before, and memory stays bounded (see bench/README.md).
- Textual's CSS parse: each app parses `app.tcss` and every widget's DEFAULT_CSS again (its
  parse cache belongs to the app's stylesheet). Here the parsed rules are shared by every app
  of the process: the same text with the same theme variables gives the same rules, and Textual
  already hands one parse to many parses of the same stylesheet, so the rules are never changed.
"""

from __future__ import annotations

import gc
import os

os.environ["TEXTUAL_ANIMATIONS"] = "none"  # read when Textual is imported, just below
from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

GC_THRESHOLDS = (700, 10, 100)
"""Python's default young-generation thresholds, full collections 10× rarer (default 10)."""

_parsed: dict[tuple[Any, ...], list[RuleSet]] = {}
_parse_rules = Stylesheet._parse_rules


def _shared_parse_rules(
    self: Stylesheet,
    css: str,
    read_from: tuple[str, str],
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    key = (tuple(self._variables.items()), css, read_from, is_default_rules, tie_breaker, scope)
    rules = _parsed.get(key)
    if rules is None:
        rules = _parsed[key] = _parse_rules(
            self, css, read_from, is_default_rules, tie_breaker, scope
        )
    return rules


def share_css_parses() -> None:
    """Every app of this process reuses the CSS rules another app already parsed."""
    Stylesheet._parse_rules = _shared_parse_rules  # type: ignore[method-assign]


def settle_garbage_collector() -> None:
    """Freeze what exists now (modules, collected tests) and make full collections rarer."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


IDLE_STEP = 0.01
"""Pilot's wait for the app to go idle sleeps in steps of this (Textual: 20 ms): the idle test
(less than 1/20 of a step of CPU in a step) is the same, so a busy app is waited for as before;
an idle one is seen idle in 10 ms instead of 20. Animations are off in tests (a snapshot never
catches one halfway), so nothing moves on its own between two steps."""


def quicker_idle_steps() -> None:
    """Pilot's idle steps of `IDLE_STEP` (Textual's are 20 ms) and no animations."""
    from textual import _wait

    _wait.SLEEP_GRANULARITY = IDLE_STEP
    _wait.SLEEP_IDLE = IDLE_STEP / 20
