"""Glue above the core packages: recording a session to the history, keeping self-test results in
it and reading them back, finishing a self-test (for the app and the CLI alike)."""
