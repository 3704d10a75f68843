"""Write a `Routine` back to TOML with tomli-w, atomically, so that `load(save(r)) == r`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

from psoas_tui.routine.model import Routine
from psoas_tui.textfile.atomic import atomic_write_text


def routine_to_data(routine: Routine) -> dict[str, Any]:
    """The routine as plain TOML data, in the order people read it; empty values left out."""
    data: dict[str, Any] = {"schema": routine.schema_, "name": routine.name}
    if routine.description:
        data["description"] = routine.description
    if routine.tags:
        data["tags"] = list(routine.tags)
    data["defaults"] = routine.defaults.model_dump()
    if routine.moves:
        data["moves"] = [move.model_dump(exclude_defaults=True) for move in routine.moves]
        for move, dumped in zip(routine.moves, data["moves"], strict=True):
            dumped["id"], dumped["name"] = move.id, move.name
    data["exercises"] = [entry.model_dump(exclude_none=True) for entry in routine.exercises]
    return data


def routine_to_toml(routine: Routine) -> str:
    """The routine as TOML text, with `[defaults]`, `[[moves]]` and `[[exercises]]` as tables."""
    data = routine_to_data(routine)
    tables = {key: data.pop(key) for key in ("defaults", "moves", "exercises") if key in data}
    chunks = [tomli_w.dumps(data)]
    chunks.append("\n[defaults]\n" + tomli_w.dumps(tables["defaults"]))
    for key in ("moves", "exercises"):
        for entry in tables.get(key, []):
            chunks.append(f"\n[[{key}]]\n" + tomli_w.dumps(entry))
    return "".join(chunks)


def free_path(folder: Path, stem: str) -> Path:
    """`folder/stem.toml`, or `stem-2.toml`, `stem-3.toml` … whichever is not taken yet."""
    candidate = folder / f"{stem}.toml"
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{stem}-{number}.toml"
        number += 1
    return candidate


def save_routine(routine: Routine, path: Path) -> Path:
    """Write the routine to `path` atomically and return the path."""
    atomic_write_text(path, routine_to_toml(routine))
    return path
