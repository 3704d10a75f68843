"""User settings (theme, sound, voice, whether the safety note was seen, the self-test's routine),
kept in `settings.toml`.

Read leniently — an unknown key is ignored and a value of the wrong type falls back to its
default, with a notice — but a file that is not TOML at all is moved aside and reported, never
silently overwritten. A file that cannot be read (no permission, a folder in its place) is not
damaged: it is left where it is, defaults are used, and it is never written over. Plain
dataclasses (no pydantic) because the app reads this before its first frame.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from psoas_tui import paths
from psoas_tui.textfile.atomic import atomic_write_text, move_aside
from psoas_tui.textfile.problems import ProblemsError, unexpected_problem
from psoas_tui.textfile.read import read_toml


@dataclass(frozen=True, slots=True)
class Settings:
    """What the app remembers between runs."""

    theme: str = "textual-dark"
    """The Textual theme name."""
    muted: bool = False
    """Whether the sound cues are off."""
    voice: bool = True
    """Whether the player speaks (the exercise, the side, the counts), when a speech engine is
    there."""
    safety_note_seen: bool = False
    """Whether the first-run safety note was shown."""
    selftest_routine: str = ""
    """Path of the routine the last self-test saved (suggested on the home screen)."""

    def model_copy(self, update: dict[str, Any]) -> Settings:
        """A copy with some values changed (unknown names are ignored)."""
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in update.items() if k in known})


MAX_TEXT = 4096
"""The longest text value kept (a theme name, a path: PATH_MAX on Linux)."""
_NAME_MAX = 255
"""The longest file or folder name, in bytes, most file systems allow."""


def _usable(name: str, value: str) -> bool:
    """Whether a text value can be used: not absurdly long, and a path the OS can look up (a NUL
    or a name too long for the file system makes `Path.is_file()` raise, not return False)."""
    if len(value) > MAX_TEXT:
        return False
    if name == "selftest_routine":
        if "\x00" in value:
            return False
        parts = Path(value).parts
        return all(len(part.encode("utf-8", "surrogateescape")) <= _NAME_MAX for part in parts)
    return True


def settings_from_data(raw: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from TOML data, and the names of values that were wrong and reset."""
    values: dict[str, Any] = {}
    wrong: list[str] = []
    for item in fields(Settings):
        if item.name not in raw:
            continue
        value = raw[item.name]
        expected = bool if item.type in ("bool", bool) else str
        if type(value) is expected and (not isinstance(value, str) or _usable(item.name, value)):
            values[item.name] = value
        else:
            wrong.append(item.name)
    return Settings(**values), wrong


class SettingsNotSaved(OSError):
    """The settings could not be written; the message is one line naming the file and what to
    do."""


def unreadable(path: Path) -> str | None:
    """Why the file at `path` cannot be read at all (None when it can, or does not exist)."""
    try:
        if not path.exists():
            return None
        if not path.is_file():
            return "it is not a regular file"
        with path.open("rb"):
            return None
    except OSError as error:
        return (error.strerror or str(error)).lower()


def _unreadable_notice(path: Path, reason: str) -> str:
    return (
        f"{path}: the settings could not be read ({reason}); defaults are used and the file is "
        f"left as it is, not written over: make it readable by you (chmod u+rw {path})"
    )


def load_settings(path: Path | None = None) -> tuple[Settings, str]:
    """The settings and a notice for the user ("" when all went well). Never raises: the app
    reads this before its first frame, and a settings file must not stop it from starting."""
    path = path or paths.settings_file()
    try:
        return _read_settings(path)
    except Exception as error:  # a bug: the last line of defence, not the way files are checked
        return Settings(), f"{unexpected_problem(path, error)}; defaults are used"


def _read_settings(path: Path) -> tuple[Settings, str]:
    reason = unreadable(path)
    if reason is not None:
        return Settings(), _unreadable_notice(path, reason)
    if not path.exists():
        return Settings(), ""
    try:
        _, raw = read_toml(path)
    except ProblemsError as error:
        try:
            moved = move_aside(path, "corrupt")
        except OSError:
            return Settings(), f"{error.first}; defaults are used"
        return Settings(), f"{error.first}; it was moved to {moved.name} and defaults are used"
    settings, wrong = settings_from_data(raw)
    if wrong:
        return settings, f"{path}: invalid {', '.join(wrong)} in the settings; defaults are used"
    return settings, ""


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically. Raises `SettingsNotSaved` when they cannot be written, and
    when the file there cannot be read (so that settings never read are never written over)."""
    import tomli_w

    path = path or paths.settings_file()
    reason = unreadable(path)
    if reason is not None:
        raise SettingsNotSaved(_unreadable_notice(path, reason))
    try:
        atomic_write_text(path, tomli_w.dumps(asdict(settings)))
    except OSError as error:
        problem = paths.folder_problem(path.parent, write=True)
        if problem is None:
            problem = (
                f"{path}: {(error.strerror or str(error)).lower()}; check that you can write it"
            )
        raise SettingsNotSaved(f"the settings could not be saved: {problem}") from error
