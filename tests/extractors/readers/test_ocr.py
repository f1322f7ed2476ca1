"""OCR of scanned PDF pages (real PP-OCR models through rapidocr, real renderings): only pages
without text are OCR'd, the text comes back as typed (no spaces between characters, the
numbering kept, half- and full-width punctuation as printed, two columns in reading order),
a re-read is served from the cache, confidence is recorded and flagged."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from config.errors import ReadError
from extractors.pipeline import extract_file
from extractors.readers import ReadLimits, read_file
from extractors.readers.ocr import STATS, OcrOptions
from tests.conftest import needs_ocr
from tests.fixtures.readers.make_fixtures import NOTICE
from tests.renderings import render_pdf, render_scan

pytestmark = needs_ocr()

PARAS = NOTICE.strip().splitlines()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def limits(tmp_path) -> ReadLimits:
    return ReadLimits(ocr=OcrOptions(cache_dir=str(tmp_path / "ocr-cache")))


def test_half_and_full_width_punctuation_as_printed(tmp_path, limits):
    """The recogniser reads , and ， alike; the room each takes on the page decides."""
    text = ("一、某某村党支部书记王某某虚报冒领低保资金,共计3.6万元,受到党内警告处分。\n"
            "二、某某县农业农村局副局长李某违规公款吃喝，造成公款损失5800元，受到诫勉谈话。\n"
            "三、某某镇财政所原所长张某某(已退休)违规收受礼金：2019年9月1日16:30在办公室收受。")
    result = read_file(render_scan(text, tmp_path / "widths.pdf", dpi=200), limits)
    got = _squash(result.text)
    assert "低保资金,共计3.6万元,受到党内警告处分" in got
    assert "违规公款吃喝，造成公款损失5800元，受到诫勉谈话" in got
    assert "张某某(已退休)违规收受礼金：2019年9月1日16:30" in got


def test_two_columns_are_read_column_by_column(tmp_path, limits):
    """A title across the page, then two columns: the left one is read to its end first."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests.renderings import _register_font, scan_pdf

    font = _register_font()
    left = [f"左栏第{i}行某某村违规发放补贴问题" for i in range(1, 9)]
    right = [f"右栏第{i}行某某镇公款吃喝问题" for i in range(1, 9)]
    c = canvas.Canvas(str(tmp_path / "columns.pdf"), pagesize=A4)
    c.setFont(font, 16)
    c.drawString(150, 780, "某某县纪委监委关于两起典型问题的通报")
    c.setFont(font, 11)
    for i, (a, b) in enumerate(zip(left, right)):
        c.drawString(50, 720 - 22 * i, a)
        c.drawString(310, 720 - 22 * i, b)
    c.save()
    scan = scan_pdf(tmp_path / "columns.pdf", tmp_path / "columns-scan.pdf", 200)
    got = _squash(read_file(scan, limits).text)
    order = [got.find(s) for s in ["某某县纪委监委关于两起典型问题的通报", *left, *right]]
    assert -1 not in order and order == sorted(order), got


def test_scanned_pdf_reads_like_its_text(tmp_path, limits):
    scan = render_scan(NOTICE, tmp_path / "scan.pdf", dpi=200)
    result = read_file(scan, limits)
    assert result.ocr_pages == [1] and result.ocr_confidence and result.ocr_confidence > 80
    assert any(w.startswith("OCR: 1 of 1 pages") for w in result.warnings)
    got = result.text.splitlines()
    assert len(got) == len(PARAS)  # paragraphs re-joined, the running header and page number dropped
    assert [p[:2] for p in got[1:4]] == ["一、", "二、", "三、"]  # the case splitter's numbering
    assert "某某镇财政所原所长张某某违规收受礼金问题" in result.text
    assert "3.6万元" in result.text and "2.15万元" in result.text


