"""The embedded store's own schema: the narrow `case_keys` table stays in step with `cases`
through inserts, near-duplicate regrouping, replacement and deletion, and a store written
by the previous schema version is upgraded when opened."""
from __future__ import annotations

import sqlite3

from search.backends.sqlite.store import SCHEMA_VERSION, SqliteStore
from search.query import query_tokens, subwords
from search.store import SearchQuery
from tests.search.test_store_conformance import A1, A2, A3, B1, B2, mk_doc


def _keys(st: SqliteStore) -> tuple[list, list]:
    cases = st.con.execute("SELECT rowid, date, amount, incident FROM cases ORDER BY rowid").fetchall()
    keys = st.con.execute("SELECT rowid, date, amount, incident FROM case_keys ORDER BY rowid").fetchall()
    return cases, keys


def _docs():
    county = mk_doc("a", "/in/county.txt", "case_notice", "2019-09-01", "县通报",
                    [(A1, {"cats": ["false_claims"], "amounts": [("3.2万元", 32000.0)], "dates": ["2019-05"]}),
                     (A2, {"cats": ["misappropriation"], "amounts": [("15万元", 150000.0)]}),
                     (A3, {"cats": ["feasting"]})])
    city = mk_doc("b", "/in/city.txt", "case_notice", "2020-06-01", "市通报",
                  [(B1, {"cats": ["false_claims"], "amounts": [("3.2万元", 32000.0)]}), (B2, {"cats": ["car_misuse"]})])
    return county, city


def test_case_keys_follow_every_write(tmp_path):
    county, city = _docs()
    with SqliteStore(tmp_path / "s.db") as st:
        st.put_document(county)
        st.put_document(city)
        cases, keys = _keys(st)
        assert len(cases) == 5 and cases == keys
        # B1 republishes A1: the copy's incident is A1's id, in both tables
        incidents = {r[3] for r in keys}
        assert len(incidents) == 4
        # deleting the county notice hands A1's incident to its copy in the city notice
        st.delete_document("/in/county.txt")
        cases, keys = _keys(st)
        assert len(cases) == 2 and cases == keys
        assert {r[3] for r in keys} == {c.id for c in city.cases}
        # replacing the city notice's content at the same path swaps its rows
        st.put_document(county.model_copy(update={"path": "/in/city.txt"}))
        cases, keys = _keys(st)
        assert len(cases) == 3 and cases == keys


def test_previous_schema_is_upgraded_on_open(tmp_path):
    path = tmp_path / "old.db"
    county, city = _docs()
    with SqliteStore(path) as st:
        st.put_document(county)
        st.put_document(city)
        before = st.search(SearchQuery(text="低保", sort="amount"))
    # Make it a version-1 store: no case_keys table, no triggers.
    con = sqlite3.connect(path)
    with con:
        for trig in ("case_keys_insert", "case_keys_update", "case_keys_delete"):
            con.execute(f"DROP TRIGGER {trig}")
        con.execute("DROP TABLE case_keys")
        con.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    con.close()
    with SqliteStore(path) as st:
        assert st.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        cases, keys = _keys(st)
        assert len(keys) == 5 and cases == keys
        after = st.search(SearchQuery(text="低保", sort="amount"))
        assert [h.case.id for h in after.hits] == [h.case.id for h in before.hits]
        assert after.total == before.total and after.facets == before.facets
        st.delete_document("/in/city.txt")  # the triggers work after the upgrade
        cases, keys = _keys(st)
        assert len(keys) == 3 and cases == keys


def _make_version_2(path) -> None:
    """Turn a store into what schema version 2 wrote: a full-text index of the words only
    (one column), a vocabulary per row."""
    con = sqlite3.connect(path)
    with con:
        rows = con.execute("SELECT rowid, seg FROM cases_fts").fetchall()
        con.execute("DROP TABLE cases_vocab")
        con.execute("DROP TABLE cases_fts")
        con.execute("CREATE VIRTUAL TABLE cases_fts USING fts5(seg, tokenize='unicode61')")
        con.executemany("INSERT INTO cases_fts(rowid, seg) VALUES (?, ?)", rows)
        con.execute("CREATE VIRTUAL TABLE cases_vocab USING fts5vocab(cases_fts, 'row')")
        con.execute("UPDATE meta SET value='2' WHERE key='schema_version'")
    con.close()


