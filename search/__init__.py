"""leian search: where cases live and how they are found.

One `CaseStore` interface (search/store.py), two backends in search/backends/: the embedded
SQLite + FTS5 default (`sqlite`) and Elasticsearch (`elastic`), over what both index for a
case (search/indexing.py). `open_store()` (search/open.py) picks one from the store setting.
"""
