"""Make and change routines: a draft with undo, live checks, and saves that keep comments."""
