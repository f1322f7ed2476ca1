"""The ingest steps as plain functions: discover → extract → index, and `run_ingest`.

Each step is small and says what it touches:
- `discover(paths, store)`   reads files and the ledger, writes nothing: which files are
                             new, changed, unchanged, to retry, or skipped (not a document);
                             a .zip stands for its members (`archive.zip!member.pdf`, each
                             with the sha256 of its own bytes; pipelines/archives.py);
- `extract_one(item)`        reads one file, writes nothing: a Document or a recorded failure;
- `index_batch(results, store)` writes: each document with its ledger row in one transaction,
                             each failure as a `failed` ledger row;
- `record_skipped(items, store)` writes `skipped` ledger rows;
- `run_ingest(paths, store)` runs them in order, one file at a time, and returns an
                             `IngestReport` (summary line, exit code).

The Prefect flows (pipelines/flows/) wrap exactly these functions as tasks; the CLI calls
`run_ingest` directly, so an interactive command never pays for a Prefect server.
"""
from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from config.errors import LeianError, ReadError
from extractors import EXTRACTOR_VERSION
from extractors.filehash import sha256_file
from extractors.model import Document
from extractors.readers import ReadLimits
from extractors.readers.archive import is_archive
from search.store import CaseStore, LedgerEntry

log = logging.getLogger(__name__)

Change = Literal["new", "changed", "unchanged", "retry", "skipped"]
Outcome = Literal["new", "updated", "unchanged", "failed", "skipped"]

# Files never taken for documents: editor/OS leftovers.
_IGNORED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass(frozen=True)
class FileItem:
    """One file found by `discover`, with what the ledger says about it."""

    path: str
    sha256: str
    size: int
    mtime: float
    change: Change
    reason: str = ""  # why skipped / why re-extracted
    previous_doc_id: str = ""
    archive: str = ""  # a member of this zip archive (path is `archive!member`)
    member: str = ""  # the member's name inside the zip
    error: str = ""  # known at discovery to be unreadable (a refused archive member): why

    @property
    def file(self) -> str:
        """The file on disk that holds this item: the archive of a member, else the path."""
        return self.archive or self.path


@dataclass
class Extracted:
    """The result of extracting one file: a document, or the reason it failed."""

    item: FileItem
    doc: Document | None = None
    error: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.doc is not None


@dataclass
class FileResult:
    """What happened to one file in a run."""

    path: str
    outcome: Outcome
    cases: int = 0
    error: str = ""
    seconds: float = 0.0
    doc_id: str = ""  # the stored document (identical copies at two paths share one)


@dataclass
class IngestReport:
    """The result of one ingest run: counts per outcome, failures, time."""

    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def cases(self) -> int:
        """Cases stored by this run; identical copies of one document count once."""
        by_doc: dict[str, int] = {}
        for i, r in enumerate(self.results):
            if r.outcome in ("new", "updated"):
                by_doc[r.doc_id or f"#{i}"] = r.cases
        return sum(by_doc.values())

    @property
    def failures(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome == "failed"]

    @property
    def exit_code(self) -> int:
        """0 when every file was stored, skipped or unchanged; 1 when some failed."""
        return 1 if self.failures else 0

    def summary_line(self) -> str:
        return (f"{len(self.results)} files: {self.count('new')} new, {self.count('updated')} updated, "
                f"{self.count('unchanged')} unchanged, {self.count('failed')} failed, "
                f"{self.count('skipped')} skipped; {self.cases} cases stored in {self.seconds:.1f}s")

    def as_dict(self) -> dict:
        return {"new": self.count("new"), "updated": self.count("updated"),
                "unchanged": self.count("unchanged"), "failed": self.count("failed"),
                "skipped": self.count("skipped"), "cases": self.cases, "seconds": round(self.seconds, 2),
                "failures": [{"path": r.path, "error": r.error} for r in self.failures]}


@dataclass(frozen=True)
class ProgressEvent:
    """Told to a progress callback: `start` (total known), `file` (one done), `done`."""

    kind: Literal["start", "file", "done"]
    total: int = 0
    done: int = 0
    result: FileResult | None = None
    report: IngestReport | None = None


ProgressFn = Callable[[ProgressEvent], None]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# ---------------------------------------------------------------------------- discover
def supported_extensions() -> frozenset[str]:
    """File extensions some reader declares (lower case, with the dot)."""
    from extractors import readers

    exts: set[str] = set()
    for reader in readers._registry():  # the registry is the one source of truth
        exts.update(e.lower() for e in getattr(reader, "extensions", ()))
    return frozenset(exts)


