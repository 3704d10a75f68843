"""The figures: every exercise has a start and an end pose that look different, the left side is
the mirror image of the right with the working leg moving with it, phases 0 and 1 are the poses
themselves, the drawing fits the size asked for, and a bad pose file gets a one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.catalogue.vocabulary import Sidedness
from psoas_tui.figures.canvas import BrailleCanvas, Role
from psoas_tui.figures.load import POSES_FILE, check_ids, load_figures, load_figures_file
from psoas_tui.figures.render import PHASE_STEPS, figure_canvas, figure_rows, quantised
from psoas_tui.figures.skeleton import reach, skeleton
from psoas_tui.figures.tempo import rep_phase
from psoas_tui.textfile.problems import ProblemsError

IDS = [exercise.id for exercise in load_catalogue()]
SIZES = [(20, 6), (24, 8), (31, 9), (40, 12), (9, 3)]


def _working(canvas: BrailleCanvas) -> set[tuple[int, int]]:
    return {
        (i % canvas.dot_width, i // canvas.dot_width)
        for i, role in enumerate(canvas.dots)
        if role == Role.WORKING
    }


def test_every_catalogue_exercise_has_a_figure_and_no_figure_is_spare() -> None:
    assert check_ids(POSES_FILE, load_figures(), IDS) == []
    assert len(IDS) == 25


def test_check_ids_names_a_missing_and_an_unknown_exercise() -> None:
    figures = dict(load_figures())
    figures["no-such-move"] = figures.pop("boat-pose")
    problems = [str(problem) for problem in check_ids(POSES_FILE, figures, IDS)]
    assert problems == [
        f"{POSES_FILE}: error: exercise.boat-pose: missing (every exercise needs a figure)",
        f"{POSES_FILE}: error: exercise.no-such-move: no exercise has this id",
    ]


def test_the_working_leg_is_named_exactly_for_exercises_done_per_side() -> None:
    figures = load_figures()
    for exercise in load_catalogue():
        sided = exercise.sidedness is not Sidedness.NONE
        assert (figures[exercise.id].working != "none") == sided, exercise.id


@pytest.mark.parametrize("exercise_id", IDS)
def test_start_and_end_look_different(exercise_id: str) -> None:
    for width, height in SIZES[:4]:
        start = figure_rows(exercise_id, "right", 0.0, width, height)
        end = figure_rows(exercise_id, "right", 1.0, width, height)
        assert [line for line, _ in start] != [line for line, _ in end], (exercise_id, width)


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_left_side_is_the_mirror_image_and_its_working_leg_moves_with_it(
    exercise_id: str,
) -> None:
    for phase in (0.0, 0.5, 1.0):
        right = figure_canvas(exercise_id, "right", phase, 24, 8)
        left = figure_canvas(exercise_id, "left", phase, 24, 8)
        assert left.dots == right.mirrored().dots
        assert left.dots != right.dots  # no figure is symmetric: mirroring shows
        flipped = {(right.dot_width - 1 - x, y) for x, y in _working(right)}
        assert _working(left) == flipped
        if load_figures()[exercise_id].working != "none":
            assert _working(right), exercise_id
        else:
            assert not _working(right)


def test_without_a_side_no_leg_is_coloured() -> None:
    plain = figure_canvas("couch-stretch", None, 1.0, 24, 8)
    coloured = figure_canvas("couch-stretch", "right", 1.0, 24, 8)
    assert not _working(plain) and _working(coloured)
    assert bytes(1 if d else 0 for d in plain.dots) == bytes(1 if d else 0 for d in coloured.dots)


@pytest.mark.parametrize("exercise_id", IDS)
def test_phases_zero_and_one_are_the_start_and_end_poses(exercise_id: str) -> None:
    figure = load_figures()[exercise_id]
    only_start = figure.model_copy(update={"end": figure.start})
    only_end = figure.model_copy(update={"start": figure.end})
    assert skeleton(figure, 0.0) == skeleton(only_start, 0.7)
    assert skeleton(figure, 1.0) == skeleton(only_end, 0.3)
    assert skeleton(figure, 0.5) not in (skeleton(figure, 0.0), skeleton(figure, 1.0))


def test_phases_are_drawn_in_steps() -> None:
    step = 1 / PHASE_STEPS
    assert 4 <= PHASE_STEPS <= 8
    phases = (-1.0, 0.0, 0.4 * step, 0.6 * step, 2.9 * step, 0.99, 2.0)
    assert [quantised(p) for p in phases] == [0.0, 0.0, 0.0, step, 3 * step, 1.0, 1.0]
    assert figure_rows("glute-bridge", None, 3.1 * step, 20, 6) is figure_rows(
        "glute-bridge", None, 2.9 * step, 20, 6
    )


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_drawing_fits_the_size_asked_for(exercise_id: str) -> None:
    for width, height in SIZES:
        rows = figure_rows(exercise_id, "left", 0.25, width, height)
        assert len(rows) == height
        for line, roles in rows:
            assert len(line) == width and len(roles) == width
            assert all(ch == " " or 0x2800 <= ord(ch) <= 0x28FF for ch in line)
        assert any(line.strip() for line, _ in rows)


def test_a_limb_reaching_a_point_gets_there_with_its_joint_on_the_side_asked() -> None:
    import math

    upper, lower = reach((0.0, 0.0), (3.0, 0.0), 2.0, 2.0, "up")
    knee = (2 * math.cos(math.radians(upper)), 2 * math.sin(math.radians(upper)))
    end = (knee[0] + 2 * math.cos(math.radians(lower)), knee[1] + 2 * math.sin(math.radians(lower)))
    assert knee[1] > 0
    assert end == pytest.approx((3.0, 0.0))
    assert reach((0.0, 0.0), (9.0, 0.0), 2.0, 2.0, "up") == (0.0, 0.0)  # out of reach: straight


def test_a_rep_goes_out_holds_and_comes_back() -> None:
    phases = {"lift": 1.0, "hold": 5.0, "lower": 2.0}
    assert rep_phase(0.0, 8.0, phases) == 0.0
    assert rep_phase(0.5, 8.0, phases) == pytest.approx(0.5)
    assert rep_phase(3.0, 8.0, phases) == 1.0
    assert rep_phase(7.0, 8.0, phases) == pytest.approx(0.5)
    assert rep_phase(8.0, 8.0, phases) == 0.0  # the next rep starts
    # a slower tempo stretches every part alike
    assert rep_phase(1.0, 16.0, phases) == pytest.approx(0.5)
    assert rep_phase(1.0, 4.0, None) == pytest.approx(0.5)
    assert rep_phase(2.0, 4.0, None) == 1.0


def _bad_file(tmp_path: Path, old: str, new: str) -> Path:
    text = POSES_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "poses.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (
            "hip = [0, 0.6]",
            "hips = [0, 0.6]",
            'unknown key "hips" in exercise.boat-pose: start — did you mean "hip"?',
        ),
        ("torso = 120", 'torso = "back"', "exercise.boat-pose.end: torso must be a number"),
        ("torso = 120", "torso = 400", "torso must be between -360 and 360 (got 400)"),
        ('working = "none"\nfloor', 'working = "both"\nfloor', "working must be one of"),
        ("near_leg = [0, -90, -60]", "near_leg = [0, -90]", "near_leg angles needs 3 numbers"),
        (
            'near_arm = { hand = [0.05, 10.2], elbow = "back" }',
            "near_arm = { hand = [0.05, 10.2] }",
            "needs elbow (forward, back, up or down) with hand",
        ),
    ],
)
def test_bad_pose_data_gets_one_line_naming_the_file_line_and_field(
    tmp_path: Path, old: str, new: str, says: str
) -> None:
    path = _bad_file(tmp_path, old, new)
    with pytest.raises(ProblemsError) as raised:
        load_figures_file(path)
    first = str(raised.value.first)
    assert "\n" not in first
    assert first.startswith(f"{path}:")
    line = int(first.split(":")[1])
    assert new.splitlines()[0].split("=")[0].strip() in path.read_text().splitlines()[line - 1]
    assert says in first
