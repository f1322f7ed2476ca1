"""The class-case summary: every figure recomputed from the cases whose ids the JSON gives."""
from __future__ import annotations

import json
import re
import statistics

import pytest

from config import load_yaml
from extractors.divisions import case_divisions
from search.classes import ClassDef, category_class, select_class
from search.posts import posts_of
from search.reports import write_report
from search.store import DuplicateGroup
from search.summary import DocRef, Summary, build_summary, fmt_yuan, summarize
from search.text import official, simplify
from tests.search.class_cases import documents, role_documents


def _inputs():
    docs = documents()
    cases = [c for d in docs for c in d.cases]
    b, copy = docs[0].cases[1].id, docs[1].cases[0].id
    groups = [DuplicateGroup(representative=b, case_ids=[b, copy], similarity=0.9)]
    return docs, cases, groups


def _lowbao_summary() -> tuple[Summary, dict]:
    docs, cases, groups = _inputs()
    lowbao = [c for c in cases if any(d.code == "subsistence_allowance" for d in c.domains)]
    s = build_summary(lowbao, groups, {d.id: DocRef.of(d) for d in docs},
                      ClassDef(id="dibao", name="低保领域问题", kind="saved", query="低保"),
                      generated_at="2026-01-01T00:00:00+00:00")
    return s, {c.id: c for c in cases}


def test_json_figures_recompute_from_the_cases_behind_them(tmp_path):
    s, by_id = _lowbao_summary()
    out = tmp_path / "s.json"
    write_report(s, out, "json")
    data = json.loads(out.read_text(encoding="utf-8"))

    # scope: 6 cases, one republished → 5 incidents; the copy is listed, not counted
    sc = data["scope"]
    assert (sc["cases"], sc["incidents"], sc["documents"]) == (6, 5, 2)
    assert len(sc["incident_ids"]) == sc["incidents"] and len(sc["case_ids"]) == sc["cases"]
    assert len(sc["copies"]) == 1 and set(sc["copies"][0]) <= set(sc["case_ids"])
    assert not set(sc["copies"][0][1:]) & set(sc["incident_ids"])
    incidents = sc["incident_ids"]
    for level, tallies in sc["regions"].items():
        for t in tallies:
            assert t["count"] == len(t["case_ids"])
            for cid in t["case_ids"]:
                # an extracted place, or a division on its chain (extractors.divisions)
                assert (any(simplify(r.name) == t["key"] and r.level == level for r in by_id[cid].regions)
                        or any(getattr(d, level, "") == t["key"] for d in case_divisions(by_id[cid])))
    all_dates = [v for cid in incidents for d in by_id[cid].dates for v in (d.value, d.end_value) if v]
    assert (sc["date_from"], sc["date_to"]) == (min(all_dates), max(all_dates)) == ("2016", "2021-08")
    assert all(any(d.value == sc["date_to"] or d.end_value == sc["date_to"] for d in by_id[cid].dates)
               for cid in sc["date_to_case_ids"])

    # money: total, median, largest from the amounts of the cases named
    m = data["money"]
    amounts = {cid: by_id[cid].total_amount for cid in m["total"]["case_ids"]}
    assert m["total"]["value"] == pytest.approx(sum(amounts.values())) == pytest.approx(32000 + 86000 + 24000 + 15000)
    assert m["median"]["value"] == pytest.approx(statistics.median(amounts.values()))
    assert m["largest"]["value"] == max(amounts.values()) == by_id[m["largest"]["case_ids"][0]].total_amount
    assert m["total"]["approximate"] is True  # 8.6万余元
    assert set(m["total"]["case_ids"]) <= set(incidents)  # the copy's 8.6万余元 is not counted twice
    returned = sum(a.value for cid in m["returned"]["case_ids"] for a in by_id[cid].amounts if a.role == "returned")
    assert m["returned"]["value"] == pytest.approx(returned) == 11000

    # who: people per post, recounted from the people of the cases named
    for t in data["who"]["posts"]:
        recount = sum(1 for cid in t["case_ids"] for p in by_id[cid].people if t["key"] in posts_of(p.position))
        assert t["count"] == recount
    posts = {t["key"]: t["count"] for t in data["who"]["posts"]}
    assert posts["村党支部书记"] == 4 and posts["村委会主任"] == 3 and posts["村会计、报账员"] == 1
    assert data["who"]["people"] == 6  # 王孙标 李建国 张某某 劉某 杨某 赵某: the copy's people not twice
    # categories and domains
    for t in data["what"]["categories"]:
        assert t["count"] == len(t["case_ids"])
        assert all(any(c.code == t["key"] for c in by_id[cid].categories) for cid in t["case_ids"])
    # sanctions: each label's incidents are exactly those that state it
    for t in data["sanctions"]["distribution"]:
        expected = sorted(cid for cid in incidents if any(x.label == t["label"] for x in by_id[cid].sanctions))
        assert t["case_ids"] == expected and t["incidents"] == len(expected)
    for r in data["sanctions"]["reference"]:
        vals = [by_id[cid].total_amount for cid in r["case_ids"] if by_id[cid].total_amount > 0]
        if vals:
            assert r["amount_min"]["value"] == min(vals) and r["amount_max"]["value"] == max(vals)
            assert r["amount_median"]["value"] == pytest.approx(statistics.median(vals))
    for band in data["sanctions"]["bands"]:
        for cid in band["case_ids"]:
            v = by_id[cid].total_amount
            assert (v <= 0) if band["high"] == 0.0 else (band["low"] <= v and (band["high"] is None or v < band["high"]))
    # measures and gaps name their cases, all inside the class
    for item in data["measures"] + data["gaps"]:
        assert item["case_ids"] and set(item["case_ids"]) <= set(incidents)
    for g in data["gaps"]:
        if g["cues"]:
            assert all(any(cue in simplify(by_id[cid].text) for cue in g["cues"]) for cid in g["case_ids"])


