"""The limits on the numbers of a dose, declared once as `Annotated` types.

The catalogue's default doses and routine files with their custom moves (the defaults fill in
what a routine leaves out) all use them; error messages read the range from them ("must be
between 1 and 600"), and the README's "Limits" line says the same. They live in the catalogue,
the lower of the two packages, so that routine imports catalogue and never the other way.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

HoldSeconds = Annotated[int, Field(ge=1, le=600)]
"""Seconds to hold, per side and set."""
Reps = Annotated[int, Field(ge=1, le=200)]
"""Reps per side and set."""
Sets = Annotated[int, Field(ge=1, le=20)]
"""Sets of an exercise."""
TempoSeconds = Annotated[float, Field(ge=0.5, le=60)]
"""Seconds per rep, pause at the top included."""
RestSeconds = Annotated[int, Field(ge=0, le=600)]
"""Rest between sets."""
PrepSeconds = Annotated[int, Field(ge=0, le=120)]
"""Get-ready time before an exercise."""
SwitchSeconds = Annotated[int, Field(ge=0, le=60)]
"""Time to change from the left side to the right."""
