"""The `ingest` flow: watched folders → new/changed files → extraction per file → indexing.

Tasks are thin typed wrappers around the plain steps of `pipelines.steps` — the very code
`leian ingest` runs in-process when no Prefect API is configured:

- `discover-files` lists the files and classifies them by sha256 against the ledger;
- `mark-pending` writes a `pending` ledger row for every file about to be extracted;
- `extract-file` runs once per file on the task runner (threads, or Dask); a file that
  cannot be read comes back as a failure with its reason, it does not fail the task;
- `index-batch` stores a batch of documents and the batch's ledger rows.

Every task that reads or writes the store is retried with exponential back-off
(settings.store_retries, store_retry_delay). When a batch's retries are exhausted its
files stay `pending` in the ledger — the next run picks them up — and the run ends Failed.
One run per store at a time (CaseStore.ingest_lock, held by the store: a lock file beside an
embedded store, a leased lock document in Elasticsearch): a second run started meanwhile, on
this machine or another, does nothing and says so. The run returns an IngestSummary and publishes it as a markdown
artifact (key `ingest-summary`).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.utilities.annotations import unmapped
from prefect.states import Completed, Failed, State

from config.errors import ConfigError, IngestBusy, LeianError, StoreError
from config.settings import Settings, load_settings, with_store
from extractors.readers import ReadLimits
from pipelines import steps
from pipelines.flows import build_task_runner
from search.open import open_store
from search.store import CaseStore

log = logging.getLogger(__name__)

# Tasks carry documents with their full text: never cache or persist them.
_NO_RESULTS: dict[str, Any] = {"cache_policy": NO_CACHE, "persist_result": False}


def retryable(task: Any, task_run: Any, state: State) -> bool:
    """Retry a failed store task when the store failed (StoreError, OSError, a driver's
    connection error: an unreachable or busy store can come back), not when leian refused
    on purpose (a bad setting, an unknown class: retrying cannot help)."""
    exc = state.data.result if hasattr(state.data, "result") and not isinstance(state.data, BaseException) else state.data
    return transient(exc)


def transient(exc: object) -> bool:
    """Whether a failure may pass: the store failed (StoreError, OSError, a driver's error),
    rather than leian refusing on purpose (any other LeianError)."""
    return not (isinstance(exc, LeianError) and not isinstance(exc, StoreError))


_STORE_RETRIES: dict[str, Any] = {"retries": 4, "retry_delay_seconds": [2, 4, 8, 16], "retry_jitter_factor": 0.2,
                                  "retry_condition_fn": retryable}
TODO = ("new", "changed", "retry")
WINDOW_BATCHES = 5  # extraction tasks in flight or done-but-unindexed: at most 5 index batches' worth


@dataclass
class IngestSummary:
    """What one ingest (or reindex) run did: the steps' per-file results, the files left
    pending because the store could not be written, and whether the run was skipped."""

    store: str
    results: list[steps.FileResult] = field(default_factory=list)
    pending: list[steps.FileResult] = field(default_factory=list)  # outcome "failed", error = why
    busy: str = ""  # set when another run held the store's ingest lock
    seconds: float = 0.0

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def new(self) -> int:
        return self.count("new")

    @property
    def updated(self) -> int:
        return self.count("updated")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def failed(self) -> list[steps.FileResult]:
        return [r for r in self.results if r.outcome == "failed"]

    @property
    def skipped(self) -> list[steps.FileResult]:
        return [r for r in self.results if r.outcome == "skipped"]

    @property
    def cases(self) -> int:
        return sum(r.cases for r in self.results if r.outcome in ("new", "updated"))

    @property
    def exit_code(self) -> int:
        """0 all stored or unchanged; 1 some files failed; 4 some left pending or run skipped."""
        if self.pending or self.busy:
            return 4
        return 1 if self.failed else 0

    def line(self) -> str:
        if self.busy:
            return f"skipped: {self.busy}"
        text = (f"{len(self.results) + len(self.pending)} files: {self.new} new, {self.updated} updated, "
                f"{self.unchanged} unchanged, {len(self.failed)} failed, {len(self.skipped)} skipped")
        if self.pending:
            text += f", {len(self.pending)} pending (store unavailable)"
        return text + f"; {self.cases} cases stored in {self.seconds:.1f}s"

    def as_dict(self) -> dict[str, Any]:
        """The `leian ingest --json` report (the in-process report's keys, plus pending/busy)."""
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "failed": len(self.failed), "skipped": len(self.skipped), "pending": len(self.pending),
                "cases": self.cases, "seconds": round(self.seconds, 2), "busy": self.busy,
                "failures": [{"path": r.path, "error": r.error} for r in self.failed],
                "pending_files": [{"path": r.path, "error": r.error} for r in self.pending]}

    def markdown(self, title: str = "Ingest") -> str:
        """The summary as the markdown of the run's artifact."""
        out = [f"# {title} of `{self.store}`", ""]
        if self.busy:
            return "\n".join(out + [f"**Skipped:** {self.busy}", ""])
        out += ["| new | updated | unchanged | failed | skipped | pending | cases |",
                "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
                f"| {self.new} | {self.updated} | {self.unchanged} | {len(self.failed)} | {len(self.skipped)} "
                f"| {len(self.pending)} | {self.cases} |", "", f"{self.line()}"]
        for heading, rows in (("Failed files (recorded in the ledger with their reason)", self.failed),
                              ("Pending files (not stored: the next run picks them up)", self.pending),
                              ("Skipped files (not a document type leian reads)", self.skipped)):
            if rows:
                out += ["", f"## {heading}", "", "| file | reason |", "| --- | --- |"]
                out += [f"| `{r.path}` | {_cell(r.error)} |" for r in rows]
        return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def flow_settings(store: str | None = None, **overrides: Any) -> Settings:
    """A flow run's settings, read once as it starts: the worker's LEIAN_* environment and
    config file, with the run's parameters (its store, batch size) over them. The run passes
    them to its tasks; nothing below reads the environment again."""
    return with_store(load_settings(**{k: v for k, v in overrides.items() if v is not None}), store or None)


def _open(settings: Settings) -> CaseStore:
    return open_store(settings.store, settings)


@task(name="discover-files", **_NO_RESULTS, **_STORE_RETRIES)
def discover_files(settings: Settings, paths: list[str]) -> list[steps.FileItem]:
    """Every file under `paths`, classified new/changed/unchanged/retry/skipped by sha256
    against the ledger of the settings' store."""
    with _open(settings) as st:
        return steps.discover(paths, st, limits=ReadLimits.from_settings(settings))


@task(name="mark-pending", **_NO_RESULTS, **_STORE_RETRIES)
def mark_pending(settings: Settings, items: list[steps.FileItem]) -> None:
    """Ledger rows `pending` for the files about to be extracted (a run that stops mid-way
    leaves them pending, and the next run takes them again)."""
    with _open(settings) as st:
        for item in items:
            steps.mark_pending(item, st)


@task(name="record-skipped", **_NO_RESULTS, **_STORE_RETRIES)
def record_skipped(settings: Settings, items: list[steps.FileItem]) -> list[steps.FileResult]:
    """Ledger rows `skipped` for files that are not a document type leian reads."""
    with _open(settings) as st:
        return steps.record_skipped(items, st)


@task(name="extract-file", task_run_name="extract {item.path}", **_NO_RESULTS)
def extract_file(item: steps.FileItem, limits: ReadLimits) -> steps.Extracted:
    """One file → its Document (read within the run's `limits`), or the reason it could not be read."""
    return steps.extract_one(item, limits)


@task(name="index-batch", **_NO_RESULTS, **_STORE_RETRIES)
def index_batch(settings: Settings, batch: list[steps.Extracted]) -> list[steps.FileResult]:
    """Store a batch of documents, each with its ledger row; record the batch's failures."""
    with _open(settings) as st:
        return steps.index_batch(batch, st)


def retry_options(settings: Settings) -> dict[str, Any]:
    """Retries of the store tasks from the settings: store_retries, doubling from store_retry_delay."""
    delays = [settings.store_retry_delay * 2**i for i in range(settings.store_retries)]
    return {"retries": settings.store_retries, "retry_delay_seconds": delays or 0}


@contextmanager
def store_lock(settings: Settings, wait: float) -> Iterator[None]:
    """Hold the ingest lock of the settings' store (CaseStore.ingest_lock) for a flow run. Opening the store
    is retried like the store tasks (store_retries, doubling from store_retry_delay), so a
    store down for a while delays the run rather than failing it; IngestBusy is not retried."""
    delays = [settings.store_retry_delay * 2**i for i in range(settings.store_retries)]
    for attempt in range(len(delays) + 1):
        try:
            st = _open(settings)
            break
        except Exception as exc:
            if not transient(exc) or attempt == len(delays):
                raise
            get_run_logger().warning("cannot open the store to take its ingest lock (%s); again in %.1f s",
                                     exc, delays[attempt])
            time.sleep(delays[attempt])
    with st, st.ingest_lock(wait=wait):
        yield


def extract_and_index(items: list[steps.FileItem], settings: Settings, summary: IngestSummary) -> None:
    """Extract `items` on the task runner the settings name (built now, for this run: threads,
    or Dask) and index them in batches of settings.ingest_batch_size as they complete (the
    flow's thread indexes while the runner extracts), adding the results to `summary`."""
    logger = get_run_logger()
    indexer = index_batch.with_options(**retry_options(settings))
    limits = ReadLimits.from_settings(settings)
    batch_size = settings.ingest_batch_size

    def flush(batch: list[steps.Extracted]) -> None:
        state = indexer(settings, batch, return_state=True)
        if state.is_completed():
            summary.results.extend(state.result())
            return
        reason = f"store unavailable after {settings.store_retries} retries: {state.message or state.name}"
        logger.error("%d files left pending: %s", len(batch), reason)
        summary.pending.extend(steps.FileResult(e.item.path, "failed", error=reason) for e in batch)

    batch: list[steps.Extracted] = []
    # Extractions are submitted a window at a time, so a night with thousands of files never
    # holds more than a window of extracted documents in memory.
    window = max(batch_size * WINDOW_BATCHES, 1)
    with task_runner(settings) as runner:
        for start in range(0, len(items), window):
            futures = list(runner.map(extract_file, {"item": items[start:start + window], "limits": unmapped(limits)}))
            item_of = dict(zip(futures, items[start:start + window]))
            for fut in as_completed(futures):
                item = item_of.pop(fut)
                result = fut.result(raise_on_failure=False)
                if isinstance(result, steps.Extracted):
                    batch.append(result)
                else:  # the runner lost the task (a Dask worker died…): the file fails, the run goes on
                    batch.append(steps.Extracted(item, error=f"extraction did not finish: {type(result).__name__}: {result}"))
                if len(batch) >= batch_size:
                    flush(batch)
                    batch = []
            del futures
    if batch:
        flush(batch)


def task_runner(settings: Settings) -> Any:
    """The extraction tasks' runner the settings name (task_runner, max_workers,
    dask_address), built when a run needs it — not when this module is imported."""
    return build_task_runner(settings.task_runner, settings.max_workers, settings.dask_address)


def _ingest(paths: list[str], settings: Settings) -> IngestSummary:
    """The flow's body, run while it holds the store's ingest lock."""
    started = time.monotonic()
    retry = retry_options(settings)
    items = discover_files.with_options(**retry)(settings, paths)
    summary = IngestSummary(store=settings.store)
    todo = [i for i in items if i.change in TODO]
    skipped = [i for i in items if i.change == "skipped"]
    summary.results.extend(steps.FileResult(i.path, "unchanged") for i in items if i.change == "unchanged")
    get_run_logger().info("%d files: %d to extract, %d unchanged, %d skipped",
                          len(items), len(todo), summary.unchanged, len(skipped))
    if skipped:
        summary.results.extend(record_skipped.with_options(**retry)(settings, skipped))
    if todo:
        marked = mark_pending.with_options(**retry)(settings, todo, return_state=True)
        if marked.is_completed():
            extract_and_index(todo, settings, summary)
        else:
            reason = f"store unavailable after {settings.store_retries} retries: {marked.message or marked.name}"
            summary.pending.extend(steps.FileResult(i.path, "failed", error=reason) for i in todo)
    summary.seconds = time.monotonic() - started
    return summary


def finish(summary: IngestSummary, key: str, title: str) -> State:
    """Publish the summary as the run's markdown artifact; the run's final state carries it."""
    create_markdown_artifact(markdown=summary.markdown(title), key=key, description=summary.line())
    if summary.pending:
        return Failed(message=f"{len(summary.pending)} files pending, the store could not be written: "
                              f"{summary.pending[0].error}", data=summary)
    return Completed(message=summary.line(), data=summary)


@flow(name="ingest", validate_parameters=True)
def ingest(paths: list[str] | None = None, store: str | None = None, batch_size: int | None = None,
           lock_wait: float = 0.0) -> Any:
    """Ingest the new and changed files of `paths` (default: the watched folders) into the
    store; when another run holds the store, wait up to `lock_wait` seconds, then skip.
    The settings are read once, here (flow_settings), and passed to every task."""
    settings = flow_settings(store, ingest_batch_size=batch_size or None)
    paths = [str(Path(p).expanduser()) for p in (paths or settings.watch)]
    if not paths:
        raise ConfigError("nothing to ingest: no paths given and no watched folders (LEIAN_WATCH / `watch:`)")
    try:
        with store_lock(settings, lock_wait):
            summary = _ingest(paths, settings)
    except IngestBusy as busy:
        get_run_logger().warning(str(busy))
        summary = IngestSummary(store=settings.store, busy=str(busy))
    return finish(summary, "ingest-summary", "Ingest")
