"""`leian ledger`: every file of the store's ledger, with its status, cases, reason and — for
a scan — how many pages were OCR'd and their mean confidence; filters by status and OCR."""
from __future__ import annotations

import json

from search.backends.sqlite.store import SqliteStore
from search.store import LedgerEntry
from tests.conftest import run_leian


def _store(tmp_path) -> str:
    db = str(tmp_path / "leian.db")
    with SqliteStore(db) as st:
        st.record(LedgerEntry(path="/in/notice.txt", sha256="a", status="ok", cases=3))
        st.record(LedgerEntry(path="/in/scan.pdf", sha256="b", status="ok", cases=5, ocr_pages=4, ocr_confidence=97.26))
        st.record(LedgerEntry(path="/in/photo.jpg", sha256="c", status="ok", cases=1, ocr_pages=1, ocr_confidence=81.0))
        st.record(LedgerEntry(path="/in/old.doc", sha256="d", status="failed", error="legacy Word file not read: …"))
    return db


def test_ledger_lists_files_with_their_ocr(tmp_path, capsys):
    code, out, err = run_leian(capsys, "ledger", "--store", _store(tmp_path))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4
    assert any(ln.startswith("ok") and "/in/scan.pdf" in ln and "5 cases" in ln and "OCR 4 pages, 97" in ln
               for ln in lines)
    assert any("/in/photo.jpg" in ln and "OCR 1 page, 81" in ln for ln in lines)
    assert any("/in/notice.txt" in ln and "OCR" not in ln for ln in lines)
    assert any(ln.startswith("failed") and "legacy Word file not read" in ln for ln in lines)
    assert "4 files, 2 read by OCR" in err


def test_ledger_filters_and_json(tmp_path, capsys):
    db = _store(tmp_path)
    code, out, _ = run_leian(capsys, "ledger", "--store", db, "--ocr", "--json")
    rows = json.loads(out)
    assert code == 0 and [(r["path"], r["ocr_pages"], r["ocr_confidence"]) for r in rows] == [
        ("/in/photo.jpg", 1, 81.0), ("/in/scan.pdf", 4, 97.26)]
    code, out, _ = run_leian(capsys, "ledger", "--store", db, "--status", "failed")
    assert code == 0 and out.splitlines() == [ln for ln in out.splitlines() if "/in/old.doc" in ln] and out
    code, _, err = run_leian(capsys, "ledger", "--store", db, "--status", "broken")
    assert code == 2 and "--status must be one of" in err
