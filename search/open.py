"""Pick the store backend from one setting: a path is SQLite, an http(s) URL Elasticsearch."""
from __future__ import annotations

from pathlib import Path

from config.errors import ConfigError, StoreError
from config.settings import Settings, check_store_location
from search.store import CaseStore


def open_store(location: str, settings: Settings | None = None, *, existing: bool = False) -> CaseStore:
    """Open the store at `location`: a .db path (embedded SQLite) or an http(s) URL
    (Elasticsearch, connected with `settings`: credentials, index prefix, retries, lock lease —
    required for one; the embedded store needs none). The caller passes what it was told: this
    reads neither the environment nor a config file.

    `existing`: the store must already be there (read commands; only ingest creates one).
    """
    try:
        check_store_location(location)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    if location.startswith(("http://", "https://")):
        from search.backends.elastic.store import ElasticStore

        if settings is None:
            raise TypeError("open_store: an Elasticsearch store needs the settings (credentials, index prefix)")
        return ElasticStore(location, settings)
    from search.backends.sqlite.store import SqliteStore

    if existing and location != ":memory:" and not Path(location).expanduser().exists():
        raise StoreError(f"no store at {location} (a store is made by `leian ingest FILES --store {location}`)")

    return SqliteStore(location)
