"""Pick the store backend from one setting: a path is SQLite, an http(s) URL Elasticsearch."""
from __future__ import annotations

from config.settings import Settings, check_store_location, get_settings
from extractors.errors import ConfigError
from search.store import CaseStore


def open_store(location: str | None = None, settings: Settings | None = None) -> CaseStore:
    """Open the store named by `location`, or by the settings (LEIAN_STORE, config file)."""
    settings = settings or get_settings()
    location = location if location is not None else settings.store
    try:
        check_store_location(location)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    if location.startswith(("http://", "https://")):
        from search.elastic import ElasticStore

        return ElasticStore(location, settings=settings)
    from search.sqlite import SqliteStore

    return SqliteStore(location)
