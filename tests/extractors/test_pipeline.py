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


TABLE_ROWS = [("1", "陈某", "县财政局副局长", "违规收受管理服务对象所送购物卡，价值8000元", "党内警告处分"),
              ("2", "杜某某", "县交通局工会主席", "公车私用，驾驶公务用车回老家，产生费用900元", "诫勉谈话"),
              ("3", "江某", "某镇党委委员", "违规操办儿子婚宴，收受礼金1.5万元", "党内严重警告处分")]
TABLE_WANT = [
    ([("陈某", "县财政局副局长")], [8000.0], ["党内警告"], ["gifts"]),
    ([("杜某某", "县交通局工会主席")], [900.0], ["诫勉"], ["official_cars"]),
    ([("江某", "某镇党委委员")], [15000.0], ["党内严重警告"], ["feasts", "gifts"]),
]


def _table_cases(doc):
    return [([(p.name, p.position) for p in c.people], [a.value for a in c.amounts],
             sorted({s.label for s in c.sanctions}), [x.code for x in c.categories]) for c in doc.cases]


def test_cases_listed_one_per_table_row_in_docx(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("关于第三季度违反中央八项规定精神问题查处情况的通报")
    d.add_paragraph("现将第三季度查处的问题通报如下：")
    table = d.add_table(rows=1, cols=5)
    for cell, head in zip(table.rows[0].cells, ["序号", "姓名", "单位及职务", "主要问题", "处理结果"]):
        cell.text = head
    for row in TABLE_ROWS:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = value
    d.add_paragraph("各单位要引以为戒。")
    path = tmp_path / "table.docx"
    d.save(path)
    doc = extract_file(path)
    assert doc.doc_type == "case_notice"
    assert _table_cases(doc) == TABLE_WANT
    assert all(doc.text[c.start:c.end] == c.text for c in doc.cases)


def test_cases_listed_one_per_table_row_in_html(tmp_path):
    rows = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in TABLE_ROWS)
    page = ("<html><body><h1>违反中央八项规定精神问题查处情况通报</h1><p>现通报如下：</p><table>"
            "<tr><th>序号</th><th>姓名</th><th>单位及职务</th><th>主要问题</th><th>处理结果</th></tr>"
            f"{rows}</table><p>各单位要引以为戒。</p></body></html>")
    path = tmp_path / "table.html"
    path.write_text(page, encoding="utf-8")
    assert _table_cases(extract_file(path)) == TABLE_WANT


def test_cases_listed_one_per_table_row_in_a_ruled_pdf_table(tmp_path):
    from tests.renderings import render_table_pdf

    header = ["序号", "姓名", "单位及职务", "主要问题", "处理结果"]
    path = render_table_pdf(["关于第三季度违反中央八项规定精神问题查处情况的通报", "现将第三季度查处的问题通报如下："],
                            [header] + [list(r) for r in TABLE_ROWS], ["各单位要引以为戒。"], tmp_path / "table.pdf")
    doc = extract_file(path)
    assert "\t".join(header) in doc.text  # the wrapped cells come back whole, tab-separated
    assert _table_cases(doc) == TABLE_WANT


def test_issuer_found_with_blank_lines_between_paragraphs():
    text = ("县委组织部原副部长苏晓东被查\n\n本网讯 日前，经县委批准，县纪委监委对县委组织部原副部长苏晓东"
            "严重违纪违法问题进行了立案审查调查。\n\n经查，苏晓东违规收受礼品礼金，非法收受他人财物共计86.5万元。")
    assert extract_text(text).issuer == "县纪委监委"


def test_pieces_group_whole_cases_within_the_size():
    from extractors.cases import CaseSpan
    from extractors.pipeline import pieces_of

    cases = [CaseSpan(i * 300, i * 300 + 290) for i in range(10)]
    pieces = pieces_of(cases, size=1000)
    assert [len(p[2]) for p in pieces] == [3, 3, 3, 1]
    assert all(e - s <= 1000 for s, e, _ in pieces)
    assert [c for p in pieces for c in p[2]] == cases  # every case once, in order
    [(s, e, [big])] = pieces_of([CaseSpan(5, 5000)], size=1000)  # one huge case: cut to the size
    assert (s, e, big.start, big.end) == (5, 1005, 5, 1005)


@pytest.mark.slow
def test_text_longer_than_spacy_allows_is_extracted_in_pieces():
    """A compilation of notices over 1,000,000 characters (spaCy's limit for one Doc): every
    case is found, in order, with spans that are slices of the original text."""
    cn = "一二三四五"
    parts = ["东山县纪委监委典型问题通报汇编\n"]
    for n in range(1040):
        parts.append(f"东山县纪委监委关于第{n + 1}批典型问题的通报\n")
        for k in range(5):
            i = n * 5 + k
            parts.append(f"{cn[k]}、东山镇西岭{i}村党支部书记张某某虚报冒领低保金问题。{2000 + i % 20}年，张某某利用职务便利，"
                         f"将不符合条件的亲属纳入低保，冒领低保金{i + 100}元，用于个人开支。张某某受到党内警告处分。"
                         + "经查，该村在低保评审中未按规定公示，群众意见较大。" * 4 + "\n")
    text = "".join(parts)
    assert len(text) > 1_000_000
    doc = extract_text(text)
    assert len(doc.cases) == 5200
    for i in (0, 2222, 5199):
        c = doc.cases[i]
        assert c.text == text[c.start:c.end] and f"西岭{i}村" in c.text and f"西岭{i + 1}村" not in c.text
        assert [a.value for a in c.amounts] == [i + 100]
        assert all(text[a.start:a.end] == a.text for a in c.amounts)
        assert [s.label for s in c.sanctions] == ["党内警告"]



