"""The whole extraction on sample documents written for these tests (golden files), and
the promise that every span points into the ORIGINAL text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.model import case_id
from extractors.pipeline import extract_file, extract_text, render_html

HERE = Path(__file__).resolve().parent
SAMPLES = sorted((HERE / "samples").glob("*.txt"))


def _summary(doc) -> dict:
    return {"doc_type": doc.doc_type, "cases": [{
        "starts_with": c.text[:12],
        "people": [{"name": p.name, "position": p.position} for p in c.people],
        "amounts": [{"text": a.text, "value": a.value} for a in c.amounts],
        "sanctions": sorted({s.label for s in c.sanctions}),
        "categories": [x.code for x in c.categories]} for c in doc.cases]}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_golden(sample):
    want = json.loads((HERE / "golden" / f"{sample.stem}.json").read_text(encoding="utf-8"))
    assert _summary(extract_file(sample)) == want


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_span_is_a_slice_of_the_original(sample):
    doc = extract_file(sample)
    text = doc.text
    for case in doc.cases:
        assert text[case.start:case.end] == case.text
        for p in case.people:
            assert text[p.start:p.end] == p.name
        for a in case.amounts:
            assert text[a.start:a.end] == a.text
        for c in case.categories:
            if c.evidence:
                assert text[c.start:c.end] == c.evidence
        for s in case.sanctions:
            assert case.start <= s.start < s.end <= case.end


def test_traditional_text_stays_traditional():
    doc = extract_file(HERE / "samples" / "traditional-bracket-cases.txt")
    assert doc.cases[0].people[0].name == "陳志強"
    assert doc.cases[0].people[0].position == "縣水利局原局長"
    assert doc.cases[1].sanctions[0].label == "党内严重警告"  # canonical labels are simplified
    assert doc.cases[1].sanctions[0].person == "周建平"
    assert doc.date == "2023-04-12" and doc.title.startswith("市紀委監委")


def test_stable_case_ids():
    text = (HERE / "samples" / "nested-sections-notice.txt").read_text(encoding="utf-8")
    a, b = extract_text(text), extract_text(text)
    assert [c.id for c in a.cases] == [c.id for c in b.cases]
    assert a.cases[1].id == case_id(a.id, 2)


def test_sanction_linked_to_the_person_named_before_it():
    doc = extract_file(HERE / "samples" / "single-case-article.txt")
    assert {s.person for s in doc.cases[0].sanctions} == {"孙立伟"}


def test_contract_keys():
    out = extract_file(HERE / "samples" / "nested-sections-notice.txt").contract()
    assert out["doc_type"] == "case_notice"
    case = out["cases"][0]
    assert {"text", "people", "amounts", "sanctions", "categories"} <= set(case)
    assert {"code", "label"} <= set(case["categories"][0])
    json.dumps(out, ensure_ascii=False)


def test_empty_and_whitespace_text():
    assert extract_text("").cases == []
    assert extract_text(" \n\n ").cases == []


def test_html_rendering_has_original_text_and_labels():
    text = (HERE / "samples" / "traditional-bracket-cases.txt").read_text(encoding="utf-8")
    html = render_html(text)
    assert "陳志強" in html and "PERSON" in html and "CASE 1" in html and "bribery" in html


def test_issuer_and_signature_date():
    doc = extract_text("关于2起典型问题的通报\n现将2起问题通报如下：\n1.某局局长王大明公款旅游，受到党内警告处分。\n"
                       "2.某镇镇长李小华公车私用，受到诫勉。\n中共某市纪委\n2022年6月15日")
    assert doc.date == "2022-06-15"
    assert len(doc.cases) == 2 and "中共某市纪委" not in doc.cases[-1].text


def _write_pdf(text: str, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
    if not font.exists():
        pytest.skip("fonts-wqy-zenhei missing (scripts/system-deps.sh installs it)")
    pdfmetrics.registerFont(TTFont("wqy", str(font), subfontIndex=0))
    style = ParagraphStyle("zh", fontName="wqy", fontSize=11, leading=16, wordWrap="CJK")
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph(line, style) for line in text.split("\n") if line.strip()])


def _write_docx(text: str, path: Path) -> None:
    import docx

    d = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            d.add_paragraph(line)
    d.save(str(path))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("sample", ["nested-sections-notice", "traditional-bracket-cases"])
def test_pdf_and_docx_give_the_same_cases_as_text(tmp_path, fmt, sample):
    src = HERE / "samples" / f"{sample}.txt"
    out = tmp_path / f"{sample}.{fmt}"
    (_write_pdf if fmt == "pdf" else _write_docx)(src.read_text(encoding="utf-8"), out)
    want = _summary(extract_file(src))
    got = _summary(extract_file(out))
    for w, g in zip(want["cases"], got["cases"]):
        w.pop("starts_with"), g.pop("starts_with")
    assert got == want
