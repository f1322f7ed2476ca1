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


def test_corrections_on_elasticsearch(tmp_path, monkeypatch, web_corpus):
    """Add, list, revert, not-a-case and export through the API on an Elasticsearch store:
    the correction shows in the case, the filter and the case page."""
    import io
    import zipfile

    from pipelines.steps import run_ingest
    from pipelines.web import create_app
    from search.backends.elastic.store import ElasticStore
    from tests.search.es_env import es_settings, es_url

    url = es_url()
    st = ElasticStore(url, settings=es_settings(url))
    monkeypatch.chdir(tmp_path)
    try:
        assert run_ingest([web_corpus], st).exit_code == 0
        with TestClient(create_app(url, store=st), raise_server_exceptions=False) as c:
            token = c.get("/api/v1/session").json()["csrf_token"]
            head = {"X-CSRF-Token": token}
            case_id = c.get("/api/v1/search", params={"q": "医保基金"}).json()["hits"][0]["case"]["id"]
            bribery = c.get("/api/v1/search", params={"category": "bribery", "size": 0}).json()["total"]
            r = c.post(f"/api/v1/cases/{case_id}/corrections", json={"categories": ["bribery"]}, headers=head)
            assert r.status_code == 200, r.text
            assert c.get("/api/v1/search", params={"category": "bribery", "size": 0}).json()["total"] == bribery + 1
            assert "已更正" in c.get(f"/cases/{case_id}").text
            corr_id = r.json()["correction"]["id"]
            assert [h["id"] for h in c.get(f"/api/v1/cases/{case_id}/corrections").json()] == [corr_id]
            r = c.post(f"/api/v1/cases/{case_id}/corrections", json={"categories": ["nonsense"]}, headers=head)
            assert r.status_code == 400
            zf = zipfile.ZipFile(io.BytesIO(c.get("/api/v1/corrections/export").content))
            assert any(n.endswith(".gold.json") for n in zf.namelist())
            assert c.post(f"/api/v1/corrections/{corr_id}/revert", headers=head).status_code == 200
            r = c.post(f"/api/v1/cases/{case_id}/corrections", json={"not_a_case": True}, headers=head)
            assert r.status_code == 200 and r.json()["not_a_case"] is True
            assert c.get(f"/api/v1/cases/{case_id}").status_code == 404
            assert 'id="excluded"' in c.get(f"/cases/{case_id}").text
            assert c.post("/api/v1/corrections/nosuchid/revert", headers=head).status_code == 404
    finally:
        st.drop()
        st.close()
