"""The `psoas` command line: the parser, exit codes, and one module per command."""
