"""One typed settings object: env (prefix LEIAN_), an optional config file, defaults.

The store backend is chosen here, in one place: a path means the embedded SQLite store,
an http(s) URL means Elasticsearch.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

DEFAULT_STORE = "./leian-data/leian.db"


class _YamlFileSource(PydanticBaseSettingsSource):
    """Settings from the YAML file named by LEIAN_CONFIG (or ./leian.yaml when present)."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = os.environ.get("LEIAN_CONFIG") or ("leian.yaml" if Path("leian.yaml").exists() else "")
        if not path:
            return {}
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            from extractors.errors import ConfigError

            raise ConfigError(f"{path}: the config file must be a mapping of settings")
        return data


class Settings(BaseSettings):
    """Everything a run of leian can be told."""

    model_config = SettingsConfigDict(env_prefix="LEIAN_", extra="ignore")

    store: str = DEFAULT_STORE
    # Elasticsearch connection (used when `store` is an http(s) URL); never printed.
    es_username: str = ""
    es_password: SecretStr = SecretStr("")
    es_api_key: SecretStr = SecretStr("")
    es_ca_certs: str = ""
    es_verify_certs: bool = True
    es_index_prefix: str = "leian"  # indices <prefix>-cases (alias of <prefix>-cases-vN), -documents, -ledger
    es_timeout: float = 30.0  # seconds per request
    es_retries: int = 5  # retries (exponential back-off) on 429/5xx and connection errors
    es_backoff: float = 0.5  # first back-off, seconds; doubles per retry
    # Nightly ingestion
    watch: list[str] = Field(default_factory=list)
    schedule_cron: str = "0 2 * * *"
    timezone: str = "Asia/Shanghai"
    task_runner: str = "threads"  # threads | dask
    max_workers: int = 2
    dask_address: str = ""
    ingest_batch_size: int = 20  # documents per indexing task
    store_retries: int = 4  # retries of a flow task that reads or writes the store
    store_retry_delay: float = 2.0  # seconds before the first retry; doubles each time
    # Class-case summaries the `summaries` flow writes: [{name, category|query, format, output}]
    summaries: list[dict[str, Any]] = Field(default_factory=list)
    summaries_dir: str = "./leian-data/summaries"
    summaries_cron: str = "0 6 * * 1"  # weekly, Monday 06:00 in `timezone`
    # Readers: bigger files are refused with "too large" (extractors.readers.ReadLimits)
    read_max_mb: float = 50
    read_max_pages: int = 2000

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings, file_secret_settings):  # type: ignore[override]
        return (init_settings, env_settings, _YamlFileSource(settings_cls), file_secret_settings)

    @property
    def is_elasticsearch(self) -> bool:
        return self.store.startswith(("http://", "https://"))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, loaded once."""
    return Settings()
