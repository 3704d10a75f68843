"""The Textual user interface: the app, its screens and widgets (thin: the core does the work)."""
