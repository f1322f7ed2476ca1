"""The Elasticsearch backend against a real node: idempotent bulk writes, retries through a
misbehaving (real, loopback) proxy, unreachable clusters and wrong credentials as one clear
line, the ledger keeping unconfirmed files pending, reindex with an alias swap under load,
and migration from the embedded store.

Needs a node: see tests/search/es_env.py (scripts/test.sh starts one).
"""
from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
import threading
import time

import pytest

from extractors.model import Case, Category, DateMention, Document, Domain, Person, case_id
from search.store import Filters, LedgerEntry, SearchQuery
from tests.conftest import REPO
from tests.search.es_env import es_env, es_settings, es_url, new_prefix
from tests.search.es_proxy import FlakyProxy

pytestmark = pytest.mark.elasticsearch

PLACES = ["东坝村", "西岭村", "南湖村", "北山村", "河口村", "青石村", "柳树村", "红旗村"]
PROBLEMS = [
    ("虚报冒领低保金", "false_claims", "social_assistance"),
    ("挪用扶贫项目资金", "misappropriation", "poverty_relief"),
    ("违规收受礼金", "gifts", ""),
    ("公款吃喝", "banquets", ""),
]


def make_doc(n: int, cases: int = 3, path: str | None = None) -> Document:
    """A notice with `cases` distinct cases (text varies with n)."""
    doc_id = hashlib.sha256(f"notice {n}".encode()).hexdigest()
    texts = []
    out = []
    for i in range(1, cases + 1):
        k = n * 7 + i
        place = PLACES[k % len(PLACES)]
        problem, cat, dom = PROBLEMS[k % len(PROBLEMS)]
        text = (f"{place}党支部书记王某{k}{problem}问题。{2015 + k % 8}年，王某{k}利用职务便利{problem}"
                f"{k % 9 + 1}.{k % 10}万元，编号{k}。王某{k}受到党内警告处分。")
        texts.append(text)
        out.append(Case(id=case_id(doc_id, i), doc_id=doc_id, ordinal=i, text=text,
                        categories=[Category(code=cat)], domains=[Domain(code=dom)] if dom else [],
                        people=[Person(name=f"王某{k}", position=f"{place}党支部书记")],
                        dates=[DateMention(text="", value=str(2015 + k % 8))]))
    return Document(id=doc_id, path=path or f"/notices/{n}.txt", text="\n".join(texts), cases=out)


@pytest.fixture
def url() -> str:
    return es_url()


@pytest.fixture
def es_store(url):
    from search.backends.elastic.store import ElasticStore

    st = ElasticStore(url, settings=es_settings(url))
    yield st
    st.drop()
    st.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ bulk writes
def test_bulk_rerun_converges(es_store):
    docs = [make_doc(n) for n in range(1, 41)]
    es_store.put_documents(docs)
    es_store.refresh()
    assert es_store.count_cases() == 120
    es_store.put_documents(docs)  # the same run again: same ids, nothing doubles
    for d in docs[:5]:
        es_store.put_document(d)
    es_store.refresh()
    assert es_store.count_cases() == 120
    assert es_store.count_documents() == 40
    assert es_store.search(SearchQuery(text="王某8", size=0)).total >= 1
    # A changed version of a path replaces its cases.
    es_store.put_document(make_doc(1000, cases=2, path=docs[0].path))
    es_store.refresh()
    assert es_store.count_cases() == 119
    assert es_store.get_document(docs[0].id) is None


def test_retries_through_503_and_429(url):
    from search.backends.elastic.store import ElasticStore

    prefix = new_prefix()
    with FlakyProxy(url, fail_first=3, status=503) as proxy:
        st = ElasticStore(proxy.url, settings=es_settings(proxy.url, prefix=prefix, es_retries=5, es_backoff=0.05))
        try:
            assert proxy.failures() == 3  # the first three requests were refused, then it went on
            proxy.status, proxy.fail_path, proxy.fail_times = 429, "/_bulk", 2
            st.put_document(make_doc(1))
            assert sum(1 for _, p, s in proxy.requests if "/_bulk" in p and s == 429) == 2
            st.refresh()
            assert st.count_cases() == 3
        finally:
            proxy.fail_path = ""
            st.drop()
            st.close()


