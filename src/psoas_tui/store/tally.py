"""What a session adds up to, counted from its segment records: the one definition that the
end-of-session summary and the history (its screen, home's last sessions, `psoas history`) share.

- A **set/side** is one hold or one set of reps on one side: a work segment (`hold`, `reps`) of
  the routine. It is done when any record of it is done (going back and doing it again does not
  count it twice), and skipped otherwise. Prep, switch and rest are not sets.
- An **exercise** (one turn of it in the routine: the same exercise twice is two) is done when at
  least one of its sets/sides is done, and skipped when none is. An easier variant taken in its
  place is an exercise of its own.
- **Work** is the time spent in holds and reps, whether the set was finished or cut short; the
  sides split it by the side worked. **Time spent** counts every segment, transitions included.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from psoas_tui.store.records import Outcome, PainRecord

WORK_KINDS = ("hold", "reps")


class Counted(Protocol):
    """What a tally reads of a segment: a `SegmentRecord` has it, and so has a `SegmentFact`."""

    @property
    def position(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def exercise_index(self) -> int | None: ...
    @property
    def exercise_id(self) -> str: ...
    @property
    def exercise_name(self) -> str: ...
    @property
    def side(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    @property
    def actual_seconds(self) -> float: ...
    @property
    def pain(self) -> tuple[PainRecord, ...]: ...


class SegmentFact(NamedTuple):
    """Just what a tally reads of a kept segment (the history reads back thousands at once)."""

    position: int
    kind: str
    exercise_index: int | None
    exercise_id: str
    exercise_name: str
    side: str | None
    status: str
    actual_seconds: float
    pain: tuple[PainRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class Tally:
    """The counts of one session."""

    exercises_done: tuple[str, ...]
    """Names of the exercises done, in the order they came."""
    exercises_skipped: tuple[str, ...]
    """Names of the exercises of which no set/side was done."""
    sets_done: int
    sets_total: int
    """Sets/sides done, out of all those recorded (a session that was quit records the ones it
    never reached as skipped)."""
    work_seconds: float
    left_seconds: float
    right_seconds: float
    spent_seconds: float
    pain: tuple[tuple[str, PainRecord], ...] = ()
    """Every pain report, with the name of the exercise it was made in."""

    @property
    def exercises_total(self) -> int:
        return len(self.exercises_done) + len(self.exercises_skipped)

    @property
    def sets_skipped(self) -> int:
        return self.sets_total - self.sets_done

    @property
    def worked(self) -> bool:
        """Whether any time went into holds and reps (a whole second, as shown: not "0:00")."""
        return round(self.work_seconds) >= 1

    def outcome(self, reached_end: bool) -> Outcome:
        """How a session with these counts ended: `completed` only when it reached the end with
        something done, `skipped` when it reached the end with nothing done, `quit` otherwise."""
        if not reached_end:
            return "quit"
        return "completed" if self.sets_done else "skipped"


EMPTY = Tally((), (), 0, 0, 0.0, 0.0, 0.0, 0.0)


def tally(records: Iterable[Counted]) -> Tally:
    """Count `records` (one session's, in the order they were left)."""
    exercises: dict[tuple[int | None, str], str] = {}
    exercises_done: set[tuple[int | None, str]] = set()
    sets: dict[tuple[int, str], bool] = {}
    work = left = right = spent = 0.0
    pain: list[tuple[str, PainRecord]] = []
    for record in records:
        spent += record.actual_seconds
        if record.pain:
            pain.extend((record.exercise_name, report) for report in record.pain)
        if record.kind not in WORK_KINDS:
            continue
        exercise = (record.exercise_index, record.exercise_id)
        exercises.setdefault(exercise, record.exercise_name)
        # a segment's place in the timeline and its exercise name one set/side, even after an
        # easier variant took over the places of the exercise it replaced
        key = (record.position, record.exercise_id)
        done = record.status == "done"
        sets[key] = sets.get(key, False) or done
        if done:
            exercises_done.add(exercise)
        work += record.actual_seconds
        if record.side == "left":
            left += record.actual_seconds
        elif record.side == "right":
            right += record.actual_seconds
    return Tally(
        exercises_done=tuple(name for key, name in exercises.items() if key in exercises_done),
        exercises_skipped=tuple(
            name for key, name in exercises.items() if key not in exercises_done
        ),
        sets_done=sum(sets.values()),
        sets_total=len(sets),
        work_seconds=work,
        left_seconds=left,
        right_seconds=right,
        spent_seconds=spent,
        pain=tuple(pain),
    )