def test_mixed_pdf_keeps_text_pages_and_ocrs_only_the_scanned_one(tmp_path, limits):
    text_pdf = render_pdf("\n".join(PARAS[:2]), tmp_path / "a.pdf")
    scan_pdf = render_scan("\n".join(PARAS[2:]), tmp_path / "b.pdf", dpi=200)
    mixed = pdfium.PdfDocument.new()
    for part in (text_pdf, scan_pdf):
        src = pdfium.PdfDocument(str(part))
        mixed.import_pages(src)
    mixed.save(str(tmp_path / "mixed.pdf"))
    result = read_file(tmp_path / "mixed.pdf", limits)
    assert result.ocr_pages == [2] and result.pages == 2
    text_only = read_file(text_pdf, limits)
    assert not text_only.ocr_pages
    assert result.text.startswith(text_only.text + "\n")  # the text page verbatim
    tail = _squash(result.text[len(text_only.text):])
    assert "二、某某县农业农村局副局长李某违规公款吃喝问题" in tail and "2.15万元" in tail


def test_second_read_comes_from_the_cache(tmp_path, limits):
    scan = render_scan(NOTICE, tmp_path / "scan.pdf", dpi=200)
    before = dict(STATS)
    first = read_file(scan, limits)
    assert STATS["recognised"] == before["recognised"] + 1
    caches = list((tmp_path / "ocr-cache").rglob("*.json"))
    assert len(caches) == 1
    stamp = caches[0].stat().st_mtime_ns
    second = read_file(scan, limits)
    assert STATS["recognised"] == before["recognised"] + 1  # the engine not called again
    assert STATS["cached"] == before["cached"] + 1
    assert caches[0].stat().st_mtime_ns == stamp
    assert second.text == first.text and second.ocr_confidence == first.ocr_confidence


def test_pages_ocrd_in_parallel_come_back_in_order(tmp_path):
    text = "\n".join(f"{'一二三'[i]}、第{i + 1}页：某某村党支部书记王某某虚报冒领低保资金问题。" for i in range(3))
    pdf = render_pdf(text.replace("\n", "\n" + "本页其余内容从略。\n" * 30), tmp_path / "long.pdf", font_size=18)
    scan = render_scan(text.replace("\n", "\n" + "本页其余内容从略。\n" * 30), tmp_path / "long-scan.pdf", font_size=18)
    assert len(pdfium.PdfDocument(str(pdf))) >= 2
    result = read_file(scan, ReadLimits(ocr=OcrOptions(cache_dir=str(tmp_path / "c"), workers=2)))
    assert result.ocr_pages == list(range(1, result.pages + 1))
    found = [result.text.find(f"第{i}页") for i in (1, 2, 3)]
    assert -1 not in found and found == sorted(found)


def test_low_confidence_page_is_flagged_in_the_extraction(tmp_path):
    """A two-page scan whose second page is blurred and grainy (the recogniser misreads some
    characters there): only that page falls below the default floor and is flagged."""
    import numpy as np
    from PIL import Image, ImageFilter

    pdf = pdfium.PdfDocument(str(render_pdf(NOTICE, tmp_path / "src.pdf")))
    clean = pdf[0].render(scale=200 / 72, grayscale=True).to_pil()
    noisy = np.asarray(clean.filter(ImageFilter.GaussianBlur(2.5)), dtype=float)
    noisy += np.random.default_rng(0).normal(0, 40, noisy.shape)
    bad = Image.fromarray(np.clip(noisy, 0, 255).astype("uint8"))
    path = tmp_path / "scan.tif"
    clean.save(path, save_all=True, append_images=[bad], dpi=(200, 200), compression="tiff_lzw")
    doc = extract_file(path, ReadLimits(ocr=OcrOptions(cache_dir=str(tmp_path / "c"))))
    assert doc.ocr_pages == [1, 2] and doc.ocr_confidence is not None
    flagged = [w for w in doc.warnings if ": OCR confidence" in w]
    assert len(flagged) == 1 and flagged[0].startswith("page 2: OCR confidence") and "below 90" in flagged[0]
    assert flagged[0] in doc.contract()["warnings"]  # reaches `leian extract --json`
    assert len(doc.cases) >= 3


