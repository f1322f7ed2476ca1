"""A scanned report is ingested like any document: its pages OCR'd with per-page progress on
the ingest bar, the document stored with its OCR note, the ledger row `ok` with its OCR'd
pages and their confidence; a re-ingest of a copy costs no OCR."""
from __future__ import annotations

import shutil

from extractors.readers.ocr import PAGE_PROGRESS, STATS
from pipelines.cli_store import _Progress
from pipelines.steps import run_ingest
from search.backends.sqlite.store import SqliteStore
from tests.conftest import needs_ocr
from tests.fixtures.readers.make_fixtures import NOTICE
from tests.renderings import render_scan

pytestmark = needs_ocr()


def test_scanned_report_ingested_with_page_progress(tmp_path, monkeypatch):
    monkeypatch.setenv("LEIAN_OCR_CACHE_DIR", str(tmp_path / "ocr-cache"))
    paras = NOTICE.strip().splitlines()
    text = "\n".join(paras[:3] + ["本页其余内容从略。"] * 25 + paras[3:])
    scan = render_scan(text, tmp_path / "scan.pdf", dpi=200)
    with SqliteStore(str(tmp_path / "leian.db")) as store:
        calls: list[tuple[str, int, int]] = []
        token = PAGE_PROGRESS.set(lambda name, done, total: calls.append((name, done, total)))
        try:
            report = run_ingest([scan], store)
        finally:
            PAGE_PROGRESS.reset(token)
        assert [r.outcome for r in report.results] == ["new"] and report.results[0].cases == 3
        assert calls == [("scan.pdf", 1, 2), ("scan.pdf", 2, 2)]
        entry = store.ledger(str(scan))
        assert entry.status == "ok" and entry.cases == 3
        assert entry.ocr_pages == 2 and entry.ocr_confidence is not None and entry.ocr_confidence > 95
        doc = store.get_document(entry.doc_id)
        assert any(w.startswith("OCR: 2 of 2 pages read by OCR") for w in doc.warnings)

        before = STATS["recognised"]
        shutil.copy(scan, tmp_path / "copy.pdf")
        again = run_ingest([tmp_path / "copy.pdf"], store)
        assert again.results[0].outcome == "new" and STATS["recognised"] == before  # from the cache


def test_ingest_bar_takes_the_ocr_pages_while_it_runs(tmp_path):
    from pipelines.steps import ProgressEvent

    bar = _Progress()
    bar.tty = True
    bar(ProgressEvent("start", total=1))
    hook = PAGE_PROGRESS.get()
    assert hook is not None
    hook("scan.pdf", 3, 10)
    assert bar.bar.tasks[0].description == "scan.pdf: OCR page 3/10"
    bar(ProgressEvent("done", total=1, done=1))
    assert PAGE_PROGRESS.get() is None
