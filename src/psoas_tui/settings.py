"""User settings (theme, sound, whether the safety note was seen), kept in `settings.toml`.

Read leniently — an unknown or wrong value falls back to its default — but a file that is not
TOML at all is moved aside and reported, never silently overwritten.
"""

from __future__ import annotations

from pathlib import Path

import tomli_w
from pydantic import BaseModel, ConfigDict, ValidationError

from psoas_tui import paths
from psoas_tui.atomic import atomic_write_text, move_aside
from psoas_tui.problems import ProblemsError
from psoas_tui.tomlfile import read_toml


class Settings(BaseModel):
    """What the app remembers between runs."""

    model_config = ConfigDict(extra="ignore", use_attribute_docstrings=True)

    theme: str = "textual-dark"
    """The Textual theme name."""
    muted: bool = False
    """Whether the sound cues are off."""
    safety_note_seen: bool = False
    """Whether the first-run safety note was shown."""
    selftest_routine: str = ""
    """Path of the routine the last self-test saved (suggested on the home screen)."""


def load_settings(path: Path | None = None) -> tuple[Settings, str]:
    """The settings and a notice for the user ("" when all went well)."""
    path = path or paths.settings_file()
    if not path.exists():
        return Settings(), ""
    try:
        _, raw = read_toml(path)
    except ProblemsError as error:
        moved = move_aside(path, "corrupt")
        return Settings(), f"{error.first}; it was moved to {moved.name} and defaults are used"
    try:
        return Settings.model_validate(raw), ""
    except ValidationError:
        fields = {k: v for k, v in raw.items() if k in Settings.model_fields}
        good = {}
        for key, value in fields.items():
            try:
                Settings.model_validate({key: value})
                good[key] = value
            except ValidationError:
                continue
        return Settings.model_validate(good), f"{path}: some settings were invalid and were reset"


def save_settings(settings: Settings, path: Path | None = None) -> None:
    atomic_write_text(path or paths.settings_file(), tomli_w.dumps(settings.model_dump()))
