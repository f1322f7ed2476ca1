"""One typed settings object: env (prefix LEIAN_), an optional config file, defaults.

The store backend is chosen here, in one place: a path means the embedded SQLite store,
an http(s) URL means Elasticsearch.
"""
from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

DEFAULT_DATA_DIR = "./leian-data"
DEFAULT_STORE = f"{DEFAULT_DATA_DIR}/leian.db"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def config_file() -> tuple[str, str]:
    """The config file in use (LEIAN_CONFIG, else ./leian.yaml when present) and how to name it."""
    named = os.environ.get("LEIAN_CONFIG")
    path = named or ("leian.yaml" if Path("leian.yaml").exists() else "")
    return path, (f"config file {path}" + (" (LEIAN_CONFIG)" if named else "") if path else "")


class _YamlFileSource(PydanticBaseSettingsSource):
    """Settings from the YAML file named by LEIAN_CONFIG (or ./leian.yaml when present)."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        from config.errors import ConfigError

        path, where = config_file()
        if not path:
            return {}
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"{where} does not exist") from None
        except IsADirectoryError:
            raise ConfigError(f"{where} is a directory, not a file") from None
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{where} is not UTF-8 text (byte {exc.start})") from None
        except OSError as exc:
            raise ConfigError(f"cannot read {where}: {exc.strerror or exc}") from None
        try:
            data = yaml.safe_load(raw) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            raise ConfigError(f"{where} is not valid YAML{at}: {getattr(exc, 'problem', None) or exc}") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{where} must be a mapping of settings")
        unknown = [str(k) for k in data if str(k) not in Settings.model_fields]
        if unknown:
            hints = []
            for key in unknown:
                close = difflib.get_close_matches(key, list(Settings.model_fields), n=1)
                hints.append(f"{key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
            raise ConfigError(f"{where}: unknown setting {', '.join(hints)}")
        return data


class Settings(BaseSettings):
    """Everything a run of leian can be told."""

    model_config = SettingsConfigDict(env_prefix="LEIAN_", extra="ignore")

    store: str = DEFAULT_STORE
    # Side files of a store (saved classes, users, audit log, web sessions, uploads): beside an
    # embedded store's file; in data_dir for an Elasticsearch store (and the demo's files).
    data_dir: str = DEFAULT_DATA_DIR
    classes: str = ""  # the saved classes file; "" = classes.json with the store's side files
    log_level: str = "WARNING"  # of the `leian` command and the web server
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
    # An Elasticsearch store's ingest lock (a document in the cluster): a run that stops
    # renewing it (killed, machine gone) keeps it this many seconds, then the next run takes it
    ingest_lock_lease: float = Field(default=120.0, gt=0)
    # Class-case summaries the `summaries` flow writes: [{name, category|query, format, output}]
    summaries: list[dict[str, Any]] = Field(default_factory=list)
    summaries_dir: str = f"{DEFAULT_DATA_DIR}/summaries"
    summaries_cron: str = "0 6 * * 1"  # weekly, Monday 06:00 in `timezone`
    # Readers: bigger files are refused with "too large" (extractors.readers.ReadLimits)
    read_max_mb: float = 50
    read_max_pages: int = 2000
    read_convert_timeout: float = 120  # seconds a LibreOffice conversion (legacy .doc) may take
    # Zip archives (ingested member by member): beyond these the archive is refused whole
    read_archive_max_members: int = 1000
    read_archive_max_mb: float = 500  # total once unpacked
    read_archive_max_ratio: float = 100  # a member over 1 MB compressed more than this is refused
    # OCR of pages without a text layer and of images (extractors.readers.ocr.OcrOptions)
    ocr_enabled: bool = True
    ocr_dpi: int = 200  # resolution pages of drawn text are rendered at (a scan: its own)
    ocr_min_confidence: float = 90.0  # a page below this mean character confidence (0-100) is flagged
    ocr_workers: int = 0  # OCR processes; 0 = one per core
    ocr_cache_dir: str = ""  # "" = $XDG_CACHE_HOME/leian/ocr (~/.cache/leian/ocr)

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings, file_secret_settings):  # type: ignore[override]
        return (init_settings, env_settings, _YamlFileSource(settings_cls), file_secret_settings)

    @field_validator("store")
    @classmethod
    def _store_location(cls, v: str) -> str:
        """Refuse store names that are surely typos, rather than create an empty store there."""
        return check_store_location(v)

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, v: str) -> str:
        if v.upper() not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return v.upper()

    @property
    def is_elasticsearch(self) -> bool:
        return self.store.startswith(("http://", "https://"))

    def side_dir(self, store: str | None = None) -> Path:
        """The folder of a store's side files (default: this settings' store): the folder of an
        embedded store's file, data_dir for an Elasticsearch store."""
        location = store or self.store
        if location.startswith(("http://", "https://")):
            return Path(self.data_dir)
        return Path(location).expanduser().resolve().parent

    def classes_file(self, store: str | None = None) -> Path:
        """Where a store's saved classes live: `classes` when set, else classes.json beside an
        embedded store's file or in data_dir for an Elasticsearch store."""
        if self.classes:
            return Path(self.classes)
        location = store or self.store
        if location.startswith(("http://", "https://")):
            return Path(self.data_dir) / "classes.json"
        return Path(location).parent / "classes.json"


