"""Connecting to Elasticsearch: client from settings, retries with back-off, clear errors.

Credentials (basic auth, API key) come from the settings (env `LEIAN_ES_USERNAME`,
`LEIAN_ES_PASSWORD`, `LEIAN_ES_API_KEY`, `LEIAN_ES_CA_CERTS`, `LEIAN_ES_VERIFY_CERTS`, or
the config file) or from the URL's user-info; they are never printed or logged: every
message names the URL with its user-info removed, and error texts are scrubbed of the
secrets before they are shown. An API key is accepted as "id:key" or as the base64
"encoded" form Kibana and the security API show.
"""
from __future__ import annotations

import base64
import binascii
import logging
import os
import random
import time
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from elasticsearch import (
    ApiError,
    AuthenticationException,
    AuthorizationException,
    ConnectionTimeout,
    Elasticsearch,
    SSLError,
    TransportError,
)
from elasticsearch import ConnectionError as EsConnectionError

from config.errors import ElasticError
from config.settings import Settings

log = logging.getLogger(__name__)
# The transport logs every failed attempt at WARNING; `Connection.call` reports retries
# itself (INFO) and the final failure as one error, so its per-attempt noise is muted.
_pool_log = logging.getLogger("elastic_transport.node_pool")
if _pool_log.level == logging.NOTSET:
    _pool_log.setLevel(logging.ERROR)

T = TypeVar("T")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


