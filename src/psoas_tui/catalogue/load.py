"""Read the catalogue data file (`data/exercises.toml`) into a `Catalogue`, once per process."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from psoas_tui.catalogue.model import Catalogue, CatalogueFile
from psoas_tui.paths import catalogue_file


def load_catalogue_file(path: Path) -> Catalogue:
    """Read and validate a catalogue file (raises on any problem: it ships with the program)."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    data = CatalogueFile.model_validate(raw)
    return Catalogue(data.exercise, data.articles)


@cache
def load_catalogue() -> Catalogue:
    """The built-in catalogue, read once per process."""
    return load_catalogue_file(catalogue_file())
