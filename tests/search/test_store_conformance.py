"""One suite over the CaseStore interface, run against every backend (see conftest.py).

The documents are written here by hand with their fields set, so the suite tests the
store, not the extractors: a county notice, a city notice that republishes one of its
cases, a provincial notice in traditional script, and an inspection report.
"""
from __future__ import annotations

import pytest

from config.errors import LeianError
from extractors.model import Amount, Case, Category, DateMention, Document, Domain, Person, Region, Sanction, case_id
from search.store import FACET_FIELDS, Filters, LedgerEntry, SearchQuery


def settle(store) -> None:
    """Make earlier writes visible to search (a no-op for SQLite, a refresh for Elasticsearch)."""
    refresh = getattr(store, "refresh", None)
    if callable(refresh):
        refresh()


def mk_case(doc_id: str, n: int, text: str, *, cats=(), doms=(), regions=(), sanctions=(), people=(),
            amounts=(), dates=(), start: int = 0) -> Case:
    return Case(
        id=case_id(doc_id, n), doc_id=doc_id, ordinal=n, text=text, start=start, end=start + len(text),
        categories=[Category(code=c, start=start, end=start + 2) for c in cats],
        domains=[Domain(code=d) for d in doms],
        regions=[Region(name=r, level="county", normalized=r) for r in regions],
        sanctions=[Sanction(label=s) for s in sanctions],
        people=[Person(name=nm, position=pos, start=start + text.find(nm), end=start + text.find(nm) + len(nm))
                for nm, pos in people],
        amounts=[Amount(text=t, value=v) for t, v in amounts],
        dates=[DateMention(text=d, value=d) for d in dates],
    )


def mk_doc(sha_char: str, path: str, doc_type: str, date: str, title: str, cases: list[tuple]) -> Document:
    doc_id = sha_char * 64
    text_parts, built, pos = [], [], 0
    for n, (text, kw) in enumerate(cases, 1):
        built.append(mk_case(doc_id, n, text, start=pos, **kw))
        text_parts.append(text)
        pos += len(text) + 1
    return Document(id=doc_id, path=path, title=title, doc_type=doc_type, date=date,
                    text="\n".join(text_parts), extractor_version="test", cases=built)


A1 = ("城关镇东坝村党支部书记张某某虚报冒领低保金问题。2017年至2019年，张某某利用审核低保对象的职务便利，"
      "将其亲属3户虚报为低保户，冒领低保金共计3.2万元。2019年5月，张某某受到党内严重警告处分，违纪款项已被收缴。")
A2 = ("河西镇财政所所长李某挪用扶贫专项资金问题。2018年，李某擅自将15万元扶贫专项资金挪用于镇政府办公楼装修，"
      "导致产业扶贫项目资金拨付滞后。2019年8月，李某受到撤销党内职务处分。")
A3 = ("县交通运输局副局长王某违规公款吃喝问题。2018年12月，王某安排下属单位在农家乐用公款宴请，"
      "花费8600元。王某受到党内警告处分，违规费用已退还。")
B1 = ("平安县城关镇东坝村党支部书记张某某虚报冒领低保金问题。2017年至2019年，张某某利用审核低保对象的职务便利，"
      "将其亲属3户虚报为低保户，冒领低保金共计3.2万元。张某某受到党内严重警告处分，违纪款项已被收缴。")
B2 = ("市住房和城乡建设局科长赵某公车私用问题。2020年3月，赵某多次驾驶公务用车接送子女上下学、办理私事。"
      "赵某受到诫勉处理，相关费用已退缴。")
C1 = ("省糧食局原副局長陳某違規收受禮金問題。2016年至2020年，陳某多次收受管理服務對象所送禮金、購物卡，"
      "共計折合人民幣12.6萬元。陳某受到開除黨籍處分，涉嫌犯罪問題移送檢察機關依法審查起訴。")
C2 = ("北山镇南村村委会主任刘某在低保评定中优亲厚友问题。2020年，刘某违规将不符合条件的弟弟、弟媳纳入低保，"
      "领取低保金1.1万元。2021年4月，刘某受到政务记过处分，已清退违规发放的低保金。")
D1 = ("巡察发现，县农业农村局落实高标准农田建设任务存在形式主义问题，部分乡镇台账造假、数据失真，"
      "应付检查，项目验收走过场。")


