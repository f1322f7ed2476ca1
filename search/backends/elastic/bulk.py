"""Bulk writes that converge: deterministic ids, per-item results, retries with back-off.

`streaming_bulk` reports every action as (ok, item). Actions rejected with 429/5xx (or all
of a chunk when the request itself failed: connection lost, 503) are sent again after a
back-off, up to the connection's retry count; since every action carries its id, sending
one twice leaves one copy. What still failed is returned, never dropped, so the caller can
keep the file pending.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from elasticsearch import AuthenticationException, AuthorizationException, ConnectionTimeout, helpers
from elasticsearch import ConnectionError as EsConnectionError

from search.backends.elastic.connect import RETRY_STATUS, Connection

log = logging.getLogger(__name__)


@dataclass
class BulkResult:
    ok: set[str] = field(default_factory=set)  # ids confirmed written (or deleted)
    failed: dict[str, str] = field(default_factory=dict)  # id -> reason

    @property
    def all_ok(self) -> bool:
        return not self.failed


def _key(action: dict[str, Any]) -> str:
    return str(action["_id"])  # ids are unique across leian's indices (case ids, sha256, sha1)


def bulk(conn: Connection, actions: list[dict[str, Any]], *, chunk_size: int = 500,
         refresh: bool | str = False) -> BulkResult:
    """Send the actions; retry the retryable failures; return what was confirmed and what not.
    Every action needs `_id` (and `_index`)."""
    result = BulkResult()
    pending = list(actions)
    attempt = 0
    while pending:
        retry: list[dict[str, Any]] = []
        by_key = {_key(a): a for a in pending}
        last_reason = ""
        answered: set[str] = set()
        try:
            for ok, item in helpers.streaming_bulk(
                    conn.client, pending, chunk_size=chunk_size, max_retries=0, raise_on_error=False,
                    raise_on_exception=False, refresh=refresh):
                op, info = next(iter(item.items()))
                key = str(info.get("_id", ""))
                answered.add(key)
                status = int(info.get("status") or 0)
                if ok or (op == "delete" and status == 404):
                    result.ok.add(key)
                    result.failed.pop(key, None)
                    continue
                exc = info.get("exception")
                if isinstance(exc, (AuthenticationException, AuthorizationException)):
                    raise conn.error(exc, "write in bulk") from None
                action = by_key.get(key)
                if action is None:
                    log.error("bulk: result for an unknown action %s", key)
                    continue
                reason = _item_reason(info)
                result.failed[key] = conn.scrub(reason)
                if status in RETRY_STATUS:
                    retry.append(action)
                    last_reason = reason
        except (EsConnectionError, ConnectionTimeout) as exc:
            # The request itself failed: what was not answered is sent again.
            if attempt >= conn.retries:
                raise conn.error(exc, "write in bulk") from None
            for key, action in by_key.items():
                if key not in answered:
                    retry.append(action)
            last_reason = str(exc)
        if not retry or attempt >= conn.retries:
            break
        delay = conn.pause(attempt)
        attempt += 1
        log.info("Elasticsearch at %s: %d bulk actions not confirmed (%s); retry %d/%d in %.1f s",
                    conn.url, len(retry), conn.scrub(last_reason), attempt, conn.retries, delay)
        time.sleep(delay)
        pending = retry
    return result


def _item_reason(info: dict[str, Any]) -> str:
    err = info.get("error")
    if isinstance(err, dict):
        return f"{err.get('type', '')}: {err.get('reason', '')}"
    exc = info.get("exception")
    if exc is not None:
        return f"{type(exc).__name__}: {getattr(exc, 'message', exc)}"
    return str(err or f"HTTP {info.get('status')}")
