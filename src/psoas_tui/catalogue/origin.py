"""Where an exercise's dose and text come from, in words: each figure with the articles that give
it ("Hold 45 s (articles: 20–30 s — Peloton, trainer blog; 45–60 s — SportCoaching)") or our own
choice, and the articles themselves by name. Shared by the catalogue screen and `psoas exercises`.
"""

from __future__ import annotations

from psoas_tui.catalogue.dosage import HOLD_PHASE, Origin, Span
from psoas_tui.catalogue.model import Catalogue, Exercise

OURS = "our choice; the articles give no number"


def _span(span: Span, unit: str) -> str:
    low, high = span
    return f"{low}{unit}" if low == high else f"{low}–{high}{unit}"


def origin_text(origin: Origin, value: float, unit: str, catalogue: Catalogue) -> str:
    """Where one figure comes from: the articles' numbers grouped by value, each with the
    articles that give it, and "our choice" when the default is not one of them."""
    if origin == "ours":
        return OURS
    names: dict[Span, list[str]] = {}
    for key in sorted(origin):
        names.setdefault(origin[key], []).append(catalogue.article(key).short)
    given = "; ".join(f"{_span(span, unit)} — {', '.join(names[span])}" for span in sorted(names))
    within = any(low <= value <= high for low, high in origin.values())
    return f"articles: {given}" if within else f"our choice; articles: {given}"


def dose_origin_lines(exercise: Exercise, catalogue: Catalogue) -> list[str]:
    """One line per figure of the default dose, saying where it comes from."""
    dosage = exercise.dosage
    origin = dosage.origin
    lines: list[str] = []
    if dosage.hold_seconds is not None and origin.hold_seconds is not None:
        where = origin_text(origin.hold_seconds, dosage.hold_seconds, " s", catalogue)
        lines.append(f"Hold {dosage.hold_seconds} s ({where})")
    if dosage.reps is not None and origin.reps is not None:
        lines.append(f"Reps {dosage.reps} ({origin_text(origin.reps, dosage.reps, '', catalogue)})")
    lines.append(f"Sets {dosage.sets} ({origin_text(origin.sets, dosage.sets, '', catalogue)})")
    if dosage.rep_phases and dosage.seconds_per_rep is not None:
        phases = ", ".join(f"{name} {seconds:g} s" for name, seconds in dosage.rep_phases.items())
        lines.append(f"About {dosage.seconds_per_rep:g} s a rep (our timing; at least {phases})")
        hold = dosage.rep_phases.get(HOLD_PHASE)
        if hold is not None and origin.top_hold_seconds is not None:
            where = origin_text(origin.top_hold_seconds, hold, " s", catalogue)
            lines.append(f"Hold at the top at least {hold:g} s ({where})")
    return lines


def source_labels(exercise: Exercise, catalogue: Catalogue) -> list[str]:
    """The articles an entry comes from, by publisher, title, author and year."""
    return [catalogue.article(key).label for key in exercise.sources]


def dose_is_ours(exercise: Exercise) -> bool:
    """True when no article gives a number for the main figure (the hold or the reps)."""
    origin = exercise.dosage.origin
    main = origin.hold_seconds if exercise.dosage.hold_seconds is not None else origin.reps
    return main == "ours"