def corpus() -> list[Document]:
    a = mk_doc("a", "/notices/county-2019.txt", "case_notice", "2019-09-01", "平安县纪委监委通报3起典型问题", [
        (A1, dict(cats=["false_claims"], doms=["social_assistance"], regions=["平安县"], sanctions=["党内严重警告"],
                  people=[("张某某", "城关镇东坝村党支部书记")], amounts=[("3.2万元", 32000)], dates=["2019-05"])),
        (A2, dict(cats=["misappropriation"], doms=["poverty_relief"], regions=["平安县"], sanctions=["撤销党内职务"],
                  people=[("李某", "河西镇财政所所长")], amounts=[("15万元", 150000)], dates=["2019-08"])),
        (A3, dict(cats=["banquets"], regions=["平安县"], sanctions=["党内警告"],
                  people=[("王某", "县交通运输局副局长")], amounts=[("8600元", 8600)], dates=["2018-12"])),
    ])
    b = mk_doc("b", "/notices/city-2020.txt", "case_notice", "2020-06-10", "市纪委监委通报典型问题", [
        (B1, dict(cats=["false_claims"], doms=["social_assistance"], regions=["平安县"], sanctions=["党内严重警告"],
                  people=[("张某某", "城关镇东坝村党支部书记")], amounts=[("3.2万元", 32000)], dates=["2019"])),
        (B2, dict(cats=["official_cars"], regions=["云州市"], sanctions=["诫勉"],
                  people=[("赵某", "市住房和城乡建设局科长")], dates=["2020-03"])),
    ])
    c = mk_doc("c", "/notices/province-2021.txt", "case_notice", "2021-05-20", "省紀委監委通報", [
        (C1, dict(cats=["gifts", "bribery"], regions=["云州市"], sanctions=["开除党籍", "移送检察机关"],
                  people=[("陳某", "省糧食局原副局長")], amounts=[("12.6萬元", 126000)], dates=["2020"])),
        (C2, dict(cats=["favoritism"], doms=["social_assistance"], regions=["北山县"], sanctions=["政务记过"],
                  people=[("刘某", "北山镇南村村委会主任")], amounts=[("1.1万元", 11000)], dates=["2021-04"])),
    ])
    d = mk_doc("d", "/reports/inspection-2022.txt", "inspection_report", "2022-03-01", "县委巡察反馈", [
        (D1, dict(cats=["formalism"], doms=["agriculture"], regions=["平安县"], dates=["2022"])),
    ])
    return [a, b, c, d]


@pytest.fixture
def loaded(store):
    for doc in corpus():
        store.put_document(doc)
    settle(store)
    return store


def cid(ch: str, n: int) -> str:
    return case_id(ch * 64, n)


def ids(result) -> set[str]:
    return {h.case.id for h in result.hits}


def find(store, text: str = "", **kw) -> set[str]:
    filters = Filters(**kw)
    return ids(store.search(SearchQuery(text=text, filters=filters, size=100)))


# ------------------------------------------------------------------ storing
def test_put_get_roundtrip(loaded):
    assert loaded.count_cases() == 8
    case = loaded.get_case(cid("a", 1))
    assert case is not None and case.text == A1
    assert case.people[0].name == "张某某" and case.people[0].start == A1.find("张某某")
    assert case.amounts[0].value == 32000 and case.sanctions[0].label == "党内严重警告"
    doc = loaded.get_document("a" * 64)
    assert doc is not None and doc.title.startswith("平安县") and doc.path == "/notices/county-2019.txt"
    assert [c.ordinal for c in doc.cases] == [1, 2, 3]
    assert loaded.get_case("nope-001") is None and loaded.get_document("f" * 64) is None


def test_replace_same_path_atomically(loaded):
    new = mk_doc("e", "/notices/county-2019.txt", "case_notice", "2019-09-02", "平安县通报（更正）", [
        (A2.replace("15万元", "16万元"), dict(cats=["misappropriation"], amounts=[("16万元", 160000)])),
    ])
    loaded.put_document(new)
    settle(loaded)
    assert loaded.count_cases() == 6  # 3 old cases gone, 1 new in
    assert loaded.get_case(cid("a", 1)) is None and loaded.get_document("a" * 64) is None
    assert find(loaded, "公款吃喝") == set()
    assert find(loaded, "办公楼装修") == {cid("e", 1)}


