"""Weeks, not sessions: the weekly plan, the days trained, streaks and weekly totals."""
