"""End to end through OCR: corpus documents rendered as image-only PDFs (200 dpi, no text
layer) score with the shared scorer within 0.02 of their plain text on every field (the
issue asks 0.05), each read at a mean confidence above 95.

A sample of six one-page documents chosen for what OCR can get wrong: a five-case
inspection report numbered 一、二、, a news item, a notice partly in traditional script, a
notice whose case anchors hold half-width commas and numbering (`2.公款购买月饼,给职工发福利`),
a traditional-script report with half-width commas, a table of cases set as `|` columns.
The whole corpus is measured by scripts/ocr_corpus_score.py (README, Benchmarks → OCR).
"""
from __future__ import annotations

import json
import shutil

import pytest

from extractors.pipeline import extract_file
from extractors.readers import ReadLimits
from extractors.readers.ocr import OcrOptions
from tests.conftest import needs_ocr
from tests.extractors.test_renderings_score import FIELDS, _load_scorer, _score
from tests.renderings import render_scan

SAMPLE = ("henan-xinxiang-weibin-2020-community-feedback", "hunan-2014-midautumn-mooncakes",
          "shandong-jinan-2014-official-cars", "ccdi-2018-mooncake-cases",
          "shandong-dezhou-2013-land-compensation-village-cadres", "hunan-yueyang-2025-medical-insurance-table")
TOLERANCE = 0.02

pytestmark = [pytest.mark.slow,
              needs_ocr()]


def test_scanned_renderings_score_like_the_text(corpus_dir, tmp_path, monkeypatch):
    scorer = _load_scorer()
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in SAMPLE:
        shutil.copy(corpus_dir / f"{name}.gold.json", docs)
        shutil.copy(corpus_dir / f"{name}.txt", docs)
        render_scan((corpus_dir / f"{name}.txt").read_text(encoding="utf-8"), docs / f"{name}.pdf", dpi=200)
    limits = ReadLimits(ocr=OcrOptions(cache_dir=str(tmp_path / "ocr-cache")))
    scores = {}
    for ext in ("txt", "pdf"):
        pred = tmp_path / f"pred-{ext}"
        pred.mkdir()
        for name in SAMPLE:
            doc = extract_file(docs / f"{name}.{ext}", limits)
            if ext == "pdf":
                assert doc.ocr_pages and doc.ocr_confidence and doc.ocr_confidence > 95, name
            (pred / f"{name}.json").write_text(json.dumps(doc.contract(), ensure_ascii=False), encoding="utf-8")
        scores[ext] = _score(scorer, docs, pred, ext, monkeypatch)
    assert scores["txt"]["docs"] == scores["pdf"]["docs"] == len(SAMPLE)
    for field in FIELDS:
        assert scores["pdf"][field] >= scores["txt"][field] - TOLERANCE, (field, scores)