def test_pattern_is_built_from_the_cases_words_and_figures():
    s, by_id = _lowbao_summary()
    w = s.what
    assert "5起" in w.pattern and "虚报冒领" in w.pattern and "村党支部书记（4人）" in w.pattern
    assert "15.7万余元" in w.pattern
    # every example is a phrase of the case it is quoted from, in simplified script
    for b in w.behaviours:
        for ex in b.examples:
            assert ex["text"] and ex["text"] in official(by_id[ex["case_id"]].text)
    assert any(t.term == "低保" for t in w.terms)
    assert all(t.count == len(t.case_ids) for t in w.terms)


def test_typical_cases_are_three_to_five_distinct_incidents_with_sources():
    s, by_id = _lowbao_summary()
    ids = [t.case_id for t in s.typical]
    assert 3 <= len(ids) <= 5 and len(set(ids)) == len(ids)
    assert set(ids) <= set(s.scope.incident_ids)
    for t in s.typical:
        assert t.source.file.endswith(".txt") and "/" not in t.source.file and t.source.title
        assert t.source.issuer == "某市纪委监委" and t.source.date == "2021-06-01"
        assert t.excerpt and t.excerpt[:10] in official(by_id[t.case_id].text.replace("\n", ""))
    republished = next(t for t in s.typical if t.copies) if any(t.copies for t in s.typical) else None
    if republished:
        assert republished.copies[0].file == "province-2021-lowbao.txt"


def test_traditional_script_cases_count_with_simplified_ones():
    s, _ = _lowbao_summary()
    provinces = {t.key for t in s.scope.regions["province"]}
    assert "山东省" in provinces and "山東省" not in provinces
    assert "阳谷县安乐镇红旗村" in {t.key for t in s.who.units}


def test_every_category_has_measures_and_gaps():
    conf = load_yaml("rectification.yaml")
    codes = [c["code"] for c in load_yaml("taxonomy.yaml")["categories"]]
    for code in codes:
        entry = conf["categories"][code]
        assert len(entry["measures"]) >= 2, code
        assert all(m["title"] and len(m["detail"]) >= 20 for m in entry["measures"]), code
        assert entry["gaps"] and all(g["cues"] for g in entry["gaps"]), code
    titles = [m["title"] for e in conf["categories"].values() for m in e["measures"]]
    for practice in ("小微权力清单", "“三资”公开与监管平台", "申请对象三级审核公示", "工程项目招投标监管", "公务接待“三单”制度",
                     "公务用车管理平台", "补贴资金“一卡通”直达", "财务审批和不相容岗位分离", "政务公开与办事公开"):
        assert practice in titles
    # every domain the extractor knows maps to measures or falls back to its categories
    domain_codes = {d["code"] for d in load_yaml("domains.yaml")["domains"]}
    matched = {c for d in conf["domains"] for c in d["match"]}
    assert len(domain_codes & matched) >= len(domain_codes) - 3


