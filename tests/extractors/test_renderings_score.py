"""End to end through the parsers: every corpus document rendered as DOCX, as a legacy Word
.doc (the DOCX converted by LibreOffice, all in one call), as OFD (tests/ofds.py), as a text
PDF and as a saved web page (three site layouts, with menus, related headlines and a photo
caption) must score (with the shared scorer, same semantics) within 0.02 of its plain-text
original on every field — the readers must not lose, reorder or garble what the extractor needs."""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from extractors.pipeline import extract_file
from extractors.readers.soffice import convert, soffice_binary
from tests.conftest import SHARED
from tests.ofds import notice_ofd
from tests.renderings import as_rendered, render_docx, render_html, render_pdf

FIELDS = ("cases", "people", "amounts", "sanctions", "categories")
TOLERANCE = 0.02


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _load_scorer():
    spec = importlib.util.spec_from_file_location("leian_shared_score", SHARED / "eval" / "score.py")
    if spec is None or spec.loader is None:
        pytest.skip(f"scorer not found at {SHARED / 'eval' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(scorer, gold: Path, pred: Path, ext: str, monkeypatch) -> dict[str, float]:
    """Run the shared scorer's own main() on a folder of predictions; parse its summary."""
    monkeypatch.setattr(sys, "argv", ["score.py", "--gold", str(gold), "--pred", str(pred), "--input-ext", ext])
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        scorer.main()
    summary = out.getvalue().strip().splitlines()[-1]
    scores = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", summary)}
    assert scores.get("failed") == 0, out.getvalue()
    return scores


@pytest.mark.slow
def test_docx_and_pdf_renderings_score_like_the_text(corpus_dir, tmp_path, monkeypatch):
    scorer = _load_scorer()
    docs = tmp_path / "docs"
    docs.mkdir()
    names = []
    for txt in sorted(corpus_dir.glob("*.txt")):
        name = txt.stem
        gold = corpus_dir / f"{name}.gold.json"
        if not gold.exists():
            continue
        names.append(name)
        shutil.copy(gold, docs / gold.name)
        shutil.copy(txt, docs / txt.name)
        text = txt.read_text(encoding="utf-8")
        render_docx(text, docs / f"{name}.docx")
        # Large print on every other document: most run over several pages, so sentences
        # and cases are cut by page breaks, running headers and page numbers.
        render_pdf(text, docs / f"{name}.pdf", page_numbers=("dash", "of", "slash")[len(names) % 3],
                   font_size=18 if len(names) % 2 else 12)
        notice_ofd(text, docs / f"{name}.ofd")
        render_html(text, docs / f"{name}.html", title=f"{name}通报",
                    layout=("portal", "table", "wechat")[len(names) % 3])
    assert names, f"no documents with gold in {corpus_dir}"
    exts = ["docx", "pdf", "ofd", "html"]
    if soffice_binary():  # .doc renderings: one LibreOffice call for every document
        convert([docs / f"{name}.docx" for name in names], "doc", docs, timeout=600)
        exts.append("doc")
    elif os.environ.get("CI"):
        pytest.fail("LibreOffice missing in CI (scripts/system-deps.sh installs it)")

    scores = {}
    texts: dict[tuple[str, str], str] = {}
    for ext in ("txt", *exts):
        pred = tmp_path / f"pred-{ext}"
        pred.mkdir()
        for name in names:
            doc = extract_file(docs / f"{name}.{ext}")
            texts[name, ext] = doc.text
            (pred / f"{name}.json").write_text(json.dumps(doc.contract(), ensure_ascii=False), encoding="utf-8")
        scores[ext] = _score(scorer, docs, pred, ext, monkeypatch)
        assert scores[ext]["docs"] == len(names)

    # The text itself: the same characters in the same order (whitespace aside), every gold
    # anchor still there. (While the extraction is a placeholder, this is what has teeth.)
    for name in names:
        gold = json.loads((docs / f"{name}.gold.json").read_text(encoding="utf-8"))
        for ext in (e for e in exts if e != "html"):  # (a web page: below)
            expected = as_rendered(texts[name, "txt"]) if ext == "pdf" else texts[name, "txt"]
            assert _squash(texts[name, ext]) == _squash(expected), f"{name}.{ext} text differs"
            for case in gold.get("cases", []):
                assert _squash(case["anchor"]) in _squash(texts[name, ext]), f"{name}.{ext}: {case['anchor']}"
        # A web page keeps the article (its info lines may go with the page furniture) and
        # nothing of the menu, the related headlines or the footer.
        html = texts[name, "html"]
        for case in gold.get("cases", []):
            assert _squash(case["anchor"]) in _squash(html), f"{name}.html: {case['anchor']}"
        for junk in ("审查调查纪法课堂", "相关新闻", "最新文章", "往期推荐", "警示教育大会", "版权所有", "Copyright"):
            assert junk not in html, f"{name}.html keeps {junk!r}"

    for ext in exts:
        for field in FIELDS:
            assert abs(scores[ext][field] - scores["txt"][field]) <= TOLERANCE, (
                f"{ext} {field}: {scores[ext][field]:.3f} vs txt {scores['txt'][field]:.3f}; all: {scores}")
