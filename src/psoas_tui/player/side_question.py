"""The optional one-key question after a per-side exercise: "which side felt tighter?" (after a
stretch) or "...weaker?" (after a strengthening move), answered left, same or right.

It is asked once both sides of an exercise done one side at a time have been worked and its last
set is over: during the rest, switch or prep that follows (in practice the next exercise's prep),
or, when the exercise ends the session, on the summary. A side counts as worked when one of its
holds or sets of reps was done, or had at least a second in it (cut short with next). Nothing
here knows Textual: the player screen asks `side_question(session)` what to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from psoas_tui.catalogue.model import Catalogue
from psoas_tui.player.session import SegmentFinished, Session
from psoas_tui.player.timeline import Segment
from psoas_tui.routine.plan import PlannedExercise
from psoas_tui.store.records import SideAnswer, SideChoice, SideQuestionKind

CHOICES: tuple[SideChoice, ...] = ("left", "same", "right")
"""The answers in the order of their keys (1, 2, 3 in the player)."""
STRENGTHEN = "strengthen"
WORKED_SECONDS = 1.0
"""A hold or set cut short counts for its side from this many seconds in it."""


@dataclass(frozen=True, slots=True)
class SideQuestion:
    """The question about one turn of an exercise in the session."""

    exercise_index: int
    exercise_id: str
    exercise_name: str
    question: SideQuestionKind

    @property
    def words(self) -> str:
        """ "Which side felt tighter?" or "Which side felt weaker?"."""
        return f"Which side felt {self.question}?"

    def answer(self, choice: SideChoice, at: datetime) -> SideAnswer:
        """The record of answering `choice` at `at`."""
        return SideAnswer(self.exercise_index, self.exercise_id, self.question, choice, at)


def question_kind(exercise: PlannedExercise, catalogue: Catalogue | None) -> SideQuestionKind:
    """ "weaker" after the catalogue's strengthening moves, "tighter" after anything else (a
    stretch, a release, an activation, a move of one's own)."""
    if catalogue is None or exercise.is_custom:
        return "tighter"
    found = catalogue.lookup(exercise.exercise_id)
    return "weaker" if found is not None and str(found.kind) == STRENGTHEN else "tighter"


def sides_worked(
    finished: Sequence[SegmentFinished], exercise_index: int, exercise_id: str
) -> set[str]:
    """The sides of this turn of the exercise that were worked (see the module's words)."""
    return {
        str(record.segment.side)
        for record in finished
        if record.segment.is_work
        and record.segment.exercise_index == exercise_index
        and record.segment.exercise.exercise_id == exercise_id
        and record.segment.side is not None
        and (record.status == "done" or record.actual_seconds >= WORKED_SECONDS)
    }


def _last_work_before(segments: Sequence[Segment], index: int) -> Segment | None:
    for segment in reversed(segments[:index]):
        if segment.is_work:
            return segment
    return None


def _last_worked(finished: Sequence[SegmentFinished]) -> Segment | None:
    for record in reversed(finished):
        if record.segment.is_work and (
            record.status == "done" or record.actual_seconds >= WORKED_SECONDS
        ):
            return record.segment
    return None


def side_question(session: Session, catalogue: Catalogue | None) -> SideQuestion | None:
    """The question to show now, or None: while the session runs, during a rest, switch or prep
    that follows the last set of a per-side exercise whose two sides were worked; once it is over,
    for such an exercise when it was the last one worked (its last set included)."""
    segments = session.timeline.segments
    if session.is_over:
        last = _last_worked(session.finished)
    elif session.segment.is_work:
        return None
    else:
        last = _last_work_before(segments, session.index)
    if last is None or last.exercise.sides != "both":
        return None
    later = segments[last.index + 1 :] if last.index < len(segments) else ()
    if any(s.is_work and s.exercise_index == last.exercise_index for s in later):
        return None  # more sets of it to come
    exercise = last.exercise
    if sides_worked(session.finished, last.exercise_index, exercise.exercise_id) != {
        "left",
        "right",
    }:
        return None
    return SideQuestion(
        last.exercise_index, exercise.exercise_id, exercise.name, question_kind(exercise, catalogue)
    )
