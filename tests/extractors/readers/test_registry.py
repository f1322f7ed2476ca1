"""What every file gets: one ReadError naming the file and the reason; the CLI's one line."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from config.errors import ReadError
from extractors.readers import ReadLimits, read_file, supported_extensions
from tests.conftest import REPO


def test_supported_extensions():
    exts = supported_extensions()
    for ext in (".txt", ".html", ".htm", ".docx", ".pdf"):
        assert ext in exts


@pytest.mark.parametrize("make, reason", [
    (lambda p: p, "no such file"),
    (lambda p: (p.mkdir(), p)[1], "is a directory"),
    (lambda p: (p.write_bytes(b""), p)[1], "empty file"),
])
def test_missing_directory_empty(tmp_path, make, reason):
    path = make(tmp_path / "x.txt")
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert reason in err.value.reason and err.value.path == str(path)


def test_unknown_type(fixtures):
    with pytest.raises(ReadError, match=r"unsupported file type \.xyz"):
        read_file(fixtures / "unknown.xyz")


def test_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # a sparse 60 MB file: costs no disk, refused by its size
        fh.write("某".encode())
        fh.truncate(60 * 2**20)
    with pytest.raises(ReadError, match=r"too large: 60 MB \(limit 50 MB\)"):
        read_file(path)
    small = tmp_path / "small.txt"
    small.write_text("某某县纪委通报" * 100, encoding="utf-8")
    with pytest.raises(ReadError, match=r"too large: 2 KB \(limit 1 KB\)"):
        read_file(small, ReadLimits(max_bytes=1000))


BROKEN = ["corrupt.pdf", "encrypted.pdf", "scanned.pdf", "empty.docx", "truncated.docx",
          "encrypted.docx", "corrupt.doc", "encrypted.ofd", "encrypted_gmt.ofd", "corrupt.ofd", "unknown.xyz", "binary.txt", "empty.txt"]


def test_cli_prints_one_line_and_exits_2_for_each_broken_file(fixtures):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for name in BROKEN:
        path = fixtures / name
        res = subprocess.run([sys.executable, "-m", "pipelines", "extract", str(path)],
                             capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
        assert res.returncode == 2, (name, res.stderr)
        assert res.stdout == ""
        line = res.stderr.strip()
        assert "\n" not in line and str(path) in line, (name, res.stderr)
        with pytest.raises(ReadError) as err:
            read_file(path)
        assert err.value.reason in line


def test_limits_from_settings(monkeypatch):
    from config.settings import Settings

    monkeypatch.setenv("LEIAN_READ_MAX_MB", "0.5")
    monkeypatch.setenv("LEIAN_READ_MAX_PAGES", "7")
    limits = ReadLimits.from_settings(Settings())
    monkeypatch.setenv("LEIAN_READ_CONVERT_TIMEOUT", "9")
    limits = ReadLimits.from_settings(Settings())
    assert limits == ReadLimits(max_bytes=512 * 1024, max_pages=7, convert_timeout=9.0)
    assert ReadLimits.from_settings(object()) == ReadLimits()


@pytest.mark.parametrize("source, name, fmt", [
    ("notice.docx", "notice", "docx"),
    ("notice.docx", "notice.txt", "docx"),
    ("notice.pdf", "notice.txt", "pdf"),
    ("notice_gbk.html", "notice", "html"),
])
def test_content_sniffed_when_the_name_says_nothing_or_lies(fixtures, tmp_path, source, name, fmt):
    path = tmp_path / name
    path.write_bytes((fixtures / source).read_bytes())
    assert read_file(path).fmt == fmt


def test_other_compound_files_are_unsupported_not_legacy_doc(fixtures, tmp_path):
    path = tmp_path / "table.xls"
    path.write_bytes((fixtures / "legacy.doc").read_bytes())  # any OLE compound file
    with pytest.raises(ReadError, match=r"unsupported file type \.xls"):
        read_file(path)
