"""Shared fixtures: every test gets its own PSOAS_HOME, so no test touches the real home folder,
and no test plays sound."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from speed import quicker_idle_steps, settle_garbage_collector, share_css_parses

# No test asserts on wall-clock time: hypothesis's per-example deadline (200 ms) is one, and a
# shared, busy machine misses it now and then.
settings.register_profile("psoas", deadline=None)
settings.load_profile("psoas")


def pytest_collection_finish(session: pytest.Session) -> None:
    """Before the first test of this process (a worker's, with xdist)."""
    share_css_parses()
    quicker_idle_steps()
    settle_garbage_collector()


@pytest.fixture(autouse=True)
def psoas_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty user data folder for each test."""
    home = tmp_path / "psoas-home"
    monkeypatch.setenv("PSOAS_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def no_audio(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test plays sound or speaks through this machine's programs: the app rings the bell
    (tests of the audio code give it fake programs of their own)."""
    monkeypatch.setenv("PSOAS_AUDIO", "off")


@pytest.fixture
def user_routines(psoas_home: Path) -> Path:
    """The user routines folder, created."""
    folder = psoas_home / "routines"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times shown in UTC whatever the machine's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
