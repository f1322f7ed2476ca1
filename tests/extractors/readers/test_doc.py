"""Legacy Word binaries read through LibreOffice (real soffice, real .doc files)."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from config.errors import ReadError
from extractors.readers import ReadLimits, read_file
from extractors.readers.soffice import ConversionError, convert, soffice_binary

pytestmark = pytest.mark.skipif(soffice_binary() is None, reason="LibreOffice not installed (scripts/system-deps.sh)")


def test_legacy_doc_is_read_with_its_paragraphs_and_table(fixtures, notice_lines):
    result = read_file(fixtures / "legacy.doc")
    assert result.fmt == "doc"
    lines = result.text.splitlines()
    assert lines[0] == "关于3起违反中央八项规定精神问题的通报"
    assert [line for line in lines if line in notice_lines] == notice_lines  # every paragraph, in order
    assert "张某某\t镇财政所原所长\t党内严重警告" in lines  # the table: a row a line, cells tab-separated
    assert lines[-1] == "特此通报。"


@pytest.mark.parametrize("name", ["通报.wps", "通报.dot", "no-extension", "saved-as.txt", "misnamed.docx"])
def test_a_word_binary_under_another_name_is_read(fixtures, tmp_path, name):
    path = tmp_path / name
    path.write_bytes((fixtures / "legacy.doc").read_bytes())
    result = read_file(path)
    assert result.fmt == "doc" and "张某某先后收受辖区内多家企业负责人所送礼金共计3.6万元" in result.text


def test_numbered_list_markers_are_lost_as_in_docx(tmp_path):
    import docx

    d = docx.Document()
    for line in ("第一条内容甲", "第二条内容乙"):
        d.add_paragraph(line, style="List Number")
    d.save(str(tmp_path / "numbered.docx"))
    [doc] = convert([tmp_path / "numbered.docx"], "doc", tmp_path, timeout=120)
    # Known limit (README): automatic numbers are not text in a DOCX, and .doc goes through DOCX.
    assert read_file(doc).text.splitlines() == ["第一条内容甲", "第二条内容乙"]


@pytest.mark.parametrize("name, data, reason", [
    ("corrupt.doc", None, "legacy Word file not read: LibreOffice could not convert it"),
    ("table.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), "not a Word document: a compound file"),
    ("kingsoft.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), "WPS document in Kingsoft's own format"),
])
def test_a_broken_word_binary_is_one_error_naming_it(fixtures, tmp_path, name, data, reason):
    path = fixtures / name if data is None else tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.path == str(path) and reason in err.value.reason


def test_encrypted_docx_keeps_its_message_and_never_reaches_libreoffice(fixtures, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # were it converted, the error would say LibreOffice is missing
    for name in ("encrypted.docx", "renamed.doc"):
        path = tmp_path / name
        path.write_bytes((fixtures / "encrypted.docx").read_bytes())
        with pytest.raises(ReadError, match=r"encrypted DOCX \(password-protected\)"):
            read_file(path)


def test_without_libreoffice_the_error_says_how_to_install_it(fixtures, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ReadError, match=r"LibreOffice is not installed \(apt-get install libreoffice-writer-nogui\)"):
        read_file(fixtures / "legacy.doc")


def _processes_naming(text: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text.encode() in (entry / "cmdline").read_bytes():
                pids.append(int(entry.name))
        except OSError:
            continue
    return pids


def test_a_conversion_that_overruns_is_killed_with_its_process_group(fixtures, tmp_path):
    src = tmp_path / "slow.doc"
    src.write_bytes((fixtures / "legacy.doc").read_bytes())
    t0 = time.monotonic()
    with pytest.raises(ConversionError, match=r"timed out after 0.3 s"):
        convert([src], "txt", tmp_path / "out", timeout=0.3)
    assert time.monotonic() - t0 < 10
    assert _processes_naming(str(src)) == []  # no soffice left behind
    with pytest.raises(ReadError, match="legacy Word file not read: LibreOffice conversion timed out"):
        read_file(src, ReadLimits(convert_timeout=0.3))


def test_parallel_conversions_do_not_collide(fixtures, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    paths = []
    for i in range(3):
        paths.append(tmp_path / f"copy{i}.doc")
        paths[-1].write_bytes((fixtures / "legacy.doc").read_bytes())
    with ThreadPoolExecutor(3) as pool:
        texts = [r.text for r in pool.map(read_file, paths)]
    assert len(set(texts)) == 1 and "特此通报。" in texts[0]
    assert os.cpu_count()  # (the pool ran: three LibreOffice instances, three profiles)
