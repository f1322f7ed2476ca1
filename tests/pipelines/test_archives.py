"""Ingesting zip archives member by member (real zips built here, the real SQLite store):
each member in the ledger as `archive.zip!member`, each bad member one recorded error naming
it and the reason, the others ingested; bombs refused; nothing written from a member name."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.readers import ReadLimits
from pipelines.steps import discover, run_ingest
from search.backends.sqlite.store import SqliteStore
from tests.conftest import FIXTURES, run_leian
from tests.pipelines.test_ingest import notice
from tests.zips import encrypted_zip, make_zip


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "store" / "leian.db"


def sent_zip(folder: Path) -> Path:
    """An archive as offices send them: GBK names from Chinese Windows, a legacy .doc, and the
    usual trouble: traversal and absolute names, a bomb, a nested zip, a spreadsheet, junk."""
    folder.mkdir(parents=True, exist_ok=True)
    nested = make_zip(folder / "inner.zip", {"x.txt": notice(9)}).read_bytes()
    (folder / "inner.zip").unlink()
    return make_zip(folder / "通报汇编.zip", {
        "2023/平安县通报.txt": notice(0),
        "2023/云台县通报.txt": notice(1),
        "旧版/北川县通报.doc": (FIXTURES / "readers" / "legacy.doc").read_bytes(),
        "../../evil.txt": notice(2),
        "/etc/cron.d/leian.txt": notice(3),
        "bomb.txt": b"\0" * (20 << 20),
        "附件.zip": nested,
        "统计表.xlsx": b"PK\x03\x04 not a workbook",
        "__MACOSX/2023/._平安县通报.txt": b"junk",
    }, gbk_names=True)


def test_members_are_ingested_one_by_one_and_bad_ones_recorded(tmp_path, db):
    archive = sent_zip(tmp_path / "in")
    with SqliteStore(db) as st:
        report = run_ingest([archive.parent], st)
        ledger = {e.path: e for e in st.ledger_entries()}
        doc = st.get_document(ledger[f"{archive}!2023/平安县通报.txt"].doc_id)

    def entry(member: str):
        return ledger[f"{archive}!{member}"]

    for member in ("2023/平安县通报.txt", "2023/云台县通报.txt", "旧版/北川县通报.doc"):
        assert entry(member).status == "ok" and entry(member).cases >= 1, member
    assert "张某某" in notice(0) and entry("2023/平安县通报.txt").doc_id == entry("2023/平安县通报.txt").sha256
    assert entry("../../evil.txt").status == "failed"
    assert entry("../../evil.txt").error == "unsafe member name (path traversal: ..)"
    assert entry("/etc/cron.d/leian.txt").error == "unsafe member name (absolute path)"
    assert entry("bomb.txt").status == "failed" and entry("bomb.txt").error.startswith("zip bomb? compressed")
    assert entry("附件.zip").error == "archive inside the archive: not read (one level only); unpack it first"
    assert entry("统计表.xlsx").status == "skipped"
    assert not any("__MACOSX" in p for p in ledger) and str(archive) not in ledger
    assert (report.count("new"), report.count("failed"), report.count("skipped")) == (3, 4, 1)
    failures = {r.path: r.error for r in report.failures}
    assert failures[f"{archive}!bomb.txt"].startswith("zip bomb?")
    assert not (tmp_path / "evil.txt").exists() and not Path("/etc/cron.d/leian.txt").exists()
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["通报汇编.zip"]  # nothing unpacked beside it
    assert doc is not None and doc.path == f"{archive}!2023/平安县通报.txt"


def test_rerun_skips_unchanged_members_and_replaces_a_changed_one(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    members = {f"通报{i}.txt": notice(i) for i in range(3)}
    archive = make_zip(folder / "a.zip", members, gbk_names=True)
    with SqliteStore(db) as st:
        assert run_ingest([archive], st).count("new") == 3
        again = run_ingest([archive], st)
        assert again.count("unchanged") == 3 and again.exit_code == 0
        make_zip(archive, {**members, "通报1.txt": notice(1).replace("低保金", "危房改造补助资金")}, gbk_names=True)
        third = run_ingest([archive], st)
        assert (third.count("updated"), third.count("unchanged")) == (1, 2)
        assert [r.path for r in third.results if r.outcome == "updated"] == [f"{archive}!通报1.txt"]
        assert st.integrity_check() == []


def test_a_member_identical_to_a_loose_file_shares_its_document(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "loose.txt").write_text(notice(4), encoding="utf-8")
    archive = make_zip(folder / "a.zip", {"copy.txt": notice(4)})
    with SqliteStore(db) as st:
        run_ingest([folder], st)
        assert st.ledger(f"{archive}!copy.txt").doc_id == st.ledger(str(folder / "loose.txt")).doc_id
        assert st.count_documents() == 1


def test_a_bomb_archive_is_one_failure_under_its_own_name(tmp_path, db):
    archive = make_zip(tmp_path / "bomb.zip", {f"{i}.txt": b"\0" * (4 << 20) for i in range(5)})
    with SqliteStore(db) as st:
        report = run_ingest([archive], st, limits=ReadLimits(archive_max_bytes=10 << 20))
        [entry] = st.ledger_entries()
    assert entry.path == str(archive) and entry.status == "failed"
    assert entry.error == "zip bomb? 20.0 MB once unpacked (limit 10 MB)"
    assert report.exit_code == 1 and len(report.results) == 1


def test_encrypted_members_and_damaged_archives_are_recorded(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    locked = encrypted_zip(folder / "locked.zip", {"notice.txt": notice(5)})
    (folder / "damaged.zip").write_bytes(b"PK\x03\x04" + bytes(200))
    with SqliteStore(db) as st:
        run_ingest([folder], st)
        ledger = {e.path: e for e in st.ledger_entries()}
    assert ledger[f"{locked}!notice.txt"].error == "encrypted member (password-protected); unpack it with its password"
    assert ledger[str(folder / "damaged.zip")].error.startswith("corrupt zip archive")


def test_bad_inputs_each_end_as_one_recorded_error(tmp_path, db):
    """Issue 15: a corrupt .doc, a password-protected OFD, a zip bomb — one ledger row each,
    naming the file and the reason; the good file beside them is stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("corrupt.doc", "encrypted.ofd", "encrypted_gmt.ofd", "notice.ofd"):
        (folder / name).write_bytes((FIXTURES / "readers" / name).read_bytes())
    make_zip(folder / "bomb.zip", {"bomb.txt": b"\0" * (20 << 20)})
    with SqliteStore(db) as st:
        report = run_ingest([folder], st)
        ledger = {Path(e.path).name: e for e in st.ledger_entries()}
    assert sorted(ledger) == ["bomb.zip!bomb.txt", "corrupt.doc", "encrypted.ofd", "encrypted_gmt.ofd", "notice.ofd"]
    assert ledger["notice.ofd"].status == "ok" and ledger["notice.ofd"].cases == 3
    assert ledger["corrupt.doc"].error.startswith("legacy Word file not read: LibreOffice could not convert it")
    assert ledger["encrypted.ofd"].error == "encrypted OFD (password-protected); save it without a password"
    assert ledger["encrypted_gmt.ofd"].error.startswith("encrypted OFD (GM/T 0099")
    assert ledger["bomb.zip!bomb.txt"].error.startswith("zip bomb? compressed")
    assert report.count("failed") == 4 and {r.path for r in report.failures} == {
        str(folder / n) for n in ("bomb.zip!bomb.txt", "corrupt.doc", "encrypted.ofd", "encrypted_gmt.ofd")}


