"""The one pydantic base for our models: unknown keys are errors, values are frozen, and the
docstring under each field is its description (shown in `psoas schema`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from psoas_tui.textfile import no_plugins  # noqa: F401  (before any model class is built)


class StrictModel(BaseModel):
    """Strict about keys: a key the model does not declare is an error (and a "did you mean …?").

    Values are converted the lax way (a TOML list fills a tuple, a whole number fills a float),
    which suits the catalogue and results built in code.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class UserFileModel(StrictModel):
    """A table of a file a person writes (a routine, self-test answers): strict about types too,
    so `"30"` is not 30 and `1` is not `true`."""

    model_config = ConfigDict(strict=True)
