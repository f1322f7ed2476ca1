"""leian search: where cases live and how they are found.

One `CaseStore` interface (search/store.py), two backends: the embedded SQLite + FTS5
default and Elasticsearch. `open_store()` picks one from the store setting.
"""
