"""The embedded store's in-memory search path (search/backends/sqlite/page_order.py with the
case keys of facet_index) gives exactly what its SQL path gives: the same hits in the same
order with the same scores, totals and facets — for every sort, with and without one hit per
incident, on later pages, with filters, and when only the best-scored matches are fetched
(ties at the cut included: republished copies have equal scores)."""
from __future__ import annotations

import numpy as np
import pytest

from pipelines.synthetic import generate, to_document
from scripts.bench_common import QUERIES
from search.backends.sqlite import facet_index, page_order
from search.backends.sqlite import store as sqlite_store
from search.backends.sqlite.store import SqliteStore
from search.store import Filters, SearchQuery


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    p = tmp_path_factory.mktemp("pages") / "s.db"
    with SqliteStore(p) as st:
        for sd in generate(120, seed=3, republish=0.3):
            st.put_document(to_document(sd))
    return p


def _variants() -> list[SearchQuery]:
    extra = [SearchQuery(text="低保", filters=Filters(region=["太康县"])), SearchQuery(text="-低保", sort="amount"),
             SearchQuery(text="资金", size=0), SearchQuery(text="没有这个词"), SearchQuery()]
    out = []
    for q in QUERIES + extra:
        for sort in ("relevance", "date", "amount"):
            for collapse in (False, True):
                for page, size in ((1, 10), (2, 7), (4, 3), (1, 60)):
                    out.append(q.model_copy(update={"sort": sort, "collapse_duplicates": collapse, "page": page,
                                                    "size": size}))
    return out


def _results(st: SqliteStore, queries: list[SearchQuery]) -> list[dict]:
    return [st.search(q).model_dump(exclude={"took_ms"}) for q in queries]


@pytest.fixture(scope="module")
def in_sql(path):
    with SqliteStore(path) as ref:
        ref._facet_index.close()
        ref._facet_index = None  # no case keys in memory: the SQL path
        return _results(ref, _variants())


@pytest.mark.parametrize("top_fetch", [sqlite_store.TOP_FETCH, 3])
def test_memory_path_gives_what_sql_gives(path, in_sql, monkeypatch, top_fetch):
    """With the default number of best-scored matches fetched, and with so few that most
    relevance pages need the fallback (every score fetched) or sit on a tie at the cut."""
    monkeypatch.setattr(sqlite_store, "TOP_FETCH", top_fetch)
    if top_fetch == 3:
        monkeypatch.setattr(sqlite_store, "FETCH_PER_HIT", 1)
    used = {"best": 0, "fallback": 0}
    best = page_order.best_page

    def counted(*args, **kwargs):
        page = best(*args, **kwargs)
        used["best" if page is not None else "fallback"] += 1
        return page

    monkeypatch.setattr(sqlite_store, "best_page", counted)
    with SqliteStore(path) as st:
        for _ in range(facet_index.LOAD_AFTER):
            st.search(SearchQuery())
        assert st._facet_index._loaded is not None
        got = _results(st, _variants())
    for q, mine, ref in zip(_variants(), got, in_sql):
        assert mine == ref, q
    assert used["best"] > 20 and (used["fallback"] > 20 or top_fetch > 3)
    assert any(r["hits"] and r["total"] > 10 for r in got)  # not trivially empty


def _keys(n: int, incidents: list[int], dates: list[int]) -> facet_index.Loaded:
    rowids = np.arange(1, n + 1, dtype=np.int64)
    return facet_index.Loaded(version=1, rowids=rowids, starts=np.zeros(n + 1, dtype=np.int64),
                              ids=np.zeros(0, dtype="<u4"), amounts=np.zeros(n), dates=np.array(dates),
                              incidents=np.array(incidents))


def test_best_page_refuses_a_page_past_the_ties_at_the_cut():
    """Scores 5, 4, 4, 4: fetching the best two cuts through the tie at 4, so only the 5 is
    surely placed; a page of two needs every score."""
    keys = _keys(4, incidents=[1, 2, 3, 4], dates=[0, 3, 2, 1])
    rids = np.array([1, 2, 3, 4])
    assert page_order.best_page(keys, rids, np.array([1, 3]), np.array([5.0, 4.0]), collapse=False,
                                offset=0, size=2) is None
    page = page_order.best_page(keys, rids, np.array([1, 3]), np.array([5.0, 4.0]), collapse=False, offset=0, size=1)
    assert page is not None and page.rows == [(1, 5.0)] and page.total == 4
    full = page_order.page_of(keys, rids, np.array([5.0, 4.0, 4.0, 4.0]), sort="relevance", ranked=True,
                              collapse=False, offset=0, size=4)
    assert [r for r, _ in full.rows] == [1, 2, 3, 4]  # the tie broken by date, latest first


def test_one_hit_per_incident_keeps_each_incidents_best():
    keys = _keys(5, incidents=[7, 7, 8, 8, 9], dates=[0, 0, 0, 0, 0])
    rids = np.arange(1, 6)
    page = page_order.page_of(keys, rids, np.array([1.0, 3.0, 2.0, 0.5, 0.1]), sort="relevance", ranked=True,
                              collapse=True, offset=0, size=10)
    assert page.rows == [(2, 3.0), (3, 2.0), (5, 0.1)] and page.total == 3 and page.cases == 5
    with pytest.raises(LookupError):
        page_order.page_of(keys, np.array([99]), np.array([1.0]), sort="relevance", ranked=True, collapse=False,
                           offset=0, size=1)
