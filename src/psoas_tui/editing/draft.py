"""`RoutineDraft`: a routine being edited, as the data a routine file holds, with undo and redo.

Every change is an operation on the draft (set a field, add, remove, move, duplicate); each one
keeps the state before it so that it can be undone. Entries of `[[moves]]` and `[[exercises]]`
remember which entry of the opened file they came from, so that a save can keep each entry's
comments with it (see `psoas_tui.editing.preserve`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from psoas_tui.routine.model import SCHEMA_VERSION
from psoas_tui.textfile.names import normalise

Loc = tuple[str | int, ...]
"""Where a value is: `("name",)`, `("defaults", "rest_seconds")`, `("exercises", 2, "sets")`."""

LISTS = ("moves", "exercises")
"""The arrays of tables in a routine file, whose entries are kept as `Entry`."""

UNDO_LIMIT = 200
"""How many changes can be undone."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One `[[moves]]` or `[[exercises]]` table, and which entry of the opened file it was."""

    values: Mapping[str, Any]
    origin: int | None = None
    """Its index in the file as opened; None for an entry added (or copied) in the editor."""


@dataclass(frozen=True, slots=True)
class DraftState:
    """Everything in the routine at one moment (never changed: each change makes a new one)."""

    top: Mapping[str, Any]
    """Every key outside `[[moves]]` and `[[exercises]]`: schema, name, tags, defaults …"""
    moves: tuple[Entry, ...] = ()
    exercises: tuple[Entry, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> DraftState:
        """The state of routine data as read from a file (entries numbered as in the file)."""
        top = {k: copy.deepcopy(v) for k, v in data.items() if k not in LISTS}
        lists = {}
        for key in LISTS:
            raw = data.get(key, [])
            entries = raw if isinstance(raw, list) else []
            lists[key] = tuple(
                Entry(copy.deepcopy(dict(item)) if isinstance(item, Mapping) else {}, index)
                for index, item in enumerate(entries)
            )
        return cls(top=top, moves=lists["moves"], exercises=lists["exercises"])

    def data(self) -> dict[str, Any]:
        """The routine as plain TOML data (a fresh copy)."""
        result = copy.deepcopy(dict(self.top))
        if self.moves:
            result["moves"] = [copy.deepcopy(dict(entry.values)) for entry in self.moves]
        if self.exercises:  # none: left out, as a file without any says it
            result["exercises"] = [copy.deepcopy(dict(entry.values)) for entry in self.exercises]
        return result

    def entries(self, key: str) -> tuple[Entry, ...]:
        if key == "moves":
            return self.moves
        if key == "exercises":
            return self.exercises
        raise KeyError(key)

    def with_entries(self, key: str, entries: tuple[Entry, ...]) -> DraftState:
        if key == "moves":
            return replace(self, moves=entries)
        if key == "exercises":
            return replace(self, exercises=entries)
        raise KeyError(key)


def blank_data(name: str) -> dict[str, Any]:
    """A new routine with nothing in it yet (not valid until an exercise is added)."""
    return {"schema": SCHEMA_VERSION, "name": name, "exercises": []}


def move_id(name: str, taken: set[str]) -> str:
    """A kebab-case id for a custom move called `name`, not one of `taken`."""
    stem = re.sub(r"\s+", "-", normalise(name))[:70] or "move"
    candidate, number = stem, 2
    while candidate in taken:
        candidate = f"{stem}-{number}"
        number += 1
    return candidate


@dataclass(slots=True)
class RoutineDraft:
    """A routine being edited: its state, the states to undo to and the states to redo."""

    state: DraftState
    _undo: list[DraftState] = field(default_factory=list)
    _redo: list[DraftState] = field(default_factory=list)
    _saved: DraftState | None = None
    _typing_at: Loc | None = None

    def __post_init__(self) -> None:
        if self._saved is None:
            self._saved = self.state

    @classmethod
    def from_data(cls, data: Mapping[str, Any], *, saved: bool = True) -> RoutineDraft:
        """A draft of routine data; `saved` says whether it is what the file holds already."""
        state = DraftState.from_data(data)
        draft = cls(state)
        if not saved:
            draft.mark_unsaved()
        return draft

    def mark_unsaved(self) -> None:
        """Count the present state as not saved yet (a routine that has no file)."""
        self._saved = DraftState(top={})

    # -- reading -----------------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        return self.state.data()

    def get(self, loc: Loc) -> Any:
        """The value at `loc`, or None when it is not set."""
        value: Any = self.data()
        for part in loc:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    @property
    def exercise_count(self) -> int:
        return len(self.state.exercises)

    @property
    def dirty(self) -> bool:
        """Whether there are changes not saved yet."""
        return self.state != self._saved

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def mark_saved(self, *, renumber: bool = False) -> None:
        """Take the present state as the one saved. With `renumber`, the file now holds the
        entries in the present order: each entry (in every state to undo or redo to as well)
        is numbered by where it stands in the file now."""
        if renumber:
            maps: dict[str, dict[int | None, int]] = {
                key: {
                    entry.origin: position
                    for position, entry in enumerate(self.state.entries(key))
                    if entry.origin is not None
                }
                for key in LISTS
            }
            self.state = _renumbered(self.state, maps, fresh=True)
            self._undo = [_renumbered(state, maps) for state in self._undo]
            self._redo = [_renumbered(state, maps) for state in self._redo]
        self._saved = self.state

    # -- changing ----------------------------------------------------------------------------

    def _change(self, state: DraftState, typing_at: Loc | None = None) -> bool:
        if state == self.state:
            return False
        same_field = typing_at is not None and typing_at == self._typing_at
        self._typing_at = typing_at
        if same_field and self._undo:
            # More typing in the same field: one step to undo, not one per key.
            self.state = state
            self._redo.clear()
            return True
        self._undo.append(self.state)
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()
        self.state = state
        return True

    def undo(self) -> bool:
        """Go back one change; False when there is none."""
        self._typing_at = None
        if not self._undo:
            return False
        self._redo.append(self.state)
        self.state = self._undo.pop()
        return True

    def redo(self) -> bool:
        """Do again the change last undone; False when there is none."""
        self._typing_at = None
        if not self._redo:
            return False
        self._undo.append(self.state)
        self.state = self._redo.pop()
        return True

    def restore(self, state: DraftState) -> bool:
        """Make the routine `state` (kept from an earlier run) in one change, which undo
        takes back."""
        return self._change(state)

    def set(self, loc: Loc, value: Any, *, typing: bool = False) -> bool:
        """Set the value at `loc` (None removes the key, so the default applies); True when
        that changed something. With `typing`, changes to one field one after the other are
        undone together (each key typed is not a step of its own)."""
        typing_at = loc if typing else None
        if not loc:
            raise ValueError("no field given")
        head = loc[0]
        if head in LISTS:
            if len(loc) != 3 or not isinstance(loc[1], int) or not isinstance(loc[2], str):
                raise ValueError(f"not a field of an entry: {loc}")
            entries = list(self.state.entries(str(head)))
            entry = entries[loc[1]]
            entries[loc[1]] = replace(entry, values=_set_in(entry.values, loc[2:], value))
            return self._change(self.state.with_entries(str(head), tuple(entries)), typing_at)
        return self._change(replace(self.state, top=_set_in(self.state.top, loc, value)), typing_at)

    def add_exercise(self, exercise: str, at: int | None = None, **values: Any) -> int:
        """Add `[[exercises]]` entry for catalogue id (or custom move id) `exercise`, at `at`
        (the end when None); returns its index."""
        entries = list(self.state.exercises)
        index = len(entries) if at is None else max(0, min(at, len(entries)))
        entries.insert(index, Entry({"exercise": exercise, **values}))
        self._change(self.state.with_entries("exercises", tuple(entries)))
        return index

    def add_custom_move(
        self,
        name: str,
        *,
        per_side: bool = False,
        hold_seconds: int | None = 30,
        reps: int | None = None,
        at: int | None = None,
    ) -> int:
        """Define a custom move called `name` in `[[moves]]` and add it as an exercise, in one
        change; returns the exercise's index."""
        taken = {str(entry.values.get("id")) for entry in self.state.moves}
        move: dict[str, Any] = {"id": move_id(name, taken), "name": name}
        if per_side:
            move["per_side"] = True
        if reps is not None:
            move["reps"] = reps
        elif hold_seconds is not None:
            move["hold_seconds"] = hold_seconds
        exercises = list(self.state.exercises)
        index = len(exercises) if at is None else max(0, min(at, len(exercises)))
        exercises.insert(index, Entry({"exercise": move["id"]}))
        state = replace(
            self.state,
            moves=(*self.state.moves, Entry(move)),
            exercises=tuple(exercises),
        )
        self._change(state)
        return index

    def remove_exercise(self, index: int) -> bool:
        entries = list(self.state.exercises)
        if not 0 <= index < len(entries):
            return False
        del entries[index]
        return self._change(self.state.with_entries("exercises", tuple(entries)))

    def move_exercise(self, index: int, delta: int) -> int:
        """Move the exercise at `index` up (-1) or down (+1); returns where it is now."""
        entries = list(self.state.exercises)
        target = index + delta
        if not (0 <= index < len(entries) and 0 <= target < len(entries)):
            return index
        entries.insert(target, entries.pop(index))
        self._change(self.state.with_entries("exercises", tuple(entries)))
        return target

    def duplicate_exercise(self, index: int) -> int:
        """Put a copy of the exercise at `index` just after it; returns the copy's index."""
        entries = list(self.state.exercises)
        if not 0 <= index < len(entries):
            return index
        entries.insert(index + 1, Entry(copy.deepcopy(dict(entries[index].values))))
        self._change(self.state.with_entries("exercises", tuple(entries)))
        return index + 1


def first_changed_exercise(before: DraftState, after: DraftState) -> int | None:
    """The first exercise that differs between two states (to show it after an undo or redo);
    None when the exercises are the same."""
    old = [dict(entry.values) for entry in before.exercises]
    new = [dict(entry.values) for entry in after.exercises]
    if old == new:
        return None
    for index, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b:
            return index
    return max(0, min(len(old), len(new)) - (len(new) < len(old)))


def _renumbered(
    state: DraftState, maps: Mapping[str, Mapping[int | None, int]], *, fresh: bool = False
) -> DraftState:
    """`state` with its entries numbered as in the file just saved (`fresh`: the state saved,
    whose entries are all in the file now, in order)."""
    for key in LISTS:
        entries = state.entries(key)
        if fresh:
            renamed = tuple(replace(entry, origin=i) for i, entry in enumerate(entries))
        else:
            renamed = tuple(replace(entry, origin=maps[key].get(entry.origin)) for entry in entries)
        state = state.with_entries(key, renamed)
    return state


def _set_in(mapping: Mapping[str, Any], path: Loc, value: Any) -> dict[str, Any]:
    """A copy of `mapping` with `value` at `path` (None removes it; empty tables are kept)."""
    result = copy.deepcopy(dict(mapping))
    target: dict[str, Any] = result
    for part in path[:-1]:
        inner = target.get(str(part))
        if not isinstance(inner, dict):
            inner = {}
            target[str(part)] = inner
        target = inner
    key = str(path[-1])
    if value is None:
        target.pop(key, None)
    else:
        target[key] = copy.deepcopy(value)
    return result
