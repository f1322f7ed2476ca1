"""Text PDFs: paragraphs back as written, page furniture gone; broken PDFs refused."""
from __future__ import annotations

import re

import pdfplumber
import pytest

from config.errors import ReadError
from extractors.readers import ReadLimits, read_file
from extractors.readers.pdf import _Line, paragraphs_from_lines
from tests.fixtures.readers.make_fixtures import _long_notice
from tests.renderings import DEFAULT_HEADER, as_rendered, render_pdf


@pytest.mark.parametrize("name", ["notice.pdf", "notice_of.pdf"])
def test_multipage_pdf_paragraphs_are_rebuilt(fixtures, name):
    path = fixtures / name
    with pdfplumber.open(str(path)) as pdf:  # the fixture really has what we remove
        assert len(pdf.pages) >= 2
        raw = [p.extract_text() for p in pdf.pages]
    assert any(not re.search(r"[。）]$", page.splitlines()[-2]) for page in raw), "no page break mid-sentence"
    result = read_file(path)
    assert result.fmt == "pdf" and result.pages == len(raw)
    assert result.text.splitlines() == _long_notice(8).strip().splitlines()
    for junk in (DEFAULT_HEADER, "某某县监委", "页", "- 1 -", "- 2 -"):
        assert junk not in result.text, junk


def test_slash_page_numbers_removed(tmp_path):
    text = _long_notice(4)
    path = render_pdf(text, tmp_path / "slash.pdf", page_numbers="slash")
    result = read_file(path)
    assert result.text.splitlines() == text.strip().splitlines()
    assert not re.search(r"\d/\d", result.text)


def _lines(*specs):
    """(text, x0, x1) rows on one page, 20 pt apart, 12 pt font, body from x=72 to x=520."""
    return [_Line(t, x0, x1, 100 + 20 * i, 112 + 20 * i, 1) for i, (t, x0, x1) in enumerate(specs)]


def test_rejoin_rules_without_spaces():
    lines = _lines(
        ("　　这9起案例是：", 96, 200),                               # short, ends with ：
        ("一、山西省某县某村党支部原书记刘某某骗取项目资金", 96, 520),  # numbered start, full
        ("等问题。二、某某县扶贫办挪用资金问题，涉及金额共计", 72, 520),  # wrapped, no space
        ("12.5万元。", 72, 140),                                       # short last line
        ("（一）某乡镇违规发放津补贴问题", 72, 300),                   # numbering marker
        ("① 张某某受到党内警告处分", 72, 250),
        ("第二起 李某违规操办婚宴", 72, 240),
        ("1. 王某受到诫勉谈话", 72, 200),
    )
    assert paragraphs_from_lines(lines) == [
        "　　这9起案例是：",
        "一、山西省某县某村党支部原书记刘某某骗取项目资金等问题。二、某某县扶贫办挪用资金问题，涉及金额共计12.5万元。",
        "（一）某乡镇违规发放津补贴问题",
        "① 张某某受到党内警告处分",
        "第二起 李某违规操办婚宴",
        "1. 王某受到诫勉谈话",
    ]


def test_latin_words_wrapped_keep_one_space_and_numbers_do_not_split():
    lines = _lines(("涉案车辆车牌号为鲁A40005，属于Public", 72, 520), ("Security Bureau所有。", 72, 200),
                   ("金额为1.2", 72, 490), ("万元。", 72, 100))
    assert paragraphs_from_lines(lines) == ["涉案车辆车牌号为鲁A40005，属于Public Security Bureau所有。", "金额为1.2万元。"]


@pytest.mark.parametrize("name, reason", [
    ("encrypted.pdf", "encrypted PDF"),
    ("corrupt.pdf", "corrupt PDF"),
    ("not_really.pdf", "corrupt PDF"),
    ("scanned.pdf", "no text found (OCR) on 1 page"),  # bars, no letters
])
def test_broken_pdfs(fixtures, name, reason):
    with pytest.raises(ReadError) as err:
        read_file(fixtures / name)
    assert reason in err.value.reason
    assert err.value.path == str(fixtures / name)


