"""The web application on an Elasticsearch store: the same routes through the CaseStore
interface (runs where a test node is configured, as in CI; skips otherwise)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.elasticsearch


def test_api_and_pages_on_elasticsearch(tmp_path, monkeypatch, web_corpus):
    from pipelines.steps import run_ingest
    from pipelines.web import create_app
    from search.backends.elastic.store import ElasticStore
    from tests.search.es_env import es_settings, es_url

    url = es_url()
    st = ElasticStore(url, settings=es_settings(url))
    monkeypatch.chdir(tmp_path)  # an Elasticsearch store's side files (users, audit log) go to ./leian-data
    try:
        assert run_ingest([web_corpus], st).exit_code == 0
        with TestClient(create_app(url, store=st), raise_server_exceptions=False) as c:
            res = c.get("/api/v1/search", params={"q": "礼金"}).json()
            assert res["total"] >= 2
            case_id = res["hits"][0]["case"]["id"]
            assert c.get(f"/api/v1/cases/{case_id}").json()["case"]["id"] == case_id
            page = c.get(f"/cases/{case_id}")
            assert page.status_code == 200 and '<mark class="person"' in page.text
            assert '<mark class="hit">' in c.get("/search", params={"q": "礼金"}).text
            assert c.get(f"/api/v1/cases/{case_id}/similar").status_code == 200
            assert {e["status"] for e in c.get("/api/v1/ledger").json()} == {"ok"}
            assert c.get("/api/v1/cases/0000000000000000-999").status_code == 404
    finally:
        st.drop()
        st.close()
