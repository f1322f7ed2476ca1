"""Plain text in every encoding Chinese offices save it in: right text, never mojibake."""
from __future__ import annotations

import pytest

from config.errors import ReadError
from extractors.readers import read_file
from extractors.readers.text import decode_bytes
from tests.fixtures.readers.make_fixtures import GB18030_ONLY, NOTICE, NOTICE_TRAD


@pytest.mark.parametrize("name, encoding", [
    ("utf8.txt", "utf-8"), ("utf8_bom.txt", "utf-8-sig"), ("gbk.txt", "gb18030"),
    ("utf16le_bom.txt", "utf-16"), ("utf16be_bom.txt", "utf-16"),
    ("utf16le.txt", "utf-16-le"), ("utf16be.txt", "utf-16-be"), ("mac_cr.txt", "utf-8"),
])
def test_encodings_read_back_exactly(fixtures, name, encoding):
    result = read_file(fixtures / name)
    assert result.text == NOTICE  # newlines normalised, no BOM left, no mojibake
    assert result.encoding == encoding
    assert result.fmt == "txt"


def test_gb18030_only_characters(fixtures):
    result = read_file(fixtures / "gb18030.txt")
    assert result.text == NOTICE + GB18030_ONLY
    assert "䶮" in result.text


def test_big5_traditional_is_not_read_as_gbk(fixtures):
    result = read_file(fixtures / "big5.txt")
    assert result.text == NOTICE_TRAD
    assert result.encoding == "big5"


SAMPLES = [
    "經查，某某縣財政局原局長陳某某利用職務便利，收受他人財物共計12.5萬元，受到開除黨籍處分。",
    "2021年3月，某乡党委书记刘某违规发放津补贴1.8万元，受到党内警告处分。",
    "村委会主任赵某某：虚报冒领危房改造补助资金6000元；已退缴。",
    "中央纪委国家监委通报三起典型问题",  # pure Han: its UTF-16 has no NUL byte at all
]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16-le", "utf-16-be", "utf-16", "utf-8-sig"])
def test_decode_round_trip(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{encoding} cannot hold this text")
    assert decode_bytes(data).text == text


def test_corpus_in_gbk_and_utf16(corpus_dir):
    """Every real document survives the encodings it may come in (Big5 where it fits)."""
    checked = 0
    for path in sorted(corpus_dir.glob("*.txt")):
        text = read_file(path).text
        for encoding in ("gb18030", "utf-16-le", "utf-16-be", "big5"):
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                continue
            if encoding == "big5" and sum(0x4E00 <= ord(c) <= 0x9FFF for c in text) < 50:
                continue
            assert decode_bytes(data).text == text, f"{path.name} as {encoding}"
            checked += 1
    assert checked >= 60


def test_damaged_utf8_stays_utf8_with_a_warning():
    data = "某某县纪委监委通报了三起典型问题，涉及金额共计12万元。".encode() * 10
    data = data[:50] + b"\xff" + data[50:]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert "某某县纪委监委通报" in decoded.text and "\ufffd" in decoded.text
    assert decoded.warnings and "invalid UTF-8" in decoded.warnings[0]


@pytest.mark.parametrize("name, reason", [
    ("binary.txt", "not text"),
    ("empty.txt", "empty file"),
])
def test_bad_text_files(fixtures, name, reason):
    with pytest.raises(ReadError) as err:
        read_file(fixtures / name)
    assert reason in err.value.reason
    assert str(fixtures / name) in str(err.value)


def test_text_with_nul_bytes_is_binary(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(b"\x00\x01\x02\x03" * 100 + "中文".encode())
    with pytest.raises(ReadError, match="binary content"):
        read_file(path)
