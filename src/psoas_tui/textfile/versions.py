"""Versioned files: the `VersionedFile` mixin for a file with a `schema = N` key, and one wording
for "this file comes from a newer psoas-tui"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from psoas_tui.textfile import no_plugins  # noqa: F401  (before any model class is built)
from psoas_tui.textfile.shown import shown_int


def newer_schema_message(found: int, known: int, what: str = "schema") -> str:
    shown = shown_int(found)
    shown = shown if shown.isdigit() else f"({shown})"
    return (
        f"{what} {shown} is newer than this program understands (it reads {what} {known}); "
        "update psoas-tui to open this file"
    )


def check_schema(found: int, known: int) -> int:
    """`found` if this program can read it; a ValueError saying so otherwise."""
    if found > known:
        raise ValueError(newer_schema_message(found, known))
    return found


def _name_the_version(schema: dict[str, Any], model: type[Any]) -> None:
    """In the JSON Schema, say which version this program reads."""
    for key in ("schema", "schema_"):
        if key in schema.get("properties", {}):
            schema["properties"][key]["description"] = (
                f"Format version; this program reads schema {model.SCHEMA_VERSION}."
            )


class VersionedFile(BaseModel):
    """Mixin for a file with a `schema = N` key: N is at least 1, and a file newer than
    `SCHEMA_VERSION` is refused with `newer_schema_message`. The key is required unless the
    model gives `schema_` a default."""

    SCHEMA_VERSION: ClassVar[int]
    """The newest version of this file that this program reads; each file model sets it."""

    model_config = ConfigDict(populate_by_name=True, json_schema_extra=_name_the_version)

    schema_: int = Field(alias="schema", ge=1)
    """Format version; a newer one than this program reads is refused."""

    @field_validator("schema_", mode="after")
    @classmethod
    def _known_schema(cls, value: int) -> int:
        return check_schema(value, cls.SCHEMA_VERSION)

    @classmethod
    def newer_schema(cls, raw: Mapping[str, object]) -> str | None:
        """Why raw data is refused when its `schema` is newer than this program reads, else None
        (to say so before looking at anything else in the file)."""
        found = raw.get("schema")
        if isinstance(found, int) and not isinstance(found, bool) and found > cls.SCHEMA_VERSION:
            return newer_schema_message(found, cls.SCHEMA_VERSION)
        return None
