"""The catalogue's detail pane names the articles, says where each number of the dose comes from,
and shows the notes on the sources."""

from __future__ import annotations

from psoas_tui.catalogue.load import load_catalogue
from psoas_tui.tui.screens.catalogue import exercise_detail


def test_the_detail_names_articles_by_publisher_and_title_not_file() -> None:
    catalogue = load_catalogue()
    lunge = catalogue.get("half-kneeling-hip-flexor-stretch")
    text = exercise_detail(lunge, catalogue)
    assert ".txt" not in text
    assert (
        "Sources:\n"
        "• Cleveland Clinic — 5 Psoas Stretches and Exercises (2024)\n"
        "• Peloton — 11 Psoas Stretches to Alleviate Tightness and Improve Your Mobility, "
        "by Michele Ross (2025)\n"
    ) in text
    assert f"Notes on the sources:\n{lunge.source_notes}" in text


def test_the_detail_says_whose_number_each_figure_is() -> None:
    catalogue = load_catalogue()
    lunge = exercise_detail(catalogue.get("half-kneeling-hip-flexor-stretch"), catalogue)
    assert (
        "Dose: 2 × 45 s each side\n"
        "• Hold 45 s (articles: 20–30 s — Peloton, trainer blog; 45–60 s — SportCoaching)\n"
        "• Sets 2 (articles: 2–3 — trainer blog, SportCoaching)\n"
    ) in lunge
    assert "(articles: 10–30 s" not in exercise_detail(catalogue.get("boat-pose"), catalogue)
    boat = exercise_detail(catalogue.get("boat-pose"), catalogue)
    assert "• Hold 20 s (our choice; the articles give no number)" in boat
    bridge = exercise_detail(catalogue.get("glute-bridge"), catalogue)
    assert "• About 8 s a rep (our timing; at least lift 1 s, hold 5 s, lower 2 s)" in bridge
