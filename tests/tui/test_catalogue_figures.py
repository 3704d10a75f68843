"""The catalogue's detail shows the highlighted exercise's start and end figures (the left side
for an exercise done per side), follows the highlight, and leaves them out in a short window."""

from __future__ import annotations

from rich.segment import Segment
from test_app import open_home

from psoas_tui.player.clock import FakeClock
from psoas_tui.tui.app import PsoasApp
from psoas_tui.tui.widgets.figure import PoseFigure, PosePair


def _segments(figure: PoseFigure) -> list[Segment]:
    return [s for y in range(figure.size.height) for s in figure.render_line(y)]


def _text(figure: PoseFigure) -> str:
    return "".join(segment.text for segment in _segments(figure))


async def test_the_detail_shows_the_start_and_end_figures() -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_home(pilot)
        await pilot.press("c")
        await pilot.pause()
        pair = app.screen.query_one("#detail-figures", PosePair)
        start = pair.query_one("#pose-start", PoseFigure)
        end = pair.query_one("#pose-end", PoseFigure)
        assert pair.display and start.region.height >= 4 and start.region.width >= 16
        assert start.shown == ("half-kneeling-hip-flexor-stretch", "left", 0.0)
        assert end.shown == ("half-kneeling-hip-flexor-stretch", "left", 1.0)
        drawn = _text(start)
        assert any(0x2801 <= ord(ch) <= 0x28FF for ch in drawn)
        assert drawn != _text(end)
        working = start.get_component_rich_style("pose-figure--left", partial=True).color
        colours = {segment.style.color for segment in _segments(start) if segment.style}
        assert working in colours and len(colours) >= 3  # the working leg, the body, the floor

        app.screen.show_exercise("glute-bridge")  # type: ignore[attr-defined]
        await pilot.pause()
        assert start.shown == ("glute-bridge", None, 0.0)
        assert end.shown == ("glute-bridge", None, 1.0)


async def test_a_short_window_leaves_the_figures_out() -> None:
    app = PsoasApp(clock=FakeClock())
    async with app.run_test(size=(40, 12)) as pilot:
        await open_home(pilot)
        await pilot.press("c", "enter")
        await pilot.pause()
        pair = app.screen.query_one("#detail-figures", PosePair)
        assert pair.query_one("#pose-start", PoseFigure).shown is not None
        assert not pair.region.height
