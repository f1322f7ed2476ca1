"""A lock held in the Elasticsearch store: one document per lock in `<prefix>-locks`.

Taking it creates the document with op_type=create, which the cluster lets exactly one
writer do; the others see a conflict and wait. The holder renews its lease every quarter of
it from a background thread: each renewal rewrites the document, so its version (seq_no,
primary_term) changes. A holder that dies stops renewing. Releasing deletes the document, only
the version this holder wrote.

When is a lease over? Not by comparing a time written on one machine with the clock of
another: clocks of workers drift apart, and one running ahead would take a live lock. A
waiter decides on its own monotonic clock only: a document whose version has not changed for
a whole lease (the holder's, written in the document), watched by this waiter, belongs to a
holder that stopped renewing. The waiter then deletes that version only (if_seq_no and
if_primary_term: two waiters never both take over) and takes the lock. Clock skew between
workers, however large, can delay a take-over, never cause two holders. The `expires`
timestamp the holder writes is only a hint and a note for humans: a waiter not willing to
wait (the nightly run, wait=0) that finds it passed by its own clock still watches the
document for one lease before it gives up or takes over, so a crashed run's lock is taken
over by the next run, not left for ever. A crashed run delays the next one by one lease at
most, counted from when the next one starts watching.
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


class _Watch:
    """What a waiter has seen of the lock document: the version, and since when (its own
    monotonic clock) it has not changed."""

    def __init__(self) -> None:
        self.version: tuple[int, int] | None = None
        self.since = 0.0

    def unchanged_for(self, version: tuple[int, int], now: float) -> float:
        """Seconds this version has been seen unchanged (0 when it is new)."""
        if version != self.version:
            self.version, self.since = version, now
        return now - self.since


def _lease_of(src: dict[str, Any], default: float) -> float:
    """The lease the holder wrote in its document (an older holder's: `default`)."""
    try:
        lease = float(src.get("lease") or default)
    except (TypeError, ValueError):
        return default
    return lease if lease > 0 else default


@contextmanager
def lease_lock(call: Call, es: Elasticsearch, index: str, *, name: str = "ingest", lease: float = 120.0,
               wait: float = 0.0, on_wait: Callable[[str], None] | None = None, where: str = "") -> Iterator[None]:
    """Hold the lock `name` of the store for the block, waiting up to `wait` seconds for it
    (`on_wait(holder)` is told once when it has to wait); raises IngestBusy when another run
    keeps it longer. `lease`: seconds a holder that stopped renewing keeps it, measured by the
    waiter's own monotonic clock on the document's unchanged version — never by comparing
    clocks of two machines."""
    body = {"holder": f"{socket.gethostname()} pid {os.getpid()}", "token": uuid.uuid4().hex,
            "since": datetime.now(UTC).isoformat(timespec="seconds"), "lease": lease}
    deadline = time.monotonic() + wait
    watch = _Watch()
    hinted_until = 0.0  # wait=0 and `expires` passed by this clock: watch until then
    told = False
    while True:
        version = _take(call, es, index, name, {**body, "expires": _now_ms() + int(lease * 1000)})
        if version is not None:
            break
        current = _current(call, es, index, name)
        if current is None:
            continue  # released between the two requests
        src, seq_no, term = current
        now = time.monotonic()
        held_lease = _lease_of(src, lease)
        if watch.unchanged_for((seq_no, term), now) >= held_lease:
            log.warning("the %s lock of %s (%s) lapsed: not renewed for %.0f s (its lease); taking it over",
                        name, where or index, _describe(src), held_lease)
            _take_over(call, es, index, name, seq_no, term)
            continue
        if not hinted_until and int(src.get("expires", 0)) < _now_ms():
            # By this machine's clock the lease has passed: watch it for one lease (renewed: a
            # live holder whose clock differs; not: a dead one, taken over above).
            hinted_until = now + held_lease + POLL
            log.info("the %s lock of %s (%s) looks lapsed by this machine's clock; watching it for %.0f s",
                     name, where or index, _describe(src), held_lease)
        if now >= max(deadline, hinted_until):
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
