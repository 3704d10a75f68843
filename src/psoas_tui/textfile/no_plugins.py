"""pydantic without plugin discovery. Our models use no pydantic plugins, and looking for them
(the first time a model class is built) imports `importlib.metadata` — with `email`, `zipfile`,
`csv` and more, about 1.4 MiB that the player would keep for nothing — and reads the metadata of
every installed package. The modules that build our model classes (`strict`, `versions`) import
this one first; if some other code built a pydantic model before, its loader is left alone."""

from __future__ import annotations

import sys
import types

LOADER = "pydantic.plugin._loader"
"""The module pydantic imports, when it builds a validator, to find its plugins."""


def _no_plugins() -> tuple[()]:
    return ()


if LOADER not in sys.modules:
    _loader = types.ModuleType(LOADER, "pydantic's plugin loader, finding no plugins")
    vars(_loader)["get_plugins"] = _no_plugins
    sys.modules[LOADER] = _loader