def test_posts_titles_and_recipients_are_slices_of_the_original_text():
    """A post, a case title and a sanction's recipient come back as written, from the spans the
    extractors found (a post said after the name, one in brackets, a title after a number line)."""
    text = ("某市紀委監委通報2起典型問題\n現將有關情況通報如下：\n"
            "01\n某縣財政局原局長陳國棟違規收受禮金問題\n"
            "2023年春節期間，陳國棟收受管理服務對象所送禮金共計3.6萬元。陳國棟受到黨內警告處分。\n"
            "02\n某鎮違規發放津貼補貼問題\n"
            "2024年，某鎮以加班補助名義違規發放補貼8.2萬元。黃某某時任該鎮黨委書記，受到黨內嚴重警告處分；"
            "周建華（該鎮財政所所長）被誡勉。\n")
    doc = extract_text(text)
    assert [c.title for c in doc.cases] == ["某縣財政局原局長陳國棟違規收受禮金問題", "某鎮違規發放津貼補貼問題"]
    posts = {p.name: p.position for c in doc.cases for p in c.people}
    assert posts["陳國棟"] == "某縣財政局原局長"
    assert posts["黃某某"] == "該鎮黨委書記"
    assert posts["周建華"] == "該鎮財政所所長"
    recipients = {(s.person, s.label) for c in doc.cases for s in c.sanctions}
    assert ("陳國棟", "党内警告") in recipients and ("黃某某", "党内严重警告") in recipients
    for c in doc.cases:
        for p in c.people:
            assert p.position in doc.text


def test_a_case_under_a_heading_stating_its_problem_takes_the_headings_category(tmp_path):
    path = tmp_path / "cars.txt"
    path.write_text("某市纪委监委通报节日期间公车私用问题。\n"
                    "3个单位存在违规使用公务用车问题：\n"
                    "某集团车牌号为A12345的公务车；\n"
                    "市规划委车牌号为A23456的公务车；\n"
                    "某大学车牌号为A56789的公务车。\n", encoding="utf-8")
    cases = extract_file(path).contract()["cases"]
    assert len(cases) == 3 and all([c["code"] for c in x["categories"]] == ["official_cars"] for x in cases)


def test_a_storys_commentary_on_officials_in_general_gives_its_case_no_category():
    """A story's lead that speaks of some officials in general (一些党员干部…优亲厚友…) names no one
    and tells no deed of the case: its words are not the case's categories; the facts are."""
    text = ("一些党员干部把扶贫项目资金视作“唐僧肉”，通过“雁过拔毛”式的层层截留和巧取豪夺，成为满足个人私欲、"
            "优亲厚友的“盘中餐”。\n"
            "2016年，青石镇白马村“两委”伪造工程资料套取扶贫资金5万元未及时入村集体账户。2018年12月19日，"
            "白马村党支部书记兼村委会主任储成林受到党内严重警告处分。\n")
    doc = extract_text(text)
    assert len(doc.cases) == 1
    codes = {c.code for c in doc.cases[0].categories}
    assert "false_claims" in codes and not {"favoritism", "extortion"} & codes


def test_commentary_blanked_keeps_offsets_and_the_sentences_naming_someone():
    """Only sentences with no name, no number and general or exhorting words are blanked."""
    from extractors.cases import commentary_blanked

    text = "有的干部优亲厚友。要深刻汲取教训。村主任储成林优亲厚友，违规发放补贴3000元。"
    out = commentary_blanked(text, {"储成林"})
    assert len(out) == len(text) and out.endswith("村主任储成林优亲厚友，违规发放补贴3000元。")
    assert "有的干部" not in out and "汲取" not in out


def _case_people(text: str) -> list[list[str]]:
    return [[p.name for p in c.people] for c in extract_text(text).cases]


def test_an_investigator_telling_the_case_is_none_of_its_people():
    """Someone named after a post in a discipline body held now (镇纪委书记, 纪检监察室主任, 专案组
    组长) who only investigates and tells the case is not one of its people — even where a later
    paragraph names him again without the post."""
    text = ("“这笔钱到底去了哪里？”沙河镇纪委书记周立川带着两名干部走进新塘村村委会，翻开了厚厚的账本。\n"
            "经查，2019年至2021年，新塘村党支部书记黄有福虚报村道保洁人员5人，套取保洁经费4.2万元，"
            "用于个人开支。\n"
            "周立川介绍，黄有福退缴了全部违纪款项。2022年3月，黄有福受到党内严重警告处分。\n")
    people = _case_people(text)
    assert people and all("周立川" not in names for names in people)
    assert any("黄有福" in names for names in people)


@pytest.mark.parametrize("text, who", [
    # an investigator sanctioned himself is a case person
    ("桐林乡纪委书记郑明远在办理村干部问题线索时调查不深入，未如实报告有关情况，受到党内警告处分。", "郑明远"),
    # a former discipline post: the case of one who held it
    ("市纪委原第二纪检监察室主任邱海平利用职务便利，为他人在案件查办等方面谋取利益，收受财物共计86万元。", "邱海平"),
    # a village's supervision committee (村监委) is no discipline body
    ("“这张结算单，我们不能签。”石门村村监委主任施国良发现虚增工程量8万元，及时向镇里报告，"
     "村党支部书记尹某受到党内警告处分。", "施国良"),
])
def test_the_investigator_rule_keeps_the_investigated_and_former_posts(text, who):
    assert any(who in names for names in _case_people(text))
