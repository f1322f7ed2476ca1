"""Two `leian ingest` runs at once into one Elasticsearch store — two processes, as two
machines would run them — are serialised by the store's own lock (a lease document in the
cluster, not a local file): every file is stored once, nothing is lost."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pipelines.conftest import write_good_files

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.elasticsearch, pytest.mark.slow]


def test_two_concurrent_ingests_into_one_elasticsearch_store_store_every_file_once(tmp_path):
    from search.backends.elastic.store import ElasticStore
    from tests.search.es_env import es_settings, es_url

    url = es_url()
    settings = es_settings(url)
    shared = write_good_files(tmp_path / "shared", count=6, prefix="shared")
    own = write_good_files(tmp_path / "own", count=9, prefix="own")  # texts 7–9: not copies of shared ones
    for copy in own[:6]:
        copy.unlink()
    own = own[6:]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update(PYTHONPATH=str(REPO), PREFECT_HOME=str(tmp_path / "prefect"), LEIAN_DATA_DIR=str(tmp_path / "data"),
               LEIAN_ES_USERNAME=settings.es_username, LEIAN_ES_INDEX_PREFIX=settings.es_index_prefix,
               LEIAN_ES_PASSWORD=settings.es_password.get_secret_value())
    runs = [[str(tmp_path / "shared")], [str(tmp_path / "shared"), str(tmp_path / "own")]]
    procs = [subprocess.Popen([sys.executable, "-m", "pipelines", "ingest", *paths, "--store", url, "--json"],
                              cwd=tmp_path, env={**env, "LEIAN_DATA_DIR": str(tmp_path / f"data-{k}")},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for k, paths in enumerate(runs)]
    try:
        outs = [p.communicate(timeout=600) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
        reports = [json.loads(out) for out, _ in outs]
        # one of them waited for the other: it says so, and finds the shared files done
        assert sum("another ingest run holds this store" in err for _, err in outs) == 1
        assert sum(r["new"] for r in reports) == len(shared) + len(own)
        assert sum(r["unchanged"] for r in reports) in (0, len(shared))
        with ElasticStore(url, settings) as st:
            ledger = {e.path: e.status for e in st.ledger_entries()}
            cases = [c.id for c in st.iter_cases()]
            assert ledger == {str(p): "ok" for p in shared + own}
            assert st.count_documents() == len(shared) + len(own)
            assert len(cases) == len(set(cases)) >= len(shared) + len(own)
            assert st.es.options(ignore_status=404).get(index=st.locks_index, id="ingest").get("found") is False
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
        with ElasticStore(url, settings) as st:
            st.drop()
