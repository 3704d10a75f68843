"""Unsaved changes kept on disk while a routine is edited, to get them back after a crash.

While a routine has unsaved changes, a `DraftKeeper` keeps its draft (with where it came from:
the file's text and fingerprint as opened, or none for a new routine) in one TOML file under
`paths.drafts_dir()`; the screen calls `keep` a moment after the last change. Saving the routine
or leaving it without saving removes the file. When the app comes back, `kept_for` finds the
draft of the routine being opened and `restore` turns it into the `EditSession` it was.

A draft file for a routine's file is named after that file's path (so opening the file again
finds it); one for a new routine has a name of its own. A draft file that cannot be read is
moved aside and reported in one line, never dropped silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import tomllib
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from psoas_tui import paths
from psoas_tui.catalogue.model import Catalogue
from psoas_tui.editing.draft import LISTS, DraftState, Entry, RoutineDraft
from psoas_tui.editing.session import EditSession, Fingerprint
from psoas_tui.textfile.atomic import atomic_write_text, move_aside
from psoas_tui.textfile.problems import ProblemsError
from psoas_tui.textfile.read import parse_toml

DRAFT_SCHEMA = 1
"""The version of the draft file's layout."""


class UnreadableDraft(Exception):
    """A draft file that is not one (not TOML, or a key missing or of the wrong type)."""


@dataclass(frozen=True, slots=True)
class KeptDraft:
    """A routine's unsaved changes as kept in a draft file."""

    file: Path
    """The draft file."""
    kept_at: datetime
    """When the changes were kept (the app's wall clock)."""
    path: Path
    """Where a save of the routine writes."""
    state: DraftState
    """The routine with its unsaved changes."""
    original: str | None = None
    """The text of the file the changes are to (a built-in one for a copy); None: new."""
    opened: Fingerprint | None = None
    """The routine's file as it was when opened; None: not written yet."""
    copied_from: Path | None = None
    """The built-in routine the routine is a copy of."""
    named_by_routine: bool = False
    """A new routine's file is named after the routine on its first save."""

    @property
    def name(self) -> str:
        """The routine's name (its file's name when it has none)."""
        name = self.state.top.get("name")
        return name if isinstance(name, str) and name.strip() else self.path.stem

    @property
    def for_file(self) -> bool:
        """Whether these are changes to a routine file that exists (else: a new routine)."""
        return self.opened is not None

    def when(self) -> str:
        """When the changes were kept, as the app says it: "Sun 22 Nov 11:52"."""
        return self.kept_at.strftime("%a %d %b %H:%M")


def _file_name(session: EditSession, new_id: str) -> str:
    if session.opened is None:
        return f"new-{new_id}.toml"
    where = str(session.path.resolve())
    return f"file-{hashlib.sha256(where.encode('utf-8')).hexdigest()[:16]}.toml"


class DraftKeeper:
    """Keeps one edited routine's unsaved changes in its draft file, and removes the file once
    there are none to keep (saved, undone, or left without saving)."""

    def __init__(
        self,
        session: EditSession,
        now: Callable[[], datetime],
        *,
        folder: Path | None = None,
        adopted: KeptDraft | None = None,
    ) -> None:
        self.session = session
        self.now = now
        self.folder = folder or paths.drafts_dir()
        self._new_id = uuid.uuid4().hex[:12]
        self._written: Path | None = None
        self._kept_state: DraftState | None = None
        if adopted is not None:  # the session was restored from it: it is its file now
            self._written = adopted.file
            self._kept_state = adopted.state
            if not adopted.for_file and adopted.file.name.startswith("new-"):
                self._new_id = adopted.file.stem.removeprefix("new-")

    @property
    def file(self) -> Path:
        """The draft file the session's changes go to (it changes when a new routine is first
        saved: from then on they are changes to its file)."""
        return self.folder / _file_name(self.session, self._new_id)

    def keep(self) -> bool:
        """Write the session's draft to its file when it has unsaved changes not kept yet, or
        remove the file when there are none; True when a file was written. Raises `OSError`."""
        session = self.session
        if not session.dirty:
            self.discard()
            return False
        target = self.file
        if self._written == target and self._kept_state == session.draft.state:
            return False
        atomic_write_text(target, draft_text(session, self.now()))
        if self._written is not None and self._written != target:
            self._written.unlink(missing_ok=True)
        self._written, self._kept_state = target, session.draft.state
        return True

    def discard(self) -> None:
        """Remove the draft file (the changes were saved, or are not wanted)."""
        for file in {self.file, *([self._written] if self._written else [])}:
            with contextlib.suppress(OSError):  # a draft left behind is offered again
                file.unlink(missing_ok=True)
        self._written, self._kept_state = None, None


def draft_text(session: EditSession, kept_at: datetime) -> str:
    """The draft file for `session`'s present state."""
    state = session.draft.state
    data: dict[str, Any] = {
        "schema": DRAFT_SCHEMA,
        "kept_at": kept_at,
        "path": str(session.path),
        "named_by_routine": session.named_by_routine,
    }
    if session.copied_from is not None:
        data["copied_from"] = str(session.copied_from)
    if session.original is not None:
        data["original"] = session.original
    if session.opened is not None:
        data["opened"] = {"mtime_ns": session.opened.mtime_ns, "sha256": session.opened.sha256}
    draft: dict[str, Any] = {"top": dict(state.top)}
    for key in LISTS:
        draft[key] = [
            {"values": dict(entry.values)}
            | ({} if entry.origin is None else {"origin": entry.origin})
            for entry in state.entries(key)
        ]
    data["draft"] = draft
    return tomli_w.dumps(data)


