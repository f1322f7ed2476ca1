"""One ingest run per store at a time: an advisory lock file beside the store.

A nightly run that overruns into the next one, or `leian ingest` typed while the nightly
run is going, must not extract and index the same files twice. `flock` locks are released
by the kernel when the holder dies, so a killed run never leaves a stale lock behind.
For an Elasticsearch store the lock file lives in the local data folder, which guards the
runs of one machine (run the nightly deployment from one worker).
"""
from __future__ import annotations

import fcntl
import hashlib
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


def lock_path_for(store: str, data_dir: str | Path) -> Path:
    """The lock file guarding `store`: `<store>.ingest.lock` for a SQLite file, a file named
    after the URL's hash in `data_dir` for Elasticsearch."""
    if store.startswith(("http://", "https://")):
        digest = hashlib.sha256(store.encode("utf-8")).hexdigest()[:16]
        return Path(data_dir) / f"ingest-{digest}.lock"
    return Path(store).expanduser().resolve().with_name(Path(store).name + ".ingest.lock")


def _holder(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 4096).decode("utf-8", "replace").strip()
    try:
        info = json.loads(raw)
        return f"pid {info.get('pid')} since {info.get('since')}"
    except ValueError:
        return "holder unknown"


@contextmanager
def ingest_lock(store: str, data_dir: str | Path, wait: float = 0.0,
                on_wait: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold the store's ingest lock for the block, waiting up to `wait` seconds for it
    (`on_wait(holder)` is told once when it has to wait); raises IngestBusy when another
    run keeps it longer."""
    path = lock_path_for(store, data_dir)
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
                    raise IngestBusy(path, _holder(fd)) from None
                if on_wait and not told:
                    on_wait(_holder(fd))
                    told = True
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        since = datetime.now(UTC).isoformat(timespec="seconds")
        os.write(fd, json.dumps({"pid": os.getpid(), "since": since}).encode("utf-8"))
        log.debug("ingest lock %s taken", path)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
