"""Run the command line with `python -m psoas_tui`."""

from psoas_tui.cli.main import main

raise SystemExit(main())
