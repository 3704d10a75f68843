"""The catalogue holds every tier A and B exercise of the inventory, complete and consistent."""

from __future__ import annotations

from pathlib import Path

import pytest
from copying import SEEDS, copied_run

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.model import Catalogue
from psoas_tui.catalogue.vocabulary import Kind
from psoas_tui.routine.parse import parse_routine_text
from psoas_tui.textfile.problems import ProblemsError

SOURCE_FILES = (
    "000_2a139b7f77750f37.txt",
    "001_a369f2e55bcd282b.txt",
    "002_3300b23856dd6860.txt",
    "003_f525bfbb801b210a.txt",
    "004_b08a8e43cb40d0bb.txt",
)

EXPECTED_IDS = {
    "half-kneeling-hip-flexor-stretch", "low-lunge", "low-lunge-quad-stretch",
    "standing-hip-flexor-stretch", "couch-stretch", "edge-of-bed-hip-flexor-stretch",
    "supine-psoas-stretch", "seated-psoas-stretch", "side-lying-psoas-stretch", "camel-pose",
    "cobra-pose", "pigeon-pose", "foam-roller-psoas-release", "glute-bridge",
    "stability-ball-hip-extension", "standing-march", "seated-leg-raise", "lying-leg-raise",
    "dead-bug", "step-up-knee-drive", "seated-march", "bridge-march", "hanging-leg-raise",
    "mountain-climbers", "boat-pose",
}  # fmt: skip

# Aliases the articles use, and the entry each must lead to (merges from the inventory, 1.2).
ARTICLE_ALIASES = {
    "Half kneel": "half-kneeling-hip-flexor-stretch",
    "Kneeling Psoas Stretch": "half-kneeling-hip-flexor-stretch",
    "Kneeling hip flexor lunge": "half-kneeling-hip-flexor-stretch",
    "kneeling lunge stretch": "half-kneeling-hip-flexor-stretch",
    "Runner's lunge": "low-lunge",
    "Leg dangle": "edge-of-bed-hip-flexor-stretch",
    "Thomas stretch": "edge-of-bed-hip-flexor-stretch",
    "Reclined psoas stretch": "edge-of-bed-hip-flexor-stretch",
    "Standing Psoas Stretch": "standing-hip-flexor-stretch",
    "Glute bridge": "glute-bridge",
    "Bridge pose": "glute-bridge",
    "Leg lift": "standing-march",
    "Marching in place": "standing-march",
    "Psoas release with a foam roller": "foam-roller-psoas-release",
    "Navasana": "boat-pose",
}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_every_tier_a_and_b_exercise_is_there(catalogue: Catalogue) -> None:
    assert {exercise.id for exercise in catalogue} == EXPECTED_IDS
    tiers = [exercise.tier for exercise in catalogue]
    assert tiers.count("A") == 20 and tiers.count("B") == 5


def test_every_entry_is_complete(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        assert len(exercise.steps) >= 2, exercise.id
        assert exercise.cues, exercise.id
        assert exercise.summary.strip(), exercise.id
        assert exercise.sources, exercise.id
        assert set(exercise.sources) <= set(SOURCE_FILES), exercise.id


def test_tier_b_steps_are_marked_as_our_own(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        if exercise.tier == "B":
            assert exercise.source_notes, exercise.id


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
def test_sources_name_real_seed_files(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        for source in exercise.sources:
            assert (SEEDS / source).is_file(), (exercise.id, source)


def test_every_alias_resolves_to_its_own_entry(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        for name in exercise.names():
            assert catalogue.lookup(name) == exercise
            assert catalogue.lookup(name.upper()) == exercise


@pytest.mark.parametrize(("alias", "exercise_id"), ARTICLE_ALIASES.items())
def test_article_names_are_merged_as_the_inventory_says(
    catalogue: Catalogue, alias: str, exercise_id: str
) -> None:
    found = catalogue.lookup(alias)
    assert found is not None and found.id == exercise_id


def test_variant_links_point_at_real_entries_and_agree(catalogue: Catalogue) -> None:
    ids = {exercise.id for exercise in catalogue}
    for exercise in catalogue:
        for target in (*exercise.easier, *exercise.harder):
            assert target in ids, (exercise.id, target)
            assert target != exercise.id
    links = sum(len(e.easier) + len(e.harder) for e in catalogue)
    assert links >= 20


def test_instructions_are_not_copied_from_the_articles(catalogue: Catalogue) -> None:
    """No text shown to the user repeats a run of 8 words from a seed article."""
    if not SEEDS.is_dir():
        pytest.skip("the seed articles are not beside this checkout")
    for exercise in catalogue:
        texts = (
            *exercise.steps,
            *exercise.cues,
            *exercise.mistakes,
            *exercise.variations,
            *exercise.cautions,
            exercise.summary,
            exercise.side_role,
            exercise.source_notes,
        )
        for text in texts:
            assert not copied_run(text), (exercise.id, copied_run(text))


def test_kinds_and_doses_fit_the_articles(catalogue: Catalogue) -> None:
    lunge = catalogue.get("half-kneeling-hip-flexor-stretch")
    assert lunge.kind is Kind.STRETCH and lunge.per_side
    assert lunge.dosage.hold_range is not None
    assert lunge.dosage.hold_range[0] <= 30 and lunge.dosage.hold_range[1] >= 60
    assert catalogue.get("dead-bug").dosage.reps == 10
    assert catalogue.get("foam-roller-psoas-release").kind is Kind.RELEASE
    assert not catalogue.get("glute-bridge").per_side


def test_desk_friendly_means_standing_or_seated_without_gear(catalogue: Catalogue) -> None:
    desk = {exercise.id for exercise in catalogue if exercise.desk_friendly}
    assert {"standing-hip-flexor-stretch", "seated-psoas-stretch", "seated-march"} <= desk
    assert "edge-of-bed-hip-flexor-stretch" not in desk
    assert "half-kneeling-hip-flexor-stretch" not in desk


def test_unknown_names_get_suggestions(catalogue: Catalogue) -> None:
    assert catalogue.lookup("ded bug") is None
    text = 'schema = 1\nname = "x"\n\n[[exercises]]\nexercise = "ded bug"\n'
    with pytest.raises(ProblemsError) as raised:
        parse_routine_text(Path("x.toml"), text, catalogue)
    assert [str(problem) for problem in raised.value.problems] == [
        'x.toml:5:1: error: exercises #1: unknown exercise "ded bug" — did you mean "Dead bug"? '
        "(`psoas exercises` lists them all)"
    ]