def test_measures_follow_the_class_categories_and_domains():
    s, _ = _lowbao_summary()
    scopes = [(m.kind, m.scope) for m in s.measures]
    assert ("category", "虚报冒领") in scopes and ("domain", "低保和社会救助") in scopes and ("general", "通用") in scopes
    assert scopes.index(("category", "虚报冒领")) < scopes.index(("category", "优亲厚友"))  # the larger first
    assert any("一肩挑" in g.gap for g in s.gaps)  # 李建国 and 劉某 hold both village posts


def test_an_empty_class_still_makes_a_report(tmp_path):
    s = build_summary([], [], {}, category_class("umbrella"), generated_at="2026-01-01T00:00:00+00:00")
    assert s.scope.cases == 0 and s.money.total.value == 0 and s.typical == []
    for fmt in ("json", "md", "docx"):
        files = write_report(s, tmp_path / f"empty.{fmt}", fmt)
        assert files[0].stat().st_size > 0


def test_money_wording():
    assert fmt_yuan(21_000_000) == "2100万元"
    assert fmt_yuan(157_000, approximate=True) == "15.7万余元"
    assert fmt_yuan(8600) == "8600元"
    assert fmt_yuan(120_000_000) == "1.2亿元"


def test_same_summary_from_the_store_as_from_the_cases(store, tmp_path):
    """Whatever the backend, the summary depends only on the cases and the duplicate groups."""
    docs, cases, groups = _inputs()
    for d in docs:
        store.put_document(d)
    assert [sorted(g.case_ids) for g in store.duplicates()] == [sorted(groups[0].case_ids)]
    cd, found = select_class(store, saved_path=tmp_path / "classes.json", category="false_claims")
    from_store = summarize(store, cd, found, generated_at="2026-01-01T00:00:00+00:00")
    wanted = [c for c in cases if any(x.code == "false_claims" for x in c.categories)]
    refs = {d.id: DocRef.of(d) for d in docs}
    direct = build_summary(wanted, groups, refs, cd, generated_at="2026-01-01T00:00:00+00:00")
    assert from_store.model_dump() == direct.model_dump()
    assert from_store.scope.incidents == 4


def test_markdown_keeps_what_documents_say_as_text(tmp_path):
    from markdown_it import MarkdownIt

    docs, cases, groups = _inputs()
    evil = '<img src=x onerror="alert(1)"><iframe srcdoc="x"></iframe>**粗体** [链接](http://x)'
    for d in docs:
        d.title = evil + d.title
    for c in cases:
        c.text = evil + c.text
        c.title = evil + (c.title or "")
    lowbao = [c for c in cases if any(d.code == "subsistence_allowance" for d in c.domains)]
    s = build_summary(lowbao, groups, {d.id: DocRef.of(d) for d in docs},
                      ClassDef(id="x", name=evil, kind="saved", query="低保"),
                      generated_at="2026-01-01T00:00:00+00:00")
    md = write_report(s, tmp_path / "x.md", "md")[0].read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").render(md)
    assert not re.search(r"<[^>]*onerror", html) and "<iframe" not in html and 'href="http://x"' not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html  # shown, as written
    assert "**粗体**" in html  # not turned into bold


def _roles_summary() -> tuple[Summary, dict]:
    docs = role_documents()
    cases = [c for d in docs for c in d.cases]
    s = build_summary(cases, [], {d.id: DocRef.of(d) for d in docs},
                      ClassDef(id="sanzi", name="农村集体三资问题", kind="saved", query="集体资金"),
                      generated_at="2026-01-01T00:00:00+00:00")
    return s, {c.id: c for c in cases}


