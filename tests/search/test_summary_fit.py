"""A summary fit to send to a Party committee (issue 12): simplified script and full-width
punctuation throughout, sources cited by title, issuer and date with no path, consistent
numbering, no 为主 of one case, typical cases explained in words, measures only for the cases
they answer, class labels without repeats."""
from __future__ import annotations

import json
import re

from docx import Document as open_docx

from search.classes import ClassDef, category_classes
from search.normalize import to_simplified
from search.reports import write_report
from search.reports.outline import Heading, outline
from search.store import DuplicateGroup
from search.summary import DocRef, build_summary, cn_number
from search.text import nest_quotes, official
from tests.search.class_cases import (
    BANQUET_A,
    FEE_ENTERPRISE,
    FEE_RATE,
    PROJECT_A,
    build_document,
    documents,
    role_documents,
    web_page_document,
)

AT = "2026-01-01T00:00:00+00:00"


def _summary(docs, name="测试类案", groups=()):
    cases = [c for d in docs for c in d.cases]
    return build_summary(cases, list(groups), {d.id: DocRef.of(d) for d in docs},
                         ClassDef(id="t", name=name, kind="saved", query="问题"), generated_at=AT)


def _fit_docs():
    docs = documents() + [web_page_document()]
    b, copy = docs[0].cases[1].id, docs[1].cases[0].id
    return docs, [DuplicateGroup(representative=b, case_ids=[b, copy], similarity=0.9)]


def _lowbao(docs):
    """The low-income-allowance cases only, so the traditional-script ones are typical."""
    for d in docs:
        d.cases = [c for c in d.cases if any(x.code == "subsistence_allowance" for x in c.domains)]
    return [d for d in docs if d.cases]


def _docx_text(path) -> str:
    doc = open_docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def test_the_docx_is_all_simplified_with_full_width_punctuation(tmp_path):
    docs, groups = _fit_docs()
    s = _summary(_lowbao(docs), "低保问题", groups)
    trad = next(t for t in s.typical if "陈某" in "".join(t.people))  # the traditional-script case is quoted
    assert trad.excerpt.startswith("2019年至2021年，陈某以“照顾困难户”为名，") and "石角村" in trad.headline
    assert "“‘低保专业户’的保护伞”" in trad.excerpt  # the original wording, converted, inner quotes single
    path = write_report(s, tmp_path / "s.docx", "docx")[0]
    text = _docx_text(path)
    assert to_simplified(text) == text  # no traditional character left
    assert "劉某" not in text and "刘某" in text and "陈某" in text
    han_comma = re.compile(r"[\u4e00-\u9fff][,;:!?()]|[,;:!?()][\u4e00-\u9fff]")
    assert not han_comma.search(text), han_comma.search(text)
    assert "「" not in text and "」" not in text
    md = write_report(s, tmp_path / "s.md", "md")[0].read_text(encoding="utf-8")
    assert to_simplified(md) == md


def test_official_text():
    assert official("2019年,王孫標負責「低保」工作(村主任).") == "2019年，王孙标负责“低保”工作（村主任）。"
    assert official("合计65.53万元,08:38发布") == "合计65.53万元，08:38发布"
    assert nest_quotes("如“罗学华的“落马”正是”") == "如“罗学华的‘落马’正是”"
    assert nest_quotes("“甲”与“乙”") == "“甲”与“乙”"


def test_no_nested_double_quotes_in_any_heading_or_line(tmp_path):
    docs = role_documents()  # 农村集体“三资”管理违规, 村“两委”
    s = _summary(docs, "农村集体“三资”问题")
    md = write_report(s, tmp_path / "r.md", "md")[0].read_text(encoding="utf-8")
    assert "针对“农村集体‘三资’管理违规”问题" in md
    for line in md.splitlines():
        depth = 0
        for ch in line:
            depth += ch == "“"
            depth -= ch == "”"
            assert depth <= 1, line


def test_sources_are_title_issuer_and_date_and_never_a_path(tmp_path):
    docs, groups = _fit_docs()
    page = docs[-1]
    ref = DocRef.of(page)
    assert (ref.title, ref.issuer, ref.date) == ("石角村党支部书记虚报冒领低保金被严重警告", "南方纪检网", "2022-04-08")
    assert ref.file == "page.html" and ref.citation() == "《石角村党支部书记虚报冒领低保金被严重警告》（南方纪检网，2022年4月8日）"
    undated = DocRef(id="x", title="关于3起问题的通报", issuer="某县纪委")
    assert undated.citation() == "《关于3起问题的通报》（某县纪委，原文未载明日期）"
    assert undated.citation().count("未载明日期") == 1
    s = _summary(docs, "全部问题", groups)
    for fmt in ("md", "docx", "json"):
        out = write_report(s, tmp_path / f"s.{fmt}", fmt)[0]
        text = _docx_text(out) if fmt == "docx" else out.read_text(encoding="utf-8")
        assert "/tmp/" not in text and "/notices/" not in text and "leian-xyz123" not in text, fmt
        assert not re.search(r"(?<![\w.])/(?:[\w.-]+/)+[\w.-]+", text.replace("GB/T", "")), fmt
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert all("/" not in d["file"] for d in data["documents"]) and "path" not in data["documents"][0]
    md = (tmp_path / "s.md").read_text(encoding="utf-8")
    sources = md[md.index("表9 来源文件"):]
    assert "| 《石角村党支部书记虚报冒领低保金被严重警告》 | 南方纪检网 | 2022年4月8日 | 1 |" in sources
    assert "—" not in sources


