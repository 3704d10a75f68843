"""The core never imports Textual: a CLI command or a test can use it without a screen."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "psoas_tui.catalogue",
    "psoas_tui.catalogue_search",
    "psoas_tui.routine.parse",
    "psoas_tui.routine.write",
    "psoas_tui.routine.library",
    "psoas_tui.timeline",
    "psoas_tui.session",
    "psoas_tui.player_view",
    "psoas_tui.session_summary",
    "psoas_tui.history",
    "psoas_tui.recorder",
    "psoas_tui.settings",
    "psoas_tui.suggestion",
    "psoas_tui.selftest.scoring",
    "psoas_tui.selftest.prescribe",
    "psoas_tui.selftest.outcome",
    "psoas_tui.commands.check",
    "psoas_tui.commands.show",
    "psoas_tui.commands.history",
    "psoas_tui.commands.selftest",
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