def test_cluster_that_comes_up_late_is_waited_for(url):
    """Connection refused at first (nothing listens yet), then the node is reachable."""
    from search.backends.elastic.store import ElasticStore

    port = _free_port()
    proxies = []

    def start_later():
        time.sleep(1.0)
        proxies.append(FlakyProxy(url, port=port).__enter__())

    threading.Thread(target=start_later, daemon=True).start()
    st = ElasticStore(f"http://127.0.0.1:{port}", settings=es_settings(f"http://127.0.0.1:{port}",
                                                                       es_retries=6, es_backoff=0.3))
    try:
        st.put_document(make_doc(2))
        st.refresh()
        assert st.count_cases() == 3
    finally:
        st.drop()
        st.close()
        for p in proxies:
            p.__exit__()


def test_unconfirmed_file_stays_pending_and_is_retried(url, tmp_path):
    """A real ingest run whose bulk writes are refused: the run stops with a clear error,
    the file stays `pending` in the ledger, and the next run indexes it once."""
    from config.errors import ElasticError
    from pipelines.steps import run_ingest
    from search.backends.elastic.store import ElasticStore

    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "a.txt").write_text(make_doc(7).text, encoding="utf-8")
    path = str((folder / "a.txt").resolve())
    prefix = new_prefix()
    direct = ElasticStore(url, settings=es_settings(url, prefix=prefix))
    try:
        with FlakyProxy(url, status=503, fail_path="/_bulk") as proxy:
            flaky = ElasticStore(proxy.url, settings=es_settings(proxy.url, prefix=prefix, es_retries=2, es_backoff=0.05))
            # Ingestion marks the file pending first; let that one write through.
            proxy.fail_times = 0
            from pipelines.steps import discover, mark_pending

            mark_pending(discover([folder], flaky)[0], flaky)
            proxy.fail_times = None
            with pytest.raises(ElasticError) as err:
                run_ingest([folder], flaky)
            flaky.close()
        assert "stays pending" in str(err.value) or "did not confirm" in str(err.value) \
            or "ledger" in str(err.value), str(err.value)
        assert direct.ledger(path).status == "pending"
        direct.refresh()
        assert direct.count_cases() == 0
        report = run_ingest([folder], direct)  # the next run retries it
        assert report.count("new") + report.count("updated") == 1
        assert direct.ledger(path).status == "ok"
        direct.refresh()
        n = direct.count_cases()
        assert n >= 1
        run_ingest([folder], direct)  # and a third run has nothing to do
        direct.refresh()
        assert direct.count_cases() == n
    finally:
        direct.drop()
        direct.close()


def test_unreachable_cluster_is_one_clear_line(tmp_path):
    from config.errors import ElasticError, exit_code_of
    from search.backends.elastic.store import ElasticStore

    port = _free_port()
    bad = f"http://elastic:hunter2-secret@127.0.0.1:{port}"
    with pytest.raises(ElasticError) as err:
        ElasticStore(bad, settings=es_settings(bad, es_retries=1, es_backoff=0.01))
    msg = str(err.value)
    assert "cannot reach Elasticsearch" in msg and f"127.0.0.1:{port}" in msg
    assert "hunter2" not in msg and "\n" not in msg
    assert exit_code_of(err.value) == 4
    res = subprocess.run([sys.executable, "-m", "pipelines", "search", "低保", "--store", bad],
                         capture_output=True, text=True, cwd=REPO, timeout=120,
                         env={**es_env(new_prefix()), "LEIAN_ES_RETRIES": "1", "LEIAN_ES_BACKOFF": "0.01"})
    assert res.returncode == 4, res.stderr
    assert res.stderr.strip().count("\n") == 0, res.stderr
    assert "cannot reach Elasticsearch" in res.stderr and "hunter2" not in res.stderr + res.stdout


