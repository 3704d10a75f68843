"""Where the catalogue's words and numbers come from: the articles named by title and publisher
(seed file names stay the keys), and every figure of a dose with its origin — the articles that
give it, checked against the inventory, or our own choice."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from pydantic import ValidationError

from psoas_tui.catalogue.load import load_catalogue, load_catalogue_file
from psoas_tui.catalogue.model import Catalogue
from psoas_tui.catalogue.origin import dose_origin_lines, source_labels
from psoas_tui.cli.main import main
from psoas_tui.paths import catalogue_file

CC, PELOTON, BLOG, STARFIT, SPORT = (
    "000_2a139b7f77750f37.txt",
    "001_a369f2e55bcd282b.txt",
    "002_3300b23856dd6860.txt",
    "003_f525bfbb801b210a.txt",
    "004_b08a8e43cb40d0bb.txt",
)

# The numbers each article gives, as the inventory reads them (sections 1.3 and 4): exercise →
# figure → {article: (low, high)}. A figure left out here is one no article gives a number for.
INVENTORY: dict[str, dict[str, dict[str, tuple[int, int]]]] = {
    "half-kneeling-hip-flexor-stretch": {
        "hold_seconds": {PELOTON: (20, 30), BLOG: (20, 30), SPORT: (45, 60)},
        "sets": {BLOG: (2, 3), SPORT: (2, 3)},
    },
    "low-lunge": {"hold_seconds": {SPORT: (45, 60)}, "sets": {SPORT: (2, 3)}},
    "low-lunge-quad-stretch": {"hold_seconds": {PELOTON: (20, 30)}},
    "standing-hip-flexor-stretch": {
        "hold_seconds": {PELOTON: (20, 30), SPORT: (30, 45)},
        "sets": {SPORT: (2, 3)},
    },
    "couch-stretch": {"hold_seconds": {SPORT: (60, 90)}, "sets": {SPORT: (2, 3)}},
    "edge-of-bed-hip-flexor-stretch": {"hold_seconds": {SPORT: (30, 60)}, "sets": {SPORT: (3, 3)}},
    "supine-psoas-stretch": {"hold_seconds": {PELOTON: (20, 30)}},
    "seated-psoas-stretch": {"hold_seconds": {PELOTON: (20, 30)}},
    "side-lying-psoas-stretch": {"hold_seconds": {PELOTON: (20, 30)}, "sets": {PELOTON: (3, 3)}},
    "camel-pose": {"hold_seconds": {PELOTON: (20, 30)}, "sets": {PELOTON: (3, 3)}},
    "cobra-pose": {"hold_seconds": {PELOTON: (20, 30)}, "sets": {PELOTON: (3, 5)}},
    "pigeon-pose": {"hold_seconds": {PELOTON: (20, 30)}, "sets": {PELOTON: (3, 3)}},
    "foam-roller-psoas-release": {"hold_seconds": {PELOTON: (60, 120)}},
    "glute-bridge": {
        "reps": {PELOTON: (15, 20), BLOG: (10, 12)},
        "sets": {BLOG: (2, 3)},
        "top_hold_seconds": {PELOTON: (5, 10), BLOG: (20, 30)},
    },
    "stability-ball-hip-extension": {},
    "standing-march": {
        "reps": {BLOG: (10, 12), SPORT: (10, 10)},
        "sets": {BLOG: (2, 3), SPORT: (3, 3)},
        "top_hold_seconds": {BLOG: (2, 3), SPORT: (3, 5)},
    },
    "seated-leg-raise": {
        "reps": {SPORT: (12, 15)},
        "sets": {SPORT: (3, 3)},
        "top_hold_seconds": {SPORT: (2, 3)},
    },
    "lying-leg-raise": {"reps": {SPORT: (10, 12)}, "sets": {SPORT: (3, 3)}},
    "dead-bug": {"reps": {SPORT: (10, 10)}, "sets": {SPORT: (3, 3)}},
    "step-up-knee-drive": {
        "reps": {SPORT: (10, 12)},
        "sets": {SPORT: (3, 3)},
        "top_hold_seconds": {SPORT: (1, 2)},
    },
    "seated-march": {},
    "bridge-march": {},
    "hanging-leg-raise": {},
    "mountain-climbers": {},
    "boat-pose": {},
}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _raw() -> dict[str, Any]:
    with catalogue_file().open("rb") as handle:
        return tomllib.load(handle)


def test_the_articles_are_named_once_with_title_and_publisher(catalogue: Catalogue) -> None:
    assert set(catalogue.articles) == {CC, PELOTON, BLOG, STARFIT, SPORT}
    cleveland = catalogue.article(CC).label
    assert cleveland == "Cleveland Clinic — 5 Psoas Stretches and Exercises (2024)"
    assert catalogue.article(PELOTON).label == (
        "Peloton — 11 Psoas Stretches to Alleviate Tightness and Improve Your Mobility, "
        "by Michele Ross (2025)"
    )
    assert catalogue.article(BLOG).title == "3 Exercises for the Psoas Muscle"
    assert catalogue.article(STARFIT).author == "Anna Koss"
    assert catalogue.article(STARFIT).title is None  # the copy we have has no headline
    assert catalogue.article(SPORT).publisher == "SportCoaching"
    for article in catalogue.articles.values():
        assert ".txt" not in article.label


def test_every_source_key_is_a_known_article(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        assert set(exercise.sources) <= set(catalogue.articles), exercise.id
        labels = source_labels(exercise, catalogue)
        assert len(labels) == len(exercise.sources) and not any(".txt" in x for x in labels)


def test_an_unknown_source_key_is_refused(tmp_path: Path) -> None:
    raw = _raw()
    raw["exercise"][0]["sources"] = [*raw["exercise"][0]["sources"], "009_0000000000000000.txt"]
    path = tmp_path / "exercises.toml"
    path.write_text(_to_toml(raw))
    with pytest.raises(ValidationError, match=re.escape("unknown source 009_0000000000000000.txt")):
        load_catalogue_file(path)


def test_a_dose_may_only_cite_the_entrys_own_articles(tmp_path: Path) -> None:
    raw = _raw()
    low_lunge = next(e for e in raw["exercise"] if e["id"] == "low-lunge")
    low_lunge["dosage"]["origin"]["sets"] = {PELOTON: [2, 3]}
    path = tmp_path / "exercises.toml"
    path.write_text(_to_toml(raw))
    with pytest.raises(ValidationError, match="not in sources"):
        load_catalogue_file(path)


def _to_toml(raw: dict[str, Any]) -> str:
    return str(tomli_w.dumps(raw))


@pytest.mark.parametrize("exercise_id", INVENTORY)
def test_each_figure_comes_from_the_articles_the_inventory_names(
    catalogue: Catalogue, exercise_id: str
) -> None:
    origin = catalogue.get(exercise_id).dosage.origin
    expected = INVENTORY[exercise_id]
    for figure, given in origin.figures().items():
        if figure in expected:
            assert given != "ours", (exercise_id, figure)
            assert {key: tuple(span) for key, span in given.items()} == expected[figure]
        else:
            assert given == "ours", (exercise_id, figure, "the inventory has no number for it")
    assert set(expected) <= set(origin.figures()), exercise_id


def test_the_detail_lines_say_whose_number_each_figure_is(catalogue: Catalogue) -> None:
    lines = dose_origin_lines(catalogue.get("half-kneeling-hip-flexor-stretch"), catalogue)
    assert lines == [
        "Hold 45 s (articles: 20–30 s — Peloton, trainer blog; 45–60 s — SportCoaching)",
        "Sets 2 (articles: 2–3 — trainer blog, SportCoaching)",
    ]
    assert dose_origin_lines(catalogue.get("boat-pose"), catalogue) == [
        "Hold 20 s (our choice; the articles give no number)",
        "Sets 2 (our choice; the articles give no number)",
    ]
    thomas = dose_origin_lines(catalogue.get("edge-of-bed-hip-flexor-stretch"), catalogue)
    assert "Sets 2 (our choice; articles: 3 — SportCoaching)" in thomas
    march = dose_origin_lines(catalogue.get("standing-march"), catalogue)
    assert march[2:] == [
        "About 6 s a rep (our timing; at least lift 1 s, hold 3 s, lower 1 s)",
        "Hold at the top at least 3 s (articles: 2–3 s — trainer blog; 3–5 s — SportCoaching)",
    ]


def test_tier_b_doses_are_all_ours(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        if exercise.tier == "B":
            assert set(exercise.dosage.origin.figures().values()) == {"ours"}, exercise.id


def test_source_notes_name_articles_as_a_person_would(catalogue: Catalogue) -> None:
    """The notes are shown to the user: no seed numbers such as "004" or file names."""
    for exercise in catalogue:
        notes = exercise.source_notes
        assert notes, exercise.id
        for key in catalogue.articles:
            assert key[:3] not in notes and key not in notes, (exercise.id, key[:3])


def test_psoas_exercises_marks_our_own_doses_and_names_the_articles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["exercises"]) == 0
    text = capsys.readouterr().out
    rows = {line.split()[0]: line for line in text.splitlines() if line[:1].isalpha()}
    assert "2 × 20 s *" in rows["boat-pose"]
    assert "*" not in rows["half-kneeling-hip-flexor-stretch"]
    assert "our own dose" in text
    assert main(["exercises", "--json"]) == 0
    data = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    lunge = data["half-kneeling-hip-flexor-stretch"]
    assert lunge["articles"][0]["label"] == (
        "Cleveland Clinic — 5 Psoas Stretches and Exercises (2024)"
    )
    assert lunge["dose_origin"][0].startswith("Hold 45 s (articles: ")
    assert data["standing-march"]["dosage"]["min_seconds_per_rep"] == 5
