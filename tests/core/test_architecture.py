"""The core never imports Textual: a CLI command or a test can use it without a screen."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "psoas_tui.catalogue.model",
    "psoas_tui.catalogue.search",
    "psoas_tui.routine.parse",
    "psoas_tui.routine.write",
    "psoas_tui.routine.library",
    "psoas_tui.player.timeline",
    "psoas_tui.player.describe",
    "psoas_tui.player.session",
    "psoas_tui.player.view",
    "psoas_tui.player.summary",
    "psoas_tui.store.history",
    "psoas_tui.services.session_recorder",
    "psoas_tui.store.settings",
    "psoas_tui.routine.suggestion",
    "psoas_tui.selftest.scoring",
    "psoas_tui.selftest.prescribe",
    "psoas_tui.services.selftest_outcome",
    "psoas_tui.cli.check",
    "psoas_tui.cli.show",
    "psoas_tui.cli.history",
    "psoas_tui.cli.selftest",
]


def test_the_core_does_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
