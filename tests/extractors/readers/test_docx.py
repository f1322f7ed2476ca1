"""DOCX: body paragraphs and tables in order, no headers/footers; broken files refused."""
from __future__ import annotations

import pytest

from extractors.errors import ReadError
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
    ("legacy.doc", "legacy .doc not supported; save as .docx"),
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
