"""Routine files: the TOML format (`model`), reading with clear errors (`parse`), resolving
against the catalogue (`resolve`, `plan`), writing (`write`), and the routine `library`."""
