"""Uploads stored by content hash, and one background worker that ingests them.

An uploaded file is written to `<data dir>/uploads/<sha256><ext>`: the name on disk comes
from the bytes and an allowed extension, never from the user. The worker runs batches one at
a time with pipelines.steps.run_ingest under the store's ingest lock (as `leian ingest`
does), and keeps the progress of the running batch for the ingestion page.
"""
from __future__ import annotations

import hashlib
import logging
import os
import queue
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from config.errors import UploadRefused
from extractors.readers import ReadLimits

log = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_FILES = 20  # files per upload request; a larger request body is refused before it is read
# what may be uploaded: document types leian reads (pipelines.steps.supported_extensions)
ALLOWED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".shtml", ".docx", ".doc", ".wps", ".pdf")


def allowed_extensions() -> tuple[str, ...]:
    """The allowed upload types that a reader of this installation can read."""
    from pipelines.steps import supported_extensions

    readable = supported_extensions()
    return tuple(e for e in ALLOWED_EXTENSIONS if e in readable)


def store_upload(src: BinaryIO, filename: str, folder: Path, max_bytes: int = MAX_UPLOAD_BYTES) -> Path:
    """Copy an upload into `folder` as <sha256><ext>; refuses a disallowed type, an empty file
    and one larger than max_bytes (nothing is left behind then)."""
    ext = os.path.splitext(filename or "")[1].lower()
    allowed = allowed_extensions()
    if ext not in allowed:
        raise UploadRefused(f"{filename or '(no name)'}: 不支持的文件类型 {ext or '(无扩展名)'}；"
                            f"允许 {' '.join(allowed)}", 415)
    folder.mkdir(parents=True, exist_ok=True)
    h, size = hashlib.sha256(), 0
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as out:
            for block in iter(lambda: src.read(1 << 20), b""):
                size += len(block)
                if size > max_bytes:
                    raise UploadRefused(f"{filename}: 文件超过上限 {max_bytes // (1024 * 1024)} MB", 413)
                h.update(block)
                out.write(block)
        if size == 0:
            raise UploadRefused(f"{filename}: 空文件")
        dest = folder / f"{h.hexdigest()}{ext}"
        os.replace(tmp, dest)
        return dest
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class JobState:
    """The batch being ingested (or the last one): files done of total, each file's outcome."""

    id: int = 0
    running: bool = False
    total: int = 0
    done: int = 0
    current: str = ""
    results: list[dict] = field(default_factory=list)
    error: str = ""

    def as_dict(self) -> dict:
        return {"id": self.id, "running": self.running, "total": self.total, "done": self.done,
                "current": self.current, "results": list(self.results), "error": self.error}


class IngestWorker:
    """One thread ingesting queued batches of paths into the store, one batch at a time."""

    def __init__(self, store, store_location: str, limits: ReadLimits | None = None):
        self.store, self.location = store, store_location
        self.limits = limits  # the readers' limits of the app's settings
        self.state = JobState()
        self._queue: queue.Queue[tuple[int, list[Path]]] = queue.Queue()
        self._lock = threading.Lock()
        self._next = 0
        self._thread: threading.Thread | None = None
        self.on_change = lambda: None  # called after each batch (the app drops cached listings)

    def submit(self, paths: list[Path]) -> int:
        """Queue a batch; returns its id."""
        with self._lock:
            self._next += 1
            job = self._next
            self._queue.put((job, list(paths)))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="leian-web-ingest", daemon=True)
                self._thread.start()
        return job

    def pending(self) -> int:
        return self._queue.qsize()

    def wait(self, timeout: float = 60.0) -> bool:
        """Until the queue is empty and no batch runs (tests, shutdown); False on timeout."""
        import time

        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self._queue.unfinished_tasks == 0:
                return True
            time.sleep(0.05)
        return False

    def _run(self) -> None:
        while True:
            try:
                job, paths = self._queue.get(timeout=5)
            except queue.Empty:
                return
            try:
                self._ingest(job, paths)
            finally:
                self._queue.task_done()

    def _ingest(self, job: int, paths: list[Path]) -> None:
        from pipelines.ingest_run import in_process_lock
        from pipelines.steps import run_ingest

        self.state = st = JobState(id=job, running=True, total=len(paths))

        def progress(event) -> None:
            if event.kind == "start":
                st.total = event.total
            elif event.kind == "file":
                r = event.result
                st.done, st.current = event.done, Path(r.path).name
                st.results.append({"path": r.path, "outcome": r.outcome, "cases": r.cases, "error": r.error})

        try:
            with in_process_lock(self.store):
                run_ingest(paths, self.store, progress=progress, limits=self.limits)
        except Exception as exc:  # the store or the lock failed: the batch reports it, the worker goes on
            log.exception("web ingest batch %d failed", job)
            st.error = f"{type(exc).__name__}: {exc}"
        finally:
            st.running, st.current = False, ""
            self.on_change()