def _real_path(p: Path) -> Path:
    """The file a path names: symlinks followed; a broken link or a link loop is kept as the
    link's own absolute path, so it is recorded (and fails to read) under the name it has."""
    try:
        f = p.resolve(strict=True)
    except (OSError, RuntimeError):  # missing target, loop (RuntimeError before Python 3.13)
        return p.absolute()
    return f


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, bool]]:
    """Every file under the given files and folders (recursive, sorted), as (path, named):
    `named` is True for a file given by name. Hidden files and folders are left out of walks."""
    seen: set[Path] = set()
    for p in paths:
        p = Path(p).expanduser()
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith((".", "~$")) or name in _IGNORED_NAMES:
                        continue
                    f = _real_path(Path(root) / name)
                    if f not in seen:
                        seen.add(f)
                        yield f, False
        else:
            f = _real_path(p)
            if f not in seen:
                seen.add(f)
                yield f, True


def classify(path: Path, store: CaseStore, *, named: bool = True,
             extensions: frozenset[str] | None = None,
             extractor_version: str = EXTRACTOR_VERSION) -> FileItem:
    """What to do with one file, by its sha256 against the ledger. Reads only."""
    extensions = supported_extensions() if extensions is None else extensions
    spath = str(path)
    if not named and path.suffix.lower() not in extensions:
        return FileItem(spath, "", 0, 0.0, "skipped", f"not a document type leian reads ({path.suffix or 'no extension'})")
    try:
        st = path.stat()
        digest = sha256_file(path)
    except OSError as exc:
        # Unreadable files go to extraction, which records the reason.
        return FileItem(spath, "", 0, 0.0, "retry", f"cannot read: {exc.strerror or exc}")
    return against_ledger(FileItem(spath, digest, st.st_size, st.st_mtime, "new"), store,
                          named=named, extractor_version=extractor_version)


def against_ledger(item: FileItem, store: CaseStore, *, named: bool,
                   extractor_version: str = EXTRACTOR_VERSION) -> FileItem:
    """`item` (its sha256 known) with its change status by what the ledger holds for its path."""
    prev = store.ledger(item.path)
    if prev is None:
        return replace(item, change="new")
    if prev.status == "ok" and prev.sha256 == item.sha256:
        if prev.extractor_version and prev.extractor_version != extractor_version:
            return replace(item, change="changed", reason=f"extractor {prev.extractor_version} → {extractor_version}",
                           previous_doc_id=prev.doc_id)
        return replace(item, change="unchanged", previous_doc_id=prev.doc_id)
    if prev.status == "ok":
        return replace(item, change="changed", reason="content changed", previous_doc_id=prev.doc_id)
    if prev.status == "skipped" and prev.sha256 == item.sha256 and not named:
        return replace(item, change="skipped", reason=prev.error)
    # failed, pending (a run that stopped mid-way) or skipped: try again
    return replace(item, change="changed" if prev.doc_id else "retry", reason=f"previous status {prev.status}",
                   previous_doc_id=prev.doc_id)


def discover(paths: Sequence[str | Path], store: CaseStore,
             extractor_version: str = EXTRACTOR_VERSION, limits: ReadLimits | None = None) -> list[FileItem]:
    """Every file under `paths` with its change status against the ledger; a zip archive
    stands for its members (read within `limits`, default ReadLimits()). Writes nothing."""
    from pipelines.archives import archive_items

    exts = supported_extensions()
    items: list[FileItem] = []
    for p, named in iter_files(paths):
        if is_archive(p) and p.is_file():
            items.extend(archive_items(p, store, limits or ReadLimits(), extensions=exts,
                                       extractor_version=extractor_version))
        else:
            items.append(classify(p, store, named=named, extensions=exts, extractor_version=extractor_version))
    return items


# ---------------------------------------------------------------------------- extract
def extract_one(item: FileItem, limits: ReadLimits | None = None) -> Extracted:
    """Extract one file (or archive member) into a Document; a file that cannot be read
    becomes a failure with its reason (never an exception), so a batch goes on. `limits`: the
    readers' limits and OCR options (the caller's settings, ReadLimits.from_settings; default
    ReadLimits(), the documented defaults). Writes nothing but a member's temporary copy."""
    from extractors.pipeline import extract_file
    from pipelines.archives import member_bytes, member_suffix

    t0 = time.perf_counter()
    if item.error:
        return Extracted(item, error=item.error)
    try:
        limits = limits or ReadLimits()
        if item.archive:
            data = member_bytes(item, limits)
            with tempfile.TemporaryDirectory(prefix="leian-member-") as tmp:
                copy = Path(tmp) / f"member{member_suffix(item.path)}"  # never a name from the archive
                copy.write_bytes(data)
                doc = extract_file(copy, limits, digest=item.sha256)
        else:
            doc = extract_file(item.path, limits, digest=item.sha256)
    except ReadError as exc:
        return Extracted(item, error=exc.reason, seconds=time.perf_counter() - t0)
    except LeianError as exc:
        return Extracted(item, error=str(exc), seconds=time.perf_counter() - t0)
    except Exception as exc:  # an extractor bug must not stop the night's run: record it
        log.exception("extracting %s failed", item.path)
        return Extracted(item, error=f"extractor error: {type(exc).__name__}: {exc}",
                         seconds=time.perf_counter() - t0)
    doc.path = item.path
    return Extracted(item, doc=doc, seconds=time.perf_counter() - t0)


