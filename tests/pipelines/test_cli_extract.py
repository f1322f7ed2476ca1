"""`leian extract` (JSON contract, summary, displaCy HTML) and `leian eval`, run as commands."""
from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import REPO

SAMPLES = REPO / "tests" / "extractors" / "samples"


def _leian(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines", *args], capture_output=True, text=True,
                          cwd=REPO, timeout=300)


def test_extract_json_html_and_summary(tmp_path):
    out = tmp_path / "x.html"
    res = _leian("extract", str(SAMPLES / "traditional-bracket-cases.txt"), "--json", "--html", str(out))
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["doc_type"] == "case_notice" and len(data["cases"]) == 3
    assert data["cases"][0]["people"][0]["name"] == "陳志強"
    html = out.read_text(encoding="utf-8")
    assert "<html" in html.lower() and "陳志強" in html and "CASE 3" in html
    res = _leian("extract", str(SAMPLES / "nested-sections-notice.txt"))
    assert res.returncode == 0 and "李建国" in res.stdout and "5 case(s)" in res.stdout


def test_eval_scores_gold_files_in_process(tmp_path):
    src = (SAMPLES / "nested-sections-notice.txt").read_text(encoding="utf-8")
    (tmp_path / "n.txt").write_text(src, encoding="utf-8")
    gold = {"doc_type": "case_notice", "cases": [
        {"anchor": "城关镇财政所所长李建国", "people": [{"name": "李建国", "position": ""}],
         "amounts": [{"text": "8000元", "value": 8000}], "sanctions": ["党内警告"], "categories": ["gifts"]},
        {"anchor": "根本不存在的案件", "people": [], "amounts": [], "sanctions": [], "categories": []}]}
    (tmp_path / "n.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    res = _leian("eval", str(tmp_path), "--details", "--min", "people=0.1")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "case not found" in res.stdout
    last = res.stdout.strip().splitlines()[-1]
    assert last.startswith("cases=0.286") and "people=0.333" in last
    res = _leian("eval", str(tmp_path), "--min", "cases=0.9")
    assert res.returncode == 1 and "SHORT" in res.stdout


def test_eval_without_gold_is_a_usage_error(tmp_path):
    res = _leian("eval", str(tmp_path))
    assert res.returncode == 2


def test_extract_html_shows_markup_in_the_document_as_text(tmp_path):
    src = tmp_path / "evil.txt"
    src.write_text("关于<img src=x onerror=alert(1)>问题的通报\n"
                   "一、东山镇西岭村党支部书记张某某<iframe srcdoc=x>虚报冒领低保金3万元，受到党内警告处分。\n"
                   "二、东山镇财政所所长李某违规收受礼金5000元，受到党内警告处分。\n", encoding="utf-8")
    out = tmp_path / "evil.html"
    res = _leian("extract", str(src), "--html", str(out))
    assert res.returncode == 0, res.stderr
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"<img[^>]*onerror", page) and "<iframe" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_readable_summary_prints_rich_markup_in_a_document_as_text(tmp_path):
    src = tmp_path / "markup.txt"
    src.write_text("关于[red]张某某[/red]问题的通报\n"
                   "一、东山镇西岭村党支部书记张某某[bold]虚报冒领低保金3万元，受到党内警告处分。\n"
                   "二、东山镇财政所所长李某违规收受礼金5000元，受到党内警告处分。\n", encoding="utf-8")
    res = _leian("extract", str(src))
    assert res.returncode == 0, res.stderr
    assert "[red]张某某[/red]" in res.stdout


def test_read_size_limit_from_settings_holds_for_extract_and_ingest(tmp_path, monkeypatch, capsys):
    """LEIAN_READ_MAX_MB (read_max_mb) is the limit both commands apply, not only the default."""
    from search.open import open_store
    from tests.conftest import run_leian

    doc = tmp_path / "in" / "notice.txt"
    doc.parent.mkdir()
    doc.write_text("某某县纪委监委通报：王某违规收受礼金2万元，受到党内警告处分。" * 400, encoding="utf-8")
    monkeypatch.setenv("LEIAN_READ_MAX_MB", "0.01")  # 10 KB; the file is ~36 KB
    code, out, err = run_leian(capsys, "extract", str(doc), "--json")
    assert code != 0 and "too large" in err and "notice.txt" in err, (code, out, err)
    store = str(tmp_path / "store")
    code, out, err = run_leian(capsys, "ingest", str(doc.parent), "--store", store, "--quiet")
    with open_store(store) as st:
        (entry,) = st.ledger_entries()
    assert entry.status == "failed" and "too large" in entry.error and "limit 0 MB" not in entry.error