def test_traditional_script_page_is_read(tmp_path, limits):
    trad = "某某縣紀委監委通報：鎮財政所原所長張某某違規收受禮金共計3.6萬元，受到黨內嚴重警告處分。\n" \
           "二、某某縣農業農村局副局長李某違規公款吃喝問題，造成公款損失5800元。"
    result = read_file(render_scan(trad, tmp_path / "trad.pdf", dpi=200), limits)
    squashed = _squash(result.text)
    assert "黨內嚴重警告處分" in squashed and "農業農村局副局長" in squashed


def test_ocr_turned_off_or_missing_says_how_to_install(tmp_path, fixtures, monkeypatch):
    from extractors.readers import ocr_engine

    scan = render_scan(NOTICE, tmp_path / "scan.pdf", dpi=200)
    with pytest.raises(ReadError) as err:
        read_file(scan, ReadLimits(ocr=OcrOptions(enabled=False)))
    assert "no text layer (scanned PDF?)" in err.value.reason and "ocr_enabled" in err.value.reason
    # the models' folder as an install without them would leave it: empty
    monkeypatch.setattr(ocr_engine, "models_dir", lambda: tmp_path / "no-models")
    with pytest.raises(ReadError) as err:
        read_file(scan, ReadLimits(ocr=OcrOptions(cache_dir=str(tmp_path / "c"))))
    assert err.value.path == str(scan)
    assert "PP-OCRv6_rec_small.onnx" in err.value.reason and "scripts/install.sh" in err.value.reason
    # a text PDF is still read when OCR is missing; its blank page is only noted
    ok = read_file(fixtures / "notice.pdf", ReadLimits(ocr=OcrOptions()))
    assert ok.text and not ok.ocr_pages


def test_ocr_options_from_settings(monkeypatch, tmp_path):
    from config.settings import Settings

    monkeypatch.setenv("LEIAN_OCR_MIN_CONFIDENCE", "75")
    monkeypatch.setenv("LEIAN_OCR_DPI", "300")
    monkeypatch.setenv("LEIAN_OCR_CACHE_DIR", str(tmp_path / "c"))
    opts = ReadLimits.from_settings(Settings()).ocr
    assert (opts.min_confidence, opts.dpi, opts.cache_path) == (75.0, 300, tmp_path / "c")
    assert opts.enabled and OcrOptions().dpi == 200 and OcrOptions().min_confidence == 90


def test_blank_pages_are_not_ocrd(tmp_path, limits):
    text_pdf = render_pdf(NOTICE, tmp_path / "a.pdf")
    doc = pdfium.PdfDocument(str(text_pdf))
    doc.new_page(595, 842)  # an empty page at the end, as office PDFs often have
    doc.save(str(tmp_path / "with-blank.pdf"))
    before = STATS["recognised"]
    result = read_file(tmp_path / "with-blank.pdf", limits)
    assert STATS["recognised"] == before and not result.ocr_pages
    assert result.text == read_file(text_pdf, limits).text
    empty = pdfium.PdfDocument.new()
    empty.new_page(595, 842)
    empty.save(str(tmp_path / "empty.pdf"))
    with pytest.raises(ReadError, match="nothing drawn"):
        read_file(tmp_path / "empty.pdf", limits)


def test_another_engine_reads_again(tmp_path, limits, monkeypatch):
    """The cache is keyed by the engine and its models too: a new engine OCRs the file again."""
    from extractors.readers import ocr_engine

    scan = render_scan(NOTICE, tmp_path / "scan.pdf", dpi=200)
    read_file(scan, limits)
    before = STATS["recognised"]
    monkeypatch.setattr(ocr_engine, "engine_id", lambda: "rapidocr-99:other-models")
    read_file(scan, limits)
    assert STATS["recognised"] == before + 1
    assert len(list((tmp_path / "ocr-cache").rglob("*.json"))) == 2