def test_put_same_document_twice_does_not_duplicate(loaded):
    loaded.put_document(corpus()[0])
    settle(loaded)
    assert loaded.count_cases() == 8
    assert find(loaded, "公款吃喝") == {cid("a", 3)}


def test_delete_document(loaded):
    assert loaded.delete_document("/notices/city-2020.txt") == 2
    settle(loaded)
    assert loaded.count_cases() == 6
    assert find(loaded, "公车私用") == set()
    assert loaded.delete_document("/no/such/file.txt") == 0


def test_iter_cases_filtered_and_stable(loaded):
    all_ids = [c.id for c in loaded.iter_cases()]
    assert len(all_ids) == 8 and all_ids == [c.id for c in loaded.iter_cases()]
    assert {c.id for c in loaded.iter_cases(Filters(category=["false_claims"]))} == {cid("a", 1), cid("b", 1)}


# ------------------------------------------------------------------ full text
def test_words_are_anded(loaded):
    assert find(loaded, "低保") >= {cid("a", 1), cid("b", 1), cid("c", 2)}
    assert find(loaded, "低保 优亲厚友") == {cid("c", 2)}


def test_phrase_needs_adjacency(loaded):
    assert find(loaded, '"虚报冒领低保金"') == {cid("a", 1), cid("b", 1)}
    assert find(loaded, "“扶贫专项资金”") == {cid("a", 2)}
    assert find(loaded, '"资金 扶贫"') == set()


def test_or_not_minus_and_parentheses(loaded):
    assert find(loaded, "公车私用 OR 公款吃喝") == {cid("b", 2), cid("a", 3)}
    assert find(loaded, "低保 -优亲厚友") == {cid("a", 1), cid("b", 1)}
    assert find(loaded, "低保 NOT 优亲厚友") == {cid("a", 1), cid("b", 1)}
    assert find(loaded, "(公车私用 OR 低保) -张某某") == {cid("b", 2), cid("c", 2)}
    assert find(loaded, "公车私用 AND 低保") == set()


def test_pure_negation_matches_everything_else(loaded):
    assert find(loaded, "-低保") == {cid("a", 2), cid("a", 3), cid("b", 2), cid("c", 1), cid("d", 1)}


def test_traditional_and_simplified_find_each_other(loaded):
    assert find(loaded, "收受礼金") == {cid("c", 1)}
    assert find(loaded, "低保評定") == {cid("c", 2)}


def test_bad_query_is_a_clear_error(loaded):
    with pytest.raises(LeianError):
        loaded.search(SearchQuery(text="(低保 OR"))


def test_negated_group_and_stacked_negations(loaded):
    assert find(loaded, "-(低保)") == find(loaded, "-低保")
    assert find(loaded, "(低保 OR 公车私用) -(优亲厚友 OR 张某某)") == find(loaded, "(低保 OR 公车私用) -优亲厚友 -张某某")
    assert find(loaded, "NOT NOT 低保") == find(loaded, "低保")
    assert find(loaded, "NOT NOT NOT 低保") == find(loaded, "-低保")


@pytest.mark.parametrize("text", ['"', '""', "--", "- -", "(" * 40 + "低保" + ")" * 40, "NOT (" * 20 + "低保" + ")" * 20,
                                  "低" * 3000, " ".join(["低保"] * 5000), "a" * 150])
def test_unanswerable_queries_are_refused_alike(loaded, text):
    with pytest.raises(LeianError):
        loaded.search(SearchQuery(text=text))


def test_snippet_highlights_query_words(loaded):
    res = loaded.search(SearchQuery(text="公车私用"))
    assert res.total == 1
    hit = res.hits[0]
    assert "【公车私用】" in hit.snippet
    assert hit.doc_path == "/notices/city-2020.txt" and hit.doc_title == "市纪委监委通报典型问题"


def test_relevance_ranks_denser_matches_first(loaded):
    res = loaded.search(SearchQuery(text="低保金"))
    assert res.hits[0].case.id in {cid("a", 1), cid("b", 1), cid("c", 2)}
    scores = [h.score for h in res.hits]
    assert scores == sorted(scores, reverse=True)


