"""Images of a notice (PNG, JPEG, multi-page TIFF) read by OCR; a blank, corrupt or
truncated image is one ReadError naming the file."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from PIL import Image

from config.errors import ReadError
from extractors.readers import ReadLimits, read_file, supported_extensions
from extractors.readers.ocr import OcrOptions
from tests.conftest import needs_ocr
from tests.fixtures.readers.make_fixtures import NOTICE
from tests.renderings import render_pdf

pytestmark = needs_ocr()

PARAS = NOTICE.strip().splitlines()


@pytest.fixture
def limits(tmp_path) -> ReadLimits:
    return ReadLimits(ocr=OcrOptions(cache_dir=str(tmp_path / "ocr-cache")))


def _pages(text: str, tmp_path, dpi: int = 200) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(str(render_pdf(text, tmp_path / "src.pdf")))
    return [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]


def test_image_extensions_are_supported():
    assert {".png", ".jpg", ".jpeg", ".tif", ".tiff"} <= set(supported_extensions())


@pytest.mark.parametrize("ext", ["png", "jpg"])
def test_photo_of_a_notice_is_read(tmp_path, limits, ext):
    path = tmp_path / f"notice.{ext}"
    _pages(NOTICE, tmp_path)[0].save(path, dpi=(200, 200))
    result = read_file(path, limits)
    assert result.fmt == "image" and result.ocr_pages == [1] and result.ocr_confidence > 80
    squashed = re.sub(r"\s+", "", result.text)
    assert "某某镇财政所原所长张某某违规收受礼金问题" in squashed and "2.15万元" in squashed
    assert [line[:2] for line in result.text.splitlines()[1:4]] == ["一、", "二、", "三、"]


@pytest.mark.parametrize("turn", [Image.Transpose.ROTATE_180, Image.Transpose.ROTATE_90])
def test_a_notice_scanned_upside_down_or_sideways_is_read_upright(tmp_path, limits, turn):
    path = tmp_path / "turned.png"
    _pages(NOTICE, tmp_path)[0].transpose(turn).save(path, dpi=(200, 200))
    result = read_file(path, limits)
    assert result.ocr_confidence > 95
    squashed = re.sub(r"\s+", "", result.text)
    assert "某某镇财政所原所长张某某违规收受礼金问题" in squashed and "2.15万元" in squashed


def test_multipage_tiff_is_one_document(tmp_path, limits):
    first = _pages("\n".join(PARAS[:2]), tmp_path)[0]
    second = _pages("\n".join(PARAS[2:]), tmp_path)[0]
    path = tmp_path / "notice.tif"
    first.save(path, save_all=True, append_images=[second], dpi=(200, 200), compression="tiff_lzw")
    result = read_file(path, limits)
    assert result.pages == 2 and result.ocr_pages == [1, 2]
    squashed = re.sub(r"\s+", "", result.text)
    assert squashed.index("一、某某镇财政所") < squashed.index("二、某某县农业农村局")


def test_image_sniffed_without_its_extension(tmp_path, limits):
    path = tmp_path / "scan-0001"
    _pages(NOTICE, tmp_path)[0].save(path, format="PNG")
    assert "张某某" in read_file(path, limits).text


def test_blank_image_is_one_error(tmp_path, limits):
    path = tmp_path / "blank.png"
    Image.new("L", (1654, 2339), 255).save(path)
    with pytest.raises(ReadError) as err:
        read_file(path, limits)
    assert err.value.reason == "no text found (OCR)" and err.value.path == str(path)


@pytest.mark.parametrize("make, reason", [
    (lambda p, png: p.write_bytes(png[: len(png) // 2]), "corrupt image"),  # truncated
    (lambda p, png: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 50), "corrupt image"),
])
def test_corrupt_images(tmp_path, limits, make, reason):
    src = tmp_path / "src.png"
    _pages(NOTICE, tmp_path)[0].save(src)
    path = tmp_path / "broken.png"
    make(path, src.read_bytes())
    with pytest.raises(ReadError) as err:
        read_file(path, limits)
    assert err.value.reason.startswith(reason) and err.value.path == str(path)
