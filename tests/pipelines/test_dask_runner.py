"""Scale-out: the ingest flow with prefect-dask's DaskTaskRunner on a local Dask cluster of
worker processes extracts in those processes and stores the same as the thread pool."""
from __future__ import annotations

import os

import pytest

from search.open import open_store
from tests.conftest import REPO
from tests.pipelines.conftest import write_bad_files, write_good_files

pytestmark = [pytest.mark.prefect, pytest.mark.slow]
MAIN_PID = os.getpid()


def test_ingest_on_a_local_dask_cluster(prefect_harness, tmp_path, monkeypatch):
    from distributed import LocalCluster
    from prefect_dask import DaskTaskRunner

    from config.settings import load_settings
    from pipelines.flows.ingest import ingest, task_runner  # imported before the settings name Dask

    # Worker processes must import this checkout's packages.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("LEIAN_TASK_RUNNER", "dask")
    assert isinstance(task_runner(load_settings()), DaskTaskRunner)

    inbox = tmp_path / "inbox"
    good = write_good_files(inbox, count=4)
    write_bad_files(inbox / "broken")
    store = str(tmp_path / "leian.db")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        # The settings name the runner: task_runner=dask on the cluster at dask_address, read
        # when the run starts (the flow module was imported long before).
        monkeypatch.setenv("LEIAN_DASK_ADDRESS", cluster.scheduler_address)
        state = ingest(paths=[str(inbox)], store=store, return_state=True)
        summary = state.result(raise_on_failure=False)
        assert state.is_completed(), state.message
        from distributed import Client

        with Client(cluster.scheduler_address) as client:
            # The tasks ran in the worker processes: each imported the steps and extractors.
            loaded = client.run(lambda: "pipelines.steps" in __import__("sys").modules
                                and os.getpid() != MAIN_PID)
        assert len(loaded) == 2 and all(loaded.values()), loaded

    with open_store(store) as st:
        ok = {e.path for e in st.ledger_entries("ok")}
        failed = {e.path for e in st.ledger_entries() if e.status in ("failed", "skipped")}
        cases = [c.id for c in st.iter_cases()]
    assert {str(p) for p in good} <= ok
    assert summary.new == len(ok) and len(summary.failed) + len(summary.skipped) == len(failed) == 4 - (len(ok) - 4)
    assert len(cases) == len(set(cases)) >= 4