# ------------------------------------------------------------------ filters
def test_filters(loaded):
    assert find(loaded, category=["false_claims", "official_cars"]) == {cid("a", 1), cid("b", 1), cid("b", 2)}
    assert find(loaded, domain=["social_assistance"]) == {cid("a", 1), cid("b", 1), cid("c", 2)}
    assert find(loaded, region=["云州市"]) == {cid("b", 2), cid("c", 1)}
    assert find(loaded, sanction=["党内警告"]) == {cid("a", 3)}
    assert find(loaded, post=["村党支部书记"]) == {cid("a", 1), cid("b", 1)}
    assert find(loaded, post=["村委会主任"]) == {cid("c", 2)}
    assert find(loaded, doc_type=["inspection_report"]) == {cid("d", 1)}
    assert find(loaded, amount_min=100000) == {cid("a", 2), cid("c", 1)}
    assert find(loaded, amount_min=10000, amount_max=40000) == {cid("a", 1), cid("b", 1), cid("c", 2)}
    assert find(loaded, doc_id="b" * 64) == {cid("b", 1), cid("b", 2)}


def test_date_range_on_partial_dates(loaded):
    assert find(loaded, date_from="2021") == {cid("c", 2), cid("d", 1)}
    assert find(loaded, date_from="2019-06", date_to="2019-12") == {cid("a", 2), cid("b", 1)}
    assert find(loaded, date_to="2018") == {cid("a", 3)}


def test_filters_combine_with_text(loaded):
    assert find(loaded, "低保", region=["平安县"]) == {cid("a", 1), cid("b", 1)}
    assert find(loaded, "低保", date_from="2020") == {cid("c", 2)}


# ------------------------------------------------------------------ facets, sort, paging
def test_facets_count_every_field(loaded):
    res = loaded.search(SearchQuery(text="低保"))
    assert set(FACET_FIELDS) <= set(res.facets)
    cats = {f.value: f.count for f in res.facets["category"]}
    assert cats == {"false_claims": 2, "favoritism": 1}
    assert {f.value: f.count for f in res.facets["domain"]} == {"social_assistance": 3}
    assert {f.value: f.count for f in res.facets["year"]} == {"2019": 2, "2021": 1}
    assert {f.value: f.count for f in res.facets["doc_type"]} == {"case_notice": 3}
    sanctions = {f.value: f.count for f in res.facets["sanction"]}
    assert sanctions == {"党内严重警告": 2, "政务记过": 1}
    assert res.facets["category"][0].value == "false_claims"  # most frequent first


def test_amount_facet_counts_cases_per_band(loaded):
    from search.store import AMOUNT_FACET, amount_bands

    def bands(cases) -> dict[str, int]:
        out: dict[str, int] = {}
        for case in cases:
            for lo, hi, label in amount_bands():
                if lo <= case.total_amount < hi:
                    out[label] = out.get(label, 0) + 1
        return out

    everything = loaded.search(SearchQuery(size=0))
    got = everything.facets[AMOUNT_FACET]
    assert {f.value: f.count for f in got} == bands(loaded.iter_cases())
    assert len(got) >= 3  # 8,600 / 11,000–32,000 / 126,000–150,000 yuan
    order = [label for _, _, label in amount_bands()]
    assert [f.value for f in got] == sorted((f.value for f in got), key=order.index)  # in band order
    narrow = loaded.search(SearchQuery(text="低保", size=100))
    assert {f.value: f.count for f in narrow.facets[AMOUNT_FACET]} == bands(h.case for h in narrow.hits)


def test_facets_follow_filters(loaded):
    res = loaded.search(SearchQuery(filters=Filters(region=["平安县"])))
    assert res.total == 5
    assert {f.value: f.count for f in res.facets["region"]} == {"平安县": 5}


def test_sort_by_date_and_amount(loaded):
    by_date = loaded.search(SearchQuery(sort="date", size=100)).hits
    assert by_date[0].case.id == cid("d", 1)  # 2022
    assert by_date[-1].case.id == cid("a", 3)  # 2018-12
    by_amount = loaded.search(SearchQuery(sort="amount", size=3)).hits
    assert [h.case.id for h in by_amount] == [cid("a", 2), cid("c", 1)] + [by_amount[2].case.id]
    assert by_amount[2].case.total_amount == 32000


def test_hits_carry_the_date_they_sort_by(loaded):
    """Hit.date is what sort=date orders by: the case's latest date, else its document's."""
    by_date = loaded.search(SearchQuery(sort="date", size=100)).hits
    dates = [h.date for h in by_date]
    assert dates[0].startswith("2022") and dates[-1] == "2018-12"
    assert dates == sorted(dates, reverse=True)
    assert all(h.date == loaded.case_info(h.case.id)["case_date"] for h in by_date)
    assert loaded.search(SearchQuery(text="低保", size=1)).hits[0].date  # on every sort, not only by date


