"""A lock held in the Elasticsearch store: one document per lock in `<prefix>-locks`.

Taking it creates the document with op_type=create, which the cluster lets exactly one
writer do; the others see a conflict and wait. The holder renews a lease (`expires`) every
quarter of it from a background thread; a holder that dies stops renewing, and once its lease
has lapsed the next run deletes its document — only that version of it (if_seq_no and
if_primary_term), so two waiters never both take over — and takes the lock. Releasing deletes
the document, again only the version this holder wrote. So runs on any number of machines are
serialised on one store, and a crashed run delays the next one by one lease at most.
The lease is compared with each machine's clock: keep the clocks in step (NTP) to well within
a lease.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from typing import Any, Protocol, TypeVar

from elasticsearch import ConflictError, Elasticsearch, NotFoundError

from config.errors import IngestBusy

log = logging.getLogger(__name__)
T = TypeVar("T")
POLL = 0.5  # seconds between two tries of a lock another run holds


class Call(Protocol):
    """ElasticStore._call: one request with retries, a failure as one clear ElasticError."""

    def __call__(self, what: str, fn: Callable[[], T], *, ok_status: tuple[int, ...] = ...) -> T: ...


def _now_ms() -> int:
    return int(time.time() * 1000)


def _describe(src: dict[str, Any]) -> str:
    return f"{src.get('holder', 'holder unknown')} since {src.get('since', '?')}"


class _Lease:
    """The document this holder wrote: its version, renewed in the background."""

    def __init__(self, call: Call, es: Elasticsearch, index: str, name: str, lease: float, body: dict[str, Any],
                 version: tuple[int, int]):
        self.call, self.es, self.index, self.name, self.lease = call, es, index, name, lease
        self.body, self.version = body, version
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._renew, name=f"lease-{name}", daemon=True)

    def _renew(self) -> None:
        while not self.stop.wait(self.lease / 4):
            body = {**self.body, "expires": _now_ms() + int(self.lease * 1000)}
            try:
                res = self.call("renew the ingest lock", partial(
                    self.es.index, index=self.index, id=self.name, document=body, if_seq_no=self.version[0],
                    if_primary_term=self.version[1]), ok_status=(409,))
                self.version = (res["_seq_no"], res["_primary_term"])
            except ConflictError:
                log.error("the %s lock in %s was taken over after its lease lapsed (this run stalled for more "
                          "than %.0f s); another run may now write to the store at the same time", self.name,
                          self.index, self.lease)
                return
            except Exception as exc:  # any other failure: tried again a quarter lease later
                log.warning("could not renew the %s lock in %s: %s", self.name, self.index, exc)

    def release(self) -> None:
        self.stop.set()
        self.thread.join()
        try:
            self.call("release the ingest lock", lambda: self.es.delete(
                index=self.index, id=self.name, if_seq_no=self.version[0], if_primary_term=self.version[1]),
                ok_status=(404, 409))
        except (ConflictError, NotFoundError):
            log.warning("the %s lock in %s was no longer this run's when it ended", self.name, self.index)


def _take(call: Call, es: Elasticsearch, index: str, name: str, body: dict[str, Any]) -> tuple[int, int] | None:
    """Create the lock document; its (seq_no, primary_term), or None when another holds it."""
    try:
        res = call("take the ingest lock", lambda: es.create(index=index, id=name, document=body), ok_status=(409,))
    except ConflictError:
        return None
    return res["_seq_no"], res["_primary_term"]


def _current(call: Call, es: Elasticsearch, index: str, name: str) -> tuple[dict[str, Any], int, int] | None:
    """The lock document as it is now (realtime), None when there is none."""
    try:
        res = call("read the ingest lock", lambda: es.get(index=index, id=name), ok_status=(404,))
    except NotFoundError:
        return None
    return res["_source"], res["_seq_no"], res["_primary_term"]


def _take_over(call: Call, es: Elasticsearch, index: str, name: str, seq_no: int, term: int) -> None:
    """Delete a lapsed lock document, only the version that was read (another waiter may have
    taken over first: then nothing happens)."""
    try:
        call("clear a lapsed ingest lock", lambda: es.delete(index=index, id=name, if_seq_no=seq_no,
                                                             if_primary_term=term), ok_status=(404, 409))
    except (ConflictError, NotFoundError):
        pass  # another waiter cleared or took it first: the next round sees who holds it


@contextmanager
def lease_lock(call: Call, es: Elasticsearch, index: str, *, name: str = "ingest", lease: float = 120.0,
               wait: float = 0.0, on_wait: Callable[[str], None] | None = None, where: str = "") -> Iterator[None]:
    """Hold the lock `name` of the store for the block, waiting up to `wait` seconds for it
    (`on_wait(holder)` is told once when it has to wait); raises IngestBusy when another run
    keeps it longer. `lease`: seconds a holder that stopped renewing keeps it."""
    body = {"holder": f"{socket.gethostname()} pid {os.getpid()}", "token": uuid.uuid4().hex,
            "since": datetime.now(UTC).isoformat(timespec="seconds")}
    deadline = time.monotonic() + wait
    told = False
    while True:
        version = _take(call, es, index, name, {**body, "expires": _now_ms() + int(lease * 1000)})
        if version is not None:
            break
        current = _current(call, es, index, name)
        if current is None:
            continue  # released between the two requests
        src, seq_no, term = current
        if int(src.get("expires", 0)) < _now_ms():
            log.warning("the %s lock of %s (%s) lapsed: its holder stopped renewing it; taking it over",
                        name, where or index, _describe(src))
            _take_over(call, es, index, name, seq_no, term)
            continue
        if time.monotonic() >= deadline:
            raise IngestBusy(where or f"{index}/{name}", _describe(src))
        if on_wait and not told:
            on_wait(_describe(src))
            told = True
        time.sleep(POLL)
    held = _Lease(call, es, index, name, lease, body, version)
    held.thread.start()
    log.debug("%s lock of %s taken (%s)", name, where or index, _describe(body))
    try:
        yield
    finally:
        held.release()
