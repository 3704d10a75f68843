"""Write a draft into the text of the file it was opened from, keeping everything not changed.

With tomlkit: comments, blank lines, key order, quoting and spacing of the opened file survive for
every value that was not changed. Each `[[exercises]]` (and `[[moves]]`) table keeps its own
comments, those on the lines above its header included, when the entries are reordered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, Comment, Item, Table, Whitespace

from psoas_tui.editing.draft import LISTS, DraftState, Entry

_Body = list[tuple[Any, Item]]


def _same(old: Any, new: Any) -> bool:
    """Equal values of the same types (1, 1.0 and true are three different values in TOML)."""
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    return type(old) is type(new) and old == new


def _plain(item: Any) -> Any:
    return item.unwrap() if hasattr(item, "unwrap") else item


def sync_table(
    table: Table | Container | tomlkit.TOMLDocument,
    new: Mapping[str, Any],
    keep: frozenset[str] = frozenset(),
) -> None:
    """Make `table` hold `new`, touching only the keys whose values differ (and none of `keep`)."""
    for key in [key for key in table if key not in new and key not in keep]:
        del table[key]
    for key, value in new.items():
        if key not in table:
            _add(table, key, value)
            continue
        old = table[key]
        if isinstance(value, Mapping) and isinstance(old, Table):
            sync_table(old, value)
        elif not _same(_plain(old), value):
            table[key] = value


def _add(table: Table | Container | tomlkit.TOMLDocument, key: str, value: Any) -> None:
    """Add a key to a table before the comments that end it (those are about what follows); at
    the top of the file, just after the last key that is not a table."""
    if isinstance(table, tomlkit.TOMLDocument):
        body: _Body = table.body
        last = -1
        for index, (name, item) in enumerate(body):
            if name is not None and isinstance(item, Table | AoT):
                break
            if name is not None:
                last = index
        if isinstance(value, Mapping) or last + 1 >= len(body):
            table[key] = value
        else:
            table._insert_at(last + 1, key, value)
        return
    if not isinstance(table, Table):
        table[key] = value
        return
    tail = _split_tail(table)
    table[key] = value
    table.value.body.extend(tail)


def _is_blank_or_comment(item: tuple[Any, Item]) -> bool:
    return item[0] is None and isinstance(item[1], Comment | Whitespace)


def _split_tail(table: Table) -> _Body:
    """Take the comments and blank lines that end `table` off it and return them: in a file
    they stand above the next table's header, and belong to that one."""
    body: _Body = table.value.body
    cut = len(body)
    while cut > 0 and _is_blank_or_comment(body[cut - 1]):
        cut -= 1
    tail = body[cut:]
    del body[cut:]
    return tail


def _new_table(values: Mapping[str, Any]) -> Table:
    table = tomlkit.table()
    for key, value in values.items():
        table[key] = value
    return table


def _lead_before(document: tomlkit.TOMLDocument, key: str) -> _Body:
    """Take off the comments and blank lines just above the first `[[key]]` header (they end
    whatever comes before it in the file) and return them."""
    body: _Body = document.body
    at = next((i for i, (k, item) in enumerate(body) if k is not None and k.key == key), None)
    if at is None:
        return []
    start = at
    while start > 0 and _is_blank_or_comment(body[start - 1]):
        start -= 1
    if start < at:
        lead = body[start:at]
        # Emptied, not taken out: the document's index of its keys stays right.
        body[start:at] = [(None, Whitespace("")) for _ in lead]
        return lead
    before = body[at - 1][1] if at > 0 else None
    if isinstance(before, AoT) and before.body:
        return _split_tail(before.body[-1])
    if isinstance(before, Table):
        return _split_tail(before)
    return []


def sync_entries(
    aot: AoT, entries: Sequence[Entry], take_first_lead: Callable[[], _Body] = list
) -> None:
    """Make the array of tables `aot` (as parsed from the opened file) hold `entries`.

    When the entries are the file's own in the file's order, each table is only synced. Else the
    tables are laid out again in the new order, each with the comments that stood above it."""
    tables: list[Table] = list(aot.body)
    if [entry.origin for entry in entries] == list(range(len(tables))):
        for table, entry in zip(tables, entries, strict=True):
            sync_table(table, entry.values)
        return
    tails = [_split_tail(table) for table in tables]
    leads: list[_Body] = [take_first_lead(), *tails[:-1]]
    end: _Body = tails[-1] if tails else []
    chosen: list[tuple[Table, _Body]] = []
    for entry in entries:
        if entry.origin is not None and 0 <= entry.origin < len(tables):
            table = tables[entry.origin]
            sync_table(table, entry.values)
            chosen.append((table, leads[entry.origin]))
        else:
            chosen.append((_new_table(entry.values), []))
    while len(aot):
        del aot[0]
    for position, (table, lead) in enumerate(chosen):
        if not lead and position > 0:
            lead = [(None, Whitespace("\n"))]
        # Written just above the table's header: the comments stay with their table.
        table.trivia.indent = "".join(item.as_string() for _, item in lead) + table.trivia.indent
        if position == len(chosen) - 1:
            table.value.body.extend(end)
        aot.append(table)


def edited_text(original: str, state: DraftState) -> str:
    """The text of the opened file `original` changed to hold `state`."""
    document = tomlkit.parse(original)
    data = state.data()
    top = {key: value for key, value in data.items() if key not in LISTS}
    sync_table(document, top, keep=frozenset(LISTS))
    for key in LISTS:
        entries = state.entries(key)
        current = document.get(key)
        if isinstance(current, AoT):
            if entries:
                sync_entries(current, entries, partial(_lead_before, document, key))
            else:
                del document[key]
        elif entries:
            if key in document:
                del document[key]
            document[key] = tomlkit.aot()
            for entry in entries:
                document[key].append(_new_table(entry.values))
    return tomlkit.dumps(document)
