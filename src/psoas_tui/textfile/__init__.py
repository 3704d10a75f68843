"""A person's TOML files: reading, key positions, clear errors, names, atomic writes, safe text."""
