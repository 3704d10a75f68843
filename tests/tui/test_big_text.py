"""Big text for the player: pixel fonts drawn in half blocks, as tall as the region allows, and the
sizes the player picks for a window (the pure parts: no app runs here)."""

from __future__ import annotations

import pytest

from psoas_tui.tui.screens.player_layout import context_line, player_scale
from psoas_tui.tui.widgets.pixel_font import LARGE, SMALL, draw, fit_big, pixels, text_width


@pytest.mark.parametrize(
    ("size", "rows"),
    [((40, 12), 3), ((80, 24), 7), ((120, 40), 13), ((200, 60), 20)],
    ids=["40x12", "80x24", "120x40", "200x60"],
)
def test_the_countdown_grows_with_the_window(size: tuple[int, int], rows: int) -> None:
    assert player_scale(*size).countdown_rows == rows


@pytest.mark.parametrize(
    ("size", "least", "most"),
    [((40, 12), 3, 3), ((80, 24), 5, 7), ((120, 40), 11, 13), ((200, 60), 18, 20)],
    ids=["40x12", "80x24", "120x40", "200x60"],
)
def test_a_countdown_is_drawn_as_tall_as_the_player_allows(
    size: tuple[int, int], least: int, most: int
) -> None:
    width, height = size
    scale = player_scale(width, height)
    columns = width - 4 - scale.figure_columns - (2 if scale.figure_columns else 0)
    for text in ("0:05", "2:30", "10:00"):
        fit = fit_big(text, scale.countdown_rows, columns)
        assert fit is not None, (size, text)
        assert least <= len(fit.lines) <= most, (size, text, len(fit.lines))
        assert all(len(line) <= columns for line in fit.lines)


def test_the_figure_region_is_there_from_80_columns_only() -> None:
    assert player_scale(79, 40).figure_columns == 0
    assert 20 <= player_scale(80, 24).figure_columns <= 40
    assert player_scale(200, 60).figure_columns == 40


def test_the_side_banner_grows_too() -> None:
    assert [player_scale(80, h).banner_rows for h in (12, 24, 40, 60)] == [1, 3, 3, 5]
    assert fit_big("LEFT SIDE", 1, 76) is None  # one line: plain text
    banner = fit_big("ALTERNATE", 5, 196)
    assert banner is not None and len(banner.lines) == 5


def test_every_digit_looks_different_in_both_fonts() -> None:
    for font in (LARGE, SMALL):
        drawings = {digit: tuple(draw(pixels(digit, font))) for digit in "0123456789"}
        assert len(set(drawings.values())) == 10, font.name


def test_half_blocks_pair_pixel_rows() -> None:
    assert draw(["#.", ".#", "##"]) == ["▀▄", "▀▀"]
    assert draw(["#"], scale=2) == ["██"]
    assert pixels("1:", SMALL) == [".#...", "##..#", ".#...", ".#..#", "###.."]


def test_taller_wins_and_a_tie_goes_to_the_finer_font() -> None:
    fit = fit_big("0:18", 7, 80)
    assert fit is not None and (fit.font, fit.scale, len(fit.lines)) == (LARGE, 2, 7)
    fit = fit_big("0:18", 3, 80)
    assert fit is not None and (fit.font, fit.scale) == (SMALL, 1)
    assert fit_big("0:18", 2, 80) is None
    assert fit_big("0:18", 3, text_width("0:18", SMALL) - 1) is None  # too narrow: plain text
    assert fit_big("café", 10, 100) is None  # a letter without a glyph: plain text


def test_the_context_line_shortens_the_routine_name_first() -> None:
    assert context_line("Morning", "exercise 2 of 5", 40) == "Morning · exercise 2 of 5"
    line = context_line("A very long routine name indeed", "exercise 2 of 5", 30)
    assert line == "A very long… · exercise 2 of 5" and len(line) == 30
    assert context_line("Morning", "exercise 2 of 5", 12) == "exercise 2 o"


def test_a_shorter_value_keeps_the_size_of_the_widest_it_is_sized_for() -> None:
    alone = fit_big("9:59", 20, 60)
    sized = fit_big("9:59", 20, 60, sizing="10:00")
    widest = fit_big("10:00", 20, 60)
    assert alone is not None and sized is not None and widest is not None
    assert len(sized.lines) == len(widest.lines) < len(alone.lines)