def test_discover_writes_nothing(tmp_path, db):
    archive = make_zip(tmp_path / "a.zip", {"a.txt": notice(6), "../b.txt": notice(7)})
    with SqliteStore(db) as st:
        items = discover([archive], st)
        assert [(i.path, i.change, i.error) for i in items] == [
            (f"{archive}!a.txt", "new", ""), (f"{archive}!../b.txt", "retry", "unsafe member name (path traversal: ..)")]
        assert st.ledger_entries() == []


def test_cli_ingest_reads_limits_from_settings_and_extract_points_to_ingest(tmp_path, capsys, monkeypatch):
    archive = make_zip(tmp_path / "bomb.zip", {f"{i}.txt": b"\0" * (4 << 20) for i in range(3)})
    monkeypatch.setenv("LEIAN_READ_ARCHIVE_MAX_MB", "5")
    code, _, err = run_leian(capsys, "ingest", str(archive), "--store", str(tmp_path / "s.db"))
    assert code == 1 and f"{archive}: zip bomb? 12.0 MB once unpacked (limit 5 MB)" in err
    good = make_zip(tmp_path / "good.zip", {"a.txt": notice(8)})
    code, out, err = run_leian(capsys, "extract", str(good))
    assert code == 2 and out == ""
    assert err.strip() == (f"leian: cannot read {good}: a zip archive (1 member), not one document: "
                           f"`leian ingest {good}` reads each member (recorded as good.zip!member)")


@pytest.mark.prefect
def test_the_ingest_flow_takes_archives_member_by_member(prefect_harness, tmp_path):
    from pipelines.flows.ingest import ingest
    from search.open import open_store

    archive = make_zip(tmp_path / "a.zip", {"通报1.txt": notice(1), "../x.txt": notice(2)}, gbk_names=True)
    store = str(tmp_path / "flow.db")
    state = ingest(paths=[str(archive)], store=store, return_state=True)
    assert state.is_completed(), state.message
    with open_store(store) as st:
        ledger = {e.path: e for e in st.ledger_entries()}
    assert ledger[f"{archive}!通报1.txt"].status == "ok" and ledger[f"{archive}!通报1.txt"].cases >= 1
    assert ledger[f"{archive}!../x.txt"].error == "unsafe member name (path traversal: ..)"
