"""The ingest flow against a real Elasticsearch node that refuses writes for a while (a
real loopback proxy answering 503, as a restarting cluster does): the index tasks retry
and the run ends with every file stored once."""
from __future__ import annotations

import pytest

from tests.pipelines.conftest import write_good_files
from tests.search.es_env import es_settings, es_url
from tests.search.es_proxy import FlakyProxy

pytestmark = [pytest.mark.prefect, pytest.mark.elasticsearch]


def test_es_down_for_a_while_mid_run(prefect_harness, tmp_path, monkeypatch):
    url = es_url()
    settings = es_settings(url, es_retries=0)  # the store gives up at once: the flow's retries do the work
    for name in ("es_username", "es_index_prefix"):
        monkeypatch.setenv(f"LEIAN_{name.upper()}", getattr(settings, name))
    monkeypatch.setenv("LEIAN_ES_PASSWORD", settings.es_password.get_secret_value())
    monkeypatch.setenv("LEIAN_ES_RETRIES", "0")
    monkeypatch.setenv("LEIAN_STORE_RETRIES", "3")
    monkeypatch.setenv("LEIAN_STORE_RETRY_DELAY", "0.2")
    from pipelines.flows.ingest import ingest
    from search.open import open_store

    inbox = tmp_path / "inbox"
    files = write_good_files(inbox, count=4)
    try:
        with FlakyProxy(url, status=503, fail_path="/_bulk", fail_times=2) as proxy:
            state = ingest(paths=[str(inbox)], store=proxy.url, batch_size=2, return_state=True)
            refused = sum(1 for _, p, s in proxy.requests if "/_bulk" in p and s == 503)
        summary = state.result(raise_on_failure=False)
        assert refused == 2, "the node never refused a write: the test proves nothing"
        assert state.is_completed(), state.message
        assert summary.new == 4 and summary.pending == []
        with open_store(url, settings) as st:
            ledger = {e.path: e.status for e in st.ledger_entries()}
            cases = [c.id for c in st.iter_cases()]
        assert all(ledger[str(p)] == "ok" for p in files)
        assert len(cases) == len(set(cases)) >= 4
    finally:
        with open_store(url, settings) as st:
            st.drop()
