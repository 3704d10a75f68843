"""What is kept on disk: the SQLite history (the one place that opens SQLite), the settings."""
