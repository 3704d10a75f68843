"""Self-test results over time: each one kept, oldest first, with its verdict, what it found on
each side and what changed on each side since the one before (`selftest.compare`).

A result this program cannot read back (answers kept by another version) still shows its verdict
and the sides the history kept for it as tight or weak; it is compared with neither neighbour.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from psoas_tui.selftest.compare import changes, side_state
from psoas_tui.selftest.questions import SIDES
from psoas_tui.selftest.report import headline
from psoas_tui.selftest.scoring import SelfTestResult
from psoas_tui.services.selftest_history import selftest_record
from psoas_tui.store.records import SelfTestRow


@dataclass(frozen=True, slots=True)
class SelfTestEntry:
    """One self-test in the list."""

    taken_at: datetime
    headline: str
    left: str
    right: str
    """What each side was found to be ("tight and weak", "clear", "not tested" …)."""
    changed: tuple[str, ...]
    """The sides whose findings differ from the self-test before ("left", "right")."""
    changes: tuple[str, ...]
    """A sentence per side on what changed since the one before; () for the first or for one
    that cannot be compared."""
    first: bool
    """No self-test came before it."""


def _kept_state(row: SelfTestRow, side: str) -> str:
    found = [
        word
        for word, sides in (("tight", row.tight_sides), ("weak", row.weak_sides))
        if side in sides
    ]
    return " and ".join(found) or "not tight or weak"


def selftest_entries(rows: Iterable[SelfTestRow]) -> list[SelfTestEntry]:
    """Every self-test in `rows` (in any order), oldest first."""
    entries: list[SelfTestEntry] = []
    previous: SelfTestResult | None = None
    for number, row in enumerate(sorted(rows, key=lambda row: (row.taken_at, row.record_id or 0))):
        record = selftest_record(row)
        if record is None:
            entries.append(
                SelfTestEntry(
                    row.taken_at,
                    row.verdict.replace("_", " ").capitalize(),
                    _kept_state(row, "left"),
                    _kept_state(row, "right"),
                    (),
                    (),
                    number == 0,
                )
            )
            previous = None
            continue
        result = record.result
        states = {side: side_state(result.side(side)) for side in SIDES}
        changed: tuple[str, ...] = ()
        said: tuple[str, ...] = ()
        if previous is not None:
            changed = tuple(
                side for side in SIDES if side_state(previous.side(side)) != states[side]
            )
            said = tuple(changes(previous, result))
        entries.append(
            SelfTestEntry(
                row.taken_at,
                headline(result),
                states["left"],
                states["right"],
                changed,
                said,
                number == 0,
            )
        )
        previous = result
    return entries


def changed_words(entry: SelfTestEntry) -> str:
    """A few words for the list: "first", "left", "left and right", "no change", "—"."""
    if entry.first:
        return "first"
    if not entry.changes:
        return "—"
    return " and ".join(entry.changed) or "no change"
