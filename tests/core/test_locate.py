"""Where keys are: the locator counts lines as TOML does, and reads quoted keys as tomllib does."""

from __future__ import annotations

import pytest

from psoas_tui.textfile.locate import KeyLocator


@pytest.mark.parametrize(
    "separator", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
)
def test_the_locator_ends_lines_at_newline_only(separator: str) -> None:
    """`str.splitlines()` would end a line at each of these; TOML does not."""
    locator = KeyLocator.from_text(f'a = "x{separator}y"\n# {separator}\n[t]\nb = 1\n')
    assert locator.positions[("t",)] == (3, 1)
    assert locator.positions[("t", "b")] == (4, 1)


def test_a_quoted_key_with_an_escape_is_found_under_the_key_tomllib_reads() -> None:
    locator = KeyLocator.from_text('[[exercises]]\n"hold\\nseconds" = 1\n"a\\"b".c = 2\n')
    assert locator.positions[("exercises", 0, "hold\nseconds")] == (2, 1)
    assert locator.positions[("exercises", 0, 'a"b', "c")] == (3, 1)
