"""Packages import in one direction: the screens never reach into the CLI, and routines (read
from files) know nothing of the player that plays them."""

from __future__ import annotations

import ast
from pathlib import Path

import psoas_tui

PACKAGE = Path(psoas_tui.__file__).parent


def _imports(folder: str) -> list[tuple[str, str]]:
    """`(file, imported module)` for every import in the modules below `folder`."""
    found = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(path.name, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.append((path.name, node.module))
    return found


def _reaching(folder: str, package: str) -> list[tuple[str, str]]:
    return [
        (file, module)
        for file, module in _imports(folder)
        if module == package or module.startswith(package + ".")
    ]


def test_no_screen_imports_the_cli() -> None:
    assert _reaching("tui", "psoas_tui.cli") == []


def test_routines_do_not_import_the_player() -> None:
    assert _reaching("routine", "psoas_tui.player") == []
