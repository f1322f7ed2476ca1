"""The `reindex` flow: bring the stored cases up to date with the current extractors and
taxonomy, and rebuild the search index.

- Every stored document (with `force=False`: only those extracted by another extractor
  version) is re-extracted from their source paths and
  replaced, with the same extraction and batched indexing tasks as the ingest flow.
  A source file that is gone or has changed since is left as stored and listed (a changed
  file is the ingest flow's job).
- Then the backend rebuilds its index when it has one to rebuild (CaseStore.rebuild_index:
  `reindex()` of the Elasticsearch store, a new index version behind the alias; the embedded
  store keeps its index up to date as it stores).
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from config.settings import Settings
from extractors import EXTRACTOR_VERSION
from extractors.filehash import sha256_file
from pipelines import steps
from pipelines.flows.ingest import (IngestSummary, extract_and_index, finish, flow_settings, retry_options, retryable,
                                    store_lock)
from search.open import open_store

LOCK_WAIT = 600.0  # seconds a reindex waits for a running ingest to finish


@task(name="find-stored-files", cache_policy=NO_CACHE, persist_result=False, retries=4,
      retry_delay_seconds=[2, 4, 8, 16], retry_condition_fn=retryable)
def find_stored(settings: Settings, force: bool) -> tuple[list[steps.FileItem], list[steps.FileResult]]:
    """Stored files to re-extract — extracted by another extractor version, or all of them
    with `force` — and those that cannot be (source gone, or changed since: ingest's job)."""
    todo: list[steps.FileItem] = []
    cannot: list[steps.FileResult] = []
    with open_store(settings.store, settings) as st:
        entries = st.ledger_entries("ok")
    for e in entries:
        if not force and e.extractor_version == EXTRACTOR_VERSION:
            continue
        p = Path(e.path)
        if not p.is_file():
            cannot.append(steps.FileResult(e.path, "skipped", error="source file gone; stored cases kept"))
            continue
        stat = p.stat()
        if sha256_file(p) != e.sha256:
            cannot.append(steps.FileResult(e.path, "skipped",
                                           error="source changed since stored; the next ingest updates it"))
            continue
        todo.append(steps.FileItem(e.path, e.sha256, stat.st_size, stat.st_mtime, "changed",
                                   "reindex" if force else f"extractor {e.extractor_version} → {EXTRACTOR_VERSION}",
                                   e.doc_id))
    return todo, cannot


@task(name="rebuild-index", cache_policy=NO_CACHE, persist_result=False, retries=4,
      retry_delay_seconds=[2, 4, 8, 16], retry_condition_fn=retryable)
def rebuild_index(settings: Settings) -> str:
    """Ask the backend to rebuild its search index (CaseStore.rebuild_index); says what was done."""
    with open_store(settings.store, settings) as st:
        done = st.rebuild_index()
        if done is not None:
            return f"{type(st).__name__}.{done}"
        return f"{type(st).__name__} keeps its index up to date as it stores (nothing to rebuild)"


@flow(name="reindex", validate_parameters=True)
def reindex(store: str | None = None, force: bool = True, rebuild: bool = True,
            batch_size: int | None = None) -> Any:
    """Re-extract the stored documents (only those of another extractor version unless
    `force`) from their source files, then rebuild the store's search index. The settings
    are read once, here, and passed to every task."""
    settings = flow_settings(store, ingest_batch_size=batch_size or None)
    logger = get_run_logger()
    started = time.monotonic()
    retry = retry_options(settings)
    with store_lock(settings, LOCK_WAIT):
        todo, cannot = find_stored.with_options(**retry)(settings, force)
        logger.info("%d documents to re-extract, %d cannot be", len(todo), len(cannot))
        summary = IngestSummary(store=settings.store, results=list(cannot))
        extract_and_index(todo, settings, summary)
        rebuilt = rebuild_index.with_options(**retry)(settings) if rebuild and not summary.pending else ""
    summary.seconds = time.monotonic() - started
    if rebuilt:
        logger.info("index: %s", rebuilt)
    return finish(summary, "reindex-summary", "Reindex")
