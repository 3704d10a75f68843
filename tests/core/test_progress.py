"""Progression: the rules at the ends of the articles' ranges, the diff, and `psoas progress`."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cli_runs import run

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.player.timeline import build_timeline
from psoas_tui.routine.library import find_routine
from psoas_tui.routine.model import Routine
from psoas_tui.routine.progress import Feedback, decide, propose
from psoas_tui.routine.resolve import resolve
from psoas_tui.services.logged_session import logged_session, write_logged
from psoas_tui.services.progression import proposal_for
from psoas_tui.store.history import History
from psoas_tui.store.records import PainRecord

EASY = Feedback("too_easy")
HARD = Feedback("too_hard")
RIGHT = Feedback("about_right")
TWICE_EASY = [EASY, EASY]


def routine(*exercises: dict[str, Any], moves: list[dict[str, Any]] | None = None) -> Routine:
    data: dict[str, Any] = {"schema": 1, "name": "Test", "exercises": list(exercises)}
    if moves:
        data["moves"] = moves
    return Routine.model_validate(data)


def only_change(old: Routine, recent: list[Feedback]) -> tuple[str, dict[str, Any]]:
    proposal = propose(old, "test", recent, load_catalogue())
    assert proposal.routine is not None, proposal.why
    assert len(proposal.changes) == 1
    entry = proposal.routine.exercises[0].model_dump(exclude_none=True)
    return proposal.changes[0].reason, entry


def test_not_enough_rated_sessions_change_nothing() -> None:
    assert decide([]) == (None, "no rated session of this routine yet")
    direction, why = decide([EASY, Feedback(None)])
    assert direction is None and "only 1 rated session" in why
    assert decide([EASY, RIGHT])[0] is None
    assert decide([Feedback(None), EASY, Feedback(None), EASY])[0] == "harder"
    old = routine({"exercise": "cobra-pose", "hold_seconds": 20})
    proposal = propose(old, "test", [EASY], load_catalogue())
    assert not proposal.changed and proposal.diff() == ""


def test_pain_or_too_hard_in_the_last_session_steps_back() -> None:
    assert decide([Feedback("too_easy", pain_reports=1), EASY])[0] == "easier"
    assert decide([HARD])[0] == "easier"
    # too easy twice, but the last had pain: back, not up
    reason, entry = only_change(
        routine({"exercise": "half-kneeling-hip-flexor-stretch", "hold_seconds": 45}),
        [Feedback("too_easy", 2), EASY],
    )
    assert entry["hold_seconds"] == 35
    assert reason.startswith("hold 45 s → 35 s: too hard or pain")


def test_too_easy_twice_lengthens_a_hold_up_to_the_articles_maximum() -> None:
    reason, entry = only_change(
        routine({"exercise": "half-kneeling-hip-flexor-stretch", "hold_seconds": 55}),
        TWICE_EASY,
    )
    assert entry["hold_seconds"] == 60  # +10 s, capped at the range's 60 s
    assert reason == "hold 55 s → 60 s: too easy 2× in a row; SportCoaching holds up to 60 s"


def test_too_easy_twice_adds_reps_up_to_the_maximum() -> None:
    reason, entry = only_change(routine({"exercise": "glute-bridge", "reps": 10}), TWICE_EASY)
    assert entry["reps"] == 12
    assert reason == "reps 10 → 12: too easy 2× in a row; Peloton goes up to 20 reps"


def test_at_the_maximum_the_harder_variant() -> None:
    reason, entry = only_change(
        routine({"exercise": "half-kneeling-hip-flexor-stretch", "hold_seconds": 60}),
        TWICE_EASY,
    )
    harder = load_catalogue().get("low-lunge").dosage
    assert entry == {
        "exercise": "low-lunge",
        "sets": harder.sets_range[0],
        "hold_seconds": harder.hold_range[0] if harder.hold_range else None,
    }
    assert "at the top of its range" in reason and "harder variant Low lunge" in reason


def test_at_the_minimum_with_too_hard_the_easier_variant() -> None:
    reason, entry = only_change(routine({"exercise": "low-lunge", "hold_seconds": 45}), [HARD])
    easier = load_catalogue().get("half-kneeling-hip-flexor-stretch").dosage
    assert entry["exercise"] == "half-kneeling-hip-flexor-stretch"
    assert entry["hold_seconds"] == easier.hold_seconds
    assert "at the bottom of its range" in reason and "easier variant" in reason


def test_no_variant_left_changes_the_sets_within_their_range() -> None:
    reason, entry = only_change(
        routine({"exercise": "pigeon-pose", "hold_seconds": 30, "sets": 1}), TWICE_EASY
    )
    assert entry["sets"] == 2 and reason.startswith("sets 1 → 2")
    top = load_catalogue().get("pigeon-pose").dosage.sets_range[1]
    at_the_top = routine({"exercise": "pigeon-pose", "hold_seconds": 30, "sets": top})
    proposal = propose(at_the_top, "test", TWICE_EASY, load_catalogue())
    assert not proposal.changed
    assert "nothing can change" in proposal.why
    assert proposal.left_alone == (
        "Pigeon pose: already at the top of its range, no harder variant",
    )


def test_a_custom_move_is_left_alone() -> None:
    old = routine(
        {"exercise": "hip-circles", "hold_seconds": 20},
        {"exercise": "cobra-pose", "hold_seconds": 20},
        moves=[{"id": "hip-circles", "name": "Hip circles"}],
    )
    proposal = propose(old, "test", TWICE_EASY, load_catalogue())
    assert proposal.routine is not None
    assert proposal.routine.exercises[0] == old.exercises[0]
    assert proposal.left_alone == ("Hip circles: a custom move, with no range from the articles",)
    assert [change.exercise for change in proposal.changes] == ["Cobra pose"]


def test_the_new_routine_resolves_and_the_diff_shows_only_the_changes() -> None:
    catalogue = load_catalogue()
    loaded = find_routine("tight-psoas", catalogue)
    proposal = propose(loaded.routine, "tight-psoas", TWICE_EASY, catalogue)
    assert proposal.routine is not None
    assert proposal.routine.name == "Tight psoas — level 2"
    assert proposal.new_id == "tight-psoas-level-2"
    resolve(proposal.routine, catalogue)  # raises if it could not be played
    diff = proposal.diff()
    assert diff.startswith("--- tight-psoas.toml\n+++ tight-psoas-level-2.toml\n")
    assert "-hold_seconds = 45\n+hold_seconds = 55\n" in diff
    assert '+name = "Tight psoas — level 2"' in diff
    again = propose(proposal.routine, proposal.new_id, TWICE_EASY, catalogue)
    assert again.routine is not None and again.routine.name == "Tight psoas — level 3"
    assert again.new_id == "tight-psoas-level-3"


@pytest.mark.usefixtures("psoas_home")
def test_pain_kept_in_the_history_steps_back() -> None:
    catalogue = load_catalogue()
    loaded = find_routine("tight-psoas", catalogue)
    logged = logged_session(build_timeline(loaded.plan), datetime(2026, 3, 2, 12, tzinfo=UTC))
    hurt = replace(logged.segments[0], pain=(PainRecord("front of hip", 6, "stopped", "sharp"),))
    logged = replace(logged, segments=(hurt, *logged.segments[1:]))
    with History.open(paths.history_db()) as history:
        write_logged(history, logged, "too_easy")
        proposal = proposal_for(loaded, history, catalogue)
    assert proposal.direction == "easier"
    assert proposal.why == "pain reported in the last session (1×)"


def test_cli_says_why_nothing_changes(capsys: pytest.CaptureFixture[str], psoas_home: Path) -> None:
    code, out, err = run(capsys, "progress", "tight-psoas")
    assert (code, err) == (0, "")
    assert out == "tight-psoas: no change proposed: no rated session of this routine yet\n"
    code, out, _ = run(capsys, "progress", "tight-psoas", "--json")
    assert json.loads(out)["change"] is None


def test_cli_save_writes_a_routine_check_accepts_and_leaves_the_built_in(
    capsys: pytest.CaptureFixture[str], psoas_home: Path
) -> None:
    built_in = paths.builtin_routines_dir() / "tight-psoas.toml"
    before = built_in.read_bytes()
    for day in ("2026-01-05", "2026-01-06"):
        assert run(capsys, "log", "tight-psoas", "--date", day, "--rating", "easy")[0] == 0
    code, out, err = run(capsys, "progress", "tight-psoas")
    assert (code, err) == (0, "")
    assert "next level, because the last 2 sessions were rated too easy" in out
    assert "hold 45 s → 55 s: too easy 2× in a row; SportCoaching holds up to 60 s" in out
    assert "+hold_seconds = 55" in out
    code, out, err = run(capsys, "progress", "tight-psoas", "--save", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    saved = Path(data["path"])
    assert saved == psoas_home / "routines" / "tight-psoas-level-2.toml"
    assert data["new_routine"] == {"id": "tight-psoas-level-2", "name": "Tight psoas — level 2"}
    assert data["changes"][0]["reason"].startswith("hold 45 s → 55 s")
    assert run(capsys, "check", str(saved))[0] == 0
    assert built_in.read_bytes() == before
    # saved again: a new file beside it, never over it
    code, out, _ = run(capsys, "progress", "tight-psoas", "--save")
    assert code == 0 and out.rstrip().endswith("tight-psoas-level-2-2.toml")
    assert saved.read_text(encoding="utf-8").count("Tight psoas — level 2") == 1


def test_cli_unknown_routine_is_one_line(
    capsys: pytest.CaptureFixture[str], psoas_home: Path
) -> None:
    code, out, err = run(capsys, "progress", "no-such-routine")
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
