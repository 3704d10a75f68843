"""Stick figures of each exercise's start and end position, drawn on a braille canvas."""