def test_wrong_credentials_are_named_not_shown(url):
    from config.errors import ElasticError, exit_code_of
    from search.backends.elastic.store import ElasticStore

    secret = "Wr0ng-Passw0rd-4711"
    with pytest.raises(ElasticError) as err:
        ElasticStore(url, settings=es_settings(url, es_username="elastic", es_password=secret))
    msg = str(err.value)
    if "rejected the credentials" not in msg:
        pytest.fail(f"the node accepted a wrong password (is security on? scripts/elasticsearch enables it): {msg}")
    assert secret not in msg and "'elastic'" in msg and exit_code_of(err.value) == 4
    env = es_env(new_prefix())
    env["LEIAN_ES_PASSWORD"] = secret
    res = subprocess.run([sys.executable, "-m", "pipelines", "search", "低保", "--store", url],
                         capture_output=True, text=True, cwd=REPO, timeout=120, env=env)
    assert res.returncode == 4, res.stderr
    assert "rejected the credentials" in res.stderr and secret not in res.stderr + res.stdout
    assert res.stderr.strip().count("\n") == 0, res.stderr


# ------------------------------------------------------------------ reindex
def test_reindex_swaps_alias_while_searches_run(es_store):
    es_store.put_documents([make_doc(n) for n in range(1, 101)])
    es_store.refresh()
    total = es_store.count_cases()
    assert total == 300
    expected = es_store.search(SearchQuery(text="低保金", size=0)).total
    assert expected > 0
    errors: list[BaseException] = []
    totals: list[int] = []
    stop = threading.Event()

    def searcher():
        from search.backends.elastic.store import ElasticStore

        st = ElasticStore(es_store.url, settings=es_settings(es_store.conn.url, prefix=es_store.prefix))
        try:
            while not stop.is_set():
                try:
                    totals.append(st.search(SearchQuery(text="低保金", size=5)).total)
                except BaseException as exc:  # every failure counts against the swap
                    errors.append(exc)
        finally:
            st.close()

    threads = [threading.Thread(target=searcher) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        time.sleep(0.5)
        old = es_store.index_behind_alias()
        out = es_store.reindex()
        time.sleep(0.5)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
    assert not errors, errors[:3]
    assert len(totals) > 10 and set(totals) == {expected}
    assert out["old"] == old and out["new"] != old and out["cases"] == total
    assert es_store.index_behind_alias() == out["new"]
    assert es_store.count_cases() == total
    assert not es_store.es.indices.exists(index=old).body


def test_reindex_command(url):
    from search.backends.elastic.store import ElasticStore

    prefix = new_prefix()
    st = ElasticStore(url, settings=es_settings(url, prefix=prefix))
    try:
        st.put_documents([make_doc(n) for n in range(1, 6)])
        st.refresh()
        before = int(st.index_behind_alias().rsplit("-v", 1)[1])
        res = subprocess.run([sys.executable, "-m", "pipelines", "reindex", "--store", url, "--json"],
                             capture_output=True, text=True, cwd=REPO, timeout=300, env=es_env(prefix))
        assert res.returncode == 0, res.stderr
        assert f'"new": "{prefix}-cases-v{before + 1}"' in res.stdout and '"cases": 15' in res.stdout
        assert st.index_behind_alias() == f"{prefix}-cases-v{before + 1}"
        assert st.search(SearchQuery(text="王某8")).total >= 1
    finally:
        st.drop()
        st.close()


# ------------------------------------------------------------------ index design
def test_cjk_subfield_makes_bigrams_and_keeps_numbers_and_words(es_store):
    res = es_store.es.indices.analyze(index=es_store.cases, field="text.cjk", text="王某8.3万元ＡＢ卡")
    assert [t["token"] for t in res["tokens"]] == ["王某", "8.3", "万元", "ab", "卡"]


def test_an_index_of_an_older_mapping_asks_for_a_reindex(url, caplog):
    import logging

    from search.backends.elastic.store import ElasticStore

    prefix = new_prefix()
    st = ElasticStore(url, settings=es_settings(url, prefix=prefix))
    try:
        st.put_documents([make_doc(1)])
        st.refresh()
        current = st.es.indices.get_mapping(index=st.cases).body
        (index, mapping), = current.items()
        version = mapping["mappings"]["_meta"]["mapping_version"]
        assert version >= 2
        st.es.indices.put_mapping(index=index, meta={"mapping_version": version - 1})  # as an older leian built it
        caplog.set_level(logging.WARNING, logger="search.backends.elastic.store")
        ElasticStore(url, settings=es_settings(url, prefix=prefix)).close()
        assert any("leian reindex" in r.getMessage() and index in r.getMessage() for r in caplog.records)
        caplog.clear()
        st.reindex()
        again = ElasticStore(url, settings=es_settings(url, prefix=prefix))
        assert again.count_cases() == 3
        again.close()
        assert not any("leian reindex" in r.getMessage() for r in caplog.records)
    finally:
        st.drop()
        st.close()


def test_an_index_without_subwords_takes_writes_and_finds_them_after_reindex(url, caplog):
    """A cases index built by mapping version 2 (no `sub` field, strict mapping): ingestion
    goes on without sub-words, the store asks for `leian reindex`, and after it a word
    inside longer words (冒领 in 虚报冒领) is found."""
    import logging

    from search.backends.elastic.store import ElasticStore, _template

    prefix = new_prefix()
    body = _template("cases")
    mappings = json.loads(json.dumps(body["template"]["mappings"]))
    del mappings["properties"]["sub"]
    mappings["_meta"] = {"mapping_version": 2}
    settings = es_settings(url, prefix=prefix)
    st = ElasticStore(url, settings=settings)  # installs the templates; then replace its index by an old one
    try:
        st.es.indices.delete(index=f"{prefix}-cases-v*")
        st.es.indices.put_index_template(name=f"{prefix}-cases", index_patterns=[f"{prefix}-cases-v*"],
                                         template={"settings": body["template"]["settings"], "mappings": mappings},
                                         priority=200, meta={"mapping_version": 2})
        st.es.indices.create(index=f"{prefix}-cases-v1", aliases={f"{prefix}-cases": {"is_write_index": True}})
        caplog.set_level(logging.WARNING, logger="search.backends.elastic.store")
        old = ElasticStore(url, settings=settings)
        assert any("leian reindex" in r.getMessage() for r in caplog.records)
        old.put_documents([make_doc(1, cases=4)])  # strict mapping: writes carry no `sub` field
        old.refresh()
        assert old.count_cases() == 4
        inside = [c for c in make_doc(1, cases=4).cases if "虚报冒领" in c.text]
        assert inside and old.search(SearchQuery(text="冒领", exact=True)).total == 0
        out = old.reindex()
        assert out["new"] == f"{prefix}-cases-v2"
        assert "sub" in old.es.indices.get_mapping(index=old.cases).body[out["new"]]["mappings"]["properties"]
        assert old.search(SearchQuery(text="冒领", collapse_duplicates=False, exact=True)).total == len(inside)
        old.put_documents([make_doc(2, cases=4)])  # and new writes carry the sub-words
        old.refresh()
        assert old.search(SearchQuery(text="冒领", collapse_duplicates=False, exact=True)).total == len(inside) + sum(
            "虚报冒领" in c.text for c in make_doc(2, cases=4).cases)
        old.close()
    finally:
        st.drop()
        st.close()


# ------------------------------------------------------------------ migrate
def test_migrate_copies_embedded_store(tmp_path, url):
    from search.backends.elastic.store import ElasticStore
    from search.backends.sqlite.store import SqliteStore
    from search.migrate import copy_store

    src = SqliteStore(tmp_path / "leian.db")
    docs = [make_doc(n) for n in range(1, 21)]
    for d in docs:
        src.put_document_recorded(d, LedgerEntry(path=d.path, status="ok", sha256=d.id, doc_id=d.id, cases=3))
    copy = docs[0].model_copy(update={"path": "/mirror/1.txt"})  # the same file at a second path
    src.put_document_recorded(copy, LedgerEntry(path=copy.path, status="ok", sha256=copy.id, doc_id=copy.id, cases=3))
    src.record(LedgerEntry(path="/broken.pdf", status="failed", error="encrypted PDF"))
    prefix = new_prefix()
    dst = ElasticStore(url, settings=es_settings(url, prefix=prefix))
    try:
        report = copy_store(src, dst)
        assert report.documents == 20 and report.cases == 60 and report.ledger_rows == 22
        dst.refresh()
        assert dst.count_cases() == src.count_cases() == 60
        assert [e.path for e in dst.ledger_entries()] == [e.path for e in src.ledger_entries()]
        assert dst.ledger("/broken.pdf").error == "encrypted PDF"
        for text in ("低保金", "王某8", '"违规收受礼金"', "礼金 -公款"):
            q = SearchQuery(text=text, size=100)
            assert {h.case.id for h in dst.search(q).hits} == {h.case.id for h in src.search(q).hits}, text
        q = SearchQuery(filters=Filters(category=["gifts"], date_from="2018"), size=100)
        assert {h.case.id for h in dst.search(q).hits} == {h.case.id for h in src.search(q).hits}
        # Deleting one of the two paths keeps the document; the migration kept both paths.
        assert dst.delete_document("/mirror/1.txt") == 0
        dst.refresh()
        assert dst.get_document(docs[0].id) is not None
        # Running it again converges.
        res = subprocess.run([sys.executable, "-m", "pipelines", "migrate", "--store", str(tmp_path / "leian.db"),
                              "--to", url, "--json"], capture_output=True, text=True, cwd=REPO, timeout=300,
                             env=es_env(prefix))
        assert res.returncode == 0, res.stderr
        assert '"target_cases": 60' in res.stdout
    finally:
        src.close()
        dst.drop()
        dst.close()


# ------------------------------------------------------------------ parity
PARITY_QUERIES = [
    "", "低保", "低保金 书记", '"虚报冒领低保金"', "礼金 OR 吃喝", "(低保 OR 扶贫) -东坝村", "-公款",
    "王某8", "8.3万元", "党支部书记 AND 警告", "扶贫 NOT 礼金", "貪污 OR 收受禮金", "xyz不存在的词",
    # synonyms (config/synonyms.yaml) expand alike: words, phrases, negations
    "公款吃喝", "村党支部书记 冒领", '"村支书" OR 最低生活保障', "处分 -公款宴请", "-收受礼金",
]
PARITY_FILTERS = [
    Filters(), Filters(category=["gifts", "banquets"]), Filters(domain=["social_assistance"]),
    Filters(post=["党支部书记"]), Filters(date_from="2018", date_to="2020-06"), Filters(region=["平安县"]),
]


def test_search_parity_with_embedded_store(tmp_path, es_store):
    """The same documents in both backends: the same hits, totals, facets and duplicate groups."""
    from search.backends.sqlite.store import SqliteStore
    from tests.search.test_store_conformance import corpus

    docs = corpus() + [make_doc(n) for n in range(1, 31)]
    docs.append(make_doc(5).model_copy(update={"path": "/copies/5.txt", "id": "f" * 64, "cases": [
        c.model_copy(update={"id": case_id("f" * 64, c.ordinal), "doc_id": "f" * 64}) for c in make_doc(5).cases]}))
    sq = SqliteStore(tmp_path / "leian.db")
    try:
        for d in docs:
            sq.put_document(d)
        es_store.put_documents(docs[:3])  # one by one and in bulk batches give the same store
        for d in docs[3:6]:
            es_store.put_document(d)
        es_store.put_documents(docs[6:])
        es_store.refresh()
        assert es_store.count_cases() == sq.count_cases()
        for text in PARITY_QUERIES:
            for f in PARITY_FILTERS:
                for collapse in ((False, True) if f == Filters() else (False,)):
                    q = SearchQuery(text=text, filters=f, size=200, collapse_duplicates=collapse)
                    a, b = sq.search(q), es_store.search(q)
                    where = f"{text!r} {f.model_dump(exclude_defaults=True)} collapse={collapse}"
                    assert b.total == a.total, where
                    if not collapse:
                        assert {h.case.id for h in b.hits} == {h.case.id for h in a.hits}, where
                        assert {k: [(v.value, v.count) for v in vs] for k, vs in b.facets.items()} == \
                               {k: [(v.value, v.count) for v in vs] for k, vs in a.facets.items()}, where
        for sort in ("date", "amount"):
            q = SearchQuery(text="王某", sort=sort, size=200)
            key = (lambda h: h.case.dates and max(d.value for d in h.case.dates)) if sort == "date" else \
                (lambda h: h.case.total_amount)
            assert [key(h) for h in es_store.search(q).hits] == [key(h) for h in sq.search(q).hits]
        assert [(g.representative, g.case_ids) for g in es_store.duplicates()] == \
               [(g.representative, g.case_ids) for g in sq.duplicates()]
        some = docs[4].cases[0].id
        es_sim = es_store.similar(some, k=5)
        assert es_sim and all(h.case.id != some for h in es_sim)
        assert all(h.shared_terms for h in es_sim)
    finally:
        sq.close()


def test_reindex_again_after_a_killed_one(es_store):
    """A reindex killed mid-way leaves the old index write-blocked and a partial new one;
    the next reindex deletes the partial index, finishes, and writes work again."""
    es_store.put_documents([make_doc(n) for n in range(1, 4)])
    es_store.refresh()
    old = es_store.index_behind_alias()
    es_store.es.indices.put_settings(index=old, settings={"index.blocks.write": True})
    n = int(old.rsplit("-v", 1)[1])
    partial = f"{es_store.cases}-v{n + 1}"
    es_store.es.indices.create(index=partial)
    out = es_store.reindex()
    assert out["new"] == f"{es_store.cases}-v{n + 2}" and out["cases"] == 9
    assert not es_store.es.indices.exists(index=partial).body
    es_store.put_document(make_doc(4))
    es_store.refresh()
    assert es_store.count_cases() == 12


def test_reindex_adds_division_region_values(es_store, monkeypatch):
    """An index written before extractors.divisions gets each case's province/city/county as
    region values from `leian reindex` (the issuer's place when the case names none)."""
    import search.indexing as sq
    from extractors.model import Region

    doc = make_doc(1, cases=1).model_copy(update={"issuer": "仙桃市纪委监委"})
    aba = make_doc(2, cases=1)
    aba.cases[0].regions = [Region(name="阿坝州", level="city", normalized="阿坝藏族羌族自治州")]
    with monkeypatch.context() as m:
        m.setattr(sq, "case_region_names", lambda case, doc=None: set())
        es_store.put_documents([doc, aba])
        es_store.refresh()
        assert es_store.search(SearchQuery(filters=Filters(region=["湖北省"]))).total == 0
    es_store.reindex()
    es_store.refresh()
    hubei = es_store.search(SearchQuery(filters=Filters(region=["湖北省"])))
    assert [h.case.id for h in hubei.hits] == [doc.cases[0].id]
    assert {h.case.id for h in es_store.search(SearchQuery(filters=Filters(region=["阿坝州"]))).hits} == {aba.cases[0].id}
    assert {h.case.id for h in es_store.search(SearchQuery(filters=Filters(region=["四川"]))).hits} == {aba.cases[0].id}