def redact_url(url: str) -> str:
    """The URL without user-info (user:password@), safe to print."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid URL>"
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class Connection:
    """One client plus what its messages may say: the redacted URL and the secrets to scrub."""

    def __init__(self, url: str, settings: Settings, *, retries: int | None = None,
                 backoff: float | None = None, timeout: float | None = None):
        self.url = redact_url(url)
        parts = urlsplit(url)
        username = unquote(parts.username) if parts.username else settings.es_username
        password = unquote(parts.password) if parts.password else settings.es_password.get_secret_value()
        api_key, key_secrets = api_key_header(settings.es_api_key.get_secret_value())
        self._secrets = sorted({s for s in (password, *key_secrets) if s}, key=len, reverse=True)
        self.username = username
        self.uses_api_key = bool(api_key)
        self.retries = settings.es_retries if retries is None else retries
        self.backoff = settings.es_backoff if backoff is None else backoff
        kwargs: dict = {
            "request_timeout": settings.es_timeout if timeout is None else timeout,
            "max_retries": 0,  # retries (with back-off) are done by `call`, which sees every attempt
            "retry_on_timeout": False,
        }
        if api_key:
            kwargs["api_key"] = api_key
        elif username:
            kwargs["basic_auth"] = (username, password)
        if self.url.startswith("https://"):
            kwargs["verify_certs"] = settings.es_verify_certs
            if settings.es_ca_certs:
                if not os.path.isfile(settings.es_ca_certs):
                    raise ElasticError(f"Elasticsearch at {self.url}: the CA certificate file "
                                       f"{settings.es_ca_certs!r} (LEIAN_ES_CA_CERTS) does not exist")
                kwargs["ca_certs"] = settings.es_ca_certs
            if not settings.es_verify_certs:
                kwargs["ssl_show_warn"] = False  # said once here, not on every request
                log.warning("Elasticsearch at %s: TLS certificate verification is OFF "
                            "(LEIAN_ES_VERIFY_CERTS=false): use this only on a test cluster", self.url)
        try:
            self.client = Elasticsearch(self.url, **kwargs)
        except ValueError as exc:  # bad URL or TLS options
            raise ElasticError(f"Elasticsearch at {self.url}: {self.scrub(str(exc))}") from None

    def scrub(self, text: str) -> str:
        """The text with every secret replaced by ***."""
        for s in self._secrets:
            text = text.replace(s, "***")
        return text

    def error(self, exc: Exception, what: str) -> ElasticError:
        """One clear line for a failed request (secrets scrubbed)."""
        where = f"Elasticsearch at {self.url}"
        if isinstance(exc, AuthenticationException) and self.uses_api_key:
            msg = (f"{where} rejected the credentials (API key); set LEIAN_ES_API_KEY to a valid key "
                   f"('id:key' or its base64 'encoded' form), or LEIAN_ES_USERNAME and LEIAN_ES_PASSWORD")
        elif isinstance(exc, AuthenticationException):
            who = f"user {self.username!r}" if self.username else "no credentials"
            msg = (f"{where} rejected the credentials ({who}); set LEIAN_ES_USERNAME and "
                   f"LEIAN_ES_PASSWORD, or LEIAN_ES_API_KEY")
        elif isinstance(exc, AuthorizationException):
            msg = f"{where}: the user may not {what} ({_reason(exc)})"
        elif isinstance(exc, SSLError):
            msg = (f"{where}: TLS failed ({_tls_reason(exc)}); set LEIAN_ES_CA_CERTS to the cluster's "
                   f"CA certificate (or LEIAN_ES_VERIFY_CERTS=false on a test cluster)")
        elif isinstance(exc, (EsConnectionError, ConnectionTimeout)):
            msg = f"cannot reach Elasticsearch at {self.url} ({_conn_reason(exc)}); is the cluster running?"
        elif isinstance(exc, ApiError):
            msg = f"{where}: {what} failed: HTTP {exc.status_code} {_reason(exc)}"
        else:
            msg = f"{where}: {what} failed: {type(exc).__name__}: {exc}"
        return ElasticError(self.scrub(msg))

    def call(self, what: str, fn: Callable[[], T], *, ok_status: tuple[int, ...] = ()) -> T:
        """Run one request; retry with exponential back-off (and jitter) on 429/5xx and
        connection errors; turn a final failure into an ElasticError. An ApiError whose
        status is in `ok_status` is re-raised as is, for the caller to handle."""
        attempt = 0
        while True:
            try:
                return fn()
            except ApiError as exc:
                if exc.status_code in ok_status:
                    raise
                if exc.status_code not in RETRY_STATUS or attempt >= self.retries:
                    raise self.error(exc, what) from None
                cause = f"HTTP {exc.status_code}"
            except (EsConnectionError, ConnectionTimeout) as exc:
                if isinstance(exc, SSLError) or attempt >= self.retries:
                    raise self.error(exc, what) from None
                cause = _conn_reason(exc)
            except TransportError as exc:
                raise self.error(exc, what) from None
            delay = self.pause(attempt)
            attempt += 1
            log.info("Elasticsearch at %s: %s: %s; retry %d/%d in %.1f s",
                        self.url, what, cause, attempt, self.retries, delay)
            time.sleep(delay)

    def pause(self, attempt: int) -> float:
        """Back-off before retry number `attempt`+1: backoff·2^attempt, capped, with jitter."""
        return min(30.0, self.backoff * (2 ** attempt)) * (0.75 + random.random() / 2)

    def close(self) -> None:
        self.client.close()


def api_key_header(value: str) -> tuple[str, list[str]]:
    """The API key as the client sends it (base64 of "id:key"), and every form of it to scrub.

    Accepts "id:key" (what the create-API-key response's `id` and `api_key` make) and the
    base64 `encoded` form (what Kibana shows); an unparsable value is passed on as is, so the
    cluster rejects it with the usual credentials error."""
    value = value.strip()
    if not value:
        return "", []
    if ":" in value:
        secret = value.partition(":")[2]
        encoded = base64.b64encode(value.encode()).decode("ascii")
        return encoded, [value, encoded, secret]
    try:
        decoded = base64.b64decode(value, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return value, [value]
    secret = decoded.partition(":")[2]
    return value, [value, decoded, secret] if secret else [value, decoded]


def _tls_reason(exc: Exception) -> str:
    """Why the TLS handshake failed, in a few words (e.g. certificate verification failed: ...)."""
    text = " ".join(str(getattr(exc, "message", "") or exc).split())
    text = text.split("(_ssl.c", 1)[0].strip()  # OpenSSL's source line says nothing to a user
    if "certificate verify failed" in text or "CERTIFICATE_VERIFY_FAILED" in text:
        detail = text.partition("certificate verify failed:")[2].strip()
        return "certificate verification failed" + (f": {detail}" if detail else "")
    return text or type(exc).__name__


def _reason(exc: ApiError) -> str:
    info = exc.info if isinstance(exc.info, dict) else {}
    err = info.get("error")
    if isinstance(err, dict):
        root = (err.get("root_cause") or [err])[0]
        return f"{root.get('type', '')}: {root.get('reason', '')}".strip(": ")
    if err:
        return str(err)
    # A HEAD request's refusal has no body: say the status instead of "None".
    return str(exc.message) if exc.message not in (None, "None", "") else f"HTTP {exc.status_code}"


def _conn_reason(exc: Exception) -> str:
    text = str(getattr(exc, "message", "") or exc)
    for known in ("Connection refused", "timed out", "Name or service not known",
                  "Temporary failure in name resolution", "Connection reset", "No route to host",
                  "Remote end closed connection"):
        if known.lower() in text.lower():
            return known.lower()
    return text.split("(")[0].strip() or type(exc).__name__