# ---------------------------------------------------------------------------- index
def ledger_entry(res: Extracted) -> LedgerEntry:
    """The ledger row for one extraction result."""
    item, doc = res.item, res.doc
    return LedgerEntry(
        path=item.path, sha256=doc.id if doc else item.sha256, size=item.size, mtime=item.mtime,
        status="ok" if doc else "failed", error=res.error,
        extractor_version=(doc.extractor_version if doc else "") or EXTRACTOR_VERSION,
        doc_id=doc.id if doc else item.previous_doc_id, cases=len(doc.cases) if doc else 0,
        seconds=round(res.seconds, 3), updated_at=_now(),
        ocr_pages=len(doc.ocr_pages) if doc else 0, ocr_confidence=doc.ocr_confidence if doc else None)


def index_batch(results: Sequence[Extracted], store: CaseStore) -> list[FileResult]:
    """Record each failure, then store the extracted documents with their ledger rows in one
    call (CaseStore.put_documents_recorded: each document replaces its path's earlier cases;
    one transaction per document on SQLite, bulk requests on Elasticsearch). Returns what
    happened, in the order of `results`."""
    out: dict[int, FileResult] = {}
    docs = [(k, res.doc) for k, res in enumerate(results) if res.doc is not None]
    for k, res in enumerate(results):
        if res.doc is None:
            # A path that names nothing (a typo on the command line) is reported, not recorded:
            # a ledger row would stay `failed` for ever with nothing to retry.
            if os.path.lexists(res.item.file):
                store.record(ledger_entry(res))
            log.info("%s failed: %s", res.item.path, res.error)
            out[k] = FileResult(res.item.path, "failed", 0, res.error, res.seconds)
    t0 = time.perf_counter()
    store.put_documents_recorded([(doc, ledger_entry(results[k])) for k, doc in docs])
    share = (time.perf_counter() - t0) / max(1, len(docs))  # the write's time, shared out
    for k, doc in docs:
        res = results[k]
        outcome: Outcome = "updated" if res.item.change == "changed" else "new"
        out[k] = FileResult(res.item.path, outcome, len(doc.cases), "", res.seconds + share, doc.id)
    return [out[k] for k in range(len(results))]


def record_skipped(items: Sequence[FileItem], store: CaseStore) -> list[FileResult]:
    """Write a `skipped` ledger row for files that are not documents leian reads."""
    out = []
    for item in items:
        if store.ledger(item.path) is None or store.ledger(item.path).status != "skipped":  # type: ignore[union-attr]
            store.record(LedgerEntry(path=item.path, sha256=item.sha256, size=item.size, mtime=item.mtime,
                                     status="skipped", error=item.reason, extractor_version=EXTRACTOR_VERSION,
                                     updated_at=_now()))
        out.append(FileResult(item.path, "skipped", error=item.reason))
    return out


def mark_pending(item: FileItem, store: CaseStore) -> None:
    """Ledger row `pending` before a file is extracted: a run killed mid-way leaves it, and
    the next run retries it. A path that names nothing gets no row (see index_batch)."""
    if not os.path.lexists(item.file):
        return
    store.record(LedgerEntry(path=item.path, sha256=item.sha256, size=item.size, mtime=item.mtime,
                             status="pending", extractor_version=EXTRACTOR_VERSION,
                             doc_id=item.previous_doc_id, updated_at=_now()))


# ---------------------------------------------------------------------------- run
def run_ingest(paths: Sequence[str | Path], store: CaseStore,
               progress: ProgressFn | None = None, limits: ReadLimits | None = None) -> IngestReport:
    """Ingest files and folders: unchanged files skipped, new and changed ones extracted and
    stored one transaction per document, failures recorded and the run goes on. `limits`: as
    for extract_one (entry points pass the settings' ones)."""
    t0 = time.perf_counter()
    report = IngestReport()
    limits = limits or ReadLimits()
    items = discover(paths, store, limits=limits)
    tell = progress or (lambda event: None)
    tell(ProgressEvent("start", total=len(items)))
    for n, item in enumerate(items, 1):
        if item.change == "unchanged":
            results = [FileResult(item.path, "unchanged")]
        elif item.change == "skipped":
            results = record_skipped([item], store)
        else:
            mark_pending(item, store)
            results = index_batch([extract_one(item, limits)], store)
        report.results.extend(results)
        tell(ProgressEvent("file", total=len(items), done=n, result=results[0]))
    report.seconds = time.perf_counter() - t0
    tell(ProgressEvent("done", total=len(items), done=len(items), report=report))
    log.info("ingest: %s", report.summary_line())
    return report
