"""The footer is rebuilt when the keys it shows change, and only then (Textual rebuilt it on
every change of focus or bindings, most often to show the same keys)."""

from __future__ import annotations

from apps import home_app, settle, until
from textual.widgets._footer import FooterKey

from psoas_tui.tui.screens.home import HomeScreen


def footer_keys(app: object) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))  # type: ignore[attr-defined]


async def test_the_footer_keeps_its_keys_until_they_change() -> None:
    app = home_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Start" in [key.description for key in footer_keys(app)])
        await settle(pilot)  # (a rebuild asked for before may still be on its way)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        shown = footer_keys(app)
        assert "Start" in [key.description for key in shown]
        screen.refresh_bindings()  # the same keys: nothing to rebuild
        await pilot.press("tab", "down")
        await settle(pilot)
        assert footer_keys(app) == shown
        assert all(key.is_attached for key in shown)

        screen.plan, screen.nothing_suggested = None, True  # no start key now
        screen.refresh_bindings()
        await settle(pilot)
        descriptions = [key.description for key in footer_keys(app)]
        assert "Start" not in descriptions and "Catalogue" in descriptions
        assert not any(key.is_attached for key in shown)