def test_too_many_pages(fixtures):
    with pytest.raises(ReadError, match=r"too large: 3 pages \(limit 2\)"):
        read_file(fixtures / "notice.pdf", ReadLimits(max_pages=2))


def test_pdf_sniffed_under_wrong_extension(fixtures, tmp_path):
    path = tmp_path / "notice.bin"
    path.write_bytes((fixtures / "notice.pdf").read_bytes())
    assert read_file(path).fmt == "pdf"


@pytest.mark.parametrize("meta, title", [
    ({"Title": "关于三起典型问题的通报"}, "关于三起典型问题的通报"),
    ({"Title": "Microsoft Word - 关于三起典型问题的通报.docx"}, "关于三起典型问题的通报"),
    ({"Title": "untitled"}, ""),
    ({}, ""),
])
def test_title_from_document_info(meta, title):
    from extractors.readers.pdf import _meta_title

    assert _meta_title(meta) == title


def test_title_read_from_a_real_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    from tests.renderings import _register_font

    path = tmp_path / "t.pdf"
    c = canvas.Canvas(str(path))
    c.setTitle("某某县纪委监委关于两起问题的通报")
    c.setFont(_register_font(), 12)
    c.drawString(72, 700, "一、张某违规收受礼金问题。")
    c.save()
    result = read_file(path)
    assert result.title == "某某县纪委监委关于两起问题的通报"
    assert result.text == "一、张某违规收受礼金问题。"


def test_libreoffice_pdf_with_repeated_lines_at_page_tops(fixtures):
    """Another producer: justified text, CJK/Latin autospace, a body that repeats itself so
    the same line opens two pages — a body line, not a running header."""
    from tests.fixtures.readers.make_fixtures import LO_TITLE

    result = read_file(fixtures / "notice_lo.pdf")
    assert result.pages and result.pages >= 2
    assert result.text.splitlines() == [LO_TITLE, *_long_notice(8).strip().splitlines()]


def test_typed_spaces_between_chinese_words_are_kept(tmp_path):
    text = "新华社北京电（记者 张三 李四）近日，某某省纪委监委通报了3起典型问题。\n一、某某县原县长王某某严重违纪违法问题。\n"
    result = read_file(render_pdf(text, tmp_path / "spaces.pdf"))
    assert result.text.splitlines() == text.strip().splitlines()


def test_article_reference_wrapped_to_a_line_start_is_not_a_new_paragraph():
    lines = _lines(("依据《中国共产党纪律处分条例》", 72, 520), ("第二十七条规定，给予张某党内警告处分。", 72, 300),
                   ("第一条　为了规范纪检监察工作，制定本办法。", 72, 400), ("第三起 王某违规操办婚宴问题。", 72, 300))
    assert paragraphs_from_lines(lines) == ["依据《中国共产党纪律处分条例》第二十七条规定，给予张某党内警告处分。",
                                            "第一条　为了规范纪检监察工作，制定本办法。", "第三起 王某违规操办婚宴问题。"]


@pytest.mark.parametrize("font_size", [10.5, 15])
def test_corpus_rendered_in_other_sizes_reads_back(corpus_dir, tmp_path, font_size):
    """Every real document, in small and large print (one page or several; header in a
    font close to the body's): the same paragraphs back, nothing added or lost."""
    for i, path in enumerate(sorted(corpus_dir.glob("*.txt"))):
        text = read_file(path).text
        pdf = render_pdf(text, tmp_path / f"{path.stem}.pdf", page_numbers=("of", "dash", "slash")[i % 3],
                         font_size=font_size)
        got = read_file(pdf).text
        squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
        assert squash(got) == squash(as_rendered(text)), path.name
        # paragraphs: the same, except that a numbering marker wrapped to a line start opens one
        assert len(got.splitlines()) >= len([ln for ln in text.splitlines() if ln.strip()]), path.name
