"""DOCX: body paragraphs and tables in order, no headers/footers; broken files refused."""
from __future__ import annotations

import pytest

from config.errors import ReadError
from extractors.readers import read_file
from tests.renderings import DEFAULT_HEADER


def test_body_in_reading_order_without_header_footer(fixtures, notice_lines):
    result = read_file(fixtures / "notice.docx")
    assert result.fmt == "docx"
    assert result.title == "关于3起违反中央八项规定精神问题的通报"
    lines = result.text.splitlines()
    assert lines[0] == result.title  # the Title paragraph is part of the body
    assert lines[1:1 + len(notice_lines)] == notice_lines
    assert lines[-4:] == ["姓名\t职务\t处分", "张某某\t镇财政所原所长\t党内严重警告",
                          "王某某\t村党支部书记\t撤销党内职务", "特此通报。"]
    assert DEFAULT_HEADER not in result.text
    assert "PAGE" not in result.text and "- " not in result.text


def test_title_from_first_heading_when_no_core_title(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某某县纪委监委关于两起典型问题的通报", style="Heading 1")
    d.add_paragraph("一、张某违规收受礼金问题。")
    d.core_properties.title = ""
    path = tmp_path / "h.docx"
    d.save(str(path))
    assert read_file(path).title == "某某县纪委监委关于两起典型问题的通报"


def test_merged_cells_given_once(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "典型问题汇总"
    for i, v in enumerate(("张某", "党内警告", "1万元")):
        t.cell(1, i).text = v
    path = tmp_path / "merged.docx"
    d.save(str(path))
    assert read_file(path).text == "典型问题汇总\n张某\t党内警告\t1万元"


@pytest.mark.parametrize("name, reason", [
    ("empty.docx", "empty document"),
    ("truncated.docx", "corrupt DOCX"),
    ("not_word.docx", "not a Word document"),
    ("encrypted.docx", "encrypted DOCX"),
])
def test_broken_docx(fixtures, name, reason):
    with pytest.raises(ReadError) as err:
        read_file(fixtures / name)
    assert reason in err.value.reason
    assert err.value.path == str(fixtures / name)


def test_encrypted_docx_under_doc_name_is_still_called_encrypted(fixtures, tmp_path):
    path = tmp_path / "renamed.doc"
    path.write_bytes((fixtures / "encrypted.docx").read_bytes())
    with pytest.raises(ReadError, match="encrypted DOCX"):
        read_file(path)


def _xml(fragment: str):
    from docx.oxml import parse_xml

    return parse_xml(
        '<w:root xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' + fragment + "</w:root>"
    )[0]


def test_content_controls_tracked_changes_and_field_codes(tmp_path):
    """What Word shows is what we read: text in content controls and tracked insertions,
    field results; not deleted text or field codes."""
    import docx

    d = docx.Document()
    d.add_paragraph("一、张某违规收受礼金问题。")
    body = d.element.body
    body.insert(len(body) - 1, _xml(
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>二、内容控件中的李某违规操办婚宴问题。</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"))
    body.insert(len(body) - 1, _xml(
        "<w:p><w:r><w:t>三、王某</w:t></w:r><w:ins w:id='1' w:author='a'><w:r><w:t>违规发放津补贴</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>被删掉的话</w:delText></w:r></w:del>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>1.5万元</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r><w:r><w:t>。</w:t></w:r></w:p>"))
    path = tmp_path / "controls.docx"
    d.save(str(path))
    assert read_file(path).text.splitlines() == [
        "一、张某违规收受礼金问题。", "二、内容控件中的李某违规操办婚宴问题。", "三、王某违规发放津补贴1.5万元。"]


def test_vertically_merged_cell_given_once(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "某某县"
    t.cell(0, 1).text = "张某 党内警告"
    t.cell(1, 1).text = "李某 诫勉谈话"
    path = tmp_path / "vmerge.docx"
    d.save(str(path))
    assert read_file(path).text == "某某县\t张某 党内警告\n李某 诫勉谈话"


def test_doc_that_is_a_web_page_is_read_as_html(tmp_path):
    path = tmp_path / "通报.doc"  # many sites serve Word-exported HTML under .doc
    path.write_bytes(("<html xmlns:w='urn:schemas-microsoft-com:office:word'><head>"
                      "<meta http-equiv=Content-Type content='text/html; charset=gb2312'></head>"
                      "<body><p class=MsoNormal>某某县纪委通报：张某违规收受礼金2万元。</p></body></html>").encode("gbk"))
    result = read_file(path)
    assert result.fmt == "html" and result.text == "某某县纪委通报：张某违规收受礼金2万元。"


@pytest.mark.parametrize("name, data, reason", [
    ("old.doc", b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl} abc}", "RTF document not supported; save as .docx"),
    ("page.doc", b"MIME-Version: 1.0\r\nContent-Type: multipart/related;", "MHTML web archive not supported"),
    ("junk.docx", b"this is not a word file at all", "corrupt DOCX: not a zip package"),
])
def test_word_names_with_other_insides(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert reason in err.value.reason
