"""The command palette's own entries: take the self-test, change the plan, play a routine, open an
exercise.

Textual's system commands are shown through `Matcher.highlight`, which reads each title as
markup: a routine named `[/]` would crash the palette and one named `[@click=app.quit]x` would
hide an action. Here every title and help line is plain text, made `printable` (a name may
hold escape sequences), and the match is highlighted on that text itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from psoas_tui.textfile.printable import printable

if TYPE_CHECKING:
    from psoas_tui.tui.app import PsoasApp


@dataclass(frozen=True, slots=True)
class PaletteEntry:
    """One palette entry, as text from anywhere (it is made printable when shown)."""

    title: str
    help: str
    run: Callable[[], object]


def _help(text: str) -> str:
    """`text` for a hit's help line. The palette reads a help string as markup (where even
    `textual.markup.escape` loses `[ b]`), but passes `Content` through as it is."""
    return cast("str", Content(printable(text)))


class PlainProvider(Provider):
    """Offers `entries()` with plain-text titles, for discovery (an empty palette) and search."""

    @property
    def psoas(self) -> PsoasApp:
        return cast("PsoasApp", self.app)

    def entries(self) -> Iterator[PaletteEntry]:
        raise NotImplementedError

    def _entries(self) -> Iterator[PaletteEntry]:
        if self.psoas.plan is None:  # (`psoas play ROUTINE` offers only Textual's commands)
            yield from self.entries()

    async def discover(self) -> Hits:
        for entry in self._entries():
            title = printable(entry.title)
            yield DiscoveryHit(Content(title), entry.run, text=title, help=_help(entry.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            title = printable(entry.title)
            score, offsets = matcher.fuzzy_search.match(matcher.query, title)
            if score <= 0:
                continue
            shown = Content(title)
            for offset in offsets:
                if not title[offset].isspace():
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
            yield Hit(score, shown, entry.run, text=title, help=_help(entry.help))


class PsoasCommands(PlainProvider):
    """Commands of psoas itself."""

    def entries(self) -> Iterator[PaletteEntry]:
        app = self.psoas
        yield PaletteEntry(
            "Take the self-test", "Tight or weak? Questions and two tests", app.action_open_selftest
        )
        yield PaletteEntry(
            "Change your weekly plan",
            "Stretch and strength days, desk breaks, running",
            app.action_open_plan,
        )


class RoutineCommands(PlainProvider):
    """Play any routine that could be read (as last read in the background)."""

    def entries(self) -> Iterator[PaletteEntry]:
        app = self.psoas
        for entry in app.routine_entries:
            if entry.loaded is not None:
                plan = entry.loaded.plan
                yield PaletteEntry(
                    f"Play {plan.name}",
                    f"{entry.source} routine {entry.routine_id}",
                    partial(app.play, plan),
                )


class ExerciseCommands(PlainProvider):
    """Open any exercise of the catalogue."""

    def entries(self) -> Iterator[PaletteEntry]:
        app = self.psoas
        for exercise in app.catalogue:
            yield PaletteEntry(
                f"Open {exercise.name}",
                f"{exercise.kind.value}, {exercise.position.value}",
                partial(app.action_open_catalogue, exercise.id),
            )
