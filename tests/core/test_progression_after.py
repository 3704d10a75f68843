"""What the app asks after a session: `proposal_after` reads the routine played again (its file,
or by its id) and proposes a change only when its sessions call for one."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.player.timeline import build_timeline
from psoas_tui.routine.library import find_routine
from psoas_tui.routine.plan import RoutinePlan
from psoas_tui.routine.progress import proposal_head, proposal_lines
from psoas_tui.services.logged_session import logged_session, write_logged
from psoas_tui.services.progression import proposal_after
from psoas_tui.store.history import History
from psoas_tui.store.records import Rating


def log(plan: RoutinePlan, *ratings: Rating | None) -> None:
    with History.open(paths.history_db()) as history:
        for day, rating in enumerate(ratings, start=1):
            started = datetime(2026, 11, day, 12, tzinfo=UTC)
            write_logged(history, logged_session(build_timeline(plan), started), rating)


@pytest.mark.usefixtures("psoas_home")
def test_two_too_easy_propose_the_next_level_of_the_routine_played() -> None:
    catalogue = load_catalogue()
    plan = find_routine("tight-psoas", catalogue).plan
    log(plan, "too_easy", "too_easy")
    with History.open(paths.history_db()) as history:
        proposal = proposal_after(plan, history, catalogue)
    assert proposal is not None and proposal.direction == "harder"
    assert proposal.new_id == "tight-psoas-level-2"
    lines = proposal_lines(proposal)
    head = proposal_head(proposal)
    assert lines[: len(head)] == head
    assert lines[len(head)] == "--- tight-psoas.toml"


@pytest.mark.usefixtures("psoas_home")
def test_nothing_to_propose_is_none() -> None:
    catalogue = load_catalogue()
    plan = find_routine("tight-psoas", catalogue).plan
    log(plan, "too_easy", "about_right")
    with History.open(paths.history_db()) as history:
        assert proposal_after(plan, history, catalogue) is None


def test_a_routine_whose_file_is_gone_proposes_nothing(user_routines: Path) -> None:
    catalogue = load_catalogue()
    source = paths.builtin_routines_dir() / "tight-psoas.toml"
    copy = user_routines / "mine.toml"
    copy.write_bytes(source.read_bytes())
    plan = find_routine(str(copy), catalogue).plan
    log(plan, "too_easy", "too_easy")
    with History.open(paths.history_db()) as history:
        assert proposal_after(plan, history, catalogue) is not None
        copy.unlink()
        assert proposal_after(plan, history, catalogue) is None
        made_up = replace(plan, path=None, routine_id="made-on-the-spot")
        assert proposal_after(made_up, history, catalogue) is None