def _entry_table(entry: Entry) -> dict[str, Any]:
    table: dict[str, Any] = {"values": dict(entry.values)}
    if entry.origin is not None:
        table["origin"] = entry.origin
    return table


def read_draft(file: Path) -> KeptDraft:
    """The draft kept in `file`. Raises `UnreadableDraft` (or `OSError`)."""
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UnreadableDraft(f"not TOML: {error}") from None
    schema = _need(data, "schema", int)
    if schema != DRAFT_SCHEMA:
        raise UnreadableDraft(f"schema {schema}, this psoas-tui reads {DRAFT_SCHEMA}")
    opened = _maybe(data, "opened", dict)
    draft = _need(data, "draft", dict)
    lists: dict[str, tuple[Entry, ...]] = {}
    for key in LISTS:
        entries = []
        for item in _need(draft, key, list):
            if not isinstance(item, dict):
                raise UnreadableDraft(f"draft.{key}: an entry is not a table")
            entries.append(Entry(_need(item, "values", dict), _maybe(item, "origin", int)))
        lists[key] = tuple(entries)
    copied_from = _maybe(data, "copied_from", str)
    return KeptDraft(
        file=file,
        kept_at=_need(data, "kept_at", datetime),
        path=Path(_need(data, "path", str)),
        state=DraftState(_need(draft, "top", dict), lists["moves"], lists["exercises"]),
        original=_maybe(data, "original", str),
        opened=None
        if opened is None
        else Fingerprint(_need(opened, "mtime_ns", int), _need(opened, "sha256", str)),
        copied_from=None if copied_from is None else Path(copied_from),
        named_by_routine=_need(data, "named_by_routine", bool),
    )


def _maybe(data: Mapping[str, Any], key: str, kind: type[Any]) -> Any:
    value = data.get(key)
    if value is not None and (not isinstance(value, kind) or (kind is int and value is True)):
        raise UnreadableDraft(f"{key}: not a {kind.__name__}")
    return value


def _need(data: Mapping[str, Any], key: str, kind: type[Any]) -> Any:
    if key not in data:
        raise UnreadableDraft(f"{key}: missing")
    return _maybe(data, key, kind)


def kept_drafts(folder: Path | None = None) -> tuple[list[KeptDraft], list[str]]:
    """Every kept draft, newest first, and a line for each draft file that could not be read
    (each such file is moved aside, to `<name>.corrupt-<time>`)."""
    folder = folder or paths.drafts_dir()
    try:
        files = sorted(folder.glob("*.toml"))
    except OSError as error:
        return [], [f"{folder}: cannot read the kept drafts: {error.strerror or error}"]
    drafts, problems = [], []
    for file in files:
        try:
            drafts.append(read_draft(file))
        except FileNotFoundError:
            continue  # removed meanwhile (saved by another psoas)
        except (UnreadableDraft, OSError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            try:
                aside = move_aside(file)
            except OSError:
                problems.append(f"{file}: cannot read these kept changes ({reason})")
            else:
                problems.append(
                    f"{file}: cannot read these kept changes ({reason}); moved to {aside}"
                )
    drafts.sort(key=lambda kept: _sort_key(kept.kept_at), reverse=True)
    return drafts, problems


def _sort_key(when: datetime) -> float:
    return when.timestamp()


def kept_for(
    session: EditSession, folder: Path | None = None
) -> tuple[KeptDraft | None, list[str]]:
    """The kept draft to offer when the editor opens on `session`: the one for its file, or
    for a new routine the newest draft of a new routine; and lines about unreadable drafts."""
    drafts, problems = kept_drafts(folder)
    if session.opened is not None:
        name = _file_name(session, "")
        found = next((kept for kept in drafts if kept.file.name == name), None)
    else:
        found = next((kept for kept in drafts if not kept.for_file), None)
    return found, problems


def differs(kept: KeptDraft, session: EditSession) -> bool:
    """Whether the kept draft holds something the session does not (else it is of no use)."""
    return kept.state.data() != session.draft.data()


def restore(kept: KeptDraft, catalogue: Catalogue) -> EditSession:
    """The edit session the kept draft was, its changes unsaved: for a routine's file, undo
    goes back to the file as it was opened, and a save still asks when the file changed on disk
    since then. Raises `UnreadableDraft` when the kept text of the file is not TOML."""
    if kept.original is not None:
        try:
            base = parse_toml(kept.path, kept.original)
        except ProblemsError as error:
            raise UnreadableDraft(f"the kept file text is not TOML: {error}") from None
        draft = RoutineDraft.from_data(base, saved=kept.opened is not None)
        draft.restore(kept.state)
    else:
        draft = RoutineDraft(kept.state)
    if kept.opened is None:
        draft.mark_unsaved()
    return EditSession(
        draft,
        kept.path,
        original=kept.original,
        opened=kept.opened,
        copied_from=kept.copied_from,
        named_by_routine=kept.named_by_routine,
        catalogue=catalogue,
    )