def test_hits_cite_their_document(store):
    """A hit says where it comes from: the document's title, issuing body and date."""
    doc = mk_doc("7", "/x/7.txt", "case_notice", "2021-06-30", "关于2起问题的通报", [
        ("某县林业局副局长甲某违规收受礼金2万元，受到党内警告处分。", {})])
    store.put_document(doc.model_copy(update={"issuer": "某县纪委监委"}))
    settle(store)
    hit = store.search(SearchQuery(text="礼金")).hits[0]
    assert (hit.doc_title, hit.doc_issuer, hit.doc_date) == ("关于2起问题的通报", "某县纪委监委", "2021-06-30")


def test_paging(loaded):
    pages = [loaded.search(SearchQuery(sort="date", page=p, size=3)) for p in (1, 2, 3, 4)]
    assert all(p.total == 8 for p in pages)
    seen = [h.case.id for p in pages for h in p.hits]
    assert len(seen) == 8 and len(set(seen)) == 8
    assert [len(p.hits) for p in pages] == [3, 3, 2, 0]


# ------------------------------------------------------------------ duplicates, similar
def test_republished_incident_is_one_duplicate_group(loaded):
    groups = loaded.duplicates()
    assert len(groups) == 1
    g = groups[0]
    assert set(g.case_ids) == {cid("a", 1), cid("b", 1)}
    assert g.representative == g.case_ids[0]
    assert 0.5 <= g.similarity <= 1.0


def test_collapse_shows_one_hit_per_incident(loaded):
    full = loaded.search(SearchQuery(text="低保"))
    collapsed = loaded.search(SearchQuery(text="低保", collapse_duplicates=True))
    assert full.total == 3 and collapsed.total == 2
    # the cases behind the incidents (what the facets count) are said either way
    assert full.cases == 3 and collapsed.cases == 3
    assert sum(v.count for v in collapsed.facets["doc_type"]) == collapsed.cases
    assert len(ids(collapsed) & {cid("a", 1), cid("b", 1)}) == 1
    copy = next(h for h in full.hits if h.duplicate_of)
    assert copy.duplicate_of in {cid("a", 1), cid("b", 1)} and copy.duplicate_of != copy.case.id


def test_similar_excludes_copies_and_explains(loaded):
    hits = loaded.similar(cid("a", 1), k=5)
    got = [h.case.id for h in hits]
    assert cid("a", 1) not in got and cid("b", 1) not in got
    assert got[0] == cid("c", 2)  # the other 低保 case, same domain
    top = hits[0]
    assert "social_assistance" in top.shared_domains
    assert any("低保" in t for t in top.shared_terms)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len(hits) <= 5


def test_similar_boosts_shared_category(store):
    base = mk_doc("1", "/x/1.txt", "case_notice", "2020", "t", [
        ("某县水利局干部甲某违规发放津贴补贴，向职工发放加班补助共计5万元。", dict(cats=["allowances"])),
        ("某县水利局干部乙某违规发放津贴补贴，截留工程款5万元用于单位福利。", dict(cats=["allowances"])),
        ("某县水利局干部丙某违规发放津贴补贴，挪用工程款5万元用于单位福利。", dict(cats=["misappropriation"])),
    ])
    store.put_document(base)
    settle(store)
    hits = store.similar(cid("1", 1), k=2)
    assert hits and hits[0].case.id == cid("1", 2) and hits[0].shared_categories == ["allowances"]


def test_similar_leaves_out_cases_alike_by_a_generic_word_only(store):
    """A case that shares no category, no domain and only a word any notice may say (村民,
    商议, a pseudonym) is not listed; one sharing the category is, whatever its wording."""
    base = mk_doc("2", "/x/2.txt", "case_notice", "2021", "t", [
        ("某村党支部书记甲某与村民商议，虚报冒领高龄津贴1.2万元，陈某知情。", dict(cats=["false_claims"])),
        ("某镇财政所会计乙某与村民商议后，虚报冒领农机补贴3万元。", dict(cats=["false_claims"])),
        ("某县图书馆馆员丙某与村民商议，陈某作陪，周末驾驶公务用车外出钓鱼。", dict(cats=["official_cars"])),
    ])
    store.put_document(base)
    settle(store)
    got = [h.case.id for h in store.similar(cid("2", 1), k=5)]
    assert cid("2", 2) in got and cid("2", 3) not in got


