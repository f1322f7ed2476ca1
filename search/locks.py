"""One ingest run per store at a time, the lock held by the store itself.

A nightly run that overruns into the next one, or `leian ingest` typed while the nightly run
is going, must not extract and index the same files twice (CaseStore.ingest_lock). The
embedded store locks a file beside its own (`file_lock`): `flock` locks are released by the
kernel when the holder dies, so a killed run never leaves a stale lock behind. The
Elasticsearch store keeps a lock document in the cluster (search/backends/elastic/lock.py),
so the runs of every machine that writes to it are serialised.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from config.errors import IngestBusy

log = logging.getLogger(__name__)

POLL = 0.2  # seconds between two tries of a lock another run holds


def _holder(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 4096).decode("utf-8", "replace").strip()
    try:
        info = json.loads(raw)
        return f"pid {info.get('pid')} since {info.get('since')}"
    except ValueError:
        return "holder unknown"


@contextmanager
def file_lock(path: Path, wait: float = 0.0, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an advisory lock on `path` (created when missing) for the block, waiting up to
    `wait` seconds for it (`on_wait(holder)` is told once when it has to wait); raises
    IngestBusy when another process keeps it longer."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IngestBusy(str(path), _holder(fd)) from None
                if on_wait and not told:
                    on_wait(_holder(fd))
                    told = True
                time.sleep(POLL)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        since = datetime.now(UTC).isoformat(timespec="seconds")
        os.write(fd, json.dumps({"pid": os.getpid(), "since": since}).encode("utf-8"))
        log.debug("lock %s taken", path)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
