"""The figure widget repaints only when what it shows changes, draws the working leg in the
side's colour (apart in 8 colours too), and draws nothing for no exercise."""

from __future__ import annotations

import pytest
from rich.color import ColorSystem
from rich.segment import Segment
from textual.app import App, ComposeResult

from psoas_tui.figures.render import PHASE_STEPS
from psoas_tui.tui.widgets.figure import PoseFigure


class FigureApp(App[None]):
    CSS = "PoseFigure { width: 30; height: 8; }"

    def compose(self) -> ComposeResult:
        yield PoseFigure(id="figure")


def _segments(figure: PoseFigure) -> list[Segment]:
    return [s for y in range(figure.size.height) for s in figure.render_line(y)]


async def test_it_repaints_only_when_the_drawing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    app = FigureApp()
    async with app.run_test() as pilot:
        figure = app.query_one(PoseFigure)
        repaints: list[object] = []
        real = figure.refresh
        monkeypatch.setattr(figure, "refresh", lambda *a, **k: repaints.append(1) or real(*a, **k))
        step = 1 / PHASE_STEPS
        figure.show("glute-bridge", None, 0.0)
        figure.show("glute-bridge", None, 0.3 * step)  # the same step: nothing to draw again
        assert len(repaints) == 1
        figure.show("glute-bridge", None, step)
        figure.show("glute-bridge", None, step)
        assert len(repaints) == 2
        figure.show("glute-bridge", "left", step)  # a side now: the colours change
        assert len(repaints) == 3
        figure.show(None)
        figure.show("no-such-exercise")
        assert len(repaints) == 4
        await pilot.pause()
        assert figure.has_class("-empty")
        assert "".join(s.text for s in _segments(figure)).strip() == ""


@pytest.mark.parametrize("system", [ColorSystem.TRUECOLOR, ColorSystem.STANDARD])
async def test_the_working_leg_takes_the_sides_colour(system: ColorSystem) -> None:
    app = FigureApp()
    app.console._color_system = system  # STANDARD: as with TERM=xterm
    async with app.run_test() as pilot:
        figure = app.query_one(PoseFigure)
        colours = {}
        for side in ("left", "right"):
            figure.show("couch-stretch", side, 1.0)
            await pilot.pause()
            working = figure.get_component_rich_style(f"pose-figure--{side}", partial=True).color
            drawn = {s.style.color for s in _segments(figure) if s.style and s.text.strip()}
            assert working in drawn
            assert working is not None
            colours[side] = working.downgrade(ColorSystem.STANDARD).number
        body = figure.get_component_rich_style("pose-figure--body", partial=True).color
        assert body is not None
        if system is ColorSystem.STANDARD:
            assert figure.has_class("-few-colours")
        assert colours["left"] != colours["right"]
        assert body.downgrade(ColorSystem.STANDARD).number not in colours.values()


async def test_a_new_theme_redraws_the_figure_in_its_colours() -> None:
    app = FigureApp()
    async with app.run_test() as pilot:
        figure = app.query_one(PoseFigure)
        figure.show("couch-stretch", "left", 1.0)
        await pilot.pause()
        before = {s.style.color for s in _segments(figure) if s.style and s.text.strip()}
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        working = figure.get_component_rich_style("pose-figure--left", partial=True).color
        after = {s.style.color for s in _segments(figure) if s.style and s.text.strip()}
        assert working in after and after != before
