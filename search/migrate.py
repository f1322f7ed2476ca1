"""Copy one store into another (an embedded store into Elasticsearch, for a user who
outgrows one machine): the analysts' corrections, every document with its cases as extracted
and its paths, then the ledger.

A ledger row is written only once its document is confirmed in the target, so an
interrupted migration is simply run again: ids are deterministic, nothing doubles.
"""
from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from extractors.model import Document
from search.store import CaseStore, LedgerEntry

log = logging.getLogger(__name__)

BATCH = 100


@dataclass
class MigrateReport:
    documents: int = 0
    cases: int = 0
    ledger_rows: int = 0
    missing: int = 0  # ledger rows naming a document the source no longer has
    corrections: int = 0  # entries of the corrections history

    def summary_line(self) -> str:
        extra = f", {self.missing} ledger rows without their document" if self.missing else ""
        fixes = f", {self.corrections} corrections" if self.corrections else ""
        return f"copied {self.documents} documents, {self.cases} cases{fixes}, {self.ledger_rows} ledger rows{extra}"


def _documents(src: CaseStore, ledger: list[LedgerEntry], report: MigrateReport,
               corrected: Iterable[str] = ()) -> Iterator[tuple[Document, list[str]]]:
    """Each source document once, with every path the ledger (or the document) names for it;
    `corrected`: ids of documents with corrections (one whose cases are all withheld has no
    stored case to find it by)."""
    paths: dict[str, list[str]] = {}
    for e in ledger:
        if e.status == "ok" and e.doc_id:
            paths.setdefault(e.doc_id, []).append(e.path)
    seen: set[str] = set()
    order = list(paths)
    for doc_id in itertools.chain((c.doc_id for c in src.iter_cases()), corrected):
        if doc_id not in paths:
            paths[doc_id] = []
            order.append(doc_id)
    for doc_id in order:
        if doc_id in seen:
            continue
        seen.add(doc_id)
        doc = src.extracted_document(doc_id)
        if doc is None:
            report.missing += 1
            log.warning("migrate: the ledger or a correction names document %s, which the source store does not have", doc_id)
            continue
        yield doc, sorted(set(paths[doc_id]) | {doc.path})


def copy_store(src: CaseStore, dst: CaseStore, progress: Callable[[MigrateReport], None] | None = None) -> MigrateReport:
    """Copy documents, cases, corrections and ledger from `src` into `dst` (idempotent): the
    corrections first, so each document's cases are stored with them applied."""
    report = MigrateReport()
    history = src.corrections()
    dst.import_corrections(history)
    report.corrections = len(history)
    ledger = src.ledger_entries()
    batch: list[Document] = []

    def flush() -> None:
        dst.put_documents(batch)
        report.documents += len({d.id for d in batch})
        if progress:
            progress(report)
        batch.clear()

    for doc, paths in _documents(src, ledger, report, sorted({c.attached_doc for c in history})):
        report.cases += len(doc.cases)
        for i, path in enumerate(paths):
            batch.append(doc if i == 0 else doc.model_copy(update={"path": path}))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    dst.record_many(ledger)
    report.ledger_rows = len(ledger)
    return report
