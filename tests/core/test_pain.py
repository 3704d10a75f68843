"""What "this hurts" offers (sharp pain: stop; discomfort: carry on only at a low score), the easier
variant chosen by where it hurts, and the advice the summary gives after pain."""

from __future__ import annotations

import pytest

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.vocabulary import Position
from psoas_tui.player.pain import (
    ADVICE_SOURCES,
    CARRY_ON_UP_TO,
    DISCOMFORT_ADVICE,
    LOCATIONS,
    PLACE_ADVICE,
    SHARP_ADVICE,
    easier_variant,
    pain_actions,
    pain_advice,
    spares,
)
from psoas_tui.store.records import PainRecord


@pytest.mark.parametrize("severity", [None, *range(1, 11)])
def test_sharp_pain_offers_only_ending_or_skipping(severity: int | None) -> None:
    assert pain_actions("sharp", severity, easier=True) == ("end", "skip")


def test_discomfort_offers_carrying_on_only_at_a_low_score() -> None:
    for severity in range(1, 11):
        offered = pain_actions("discomfort", severity, easier=True)
        assert offered[:3] == ("easier", "skip", "end")
        assert ("continue" in offered) == (severity <= CARRY_ON_UP_TO)
    assert CARRY_ON_UP_TO <= 3
    assert "easier" not in pain_actions("discomfort", 2, easier=False)


def test_knee_pain_in_a_kneeling_stretch_is_not_offered_another_kneeling_stretch() -> None:
    catalogue = load_catalogue()
    choice = easier_variant(catalogue, "half-kneeling-hip-flexor-stretch", "knee")
    assert choice.exercise is not None and choice.exercise.id == "standing-hip-flexor-stretch"
    # the low lunge's only easier variant kneels too: the next easier one down is standing
    choice = easier_variant(catalogue, "low-lunge", "knee")
    assert choice.exercise is not None and choice.exercise.position is Position.STANDING
    # pain at the front of the hip: the catalogue's first easier variant, kneeling or not
    choice = easier_variant(catalogue, "low-lunge", "front of the hip")
    assert choice.exercise is not None and choice.exercise.id == "half-kneeling-hip-flexor-stretch"


def test_when_no_easier_variant_spares_the_place_none_is_offered_with_a_line_saying_so() -> None:
    catalogue = load_catalogue()
    pigeon = easier_variant(catalogue, "pigeon-pose", "knee")
    assert pigeon.exercise is None and "no easier variant" in pigeon.why_none.lower()
    custom = easier_variant(catalogue, "my-own-move", "groin")
    assert custom.exercise is None and custom.why_none


def test_every_easier_variant_offered_spares_the_place_and_is_easier() -> None:
    catalogue = load_catalogue()
    for exercise in catalogue:
        for place in LOCATIONS:
            choice = easier_variant(catalogue, exercise.id, place)
            if choice.exercise is None:
                assert choice.why_none
                continue
            assert choice.exercise.id != exercise.id
            assert spares(choice.exercise, place)
            if place == "knee":
                assert choice.exercise.position is not Position.KNEELING


def test_the_summary_advises_after_sharp_pain_and_after_discomfort() -> None:
    assert pain_advice([]) == []
    sharp = pain_advice([PainRecord("lower back", 6, "end", "sharp")])
    assert sharp == [SHARP_ADVICE]
    assert "red flag" in SHARP_ADVICE and "physical therapist" in SHARP_ADVICE
    knee = pain_advice([PainRecord("knee", 4, "easier", "discomfort")])
    assert knee == [DISCOMFORT_ADVICE, PLACE_ADVICE["knee"]]
    assert "persists" in DISCOMFORT_ADVICE and "cushion" in PLACE_ADVICE["knee"]


def test_the_advice_names_the_articles_as_the_catalogue_does() -> None:
    catalogue = load_catalogue()
    for short, key in ADVICE_SOURCES.items():
        assert catalogue.article(key).short == short
    texts = [SHARP_ADVICE, DISCOMFORT_ADVICE, *PLACE_ADVICE.values()]
    for text in texts:
        named = [short for short in ADVICE_SOURCES if f"({short}" in text or f"; {short}" in text]
        assert named, text  # every piece of advice says which article it comes from
