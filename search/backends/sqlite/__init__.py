"""The embedded store: one SQLite file with FTS5 (`store`), and the analysts' corrections
kept in it (`corrections`)."""
