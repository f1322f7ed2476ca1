"""Ingestion: ledger statuses, bad files, exit codes, and what survives SIGKILL and concurrency."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipelines.steps import IngestReport, discover, extract_one, run_ingest
from search.backends.sqlite.store import SqliteStore
from tests.conftest import REPO

NOTICE = ("{county}纪委监委通报{n}起典型问题。\n"
          "一、{town}{village}村党支部书记{name}虚报冒领低保金问题。{year}年，{name}利用职务便利，"
          "将不符合条件的亲属纳入低保，冒领低保金{amount}元。{name}受到党内警告处分。\n"
          "二、{town}财政所工作人员{name2}挪用扶贫资金问题。{year}年，{name2}挪用扶贫专项资金{amount2}元用于个人消费。"
          "{name2}受到开除党籍处分，涉嫌犯罪问题移送检察机关。\n")

COUNTIES = ["平安县", "云台县", "北川县", "东湖区", "西山县", "南岭县"]
TOWNS = ["城关镇", "河西镇", "青石乡", "柳林镇", "白沙乡"]
NAMES = ["张某某", "李某", "王某某", "赵某", "陈某", "刘某某", "杨某", "黄某"]


def notice(i: int) -> str:
    return NOTICE.format(county=COUNTIES[i % 6], n=2, town=TOWNS[i % 5], village="东坝南湾北岭西沟"[i % 8] + "坪",
                         name=NAMES[i % 8], name2=NAMES[(i + 3) % 8], year=2015 + i % 8,
                         amount=1000 + 37 * i, amount2=20000 + 113 * i)


def write_corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"notice-{i:04d}.txt"
        p.write_text(notice(i), encoding="utf-8")
        paths.append(p)
    return paths


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "store" / "leian.db"


def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    write_corpus(folder, 3)
    (folder / "gbk.txt").write_bytes(notice(7).encode("gbk"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<\n" + os.urandom(300))
    (folder / "table.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    return folder


def test_statuses_bad_files_and_summary(tmp_path, db):
    folder = bad_folder(tmp_path)
    named_unknown = tmp_path / "notes.xyz"
    named_unknown.write_text("something", encoding="utf-8")
    events = []
    with SqliteStore(db) as st:
        report = run_ingest([folder, named_unknown], st, progress=events.append)
        ledger = {Path(e.path).name: e for e in st.ledger_entries()}
        assert st.count_documents() == 4  # 3 notices + the GBK one

    assert ledger["notice-0000.txt"].status == "ok" and ledger["notice-0000.txt"].cases >= 1
    assert ledger["notice-0000.txt"].sha256 and ledger["notice-0000.txt"].size > 0
    assert ledger["notice-0000.txt"].extractor_version and ledger["notice-0000.txt"].seconds >= 0
    assert ledger["gbk.txt"].status == "ok"
    assert ledger["empty.txt"].status == "failed" and "empty" in ledger["empty.txt"].error
    assert ledger["corrupt.pdf"].status == "failed" and ledger["corrupt.pdf"].error
    assert ledger["table.xlsx"].status == "skipped" and ".xlsx" in ledger["table.xlsx"].error
    assert ledger["notes.xyz"].status == "failed" and ".xyz" in ledger["notes.xyz"].error
    assert ".hidden.txt" not in ledger

    assert (report.count("new"), report.count("failed"), report.count("skipped")) == (4, 3, 1)
    assert report.exit_code == 1
    assert report.summary_line().startswith("8 files: 4 new, 0 updated, 0 unchanged, 3 failed, 1 skipped")
    assert [e.kind for e in events][0] == "start" and events[0].total == 8
    assert [e.kind for e in events][-1] == "done" and sum(e.kind == "file" for e in events) == 8


def test_rerun_skips_unchanged_and_replaces_changed(tmp_path, db):
    folder = tmp_path / "in"
    paths = write_corpus(folder, 4)
    with SqliteStore(db) as st:
        first = run_ingest([folder], st)
        assert first.exit_code == 0 and first.count("new") == 4
        cases_before = st.count_cases()
        old_ids = {c.id for c in st.iter_cases() if c.doc_id == st.ledger(str(paths[0])).doc_id}

        again = run_ingest([folder], st)
        assert again.count("unchanged") == 4 and again.cases == 0 and again.exit_code == 0

        paths[0].write_text(notice(0).replace("低保金", "危房改造补助资金"), encoding="utf-8")
        third = run_ingest([folder], st)
        assert (third.count("updated"), third.count("unchanged")) == (1, 3)
        assert st.count_cases() == cases_before
        assert all(st.get_case(i) is None for i in old_ids)
        assert st.ledger(str(paths[0])).sha256 == st.ledger(str(paths[0])).doc_id
        assert st.integrity_check() == []


def test_failed_file_is_retried_and_recovers(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    broken = folder / "later.txt"
    broken.write_bytes(b"")
    with SqliteStore(db) as st:
        assert run_ingest([folder], st).exit_code == 1
        assert st.ledger(str(broken)).status == "failed"
        broken.write_text(notice(1), encoding="utf-8")
        report = run_ingest([folder], st)
        assert report.exit_code == 0 and report.count("new") == 1
        assert st.ledger(str(broken)).status == "ok" and st.ledger(str(broken)).error == ""


def test_extractor_upgrade_reextracts(tmp_path, db):
    folder = tmp_path / "in"
    write_corpus(folder, 2)
    with SqliteStore(db) as st:
        run_ingest([folder], st)
        items = discover([folder], st, extractor_version="999.0")
        assert [i.change for i in items] == ["changed", "changed"]
        assert "999.0" in items[0].reason


def test_steps_are_plain_and_side_effect_free(tmp_path, db):
    folder = tmp_path / "in"
    write_corpus(folder, 1)
    (folder / "empty.txt").write_bytes(b"")
    with SqliteStore(db) as st:
        items = discover([folder], st)
        assert [i.change for i in items] == ["new", "new"] and st.ledger_entries() == []
        good, bad = extract_one(items[1]), extract_one(items[0])
        assert (good.ok, bad.ok) == (True, False) and "empty" in bad.error
        assert st.ledger_entries() == [] and st.count_cases() == 0


def _cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300)


def test_cli_exit_codes_summary_and_plain_progress(tmp_path, db):
    good = tmp_path / "good"
    write_corpus(good, 2)
    res = _cli("ingest", str(good), "--store", str(db))
    assert res.returncode == 0, res.stderr
    assert "2 files: 2 new, 0 updated, 0 unchanged, 0 failed, 0 skipped" in res.stdout
    assert "[1/2] new" in res.stderr and "[2/2] new" in res.stderr  # not a terminal: plain lines

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "ok.txt").write_text(notice(3), encoding="utf-8")
    res = _cli("ingest", str(bad), str(tmp_path / "missing.txt"), "--store", str(db))
    assert res.returncode == 1
    assert "1 new, 0 updated, 0 unchanged, 2 failed" in res.stdout
    assert "empty.txt" in res.stderr and "missing.txt" in res.stderr

    res = _cli("ingest", str(good), "--store", str(db), "--json")
    assert res.returncode == 0 and '"unchanged": 2' in res.stdout


def _count(db: Path, sql: str) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return con.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0
    finally:
        con.close()


INGEST_SCRIPT = ("import sys; from pipelines.steps import run_ingest; "
                 "from search.backends.sqlite.store import SqliteStore; "
                 "st = SqliteStore(sys.argv[1]); r = run_ingest(sys.argv[2:], st); print(r.summary_line()); "
                 "sys.exit(r.exit_code)")


@pytest.mark.slow
def test_sigkill_mid_run_leaves_store_consistent(tmp_path, db):
    folder = tmp_path / "in"
    write_corpus(folder, 150)
    ref_db = tmp_path / "ref.db"
    with SqliteStore(ref_db) as ref:
        run_ingest([folder], ref)
        expected = {c.id for c in ref.iter_cases()}

    proc = subprocess.Popen([sys.executable, "-c", INGEST_SCRIPT, str(db), str(folder)], cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if db.exists() and _count(db, "SELECT count(*) FROM ledger WHERE status='ok'") >= 5:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with SqliteStore(db) as st:
        assert st.integrity_check() == []
        ok = st.ledger_entries("ok")
        assert 5 <= len(ok) < 150
        # every 'ok' file has exactly its cases; nothing half-written
        assert st.count_cases() == sum(e.cases for e in ok)
        assert st.count_documents() == len(ok)
    res = subprocess.run([sys.executable, "-c", INGEST_SCRIPT, str(db), str(folder)], cwd=REPO,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert f"{len(ok)} unchanged" in res.stdout
    with SqliteStore(db) as st:
        assert {c.id for c in st.iter_cases()} == expected
        assert st.count_cases() == len(expected) and st.count_documents() == 150
        assert {e.status for e in st.ledger_entries()} == {"ok"}
        assert st.integrity_check() == []


@pytest.mark.slow
def test_two_ingest_processes_at_once(tmp_path, db):
    folder = tmp_path / "in"
    write_corpus(folder, 60)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-c", INGEST_SCRIPT, str(db), str(folder)], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-2000:] for o in outs]
    with SqliteStore(db) as st:
        assert st.integrity_check() == []
        assert st.count_documents() == 60
        ids = [c.id for c in st.iter_cases()]
        assert len(ids) == len(set(ids)) == sum(e.cases for e in st.ledger_entries("ok"))
        assert len(st.ledger_entries("ok")) == 60
        report = run_ingest([folder], st)
        assert report.count("unchanged") == 60


def test_report_exit_code_only_counts_failures():
    from pipelines.steps import FileResult

    r = IngestReport(results=[FileResult("a", "new", 2), FileResult("b", "skipped"), FileResult("c", "unchanged")])
    assert r.exit_code == 0 and r.cases == 2
    r.results.append(FileResult("d", "failed", error="empty file"))
    assert r.exit_code == 1 and r.as_dict()["failures"] == [{"path": "d", "error": "empty file"}]


def test_symlink_loop_and_dangling_link_are_recorded_and_the_rest_ingested(tmp_path, db):
    folder = tmp_path / "in"
    write_corpus(folder, 2)
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    with SqliteStore(db) as st:
        report = run_ingest([folder], st)
        ledger = {Path(e.path).name: e for e in st.ledger_entries()}
        assert st.count_documents() == 2
    assert report.count("new") == 2 and report.count("failed") == 3 and report.exit_code == 1
    for name in ("loop-a.txt", "loop-b.txt", "dangling.txt"):  # under the link's own name
        assert ledger[name].status == "failed" and "broken symbolic link" in ledger[name].error
    assert "gone.txt" not in ledger


def test_mistyped_path_is_reported_but_not_kept_in_the_ledger(tmp_path, db):
    folder = tmp_path / "in"
    write_corpus(folder, 1)
    typo = tmp_path / "notcie-0000.txt"
    with SqliteStore(db) as st:
        report = run_ingest([folder, typo], st)
        assert report.count("failed") == 1 and report.exit_code == 1
        assert [r.error for r in report.results if r.outcome == "failed"] == ["no such file"]
        assert st.ledger(str(typo)) is None and st.ledger(str(typo.absolute())) is None
        assert len(st.ledger_entries()) == 1


def test_identical_copies_share_one_document_and_count_once(tmp_path, db):
    folder = tmp_path / "in"
    [first] = write_corpus(folder, 1)
    (folder / "copy-of-notice.txt").write_bytes(first.read_bytes())
    with SqliteStore(db) as st:
        report = run_ingest([folder], st)
        assert st.count_documents() == 1
        stored = st.count_cases()
    assert report.count("new") == 2 and stored >= 1
    assert report.cases == stored
    assert f"; {stored} cases stored in" in report.summary_line()
