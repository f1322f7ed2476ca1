"""`leian demo`: the README's main job runs offline from the bundled samples and shows each step."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pipelines import demo
from tests.conftest import REPO


def test_samples_are_bundled_and_formats_written(tmp_path):
    notes = demo.build_corpus(tmp_path / "corpus")
    names = {p.name for p in (tmp_path / "corpus").iterdir()}
    assert {"pingan-county-2023-notice.txt", "yunzhou-city-2023-notice.html", "hedong-province-2024-notice-gbk.txt",
            "shiqiao-inspection-2023-report.docx", "scan-2023-broken.pdf", "synthetic"} <= names
    gbk = (tmp_path / "corpus" / "hedong-province-2024-notice-gbk.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        gbk.decode("utf-8")
    assert "河东省纪委监委" in gbk.decode("gbk")
    if demo.CJK_FONT.exists():
        assert (tmp_path / "corpus" / "donling-county-2022-notice.pdf").read_bytes().startswith(b"%PDF")
    else:
        assert any("pdf" in n for n in notes)
    assert len(list((tmp_path / "corpus" / "synthetic").iterdir())) == demo.SYNTHETIC_DOCS


@pytest.mark.slow
def test_demo_runs_offline_end_to_end(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "LEIAN_STORE": str(tmp_path / "not-this.db"),
           "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}
    res = subprocess.run([sys.executable, "-m", "pipelines", "demo"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=900)
    out = res.stdout
    assert res.returncode == 0, res.stderr[-3000:]
    assert (tmp_path / "leian-data" / "demo.db").exists() and not (tmp_path / "not-this.db").exists()
    # the ledger shows the broken file failed and every sample format stored
    assert "failed   scan-2023-broken.pdf" in out
    for name in ("pingan-county-2023-notice.txt", "yunzhou-city-2023-notice.html",
                 "hedong-province-2024-notice-gbk.txt", "shiqiao-inspection-2023-report.docx"):
        assert f"ok       {name}" in out
    assert "0 new, 0 updated, 45 unchanged, 1 failed" in out or "unchanged" in out.split("Ingest again")[1]
    for step in ("leian search 村党支部书记 低保", "leian show ", "leian similar ", "leian duplicates"):
        assert step in out
    assert "【" in out  # highlighted snippets
    assert "cases like" in out and "incidents published more than once" in out
    assert out.rstrip().endswith("then http://127.0.0.1:8765")  # where to open the web application
