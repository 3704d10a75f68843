"""The architecture as a checked contract: every module's imports (read with `ast`, including
those inside functions and under TYPE_CHECKING) keep to the layers, and the core runs without
Textual."""

from __future__ import annotations

import ast
import importlib.util
import pkgutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import psoas_tui

ROOT = "psoas_tui"
PACKAGES = (
    "audio",
    "catalogue",
    "figures",
    "routine",
    "player",
    "store",
    "selftest",
    "services",
    "textfile",
    "weeks",
)
"""The core: plain Python, no Textual."""
FRONT_ENDS = ("cli", "tui")
STORE_MAY_USE = ("store", "textfile", "paths")
"""The store keeps its own records: it knows nothing of the player, routines or self-test."""
SELFTEST_FINISHING = (f"{ROOT}.selftest.compare", f"{ROOT}.selftest.prescribe")
"""Scoring a self-test into a kept result and a saved routine: `services` does it for both front
ends, so neither may reach past it."""


@dataclass(frozen=True, slots=True)
class Import:
    importer: str
    imported: str
    line: int

    def __str__(self) -> str:
        return f"{self.importer}:{self.line} imports {self.imported}"


@cache
def modules() -> dict[str, Path]:
    """Every module of the package (walked with pkgutil), and its source file."""
    found = {ROOT: Path(psoas_tui.__file__)}
    for info in pkgutil.walk_packages(psoas_tui.__path__, prefix=f"{ROOT}."):
        spec = importlib.util.find_spec(info.name)
        assert spec is not None and spec.origin is not None, info.name
        found[info.name] = Path(spec.origin)
    return found


def _package_of(module: str) -> str:
    """The package a module's relative imports start from."""
    if modules()[module].name == "__init__.py":
        return module
    return module.rpartition(".")[0]


def _imports_of(module: str) -> Iterator[Import]:
    tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = _package_of(module).split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, *([base] if base else [])])
            for alias in node.names:
                # `from psoas_tui import paths` imports the module psoas_tui.paths
                submodule = f"{base}.{alias.name}"
                yield Import(module, submodule if submodule in modules() else base, node.lineno)


@cache
def imports() -> tuple[Import, ...]:
    return tuple(found for module in sorted(modules()) for found in _imports_of(module))


def _top(name: str) -> str:
    """The top-level package (or module, like `paths`) of a module of ours."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _is_ours(name: str) -> bool:
    return name == ROOT or name.startswith(f"{ROOT}.")


def _within(name: str, *packages: str) -> bool:
    return _is_ours(name) and _top(name) in packages


def _first_word(name: str) -> str:
    return name.split(".")[0]


def test_the_walk_finds_every_layer() -> None:
    assert {_top(m) for m in modules()} >= {*PACKAGES, *FRONT_ENDS, "paths"}
    assert f"{ROOT}.tui.screens.selftest" in modules()
    assert any(found.imported == "textual.app" for found in imports())


def test_only_the_front_ends_import_textual_or_the_tui() -> None:
    wrong = [
        str(found)
        for found in imports()
        if not _within(found.importer, *FRONT_ENDS)
        and (
            _first_word(found.imported) == "textual"
            or _within(found.imported, "tui")
            or (_first_word(found.imported) == "rich")
        )
    ]
    assert wrong == []


def test_the_tui_does_not_import_the_cli() -> None:
    wrong = [
        str(found)
        for found in imports()
        if _within(found.importer, "tui") and _within(found.imported, "cli")
    ]
    assert wrong == []


def test_routines_do_not_import_the_player() -> None:
    """Routines (read from files) know nothing of the player that plays them."""
    wrong = [
        str(found)
        for found in imports()
        if _within(found.importer, "routine") and _within(found.imported, "player")
    ]
    assert wrong == []


def test_only_the_store_opens_sqlite() -> None:
    wrong = [
        str(found)
        for found in imports()
        if _first_word(found.imported) == "sqlite3" and not _within(found.importer, "store")
    ]
    assert wrong == []


def test_the_store_uses_only_its_own_records_textfile_and_paths() -> None:
    wrong = [
        str(found)
        for found in imports()
        if _within(found.importer, "store")
        and _is_ours(found.imported)
        and not _within(found.imported, *STORE_MAY_USE)
    ]
    assert wrong == []


def test_weeks_stay_on_top_of_the_core() -> None:
    """Weeks read the store, the catalogue (and routines, the player) and nothing imports them
    back but the services and the front ends."""
    wrong = [
        str(found)
        for found in imports()
        if _within(found.imported, "weeks")
        and not _within(found.importer, "weeks", "services", *FRONT_ENDS)
    ] + [
        str(found)
        for found in imports()
        if _within(found.importer, "weeks")
        and _is_ours(found.imported)
        and not _within(found.imported, "weeks", "store", "player", "routine", "catalogue")
    ]
    assert wrong == []


def test_only_services_finish_a_selftest() -> None:
    wrong = [
        str(found)
        for found in imports()
        if found.imported in SELFTEST_FINISHING
        and not _within(found.importer, "selftest", "services")
    ]
    assert wrong == []


def _dependencies() -> dict[str, dict[str, Import]]:
    """Which top-level package imports which, with one import that shows it."""
    graph: dict[str, dict[str, Import]] = defaultdict(dict)
    for found in imports():
        if _is_ours(found.imported):
            source, target = _top(found.importer), _top(found.imported)
            if source != target and target != ROOT:
                graph[source].setdefault(target, found)
    return graph


def _cycles(graph: dict[str, dict[str, Import]]) -> list[list[str]]:
    """One cycle through each group of packages that import each other (a shortest one)."""
    cycles: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    for start in sorted(graph):
        # breadth-first from each package back to itself finds its shortest cycle
        paths = [[start, target] for target in sorted(graph[start])]
        visited = {start}
        while paths:
            path = paths.pop(0)
            if path[-1] == start:
                members = frozenset(path)
                if members not in seen:
                    seen.add(members)
                    cycles.append(path)
                break
            if path[-1] in visited:
                continue
            visited.add(path[-1])
            paths += [[*path, target] for target in sorted(graph.get(path[-1], {}))]
    return cycles


def test_no_import_cycle_between_packages() -> None:
    graph = _dependencies()
    described = []
    for cycle in _cycles(graph):
        steps = [f"  {a} → {b}: {graph[a][b]}" for a, b in pairwise(cycle)]
        described.append(" → ".join(cycle) + "\n" + "\n".join(steps))
    assert not described, "import cycles between packages:\n" + "\n".join(described)


def test_the_cycle_finder_finds_a_cycle() -> None:
    edge = Import("a", "b", 1)
    graph = {"a": {"b": edge}, "b": {"c": edge}, "c": {"a": edge}, "d": {"a": edge}}
    assert _cycles(graph) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b": edge}, "b": {}}) == []


def test_the_core_does_not_import_textual() -> None:
    """Every module outside the tui imports in a fresh process without Textual (or Rich)."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import psoas_tui\n"
        "for info in pkgutil.walk_packages(psoas_tui.__path__, prefix='psoas_tui.'):\n"
        "    if info.name.startswith('psoas_tui.tui') or info.name == 'psoas_tui.__main__':\n"
        "        continue\n"
        "    importlib.import_module(info.name)\n"
        "    print(info.name, file=sys.stderr)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
    imported = set(result.stderr.split())
    assert {f"{ROOT}.store.history", f"{ROOT}.services.selftest_outcome"} <= imported
    assert f"{ROOT}.cli.selftest" in imported
