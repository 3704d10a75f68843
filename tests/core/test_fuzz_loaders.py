"""Fuzzing the loaders: whatever bytes a routine, answers or settings file holds, the loader gives
what it loads or clear one-line problems, never another exception (the strategies and the check
are in `tests/hostile_toml.py`; `bench/fuzz_loaders.py` runs the same for longer)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_toml import LOADERS, Loader, check, inputs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("loader", LOADERS)
@FUZZ
@given(data=st.data())
def test_a_loader_gives_its_value_or_clear_problems(
    folder: Path, loader: Loader, data: st.DataObject
) -> None:
    content = data.draw(inputs(loader), label="file")
    result = check(loader, folder / f"{loader}.toml", content)
    assert result.failure is None, result.failure
