"""`python -m psoas_tui.figures [ID …] [--size WxH]`: print each exercise's start and end figure
side by side as plain text, to look at them."""

from __future__ import annotations

import argparse

from psoas_tui.figures.load import load_figures
from psoas_tui.figures.render import figure_rows


def side_by_side(exercise_id: str, width: int, height: int, side: str = "right") -> str:
    """The start and end figure of an exercise next to each other, framed, with a title."""
    start = figure_rows(exercise_id, side, 0.0, width, height)  # type: ignore[arg-type]
    end = figure_rows(exercise_id, side, 1.0, width, height)  # type: ignore[arg-type]
    lines = [f"{exercise_id} ({side})", f"  {'start':<{width}}   {'end':<{width}}"]
    lines += [f" │{a}│ │{b}│" for (a, _), (b, _) in zip(start, end, strict=True)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m psoas_tui.figures", description=__doc__)
    parser.add_argument("ids", nargs="*", help="exercise ids (all if none)")
    parser.add_argument("--size", default="24x8", help="cells per figure, WIDTHxHEIGHT")
    parser.add_argument("--side", default="right", choices=("left", "right"))
    options = parser.parse_args()
    width, height = (int(n) for n in options.size.lower().split("x"))
    figures = load_figures()
    for exercise_id in options.ids or list(figures):
        print(side_by_side(exercise_id, width, height, options.side))
        print(f"  {figures[exercise_id].description}\n")


if __name__ == "__main__":
    main()
