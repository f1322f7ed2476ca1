"""Pick the store backend from one setting: a path is SQLite, an http(s) URL Elasticsearch."""
from __future__ import annotations

from pathlib import Path

from config.errors import ConfigError, StoreError
from config.settings import Settings, check_store_location, get_settings
from search.store import CaseStore


def open_store(location: str | None = None, settings: Settings | None = None, *,
               existing: bool = False) -> CaseStore:
    """Open the store named by `location`, or by the settings (LEIAN_STORE, config file).

    `existing`: the store must already be there (read commands; only ingest creates one).
    """
    settings = settings or get_settings()
    location = location if location is not None else settings.store
    try:
        check_store_location(location)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    if location.startswith(("http://", "https://")):
        from search.backends.elastic.store import ElasticStore

        return ElasticStore(location, settings=settings)
    from search.backends.sqlite.store import SqliteStore

    if existing and location != ":memory:" and not Path(location).expanduser().exists():
        raise StoreError(f"no store at {location} (a store is made by `leian ingest FILES --store {location}`)")

    return SqliteStore(location)
