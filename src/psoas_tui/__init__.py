"""psoas-tui: stretch and strengthen the psoas from the terminal."""

__version__ = "0.1.0"
