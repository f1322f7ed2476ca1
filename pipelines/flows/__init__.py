"""Prefect flows: thin wrappers that run the plain steps of `pipelines.steps` as tasks.

- `ingest`: watched folders → new/changed files → extraction mapped per file → indexing in
  batches, with retries on the store I/O and a markdown artifact summarising the run.
- `reindex`: rebuild the index from the stored documents (after a taxonomy or extractor
  change).
- `summaries`: write the class-case summaries configured in settings.

Importing this package does not import Prefect; import the submodules for the flows.
"""
from __future__ import annotations

from typing import Any


def build_task_runner(kind: str = "threads", max_workers: int = 2, dask_address: str = "") -> Any:
    """The task runner named by the settings: a bounded thread pool by default, prefect-dask's
    DaskTaskRunner for `dask` (on the cluster at `dask_address`, or a LocalCluster)."""
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": max_workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    if kind != "threads":
        from config.errors import ConfigError

        raise ConfigError(f"task_runner must be 'threads' or 'dask', not {kind!r}")
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=max(1, max_workers))
