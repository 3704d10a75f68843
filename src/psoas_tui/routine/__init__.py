"""Routine files: the TOML format (`model`), reading with clear errors (`parse`), writing
(`write`), and finding the built-in and user routines (`library`)."""
