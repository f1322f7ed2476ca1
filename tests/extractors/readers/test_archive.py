"""Zip archives: member names (GBK, traversal), limits (bombs), encrypted members, and what
`read_file` says of a zip — on real zip files built in the test."""
from __future__ import annotations

import zipfile

import pytest

from config.errors import ReadError
from extractors.readers import ReadLimits, read_file
from extractors.readers.archive import display_name, open_archive, read_member, unsafe_name
from tests.zips import encrypted_zip, make_zip

NOTICE = "某县纪委监委通报1起典型问题。村党支部书记张某虚报冒领低保金3000元，受到党内警告处分。"


def test_gbk_names_from_chinese_windows_are_decoded(tmp_path):
    path = make_zip(tmp_path / "a.zip", {"通报/关于张某问题的通报.txt": NOTICE, "readme.txt": "x"}, gbk_names=True)
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
    assert not infos[0].flag_bits & 0x800 and infos[0].filename != "通报/关于张某问题的通报.txt"  # stored as GBK
    assert [display_name(i) for i in infos] == ["通报/关于张某问题的通报.txt", "readme.txt"]
    assert [m.name for m in open_archive(path, ReadLimits())] == ["通报/关于张某问题的通报.txt", "readme.txt"]


def test_utf8_names_with_and_without_the_flag(tmp_path):
    path = make_zip(tmp_path / "a.zip", {"巡察报告.txt": NOTICE})  # zipfile sets the UTF-8 flag
    assert [m.name for m in open_archive(path, ReadLimits())] == ["巡察报告.txt"]
    info = zipfile.ZipInfo("巡察报告.txt".encode().decode("cp437"))  # flag missing, bytes UTF-8
    assert display_name(info) == "巡察报告.txt"
    assert display_name(zipfile.ZipInfo("caf\u00e9.txt".encode("cp437").decode("cp437"))) == "café.txt"  # real CP437


@pytest.mark.parametrize("name, reason", [
    ("../../etc/cron.d/x.txt", "path traversal"),
    ("docs/../../x.txt", "path traversal"),
    ("..\\..\\windows\\x.txt", "path traversal"),
    ("/etc/passwd.txt", "absolute path"),
    ("C:/Users/x.txt", "absolute path"),
    ("a\x07b.txt", "control characters"),
])
def test_unsafe_names_are_refused(name, reason):
    assert reason in unsafe_name(name)


def test_plain_names_are_safe():
    assert unsafe_name("2024/通报..final.txt") == "" and unsafe_name("a/b/c.pdf") == ""


def test_members_refused_one_by_one(tmp_path):
    inner = make_zip(tmp_path / "inner.zip", {"x.txt": NOTICE}).read_bytes()
    path = make_zip(tmp_path / "a.zip", {"good.txt": NOTICE, "../evil.txt": NOTICE, "/abs.txt": NOTICE,
                                         "nested.zip": inner, "__MACOSX/._good.txt": "junk", "~$lock.docx": "x"})
    members = {m.name: m for m in open_archive(path, ReadLimits())}
    assert members["good.txt"].error == ""
    assert "path traversal" in members["../evil.txt"].error
    assert "absolute path" in members["/abs.txt"].error
    assert members["nested.zip"].error == "archive inside the archive: not read (one level only); unpack it first"
    assert members["__MACOSX/._good.txt"].junk and members["~$lock.docx"].junk
    assert read_member(path, members["good.txt"], ReadLimits()).decode() == NOTICE


def test_encrypted_members_are_refused(tmp_path):
    path = encrypted_zip(tmp_path / "locked.zip", {"notice.txt": NOTICE})
    [member] = open_archive(path, ReadLimits())
    assert member.error == "encrypted member (password-protected); unpack it with its password"


def test_a_zip_bomb_member_is_refused_by_its_ratio(tmp_path):
    path = make_zip(tmp_path / "bomb.zip", {"bomb.txt": b"\0" * (20 << 20), "good.txt": NOTICE})
    assert path.stat().st_size < 100_000
    members = {m.name: m for m in open_archive(path, ReadLimits())}
    assert members["bomb.txt"].error.startswith("zip bomb? compressed 1") and "(limit 100 to 1)" in members["bomb.txt"].error
    assert members["good.txt"].error == ""


@pytest.mark.parametrize("limits, reason", [
    (ReadLimits(archive_max_bytes=5 << 20), "zip bomb? 20.0 MB once unpacked (limit 5 MB)"),
    (ReadLimits(archive_max_members=1), "zip bomb? 2 members (limit 1)"),
])
def test_a_zip_bomb_archive_is_refused_whole(tmp_path, limits, reason):
    path = make_zip(tmp_path / "bomb.zip", {"a.txt": b"\0" * (10 << 20), "b.txt": b"\0" * (10 << 20)})
    with pytest.raises(ReadError) as err:
        open_archive(path, limits)
    assert err.value.path == str(path) and err.value.reason == reason


def test_a_member_larger_than_the_file_limit_is_refused(tmp_path):
    path = make_zip(tmp_path / "a.zip", {"big.txt": NOTICE * 100})
    [member] = open_archive(path, ReadLimits(max_bytes=1000))
    assert member.error.startswith("too large:")


def test_a_member_whose_header_lies_about_its_size_is_stopped(tmp_path):
    path = make_zip(tmp_path / "a.zip", {"lie.txt": NOTICE * 50})
    [member] = open_archive(path, ReadLimits())
    data = bytearray(path.read_bytes())  # state a smaller size in both headers
    true_size = len((NOTICE * 50).encode())
    old = true_size.to_bytes(4, "little")
    assert data.count(old) == 2
    path.write_bytes(bytes(data).replace(old, (100).to_bytes(4, "little")))
    [member] = open_archive(path, ReadLimits())
    assert member.size == 100
    with pytest.raises(ReadError) as err:
        read_member(path, member, ReadLimits())
    assert err.value.path == f"{path}!lie.txt" and "damaged member" in err.value.reason


@pytest.mark.parametrize("content, reason", [
    (b"PK\x03\x04" + bytes(100), "corrupt zip archive"),
    (None, "empty zip archive"),
])
def test_a_broken_archive_is_one_error(tmp_path, content, reason):
    path = tmp_path / "broken.zip"
    if content is None:
        make_zip(path, {})
    else:
        path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.path == str(path) and reason in err.value.reason


def test_extract_on_a_zip_points_to_ingest(tmp_path):
    path = make_zip(tmp_path / "notices.zip", {"a.txt": NOTICE, "b.txt": NOTICE})
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.reason == (f"a zip archive (2 members), not one document: `leian ingest {path}` reads each "
                                "member (recorded as notices.zip!member)")
