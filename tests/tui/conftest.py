"""Screens are drawn as in a full-colour terminal, whatever TERM the tests run under (the
player picks other colours for 16 or 8; a test that wants those says so)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def full_colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLORTERM", "truecolor")
