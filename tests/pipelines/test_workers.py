"""Scale-out: two Prefect process workers of one work pool, each with its own data folder (two
machines), run the ingest flow at once into one Elasticsearch store — the store's lock serialises
them, every file is stored once and nothing is lost."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.pipelines.conftest import write_good_files

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.elasticsearch, pytest.mark.prefect, pytest.mark.slow]
POOL = "leian-scale-out"


def test_two_process_workers_of_one_pool_ingest_every_file_once(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.settings import PREFECT_API_URL

    from search.backends.elastic.store import ElasticStore
    from tests.search.es_env import es_settings, es_url

    url = es_url()
    settings = es_settings(url)
    shared = write_good_files(tmp_path / "shared", count=4, prefix="shared")
    with get_client(sync_client=True) as client:
        client.create_work_pool(WorkPoolCreate(name=POOL, type="process"), overwrite=True)
        deployment = client.create_deployment(
            flow_id=client.create_flow_from_name("ingest"), name="scale-out", work_pool_name=POOL,
            entrypoint="pipelines/flows/ingest.py:ingest", path=str(REPO),
            pull_steps=[{"prefect.deployments.steps.set_working_directory": {"directory": str(REPO)}}])
        # both runs ingest the same folder: whichever comes second waits for the lock, then finds
        # every file already stored
        # one queue of the pool per machine, so each run is known to run on its own worker
        runs = [client.create_flow_run_from_deployment(
            deployment, parameters={"paths": [str(tmp_path / "shared")], "store": url, "lock_wait": 300},
            work_queue_name=f"machine-{k}") for k in range(2)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update(PREFECT_API_URL=PREFECT_API_URL.value(), PREFECT_WORKER_QUERY_SECONDS="1", PYTHONUNBUFFERED="1",
               PREFECT_WORKER_PREFETCH_SECONDS="1", PYTHONPATH=str(REPO),
               LEIAN_ES_USERNAME=settings.es_username, LEIAN_ES_INDEX_PREFIX=settings.es_index_prefix,
               LEIAN_ES_PASSWORD=settings.es_password.get_secret_value())
    prefect = Path(sys.executable).with_name("prefect")
    logs = [tmp_path / f"worker-{k}.log" for k in range(2)]
    workers: list[subprocess.Popen] = []
    # The test holds the store's ingest lock until both runs are running, so they overlap
    # whatever the machine's speed: both wait, then one ingests while the other waits on.
    held = ElasticStore(url, settings)
    lock = held.ingest_lock(wait=30)
    lock.__enter__()
    holding = True
    try:
        for k, log in enumerate(logs):
            workers.append(subprocess.Popen(
                [str(prefect), "worker", "start", "--pool", POOL, "--work-queue", f"machine-{k}", "--type", "process",
                 "--limit", "1", "--name", f"machine-{k}"], cwd=tmp_path,
                env={**env, "LEIAN_DATA_DIR": str(tmp_path / f"data-{k}"), "PREFECT_HOME": str(tmp_path / f"prefect-{k}")},
                stdout=log.open("w"), stderr=subprocess.STDOUT))
            # one at a time: a starting worker writes the pool's job template, and the test
            # server's SQLite database takes one writer
            started = time.monotonic()
            while "started" not in log.read_text(encoding="utf-8", errors="replace") and time.monotonic() - started < 60:
                time.sleep(0.5)
        deadline = time.monotonic() + 480
        with get_client(sync_client=True) as client:
            while not all((s := client.read_flow_run(r.id).state) is not None and (s.is_running() or s.is_final())
                          for r in runs) and time.monotonic() < deadline:
                time.sleep(1)
            lock.__exit__(None, None, None)
            holding = False
            while True:
                states = [client.read_flow_run(r.id).state for r in runs]
                if all(s is not None and s.is_final() for s in states) or time.monotonic() > deadline:
                    break
                time.sleep(2)
        text = [log.read_text(encoding="utf-8", errors="replace") for log in logs]
        assert all(s is not None and s.is_completed() for s in states), \
            [s.name if s else None for s in states] + [t[-2000:] for t in text]
        with get_client(sync_client=True) as client:
            done = [client.read_flow_run(r.id) for r in runs]
        assert [d.work_queue_name for d in done] == ["machine-0", "machine-1"]
        # the two runs overlapped: the second started before the first ended (both waited for the lock)
        spans = sorted((d.start_time, d.end_time) for d in done)
        assert spans[1][0] < spans[0][1], spans
        with ElasticStore(url, settings) as st:
            ledger = {e.path: e.status for e in st.ledger_entries()}
            cases = [c.id for c in st.iter_cases()]
            assert ledger == {str(p): "ok" for p in shared}
            assert st.count_documents() == len(shared)
            assert len(cases) == len(set(cases)) >= len(shared)
            assert st.es.options(ignore_status=404).get(index=st.locks_index, id="ingest").get("found") is False
    finally:
        if holding:
            lock.__exit__(None, None, None)
        held.close()
        for w in workers:
            w.terminate()
        for w in workers:
            try:
                w.wait(timeout=30)
            except subprocess.TimeoutExpired:
                w.kill()
        with ElasticStore(url, settings) as st:
            st.drop()
