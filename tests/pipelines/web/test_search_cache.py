"""The web app's cache of recent search results (pipelines/web/search_cache.py): a cached
answer equals the store's own, and any write to the store — a correction through the API,
an ingest by another process's connection — is seen by the very next request."""
from __future__ import annotations

from search.backends.sqlite.store import SqliteStore
from search.corrections import Changes
from search.store import SearchQuery
from tests.pipelines.web.conftest import csrf_of

API = "/api/v1"


def _plain(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "took_ms"}


def test_cached_answers_equal_the_store_and_count_as_hits(client, store_copy):
    cache = client.app.state.ctx.searches
    params = {"q": "礼金", "sort": "amount"}
    first = client.get(f"{API}/search", params=params).json()
    misses = cache.misses
    again = client.get(f"{API}/search", params=params).json()
    assert cache.misses == misses and cache.hits >= 1
    page = client.get("/search", params=params)  # the page takes the same result
    assert page.status_code == 200 and cache.misses == misses
    with SqliteStore(store_copy) as st:
        fresh = st.search(SearchQuery(text="礼金", sort="amount")).model_dump(mode="json")
    assert _plain(first) == _plain(again) == _plain(fresh) and first["total"] >= 1


def test_a_correction_through_the_api_is_seen_by_the_next_search(client):
    params = {"q": "低保", "size": 50}
    before = client.get(f"{API}/search", params=params).json()
    client.get(f"{API}/search", params=params)  # cached now
    case = before["hits"][0]["case"]
    assert "bribery" not in [c["code"] for c in case["categories"]]
    r = client.post(f"{API}/cases/{case['id']}/corrections", json={"categories": ["bribery"]},
                    headers={"X-CSRF-Token": csrf_of(client)})
    assert r.status_code == 200, r.text
    after = client.get(f"{API}/search", params=params).json()
    hit = next(h for h in after["hits"] if h["case"]["id"] == case["id"])
    assert [c["code"] for c in hit["case"]["categories"]] == ["bribery"]
    counts = {f["value"]: f["count"] for f in after["facets"]["category"]}
    old = {f["value"]: f["count"] for f in before["facets"]["category"]}
    assert counts.get("bribery", 0) == old.get("bribery", 0) + 1


def test_a_write_by_another_connection_is_seen_by_the_next_search(client, store_copy):
    cache = client.app.state.ctx.searches
    params = {"q": "低保"}
    first = client.get(f"{API}/search", params=params).json()
    client.get(f"{API}/search", params=params)
    case_id = first["hits"][0]["case"]["id"]
    with SqliteStore(store_copy) as other:  # as `leian corrections` or an ingest in another process
        other.add_correction(case_id, Changes(not_a_case=True), user="cli")
    misses = cache.misses
    after = client.get(f"{API}/search", params=params).json()
    assert cache.misses == misses + 1
    assert after["total"] == first["total"] - 1 and case_id not in [h["case"]["id"] for h in after["hits"]]


def test_size_zero_turns_it_off(store_copy):
    from fastapi.testclient import TestClient

    from pipelines.web import create_app

    with TestClient(create_app(store_copy, search_cache=0)) as c:
        for _ in range(2):
            assert c.get(f"{API}/search", params={"q": "低保"}).status_code == 200
        cache = c.app.state.ctx.searches
        assert cache.hits == cache.misses == 0
