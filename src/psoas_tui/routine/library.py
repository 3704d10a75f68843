"""Find routines: the built-in ones shipped with the program and the user's own folder.

A broken file never stops the others from loading: it is listed with its problems.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.model import Catalogue
from psoas_tui.routine.parse import LoadedRoutine, load_routine
from psoas_tui.textfile.names import did_you_mean, normalise
from psoas_tui.textfile.problems import Problem, ProblemsError

Source = Literal["built-in", "user"]


@dataclass(frozen=True, slots=True)
class RoutineEntry:
    """One routine file in a library folder: loaded, or with the problems that stopped it."""

    routine_id: str
    path: Path
    source: Source
    loaded: LoadedRoutine | None = None
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.loaded is not None

    @property
    def name(self) -> str:
        return self.loaded.plan.name if self.loaded else self.path.name

    @property
    def error(self) -> str:
        return str(self.problems[0]) if self.problems else ""


def toml_files(folder: Path) -> Iterator[Path]:
    """Every `*.toml` file below `folder`, sorted, without following folder symlinks."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        found.extend(Path(root) / name for name in files if name.endswith(".toml"))
    yield from sorted(found)


def load_entry(path: Path, source: Source, catalogue: Catalogue) -> RoutineEntry:
    """Load one routine file into an entry (never raises for a bad file)."""
    try:
        loaded = load_routine(path, catalogue)
    except ProblemsError as error:
        return RoutineEntry(path.stem, path, source, problems=tuple(error.problems))
    loaded = replace(loaded, plan=replace(loaded.plan, source=source))
    return RoutineEntry(path.stem, path, source, loaded=loaded)


def scan(folder: Path, source: Source, catalogue: Catalogue | None = None) -> list[RoutineEntry]:
    """Every routine in `folder` (empty when the folder does not exist)."""
    if not folder.is_dir():
        return []
    catalogue = catalogue or load_catalogue()
    return [load_entry(path, source, catalogue) for path in toml_files(folder)]


def discover(catalogue: Catalogue | None = None) -> list[RoutineEntry]:
    """Built-in routines, then the user's."""
    catalogue = catalogue or load_catalogue()
    return [
        *scan(paths.builtin_routines_dir(), "built-in", catalogue),
        *scan(paths.user_routines_dir(), "user", catalogue),
    ]


class RoutineNotFound(LookupError):
    """Neither a file nor the id of a known routine."""


def find_routine_file(ref: str) -> Path:
    """The file of the routine `ref` names, as `find_routine` finds it, without reading it (to
    open a broken file in the editor, say). Raises `RoutineNotFound` when nothing matches."""
    path = Path(ref)
    if path.suffix == ".toml" or os.sep in ref or path.exists():
        if not (path.exists() or path.is_symlink()):
            raise RoutineNotFound(f'no file "{ref}"')
        return path
    known: list[str] = []
    wanted = normalise(ref)
    for folder in (paths.user_routines_dir(), paths.builtin_routines_dir()):
        if not folder.is_dir():
            continue
        files = list(toml_files(folder))
        same = [c for c in files if c.stem == ref] or [
            c for c in files if normalise(c.stem) == wanted
        ]
        if same:
            return same[0]
        known += [candidate.stem for candidate in files]
    hint = did_you_mean(ref, known)
    raise RoutineNotFound(f'no routine "{ref}"{hint} (`psoas list` shows them all)')


def find_routine(ref: str, catalogue: Catalogue | None = None) -> LoadedRoutine:
    """The routine `ref` names: a path to a file, or the id of a user or built-in routine, in any
    case and punctuation (a
    user routine with the id of a built-in one is the user's own version, and wins).

    Only the file that matches is read. Raises `ProblemsError` when it is broken and
    `RoutineNotFound` when nothing matches.
    """
    catalogue = catalogue or load_catalogue()
    path = Path(ref)
    if path.suffix == ".toml" or os.sep in ref or path.exists():
        return load_routine(path, catalogue)
    known: list[str] = []
    places: tuple[tuple[Path, Source], ...] = (
        (paths.user_routines_dir(), "user"),
        (paths.builtin_routines_dir(), "built-in"),
    )
    wanted = normalise(ref)
    for folder, source in places:
        if not folder.is_dir():
            continue
        files = list(toml_files(folder))
        # The exact id first; then one that differs only in case and punctuation.
        same = [c for c in files if c.stem == ref] or [
            c for c in files if normalise(c.stem) == wanted
        ]
        if same:
            entry = load_entry(same[0], source, catalogue)
            if entry.loaded is None:
                raise ProblemsError(list(entry.problems))
            return entry.loaded
        known += [candidate.stem for candidate in files]
    hint = did_you_mean(ref, known)
    raise RoutineNotFound(f'no routine "{ref}"{hint} (`psoas list` shows them all)')
