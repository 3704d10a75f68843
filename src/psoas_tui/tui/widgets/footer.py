"""`Footer`: Textual's footer, rebuilt only when the keys it shows change.

Textual rebuilds its footer (every key a new widget, each styled twice) on every change of the
screen's bindings: each focus move, each highlighted row, each dialog closed — most often to
show the very same keys. This one keeps what it shows when nothing it would show has changed.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual.widgets import Footer as TextualFooter

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


class Footer(TextualFooter):
    """Textual's `Footer`, without the rebuilds that would show the same keys again."""

    _shown: Hashable = None
    """What the last `compose` showed (see `_keys_to_show`); None before it."""

    def _keys_to_show(self) -> Hashable:
        """Everything of the screen's bindings that `compose` reads: the same value, the same
        footer."""
        palette = self.app.COMMAND_PALETTE_BINDING if self.show_command_palette else None
        return tuple(
            (
                key,
                binding.key,
                self.app.get_key_display(binding),
                binding.action,
                binding.description,
                binding.tooltip,
                binding.group,
                enabled,
                tooltip,
            )
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )

    def compose(self) -> ComposeResult:
        self._shown = self._keys_to_show() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if (
            self._shown is not None
            and screen.app.app_focus
            and self.is_attached
            and screen is self.screen
            and self._keys_to_show() == self._shown
        ):
            return  # a rebuild would show the same keys
        super().bindings_changed(screen)