def test_similar_of_unknown_case_is_empty(loaded):
    assert loaded.similar("0000000000000000-001") == []


# ------------------------------------------------------------------ ledger
def test_ledger_rows(store):
    store.record(LedgerEntry(path="/in/a.pdf", sha256="1" * 64, size=10, mtime=1.5, status="ok", cases=3,
                             extractor_version="0.1.0", doc_id="1" * 64, seconds=0.2))
    store.record(LedgerEntry(path="/in/b.pdf", status="failed", error="encrypted PDF"))
    store.record(LedgerEntry(path="/in/c.xlsx", status="skipped", error="not a document type"))
    store.record(LedgerEntry(path="/in/scan.pdf", status="ok", cases=2, ocr_pages=3, ocr_confidence=97.5))
    settle(store)
    a = store.ledger("/in/a.pdf")
    assert a is not None and a.status == "ok" and a.cases == 3 and a.size == 10 and a.updated_at
    assert (a.ocr_pages, a.ocr_confidence) == (0, None)  # not OCR'd
    scan = store.ledger("/in/scan.pdf")
    assert scan is not None and (scan.ocr_pages, scan.ocr_confidence) == (3, 97.5)
    assert store.ledger("/in/nope.pdf") is None
    assert [e.path for e in store.ledger_entries("failed")] == ["/in/b.pdf"]
    assert store.ledger_entries("failed")[0].error == "encrypted PDF"
    assert len(store.ledger_entries()) == 4
    store.record(LedgerEntry(path="/in/b.pdf", status="ok", sha256="2" * 64))
    settle(store)
    assert store.ledger("/in/b.pdf").status == "ok" and store.ledger_entries("failed") == []


def test_put_document_recorded_writes_both(store):
    doc = corpus()[3]
    store.put_document_recorded(doc, LedgerEntry(path=doc.path, sha256=doc.id, status="ok", cases=1, doc_id=doc.id))
    settle(store)
    assert store.count_cases() == 1 and store.ledger(doc.path).doc_id == doc.id


def test_put_documents_recorded_stores_a_batch_each_with_its_ledger_row(store):
    docs = corpus()
    store.put_documents_recorded([(d, LedgerEntry(path=d.path, sha256=d.id, status="ok", cases=len(d.cases),
                                                  doc_id=d.id)) for d in docs])
    settle(store)
    assert store.count_documents() == len(docs) and store.count_cases() == sum(len(d.cases) for d in docs)
    assert {e.path: e.doc_id for e in store.ledger_entries()} == {d.path: d.id for d in docs}
    store.record_many([LedgerEntry(path="/in/x.pdf", status="failed", error="encrypted"),
                       LedgerEntry(path="/in/y.xlsx", status="skipped")])
    settle(store)
    assert [e.path for e in store.ledger_entries("failed")] == ["/in/x.pdf"]


def test_incident_of_and_an_index_that_needs_no_rebuild_or_gets_one(loaded):
    copy, original = corpus()[1].cases[0].id, corpus()[0].cases[0].id
    assert loaded.incident_of(copy) == loaded.incident_of(original) == original
    assert loaded.incident_of("f" * 64 + "-999") == ""
    done = loaded.rebuild_index()
    assert done is None or done.startswith("reindex()")
    settle(loaded)
    assert loaded.count_cases() == sum(len(d.cases) for d in corpus())


# ------------------------------------------------------------------ synonyms (config/synonyms.yaml)
E1 = ("乡财政所所长孙某大吃大喝问题。2021年，孙某多次在辖区酒店大吃大喝，费用由下属单位报销，共计1.2万元。"
      "孙某受到党内警告处分。")
E2 = ("西岭村村支书周某套取危房改造补助资金问题。2020年，周某为不符合条件的亲属申报危房改造，"
      "套取补助资金2.4万元。周某受到撤销党内职务处分。")


@pytest.fixture
def with_synonyms(loaded):
    loaded.put_document(mk_doc("e", "/notices/town-2021.txt", "case_notice", "2021-11-02", "乡纪委通报", [
        (E1, dict(cats=["banquets"], regions=["平安县"], sanctions=["党内警告"], dates=["2021"])),
        (E2, dict(cats=["false_claims"], regions=["平安县"], sanctions=["撤销党内职务"], dates=["2020"])),
    ]))
    settle(loaded)
    return loaded