def test_version_2_store_gets_the_subword_index_on_open(tmp_path):
    path = tmp_path / "v2.db"
    county, city = _docs()
    with SqliteStore(path) as st:
        st.put_document(county)
        st.put_document(city)
        before = st.search(SearchQuery(text="低保", sort="amount"))
        similar_before = [(h.case.id, h.score) for h in st.similar(county.cases[1].id)]
    _make_version_2(path)
    with SqliteStore(path) as st:
        assert st.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION) == "6"
        assert st.integrity_check() == []
        # every case re-indexed in place, its sub-words beside its words
        rows = st.con.execute("SELECT c.id, f.seg, f.sub FROM cases_fts f JOIN cases c ON c.rowid = f.rowid").fetchall()
        assert len(rows) == 5 and all(sub == subwords(seg) for _, seg, sub in rows)
        # words found only inside longer words are found now
        inside_only = {t for _, _, sub in rows for t in sub.split()
                       if len(t) == 2 and query_tokens(t) == [t]
                       and not any(w.startswith(t) for _, seg, _ in rows for w in seg.split())}
        assert inside_only
        for t in inside_only:
            found = st.search(SearchQuery(text=t, collapse_duplicates=False))
            assert {h.case.id for h in found.hits} == {cid for cid, _, sub in rows if t in sub.split()}, t
        after = st.search(SearchQuery(text="低保", sort="amount"))
        assert [h.case.id for h in after.hits] == [h.case.id for h in before.hits]
        assert after.total == before.total and after.facets == before.facets
        assert [(h.case.id, h.score) for h in st.similar(county.cases[1].id)] == similar_before
        st.put_document(county.model_copy(update={"path": "/in/other.txt"}))  # writes work after the upgrade
        assert st.integrity_check() == []


def test_version_3_store_gets_division_region_values_on_open(tmp_path, monkeypatch):
    """Schema 4: each case's province/city/county are region values; an older store gets them
    from the stored case JSON (and its document's issuer) when opened."""
    import search.indexing as sq
    from search.store import Filters
    from tests.search.test_store_conformance import F1, F2, F3

    path = tmp_path / "v3.db"
    doc = mk_doc("f", "/in/f.txt", "case_notice", "2022-03-01", "通报",
                 [(F1, {"regions": ["仙桃市"]}), (F2, {"regions": ["阿坝藏族羌族自治州"]})])
    bare = mk_doc("9", "/in/9.txt", "case_notice", "2022-04-01", "通报", [(F3, {})]).model_copy(
        update={"issuer": "仙桃市纪委监委"})
    with monkeypatch.context() as m:  # what version 3 wrote: the extracted names only
        m.setattr(sq, "case_region_names", lambda case, doc=None: set())
        with SqliteStore(path) as st:
            st.put_document(doc)
            st.put_document(bare)
            assert st.search(SearchQuery(filters=Filters(region=["湖北省"]))).total == 0
            st.con.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
            st.con.commit()
    with SqliteStore(path) as st:
        assert st.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert st.integrity_check() == []
        hubei = st.search(SearchQuery(filters=Filters(region=["湖北省"])))
        assert {h.case.id for h in hubei.hits} == {doc.cases[0].id, bare.cases[0].id}
        assert {f.value: f.count for f in hubei.facets["region"]} == {"湖北省": 2, "仙桃市": 2}
        aba = st.search(SearchQuery(filters=Filters(region=["阿坝州"])))
        assert {h.case.id for h in aba.hits} == {doc.cases[1].id}
        assert {f.value for f in aba.facets["region"]} == {"四川省", "阿坝藏族羌族自治州"}


def test_version_4_store_takes_corrections_after_open(tmp_path):
    """Schema 5: the corrections tables; a version-4 store gets them when opened, its cases
    untouched, and keeps case_keys in step when a correction withholds and restores a case."""
    from search.corrections import Changes

    path = tmp_path / "v4.db"
    county, city = _docs()
    with SqliteStore(path) as st:
        st.put_document(county)
        st.put_document(city)
        st.con.execute("DROP TABLE corrections")
        st.con.execute("DROP TABLE case_extracted")
        st.con.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    with SqliteStore(path) as st:
        assert st.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert st.count_cases() == 5 and st.corrections() == []
        mark = st.add_correction(county.cases[0].id, Changes(not_a_case=True), "analyst")
        cases, keys = _keys(st)
        assert len(cases) == 4 and cases == keys
        assert {r[3] for r in keys} >= {city.cases[0].id}  # the copy leads its incident now
        st.revert_correction(mark.id, "analyst")
        cases, keys = _keys(st)
        assert len(cases) == 5 and cases == keys
        assert st.integrity_check() == []


def test_version_5_store_gets_the_ledger_ocr_columns(tmp_path):
    """Schema 6: the ledger records pages read by OCR and their confidence; a version-5
    store's ledger gets the columns when opened, its rows kept (no OCR: 0 pages, no
    confidence), and takes OCR'd rows after."""
    from search.store import LedgerEntry

    path = tmp_path / "v5.db"
    with SqliteStore(path) as st:
        st.record(LedgerEntry(path="/in/old.txt", sha256="aa", status="ok", cases=2))
        st.con.execute("ALTER TABLE ledger DROP COLUMN ocr_confidence")
        st.con.execute("ALTER TABLE ledger DROP COLUMN ocr_pages")
        st.con.execute("UPDATE meta SET value='5' WHERE key='schema_version'")
    with SqliteStore(path) as st:
        assert st.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        old = st.ledger("/in/old.txt")
        assert old is not None and (old.cases, old.ocr_pages, old.ocr_confidence) == (2, 0, None)
        st.record(LedgerEntry(path="/in/scan.pdf", sha256="bb", status="ok", cases=3, ocr_pages=4, ocr_confidence=97.5))
    with SqliteStore(path) as st:
        scan = st.ledger("/in/scan.pdf")
        assert scan is not None and (scan.ocr_pages, scan.ocr_confidence) == (4, 97.5)
