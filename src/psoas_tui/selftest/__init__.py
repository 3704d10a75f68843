"""The psoas self-test without a screen: the questions, the answers file, the scoring, the routine
it prescribes, and what changed since last time.

`questions` is plain data for the screens and `--help`; `answers` reads and validates answers;
`scoring.score_selftest` turns answers into a verdict with reasons; `prescribe.routine_for` builds
a routine from the catalogue; `compare.changes` says what changed per side. None imports Textual.
"""
