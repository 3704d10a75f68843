"""The exercise catalogue: its models, its data file and the search behind the browser."""
