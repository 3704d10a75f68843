"""The session engine: clock, timeline, session state machine, player view and summary."""
