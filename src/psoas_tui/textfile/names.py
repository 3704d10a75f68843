"""Matching what people type against names: normalisation and "did you mean …?" suggestions."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """Fold case, accents and punctuation: "Runner's Lunge" → "runners lunge"."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower().replace("'", "")
    return _NON_ALNUM.sub(" ", ascii_only).strip()


def closest(word: str, candidates: Iterable[str], limit: int = 2, cutoff: float = 0.6) -> list[str]:
    """The candidates most like `word`, best first (compared after normalising).

    A second suggestion is offered only when it is nearly as close as the best one.
    """
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(normalise(candidate), candidate)
    target = normalise(word)
    scored = []
    for key in by_key:
        matcher = difflib.SequenceMatcher(None, target, key)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            ratio = matcher.ratio()
            if ratio >= cutoff:
                scored.append((ratio, key))
    scored.sort(key=lambda item: (-item[0], item[1]))
    if not scored:
        return []
    best = scored[0][0]
    return [by_key[key] for ratio, key in scored[:limit] if ratio >= best - 0.05]


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str:
    """' — did you mean "x"?' (or "x" or "y"), or an empty string when nothing is close."""
    found = closest(word, candidates, cutoff=cutoff)
    if not found:
        return ""
    quoted = " or ".join(f'"{name}"' for name in found)
    return f" — did you mean {quoted}?"
