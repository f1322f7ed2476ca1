"""steps.index_batch stores a batch of extracted files with one store call: every document
with its ledger row, every failure recorded, results in the order of the batch; on
Elasticsearch the documents of a batch travel in one bulk request, not one per document."""
from __future__ import annotations

import pytest

from pipelines.steps import discover, extract_one, index_batch
from search.backends.sqlite.store import SqliteStore
from tests.pipelines.conftest import write_good_files


def _extracted(folder, store):
    (folder / "empty.txt").write_bytes(b"")
    return [extract_one(item) for item in discover([folder], store)]


def test_a_batch_is_stored_with_its_ledger_rows_and_failures_in_order(tmp_path):
    folder = tmp_path / "in"
    write_good_files(folder, count=3)
    with SqliteStore(tmp_path / "leian.db") as st:
        results = _extracted(folder, st)
        out = index_batch(results, st)
        assert [r.path for r in out] == [r.item.path for r in results]
        assert sorted(r.outcome for r in out) == ["failed", "new", "new", "new"]
        assert st.count_documents() == 3
        ledger = {e.path: e.status for e in st.ledger_entries()}
        assert ledger == {r.item.path: ("ok" if r.doc else "failed") for r in results}
        assert all(r.cases >= 1 and r.doc_id for r in out if r.outcome == "new")


@pytest.mark.elasticsearch
def test_elasticsearch_gets_one_bulk_request_for_the_whole_batch(tmp_path):
    from search.backends.elastic.store import ElasticStore
    from tests.search.es_env import es_settings, es_url
    from tests.search.es_proxy import FlakyProxy

    url = es_url()
    folder = tmp_path / "in"
    write_good_files(folder, count=6)
    with FlakyProxy(url) as proxy, ElasticStore(proxy.url, es_settings(url)) as st:
        try:
            results = _extracted(folder, st)
            before = len(proxy.requests)
            out = index_batch(results, st)
            bulks = [p for _, p, _ in proxy.requests[before:] if "/_bulk" in p]
            assert sorted(r.outcome for r in out).count("new") == 6 and st.count_documents() == 6
            # cases and documents in one request, the ledger rows (6 stored + 1 failure) in a
            # few more: never one request per document
            assert len(bulks) <= 3, bulks
            assert {e.status for e in st.ledger_entries()} == {"ok", "failed"}
        finally:
            st.drop()
