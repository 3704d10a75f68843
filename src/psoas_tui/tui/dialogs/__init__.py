"""Modal dialogs: confirm, this-hurts, the safety note."""