def test_synonyms_find_the_concept_not_only_the_string(with_synonyms):
    st = with_synonyms
    # A3 says 公款吃喝 (and 公款宴请), E1 大吃大喝: one concept
    assert find(st, "公款吃喝") == find(st, "大吃大喝") == {cid("a", 3), cid("e", 1)}
    res = st.search(SearchQuery(text="公款吃喝"))
    assert res.total == 2 and res.also_searched == {"公款吃喝": ["违规吃喝", "大吃大喝", "公款宴请"]}
    exact = st.search(SearchQuery(text="公款吃喝", exact=True))
    assert {h.case.id for h in exact.hits} == {cid("a", 3)} and exact.also_searched == {}
    # a post alias: 村支书 (E2) is a 村党支部书记 (A1, B1)
    assert find(st, "村党支部书记") == {cid("a", 1), cid("b", 1), cid("e", 2)}
    # both words expand: a 村党支部书记 who 虚报冒领 is found too
    assert find(st, "村支书 套取") == {cid("a", 1), cid("b", 1), cid("e", 2)}
    assert ids(st.search(SearchQuery(text="村支书 套取", exact=True, size=100))) == {cid("e", 2)}
    # 虚报冒领 / 冒领 / 套取 / 骗取
    assert find(st, "冒领") == {cid("a", 1), cid("b", 1), cid("e", 2)}


def test_synonyms_of_phrases_and_negations(with_synonyms):
    st = with_synonyms
    assert find(st, '"大吃大喝"') == {cid("a", 3), cid("e", 1)}
    assert ids(st.search(SearchQuery(text='"大吃大喝"', exact=True, size=100))) == {cid("e", 1)}
    # -公款吃喝 excludes the whole group: neither A3 nor E1
    assert find(st, "处分 -公款吃喝") == find(st, "处分") - {cid("a", 3), cid("e", 1)}
    assert find(st, "-大吃大喝") == find(st) - {cid("a", 3), cid("e", 1)}
    # the synonym found is highlighted
    hit = st.search(SearchQuery(text="公款吃喝 -公款宴请 OR 违规吃喝")).hits
    assert hit and all("【" in h.snippet for h in hit)
    e1 = next(h for h in st.search(SearchQuery(text="公款吃喝")).hits if h.case.id == cid("e", 1))
    assert "【大吃大喝】" in e1.snippet


F1 = "仙桃市陈场镇财政所会计吴某挪用低保资金问题。吴某受到党内警告处分。"
F2 = "阿坝藏族羌族自治州某局科员马某违规收受礼金问题。马某受到政务警告处分。"
F3 = "某镇民政办主任郑某优亲厚友问题。郑某受到诫勉处理。"


@pytest.fixture
def with_divisions(loaded):
    loaded.put_document(mk_doc("f", "/notices/divisions.txt", "case_notice", "2022-03-01", "通报", [
        (F1, dict(regions=["仙桃市"])), (F2, dict(regions=["阿坝藏族羌族自治州"]))]))
    doc = mk_doc("9", "/notices/xiantao.txt", "case_notice", "2022-04-01", "通报", [(F3, {})])
    loaded.put_document(doc.model_copy(update={"issuer": "仙桃市纪委监委"}))
    settle(loaded)
    return loaded


def test_region_filter_rolls_up_to_province_and_reads_short_names(with_divisions):
    st = with_divisions
    assert find(st, region=["湖北省"]) == {cid("f", 1), cid("9", 1)}  # 仙桃市, and the issuer's place
    assert find(st, region=["湖北"]) == find(st, region=["湖北省"])
    assert find(st, region=["仙桃"]) == {cid("f", 1), cid("9", 1)}
    assert find(st, region=["阿坝州"]) == {cid("f", 2)}
    assert find(st, region=["四川省"]) == {cid("f", 2)}
    assert find(st, region=["平安县"]) == {cid("a", 1), cid("a", 2), cid("a", 3), cid("b", 1), cid("d", 1)}
    res = st.search(SearchQuery(filters=Filters(region=["湖北省"])))
    assert {f.value: f.count for f in res.facets["region"]} == {"湖北省": 2, "仙桃市": 2}
