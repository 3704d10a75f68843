"""Glue above the core packages: recording a session to the history, finishing a self-test."""
