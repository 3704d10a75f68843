"""`psoas schema`: the JSON Schema of routine files, for editors (Taplo / Even Better TOML)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from psoas_tui.cli import exit_codes
from psoas_tui.routine.model import Routine


def routine_json_schema() -> dict[str, Any]:
    schema = Routine.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "psoas-tui routine",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def run(out: TextIO) -> int:
    print(json.dumps(routine_json_schema(), indent=2), file=out)
    return exit_codes.OK