def check_store_location(v: str) -> str:
    """A store location as given, if it is plausibly one: a path, or an http(s) URL with a valid port.

    A mistyped URL (`HTTP://`, ` http://`, `ftp://`, `127.0.0.1:9200`) would otherwise name a
    new SQLite file and silently give an empty store. Raises ValueError naming the problem.
    """
    shown = re.sub(r"//[^/@\s]*@", "//***@", v)  # never print a password given in the URL
    if not v or not v.strip():
        raise ValueError("the store location is empty")
    if v != v.strip():
        raise ValueError(f"store location {shown!r} has spaces around it")
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*)://", v)
    if scheme:
        if scheme.group(1) not in ("http", "https"):
            raise ValueError(f"store location {shown!r}: an Elasticsearch URL starts with http:// or https:// "
                             "(lower case); anything else is a file path")
        url = urlsplit(v)
        if not url.hostname or any(ch.isspace() for ch in v):
            raise ValueError(f"store location {shown!r} is not a valid URL")
        try:
            port = url.port
        except ValueError:
            port = -1
        if port is not None and not 0 < port < 65536:
            raise ValueError(f"store location {shown!r}: the port is not a number from 1 to 65535")
    elif re.match(r"^[\w.-]+:\d+(/|$)", v):
        raise ValueError(f"store location {shown!r} looks like host:port; write http://{v} for Elasticsearch")
    return v


def _explain(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        key = ".".join(str(x) for x in err.get("loc", ())) or "settings"
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        value = err.get("input")
        secret = key == "store" or "password" in key or "api_key" in key  # the message says what it may
        shown = f" (got {value!r})" if isinstance(value, (str, int, float, bool)) and len(repr(value)) < 60 \
            and not secret else ""
        parts.append(f"{key}: {msg}{shown}")
    return "; ".join(parts)


def load_settings(**overrides: Any) -> Settings:
    """The settings from LEIAN_* environment variables and the config file, read now (an entry
    point — a `leian` command, the web app factory, a flow run — calls this once and passes the
    result down; nothing below it reads the environment). `overrides` win over both, and are
    checked like them. Bad settings are one ConfigError naming the setting and where it came from."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        from config.errors import ConfigError

        where = config_file()[1]
        raise ConfigError(f"bad setting: {_explain(exc)}"
                          f" (from LEIAN_* environment variables{' or ' + where if where else ''})") from None


def with_store(settings: Settings, store: str | None) -> Settings:
    """`settings` with the store a command line option or flow parameter names (None: as they
    are). The location is checked first: a mistyped one is one ConfigError saying what is wrong."""
    if store is None or store == settings.store:
        return settings
    try:
        check_store_location(store)
    except ValueError as exc:
        from config.errors import ConfigError

        raise ConfigError(str(exc)) from None
    return settings.model_copy(update={"store": store})
