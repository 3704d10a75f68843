"""What `psoas play FILE` loads before its app starts: what playing needs, and not the modules
kept out below. Each would stay in memory for the whole session (bench/player_budget.py measures
the player's memory beside a bare Textual app)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

KEPT_OUT = ("importlib.metadata", "email", "zipfile", "json", "psoas_tui.selftest.questions")
"""pydantic's plugin discovery (importlib.metadata, which imports email and zipfile), the JSON
output of the CLI, the self-test's questions (the help text of `psoas selftest`)."""

ROUTINE = """schema = 1
name = "Weight"

[[moves]]
id = "leg-lift"
name = "Leg lift"
reps = 10

[[exercises]]
exercise = "cobra-pose"
hold_seconds = 30

[[exercises]]
exercise = "leg-lift"
reps = 10
tempo_seconds = 2
"""


def test_reading_a_routine_to_play_keeps_unneeded_modules_out(tmp_path: Path) -> None:
    routine = tmp_path / "weight.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    code = (
        "import sys\n"
        "from psoas_tui.cli.parser import build_parser\n"
        "from psoas_tui.routine.library import find_routine\n"
        f"args = build_parser().parse_args(['play', {str(routine)!r}])\n"
        "plan = find_routine(args.routine).plan\n"
        "print([exercise.name for exercise in plan.exercises], file=sys.stderr)\n"
        f"print(sorted(name for name in {KEPT_OUT!r} if name in sys.modules))\n"
    )
    environment = {**os.environ, "PSOAS_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment
    )
    assert result.stderr.strip() == "['Cobra pose', 'Leg lift']"
    assert result.stdout.strip() == "[]"
