"""The embedded store's in-memory facet index (search/backends/sqlite/facet_index.py): once
loaded it counts exactly what case_facets does, and any write to the store — by this store
object, by another connection (another process), a correction, a deletion — stops it being
used until it is reloaded for the new state."""
from __future__ import annotations

import numpy as np
import pytest

from search.backends.sqlite import facet_index
from search.backends.sqlite.store import SqliteStore
from search.corrections import Changes
from search.store import Filters, SearchQuery
from tests.search.test_store_conformance import cid, corpus, mk_doc

QUERIES = [SearchQuery(), SearchQuery(text="低保"), SearchQuery(text="低保 OR 礼金", sort="date"),
           SearchQuery(text="", filters=Filters(region=["平安县"])), SearchQuery(text="问题", collapse_duplicates=True),
           SearchQuery(text="-低保"), SearchQuery(text="没有这个词")]


def _sql_facets(path, query: SearchQuery) -> dict:
    """The facets counted in SQL (a store object without the index), as plain data."""
    with SqliteStore(path) as ref:
        ref._facet_index.close()
        ref._facet_index = None
        return ref.search(query).model_dump()["facets"]


def _indexed(st: SqliteStore, query: SearchQuery) -> dict:
    """Search until the index is loaded for the store's present state; the facets then."""
    for _ in range(facet_index.LOAD_AFTER + 1):
        res = st.search(query)
    loaded = st._facet_index._loaded
    assert loaded is not None and loaded.version == st.state_stamp()
    return res.model_dump()["facets"]


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "s.db"
    with SqliteStore(p) as st:
        for doc in corpus():
            st.put_document(doc)
    return p


def test_index_counts_what_sql_counts(path):
    with SqliteStore(path) as st:
        for q in QUERIES:
            assert _indexed(st, q) == _sql_facets(path, q), q.text
        assert _indexed(st, SearchQuery())["category"]  # not trivially empty


def test_not_loaded_by_a_one_off_search(path):
    with SqliteStore(path) as st:
        st.search(SearchQuery(text="低保"))
        assert st._facet_index._loaded is None


def test_a_write_by_another_connection_is_seen_at_once(path):
    with SqliteStore(path) as st, SqliteStore(path) as other:
        before = _indexed(st, SearchQuery())
        stamp = st.state_stamp()
        other.put_document(mk_doc("e", "/notices/e.txt", "case_notice", "2023-01-01", "新通报", [
            ("某局干部孙某收受礼金问题。孙某收受礼金2万元，受到党内警告处分。",
             dict(cats=["gifts"], regions=["北山县"], sanctions=["党内警告"], amounts=[("2万元", 20000)]))]))
        assert st.state_stamp() != stamp
        # the very next search counts the new case (in SQL until the index is reloaded)
        after = st.search(SearchQuery()).model_dump()["facets"]
        assert after == _sql_facets(path, SearchQuery()) != before
        gifts = {f["value"]: f["count"] for f in after["category"]}["gifts"]
        assert gifts == {f["value"]: f["count"] for f in before["category"]}["gifts"] + 1
        assert _indexed(st, SearchQuery()) == after  # and reloaded for the new state


def test_own_correction_and_deletion_are_seen(path):
    with SqliteStore(path) as st:
        before = _indexed(st, SearchQuery(text="低保"))
        st.add_correction(cid("a", 1), Changes(categories=["bribery"]), user="t")
        after = st.search(SearchQuery(text="低保")).model_dump()["facets"]
        assert after != before and "bribery" in {f["value"] for f in after["category"]}
        assert after == _sql_facets(path, SearchQuery(text="低保")) == _indexed(st, SearchQuery(text="低保"))
        st.delete_document("/notices/county-2019.txt")
        gone = st.search(SearchQuery(text="低保")).model_dump()["facets"]
        assert "bribery" not in {f["value"] for f in gone["category"]}
        assert gone == _sql_facets(path, SearchQuery(text="低保")) == _indexed(st, SearchQuery(text="低保"))


def test_a_commit_during_a_search_means_sql(path):
    """Versions read before and after a search's snapshot differ: the index is not used."""
    with SqliteStore(path) as st:
        _indexed(st, SearchQuery())
        index = st._facet_index
        v = index.version()
        assert index.at(v, v) is not None
        assert index.at(v, v + 1) is None


def test_gather_matches_the_packed_rows(path):
    with SqliteStore(path) as st:
        _indexed(st, SearchQuery())
        loaded = st._facet_index._loaded
        rows = st.con.execute("SELECT k.rowid, p.ids, k.amount FROM case_keys k"
                              " LEFT JOIN case_facets p ON p.case_rowid = k.rowid ORDER BY k.rowid DESC").fetchall()
        ids, amounts = loaded.gather(np.array([r[0] for r in rows], dtype=np.int64))
        expect = np.frombuffer(b"".join(r[1] or b"" for r in rows), dtype="<u4")
        assert sorted(ids.tolist()) == sorted(expect.tolist()) and len(expect) > len(rows)
        assert amounts.tolist() == [r[2] for r in rows]
        with pytest.raises(LookupError):
            loaded.gather(np.array([10**9], dtype=np.int64))
