"""The five source articles, named once: catalogue entries cite them by their seed file name.

An `Article` turns that stable key into what a person recognises: "Cleveland Clinic — 5 Psoas
Stretches and Exercises (2024)".
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Self

from pydantic import StringConstraints, model_validator

from psoas_tui.textfile.strict import StrictModel

SeedKey = Annotated[str, StringConstraints(pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$")]
"""A seed article's file name, the stable key entries cite ("000_2a139b7f77750f37.txt")."""


class Article(StrictModel):
    """One source article, as far as the copy we have names it."""

    publisher: str
    """Who published it ("Cleveland Clinic"), or what kind of site when the copy does not say."""
    short: str
    """A short name for lists of figures ("Peloton", "trainer blog")."""
    title: str | None = None
    """Its headline, when the copy keeps one."""
    untitled: str = ""
    """For an article without a headline: what it is ("untitled guide to ten psoas exercises")."""
    author: str | None = None
    """The writer, when given."""
    published: date | None = None
    """The publication date, when given."""

    @model_validator(mode="after")
    def _named(self) -> Self:
        if not self.title and not self.untitled:
            raise ValueError("an article needs a title, or `untitled` saying what it is")
        return self

    @property
    def label(self) -> str:
        """Publisher — title, by author (year): what the detail pane lists as a source."""
        text = f"{self.publisher} — {self.title or self.untitled}"
        if self.author:
            text += f", by {self.author}"
        if self.published:
            text += f" ({self.published.year})"
        return text
