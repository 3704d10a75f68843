"""The `psoas` subcommands, one module each; `psoas_tui.cli` imports them only when run."""