def test_each_sanctioned_person_carries_their_own_sum_in_the_reference():
    s, by_id = _roles_summary()
    amounts = {p.person: p.amount for p in s.sanctions.precedents}
    assert amounts["钱某某"] == 6320.0  # the cashier's own 6320元, not the 48.6万元 shared out
    assert amounts["孙某某"] == 486_000.0
    warning = next(r for r in s.sanctions.reference if r.label == "党内警告")
    assert warning.amount_min.value == warning.amount_max.value == 6320.0
    removal = next(r for r in s.sanctions.reference if r.label == "撤销党内职务")
    assert removal.amount_max.value == 486_000.0


def test_rates_recovered_sums_and_statistics_are_no_involved_sums():
    s, by_id = _roles_summary()
    fee = next(c for c in by_id.values() if "吴某" in c.text)
    assert fee.total_amount == 16_200.0  # not the 260万元 statistic, not the 30元 rate
    m = s.money
    per_case = {a.case_id: a.value for a in m.per_case}
    assert per_case[fee.id] == 16_200.0
    assert m.recovered.value == 16_200.0 and m.recovered.case_ids == [fee.id]
    assert m.total.value == 486_000.0 + 16_200.0 + 30_000.0
    assert min(per_case.values()) == 16_200.0  # the 30元 rate sets no low end
    reference = next(r for r in s.sanctions.reference if r.label == "政务警告")
    assert reference.amount_min.value == 16_200.0


def test_villagers_bribers_and_relatives_are_not_counted_among_the_people():
    s, _ = _roles_summary()
    assert s.who.people == 4  # 孙某某 钱某某 吴某 郑某; not 周某某 (村民), 冯某 (包工头), 陈某 (妻弟)
    assert s.who.others.count == 3 and len(s.who.others.case_ids) == 2
    posts = {t.key for t in s.who.posts}
    assert not any("村民" in p or "包工头" in p for p in posts)
    for t in s.typical:
        assert not any(n.startswith(("周某某", "冯某", "陈某")) for n in t.people)


def test_an_inspection_finding_is_counted_apart_and_is_never_the_largest_case(tmp_path):
    s, by_id = _roles_summary()
    finding = next(c for c in by_id.values() if "巡察发现" in c.text)
    assert s.scope.findings == 1 and s.scope.finding_ids == [finding.id]
    assert s.money.largest.case_ids != [finding.id] and s.money.largest.value == 486_000.0
    assert finding.id not in s.money.total.case_ids
    assert s.money.findings.value == 8_500_000.0 and s.money.findings.case_ids == [finding.id]
    assert finding.id not in s.sanctions.without_sanction.case_ids
    kinds = {t.case_id: t.kind for t in s.typical}
    if finding.id in kinds:
        assert kinds[finding.id] == "巡察发现问题"
    md = write_report(s, tmp_path / "r.md", "md")[0].read_text(encoding="utf-8")
    assert "1起为巡察（巡视）发现的问题" in md and "未计入上述合计" in md


def test_provinces_counted_from_the_division_data():
    """涉及N个省 comes from extractors.divisions: a case naming only 仙桃市 counts 湖北省, one
    naming no place counts its issuer's province, 阿坝州 counts 四川省."""
    from extractors.model import Case, Document, Region

    def case(doc_id: str, *regions: tuple[str, str]) -> Case:
        return Case(id=f"{doc_id}-1", doc_id=doc_id, ordinal=1, text="某某虚报冒领低保金问题。",
                    regions=[Region(name=n, level=lv, normalized=n) for n, lv in regions])

    cases = [case("d1", ("仙桃市", "county"), ("陈场镇", "township")), case("d2", ("阿坝州", "city")),
             case("d3"), case("d4", ("湖北", "province"), ("武汉市", "city"))]
    refs = {f"d{i}": DocRef(id=f"d{i}") for i in (1, 2, 4)}
    refs["d3"] = DocRef.of(Document(id="d3", path="/x/d3.txt", text="", issuer="福州市纪委监委"))
    s = build_summary(cases, [], refs, ClassDef(id="x", name="x", kind="saved", query="低保"))
    prov = {t.key: t.count for t in s.scope.regions["province"]}
    assert prov == {"湖北省": 2, "四川省": 1, "福建省": 1}
    assert {t.key for t in s.scope.regions["city"]} == {"阿坝藏族羌族自治州", "福州市", "武汉市"}
    assert {t.key for t in s.scope.regions["county"]} == {"仙桃市"}
    assert {t.key for t in s.scope.regions["township"]} == {"陈场镇"}
