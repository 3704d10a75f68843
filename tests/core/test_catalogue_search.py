"""Finding exercises by words, kind, position, equipment at hand and "at my desk"."""

from __future__ import annotations

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.search import ExerciseFilter, facet_equipment, facet_positions, search
from psoas_tui.catalogue.vocabulary import Equipment, Kind, Position


def ids(**kwargs: object) -> set[str]:
    return {e.id for e in search(load_catalogue(), ExerciseFilter(**kwargs))}  # type: ignore[arg-type]


def test_no_filter_shows_everything() -> None:
    assert len(ids()) == 25


def test_words_match_names_aliases_and_cues_in_any_case() -> None:
    assert ids(text="DEAD") == {"dead-bug"}
    assert "edge-of-bed-hip-flexor-stretch" in ids(text="thomas")
    assert "half-kneeling-hip-flexor-stretch" in ids(text="tailbone kneeling")
    assert ids(text="zzz") == set()


def test_facets_combine() -> None:
    stretches = ids(kind=Kind.STRETCH)
    lying = ids(position=Position.LYING)
    assert ids(kind=Kind.STRETCH, position=Position.LYING) == stretches & lying
    assert ids(kind=Kind.RELEASE) == {"foam-roller-psoas-release"}


def test_equipment_means_what_you_have_around_you() -> None:
    nothing = ids(have="none")
    with_bed = ids(have=Equipment.BED)
    assert "edge-of-bed-hip-flexor-stretch" not in nothing
    assert "edge-of-bed-hip-flexor-stretch" in with_bed
    assert nothing <= with_bed  # a bed does not stop you doing floor exercises
    assert "foam-roller-psoas-release" not in with_bed


def test_desk_is_one_switch() -> None:
    desk = ids(desk=True)
    assert desk and all(pos in {"standing", "seated"} for pos in _positions(desk))
    assert "seated-psoas-stretch" in desk and "glute-bridge" not in desk


def _positions(exercise_ids: set[str]) -> set[str]:
    catalogue = load_catalogue()
    return {catalogue.get(i).position.value for i in exercise_ids}


def test_every_facet_value_filters_something_and_every_used_value_is_reachable() -> None:
    catalogue = load_catalogue()
    positions = facet_positions(catalogue)
    equipment = facet_equipment(catalogue)
    for position in positions:
        assert search(catalogue, ExerciseFilter(position=position)), position
    for have in equipment:
        assert search(catalogue, ExerciseFilter(have=have)), have
    assert {exercise.position for exercise in catalogue} == set(positions)
    needed = {item.value for exercise in catalogue for item in exercise.equipment}
    assert needed | {"none"} == set(equipment)
    assert {"plank", "hanging"} <= set(positions)
    assert "pull-up bar" in equipment
