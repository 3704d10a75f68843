"""Glue above the core packages: recording a session to the history, keeping self-test results in
it and reading them back, finishing a self-test, editing the weekly plan, proposing a
routine's next level (for the app and the CLI alike)."""
