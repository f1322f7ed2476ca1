"""Pick the store backend from one setting: a path is SQLite, an http(s) URL Elasticsearch."""
from __future__ import annotations

from config.settings import Settings, get_settings
from search.store import CaseStore


def open_store(location: str | None = None, settings: Settings | None = None) -> CaseStore:
    """Open the store named by `location`, or by the settings (LEIAN_STORE, config file)."""
    settings = settings or get_settings()
    location = location or settings.store
    if location.startswith(("http://", "https://")):
        from search.elastic import ElasticStore

        return ElasticStore(location, settings=settings)
    from search.sqlite import SqliteStore

    return SqliteStore(location)
