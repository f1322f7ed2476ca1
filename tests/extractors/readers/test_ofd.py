"""OFD (GB/T 33190): the committed fixtures (one written to the spec by tests/ofds.py, one
converted from a PDF by easyofd) and packages built here for the variants real writers produce."""
from __future__ import annotations

import re
import zipfile

import pytest

from config.errors import ReadError
from extractors.readers import ReadLimits, read_file
from tests.ofds import NS, notice_ofd, ofd_package, text_object


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_a_notice_is_read_in_paragraphs_without_template_header_or_page_numbers(fixtures, notice_lines):
    result = read_file(fixtures / "notice.ofd")
    assert result.fmt == "ofd" and result.pages == 1
    assert result.title == "关于3起违反中央八项规定精神问题的通报"  # DocInfo/Title
    assert result.text.splitlines() == notice_lines  # wrapped lines re-joined, paragraphs kept
    assert "通报 ·" not in result.text and "- 1 -" not in result.text


def test_a_long_notice_across_pages(tmp_path, notice_lines):
    result = read_file(notice_ofd("\n".join(notice_lines * 6), tmp_path / "long.ofd"))
    assert result.pages == 3
    assert result.text.splitlines() == notice_lines * 6  # a paragraph cut by the page break is whole


def test_an_ofd_converted_by_easyofd_reads_like_its_pdf(fixtures):
    """easyofd's writer: its own namespace, lower-case `size`, a page box in points."""
    with zipfile.ZipFile(fixtures / "notice_easyofd.ofd") as z:
        assert NS.encode() not in z.read("OFD.xml")
    assert _squash(read_file(fixtures / "notice_easyofd.ofd").text) == _squash(read_file(fixtures / "notice.pdf").text)


def test_paths_as_real_writers_give_them(tmp_path):
    """An absolute DocRoot, backslashes and other letter case in BaseLoc, text in PageBlocks."""
    body = f'<ofd:PageBlock ID="7">{text_object(8, 25, 30, "村党支部书记张某虚报冒领低保金。")}</ofd:PageBlock>'
    data = ofd_package([body], root_loc="/Doc_0/Document.xml", page_loc="Pages\\Page_{n}\\Content.xml")
    path = tmp_path / "paths.ofd"
    path.write_bytes(data.replace(b"Pages\\Page_0\\Content.xml", b"pages\\page_0\\content.xml", 1))
    assert read_file(path).text == "村党支部书记张某虚报冒领低保金。"


def test_text_inside_composite_objects_and_transforms(tmp_path):
    """CompositeObject → CompositeGraphicUnit in the document's resources (as CNKI writes),
    with a CTM scaling points to millimetres; reading order by position, not file order."""
    unit = (f'<ofd:CompositeGraphicUnit ID="50" Width="500" Height="100"><ofd:Content>'
            f'{text_object(51, 0, 40, "第二行在后。", size=12)}{text_object(52, 0, 10, "第一行在前。", size=12)}'
            "</ofd:Content></ofd:CompositeGraphicUnit>")
    res = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
           f"<ofd:CompositeGraphicUnits>{unit}</ofd:CompositeGraphicUnits></ofd:Res>")
    body = '<ofd:CompositeObject ID="60" ResourceID="50" CTM="0.3528 0 0 0.3528 0 0" Boundary="20 30 170 40"/>'
    data = ofd_package([body], extra_parts={"Doc_0/DocumentRes.xml": res.encode()})
    data_path = tmp_path / "composite.ofd"
    data_path.write_bytes(data)
    with zipfile.ZipFile(data_path) as z:  # name the resource file in Document.xml
        parts = {n: z.read(n) for n in z.namelist()}
    parts["Doc_0/Document.xml"] = parts["Doc_0/Document.xml"].replace(
        b"<ofd:PublicRes>", b"<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes><ofd:PublicRes>")
    with zipfile.ZipFile(data_path, "w") as z:
        for name, content in parts.items():
            z.writestr(name, content)
    assert read_file(data_path).text.splitlines() == ["第一行在前。", "第二行在后。"]


def test_table_cells_on_one_line_are_tab_separated(tmp_path):
    body = "".join(text_object(i, x, 40, cell) for i, (x, cell) in
                   enumerate([(25, "张某某"), (60, "村党支部书记"), (120, "党内警告")], 1))
    path = tmp_path / "table.ofd"
    path.write_bytes(ofd_package([body]))
    assert read_file(path).text == "张某某\t村党支部书记\t党内警告"


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    body = text_object(1, 25, 30, "正文&xxe;").replace("&amp;xxe;", "&xxe;")
    data = ofd_package([body])
    with zipfile.ZipFile(path := tmp_path / "xxe.ofd", "w") as z, zipfile.ZipFile(__import__("io").BytesIO(data)) as src:
        for name in src.namelist():
            content = src.read(name)
            if name.endswith("Page_0/Content.xml"):
                content = content.replace(b'?>', f'?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode(), 1)
            z.writestr(name, content)
    try:
        text = read_file(path).text
    except ReadError as exc:  # refused as corrupt is fine too; leaking is not
        assert "TOPSECRET" not in exc.reason
    else:
        assert "TOPSECRET" not in text


@pytest.mark.parametrize("name, reason", [
    ("encrypted.ofd", "encrypted OFD (password-protected); save it without a password"),
    ("encrypted_gmt.ofd", "encrypted OFD (GM/T 0099 password or certificate encryption); decrypt it first"),
    ("corrupt.ofd", "corrupt OFD: not a zip package"),
])
def test_broken_ofd_is_one_error_naming_it(fixtures, name, reason):
    with pytest.raises(ReadError) as err:
        read_file(fixtures / name)
    assert err.value.path == str(fixtures / name) and reason in err.value.reason


@pytest.mark.parametrize("parts, reason", [
    ({"hello.txt": b"x"}, "not an OFD document: the package has no OFD.xml"),
    ({"OFD.xml": b"<ofd:OFD xmlns:ofd='x'><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>"},
     "corrupt OFD: OFD.xml"),
    ({"OFD.xml": f"<ofd:OFD xmlns:ofd='{NS}'><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                 "</ofd:DocBody></ofd:OFD>".encode()}, "corrupt OFD: part 'Doc_0/Document.xml' is missing"),
])
def test_damaged_packages(tmp_path, parts, reason):
    path = tmp_path / "bad.ofd"
    with zipfile.ZipFile(path, "w") as z:
        for name, content in parts.items():
            z.writestr(name, content)
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert reason in err.value.reason


def test_an_ofd_of_page_images_says_ocr_is_not_available(tmp_path):
    path = tmp_path / "scan.ofd"
    path.write_bytes(ofd_package(['<ofd:ImageObject ID="5" ResourceID="9" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>']))
    with pytest.raises(ReadError, match=r"no text in the OFD \(page images only\?\)"):
        read_file(path)


def test_too_many_pages_or_too_much_unpacked(fixtures, tmp_path, notice_lines):
    path = notice_ofd("\n".join(notice_lines * 6), tmp_path / "long.ofd")
    with pytest.raises(ReadError, match="too large: more than 1 pages"):
        read_file(path, ReadLimits(max_pages=1))
    with pytest.raises(ReadError, match="too large once unpacked"):
        read_file(fixtures / "notice.ofd", ReadLimits(archive_max_bytes=100))
