"""Turn pydantic validation errors into messages in TOML words, each with a line and column.

Used for every file a person writes (routines, self-test answers, settings): unknown keys get a
"did you mean …?", out-of-range numbers say the allowed range, wrong types say what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from psoas_tui.textfile.locate import KeyLocator
from psoas_tui.textfile.names import did_you_mean
from psoas_tui.textfile.problems import Problem
from psoas_tui.textfile.shown import quoted, shown_value

Loc = tuple[str | int, ...]
ModelAt = Callable[[Loc], type[BaseModel] | None]
"""Given the location of a table, the model that describes it (to list its keys)."""

_TYPE_WORDS = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": 'text in quotes ("…")',
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list in square brackets",
    "tuple_type": "a list in square brackets",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
}


def describe_loc(loc: Loc) -> str:
    """`("exercises", 2, "sets")` → `exercises #3: sets` (entries numbered from 1)."""
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts[-1:] = [f"{parts[-1] if parts else 'item'} #{item + 1}"]
        else:
            parts.append(item)
    if len(parts) <= 1:
        return parts[0] if parts else "file"
    return f"{'.'.join(parts[:-1])}: {parts[-1]}"


def _field_keys(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _is_whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _constraints(info: FieldInfo) -> list[Any]:
    """The field's own constraints, and those of an `Annotated` type inside `X | None`."""
    found = list(info.metadata)
    for member in get_args(info.annotation):
        if get_origin(member) is Annotated:
            for meta in get_args(member)[1:]:
                found.extend(meta.metadata if isinstance(meta, FieldInfo) else [meta])
    return found


def _bounds(model: type[BaseModel] | None, key: str | int) -> tuple[Any, Any]:
    if model is None or not isinstance(key, str):
        return None, None
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            low = high = None
            for meta in _constraints(info):
                low = getattr(meta, "ge", None) if getattr(meta, "ge", None) is not None else low
                low = getattr(meta, "gt", None) if getattr(meta, "gt", None) is not None else low
                high = getattr(meta, "le", None) if getattr(meta, "le", None) is not None else high
            return low, high
    return None, None


def error_message(error: ErrorDetails, model_at: ModelAt) -> str:
    """One error in words, starting with where it is."""
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    where = describe_loc(loc)
    value = error.get("input")
    shown = shown_value(value)
    ctx = error.get("ctx") or {}
    parent = model_at(loc[:-1]) if loc else None
    if kind == "extra_forbidden":
        key = str(loc[-1])
        hint = did_you_mean(key, _field_keys(parent)) if parent else ""
        table = describe_loc(loc[:-1]) if loc[:-1] else "the top level"
        return f"unknown key {quoted(key)} in {table}{hint}"
    if kind == "missing":
        hint = " (add at least one [[exercises]] entry)" if loc == ("exercises",) else ""
        inside = f" in {describe_loc(loc[:-1])}" if len(loc) > 1 else ""
        return f'missing required key "{loc[-1]}"{inside}{hint}'
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        low, high = _bounds(parent, loc[-1] if loc else "")
        if low is not None and high is not None:
            return f"{where} must be between {low} and {high} (got {shown})"
        limit = next(iter(ctx.values()), "?")
        word = {"greater_than_equal": "at least", "less_than_equal": "at most"}.get(kind, "beyond")
        return f"{where} must be {word} {limit} (got {shown})"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", '"')
        options = [part.strip(' "') for part in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(value), options) if isinstance(value, str) else ""
        return f"{where} must be one of {expected} (got {shown}){hint}"
    if kind in ("float_type", "float_parsing") and _is_whole_number(value):
        # a whole number too large to be a float: out of range, not of the wrong type
        low, high = _bounds(parent, loc[-1] if loc else "")
        if low is not None and high is not None:
            return f"{where} must be between {low} and {high} (got {shown})"
        return f"{where} is too large (got {shown})"
    if kind in _TYPE_WORDS:
        return f"{where} must be {_TYPE_WORDS[kind]} (got {shown})"
    if kind == "too_short":
        return f"{where} needs at least {ctx.get('min_length', 1)} entry"
    if kind == "too_long":
        return f"{where} has too many entries (at most {ctx.get('max_length')})"
    if kind == "string_too_short":
        return f"{where} must not be empty"
    if kind == "string_too_long":
        return f"{where} is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_pattern_mismatch":
        example = '"wall-angel"'
        return f'{where} must be lowercase words joined by "-", like {example} (got {shown})'
    if kind in ("value_error", "assertion_error"):
        text = str(ctx.get("error", error["msg"]))
        if not loc:
            return text
        if isinstance(loc[-1], str):
            # "schema 2 is newer …" already names its field
            return text if text.startswith(f"{loc[-1]} ") else f"{where} {text}"
        return f"{where}: {text}"
    if kind == "finite_number":
        return f"{where} must be a finite number (got {shown})"
    return f"{where}: {error['msg']}"


def validation_problems(
    path: Path, error: ValidationError, locator: KeyLocator, model_at: ModelAt
) -> list[Problem]:
    """Every validation error as a `Problem` with a line and column where the key is found."""
    ranked: list[tuple[bool, int, Problem]] = []
    for detail in error.errors(include_url=False):
        loc: Loc = tuple(detail["loc"])
        message = error_message(detail, model_at)
        position = _position(loc, message, locator)
        # Missing keys are often a consequence of a misspelt one: report those last.
        ranked.append((detail["type"] == "missing", position[0], Problem(path, message, *position)))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return _dedupe([problem for _, _, problem in ranked])


def _position(loc: Loc, message: str, locator: KeyLocator) -> tuple[int, int]:
    """Where to point: the key itself; for a rule about a whole table, the last key it names."""
    if loc and isinstance(loc[-1], str) and loc in locator.positions:
        return locator.positions[loc]
    named = [
        locator.positions[(*loc, key)]
        for key in re.findall(r"[a-z_]+", message)
        if (*loc, key) in locator.positions
    ]
    if named:
        return max(named)
    return locator.find(loc) or (1, 1)


def _dedupe(problems: Sequence[Problem]) -> list[Problem]:
    seen: set[str] = set()
    unique = []
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            unique.append(problem)
    return unique
