"""`psoas check PATH...`: validate routine files and folders of them."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.cli import exit_codes
from psoas_tui.player.describe import estimated_duration, plural
from psoas_tui.routine.library import toml_files
from psoas_tui.routine.parse import load_routine
from psoas_tui.textfile.printable import printable
from psoas_tui.textfile.problems import Problem, ProblemsError


def expand(targets: list[str]) -> list[tuple[Path, Problem | None]]:
    """Files to check: each file named, and every `*.toml` below each folder named."""
    files: list[tuple[Path, Problem | None]] = []
    for target in targets:
        path = Path(target)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except OSError as error:
            files.append((path, Problem(path, f"cannot read: {error.strerror or error}")))
            continue
        if is_dir:
            found = list(toml_files(path))
            if not found:
                files.append((path, Problem(path, "folder holds no .toml files")))
            files.extend((file, None) for file in found)
        elif exists:
            files.append((path, None))
        else:
            files.append((path, Problem(path, "no such file or folder")))
    return files


def run(targets: list[str], out: TextIO) -> int:
    """Print `OK …` or the problems for each file; 0 when all are valid, else 1."""
    catalogue = load_catalogue()
    failed = False
    for path, early in expand(targets):
        if early is not None:
            print(printable(str(early)), file=out)
            failed = True
            continue
        try:
            loaded = load_routine(path, catalogue)
        except ProblemsError as error:
            for problem in error.problems:
                print(printable(str(problem)), file=out)
            failed = True
            continue
        plan = loaded.plan
        duration = estimated_duration(plan)
        exercises = plural(len(plan.exercises), "exercise")
        print(printable(f"OK {path} — {plan.name}, {exercises}, {duration}"), file=out)
    return exit_codes.PROBLEMS if failed else exit_codes.OK
