"""`EditSession`: one routine open in the editor — its draft, where a save writes, and how.

- a new routine is written with tomli-w (`psoas_tui.routine.write`);
- a user's file is changed with tomlkit, so its comments and layout survive (`preserve`);
- a built-in routine is never written: editing one makes a copy in the user's folder;
- a save is atomic, passes `psoas check` first, and refuses to overwrite a file that changed on
  disk since it was opened (or since the last save) unless told to.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psoas_tui import paths
from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.model import Catalogue
from psoas_tui.editing.check import Checked, check_data
from psoas_tui.editing.draft import RoutineDraft, blank_data
from psoas_tui.editing.preserve import edited_text
from psoas_tui.routine.model import Routine
from psoas_tui.routine.parse import parse_routine_text
from psoas_tui.routine.write import free_path, routine_to_data, routine_to_toml
from psoas_tui.textfile.atomic import atomic_write_text
from psoas_tui.textfile.names import normalise
from psoas_tui.textfile.problems import Problem, ProblemsError
from psoas_tui.textfile.read import parse_toml, read_text


class NotSaved(Exception):
    """The routine was not saved: it has problems (listed, as `psoas check` prints them)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


class ChangedOnDisk(Exception):
    """The file was changed (or made) by something else since it was opened: saving would lose
    that change, so it is saved only when asked again with `overwrite=True`."""


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a file was when it was read: its modification time and a hash of its bytes."""

    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> Fingerprint | None:
        """The file's fingerprint now; None when there is no file."""
        try:
            stat = path.stat()
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        return cls(stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


def file_stem(name: str) -> str:
    """A file name for a routine called `name`: "Hip opener #2" → "hip-opener-2"."""
    return re.sub(r"\s+", "-", normalise(name))[:60] or "routine"


def is_builtin(path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(paths.builtin_routines_dir().resolve())
    except OSError:
        return False


@dataclass(slots=True)
class EditSession:
    """A routine open for editing."""

    draft: RoutineDraft
    path: Path
    """Where a save writes."""
    original: str | None = None
    """The text a save changes, keeping what is not changed; None: a new file (tomli-w)."""
    opened: Fingerprint | None = None
    """The file at `path` as last read or written; None when there is none yet."""
    copied_from: Path | None = None
    """The built-in routine this is a copy of."""
    named_by_routine: bool = False
    """A new routine's file is named after the routine's name when it is first saved."""
    catalogue: Catalogue = field(default_factory=load_catalogue)

    @property
    def is_new_file(self) -> bool:
        return self.opened is None

    @property
    def dirty(self) -> bool:
        return self.draft.dirty

    def check(self) -> Checked:
        """The draft checked as `psoas check` would (live, on every change)."""
        return check_data(self.draft.data(), self.catalogue, routine_id=self.path.stem)

    def text(self) -> str:
        """What a save would write."""
        if self.original is not None:
            return edited_text(self.original, self.draft.state)
        return routine_to_toml(Routine.model_validate(self.draft.data()))

    def changed_on_disk(self) -> bool:
        """Whether the file at `path` is not what was read or written last."""
        return Fingerprint.of(self.path) != self.opened

    def save(self, *, overwrite: bool = False) -> Path:
        """Check, then write the routine atomically; returns the path written.

        Raises `NotSaved` when the routine has problems and `ChangedOnDisk` when the file changed
        since it was opened (unless `overwrite`)."""
        checked = self.check()
        if not checked.ok:
            raise NotSaved([Problem(self.path, p.message) for p in checked.problems])
        text = self.text()
        try:
            parse_routine_text(self.path, text, self.catalogue)
        except ProblemsError as error:
            raise NotSaved(error.problems) from None
        if self.named_by_routine:
            name = self.draft.get(("name",))
            self.path = free_path(self.path.parent, file_stem(str(name or "")))
        if not overwrite and self.changed_on_disk():
            what = "made" if self.opened is None else "changed"
            raise ChangedOnDisk(f"{self.path} was {what} by something else since it was opened")
        atomic_write_text(self.path, text)
        self.original = text
        self.opened = Fingerprint.of(self.path)
        self.named_by_routine = False
        self.draft.mark_saved(renumber=True)
        return self.path


def _data_of(path: Path, text: str) -> dict[str, Any]:
    """The TOML data of an opened file (problems in it are for the editor to show, but a file
    that is not TOML at all cannot be edited)."""
    return parse_toml(path, text)


def copy_file(path: Path, catalogue: Catalogue | None = None) -> EditSession:
    """A copy of the routine file `path` in the user's folder, called "<name> (my copy)", with
    the file's comments and layout; written on the first save. Raises `ProblemsError` for a
    file that is not TOML."""
    text = read_text(path)
    data = _data_of(path, text)
    draft = RoutineDraft.from_data(data)
    name = data.get("name")
    if isinstance(name, str):
        draft.set(("name",), f"{name} (my copy)"[:200])
    draft.mark_unsaved()
    return EditSession(
        draft,
        free_path(paths.user_routines_dir(), f"{path.stem}-copy"),
        original=text,
        copied_from=path,
        catalogue=catalogue or load_catalogue(),
    )


def open_file(path: Path, catalogue: Catalogue | None = None) -> EditSession:
    """Open a routine file to edit: a user's file in place, a built-in one as a copy in the
    user's folder (written on the first save, see `copy_file`). Raises `ProblemsError` for a
    file that is not TOML."""
    if is_builtin(path):
        return copy_file(path, catalogue)
    catalogue = catalogue or load_catalogue()
    fingerprint = Fingerprint.of(path)  # before reading: a change in between is then noticed
    text = read_text(path)
    data = _data_of(path, text)
    return EditSession(
        RoutineDraft.from_data(data),
        path,
        original=text,
        opened=fingerprint,
        catalogue=catalogue,
    )


def new_routine(name: str, catalogue: Catalogue | None = None) -> EditSession:
    """A new, empty routine called `name`, to be saved in the user's folder."""
    path = free_path(paths.user_routines_dir(), file_stem(name))
    draft = RoutineDraft.from_data(blank_data(name), saved=False)
    return EditSession(draft, path, named_by_routine=True, catalogue=catalogue or load_catalogue())


def new_from_routine(routine: Routine, catalogue: Catalogue | None = None) -> EditSession:
    """A new routine starting as a copy of `routine` (a built-in's, or the self-test's result),
    called "<its name> (new)" until renamed; its file is named after it on the first save."""
    name = f"{routine.name} (new)"[:200]
    draft = RoutineDraft.from_data(routine_to_data(routine.model_copy(update={"name": name})))
    draft.mark_unsaved()
    path = free_path(paths.user_routines_dir(), file_stem(name))
    return EditSession(draft, path, named_by_routine=True, catalogue=catalogue or load_catalogue())
