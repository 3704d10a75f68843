"""What is kept on disk: the SQLite history (the one place that opens SQLite) with its own plain
records, and the settings. It knows nothing of the player, routines or the self-test."""