def test_numbering_runs_past_ten_in_chinese():
    assert [cn_number(n) for n in (1, 9, 10, 11, 19, 20, 21, 99)] == ["一", "九", "十", "十一", "十九", "二十", "二十一",
                                                                      "九十九"]
    docs = documents() + role_documents() + [build_document("fees", [FEE_ENTERPRISE])]
    s = _summary(docs)
    subs = [b.text for b in outline(s) if isinstance(b, Heading) and b.level == 2]
    measures = subs[len(s.typical):]
    assert len(measures) > 10
    assert [re.match(r"（([一二三四五六七八九十]+)）", t).group(1) for t in measures] == \
        [cn_number(k) for k in range(1, len(measures) + 1)]
    assert not any(re.match(r"（\d", t) for t in subs)


def test_no_main_kind_of_one_case(tmp_path):
    docs = [build_document("mixed", [BANQUET_A, PROJECT_A, FEE_RATE])]
    s = _summary(docs)
    md = write_report(s, tmp_path / "m.md", "md")[0].read_text(encoding="utf-8")
    assert "1起为主" not in md and "（1人）" not in md and "集中在" not in s.what.pattern
    assert "问题类型为" in s.what.pattern


def test_a_typical_case_is_explained_in_words():
    docs, groups = _fit_docs()
    s = _summary(docs, "全部问题", groups)
    for t in s.typical:
        assert "相似度" not in t.reason and not re.search(r"\d\.\d\d(?!万)", t.reason)
        if t.amount:
            assert "金额" in t.reason
        if t.sanctions:
            assert any(x in t.reason for x in t.sanctions)
        assert "本类" in t.reason  # what makes it representative of the class
        assert t.similarity is not None  # the figure stays in the JSON
    big = next(t for t in s.typical if t.amount == 3_200_000.0) if any(t.amount == 3_200_000.0 for t in s.typical) else None
    if big:
        assert "居第一位" in big.reason


def test_measures_answer_the_cases_present_and_say_how_many():
    s = _summary(role_documents())
    titles = {m.title: m for m in s.measures}
    fee = next(c for d in role_documents() for c in d.cases if "吴某" in c.text)
    # a fee the village charged its villagers: no measure on fees charged to enterprises
    assert "收费清单和执法公示" not in titles
    assert titles["基层收费项目清单和公示"].case_ids == [fee.id]
    assert all(m.case_ids for m in s.measures)
    scopes = {m.scope for m in s.measures if m.kind == "domain"}
    assert scopes <= {"农村集体“三资”", "工程建设项目", "向群众收费"}
    # a fee charged to enterprises by a law-enforcement office gets them
    s2 = _summary([build_document("fees", [FEE_ENTERPRISE])])
    assert "收费清单和执法公示" in {m.title for m in s2.measures}
    assert "基层收费项目清单和公示" not in {m.title for m in s2.measures}
    # measures of a category that speak of things no case of the class has are left out
    s3 = _summary([build_document("mixed", [BANQUET_A, PROJECT_A])])
    assert "项目资金验收报账" not in {m.title for m in s3.measures}


def test_measure_counts_are_printed(tmp_path):
    s = _summary(role_documents())
    md = write_report(s, tmp_path / "r.md", "md")[0].read_text(encoding="utf-8")
    items = [line for line in md.splitlines() if re.match(r"\d+\. \*\*", line) and "八、" not in line]
    measures = [line for line in items if any(m.title in line for m in s.measures)]
    assert measures and all(re.search(r"（(涉及本类|本类全部)\d+起问题）$", line) for line in measures)


def test_class_labels_do_not_repeat():
    docs = role_documents()
    cases = [c for d in docs for c in d.cases]
    listing = category_classes(cases, [], min_incidents=1)
    ids = [c.id for c in listing]
    assert "collective_assets+collective_assets" not in ids and "collective_assets" in ids
    for c in listing:
        parts = c.name.split("·")
        assert len(parts) == len(set(parts)), c.name
        assert not any(a != b and (a in b or b in a) for a in parts for b in parts), c.name
