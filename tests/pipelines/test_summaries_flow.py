"""The `summaries` flow writes every configured class-case summary; a bad entry fails its
own task and the run, the others are still written."""
from __future__ import annotations

import json

import pytest

from tests.pipelines.conftest import write_good_files

pytestmark = [pytest.mark.prefect]


def test_configured_summaries_are_written(prefect_harness, tmp_path, monkeypatch):
    from pipelines.flows.ingest import ingest
    from pipelines.flows.summaries import summaries

    inbox = tmp_path / "inbox"
    write_good_files(inbox, count=4)
    store = str(tmp_path / "leian.db")
    assert ingest(paths=[str(inbox)], store=store, return_state=True).is_completed()

    good = tmp_path / "out" / "class.md"
    monkeypatch.setenv("LEIAN_SUMMARIES", json.dumps([
        {"name": "类案", "category": "false_claims", "format": "md", "output": str(good)},
        {"name": "broken", "query": "礼金", "format": "pdf", "output": str(tmp_path / "out" / "x.pdf")},
    ], ensure_ascii=False))
    state = summaries(store=store, return_state=True)
    assert state.is_failed() and "broken" in state.message and "1 of 2" in state.message
    assert good.is_file() and good.read_text(encoding="utf-8").startswith("# 虚报冒领")
    assert not (tmp_path / "out" / "x.pdf").exists()

    monkeypatch.setenv("LEIAN_SUMMARIES", "[]")
    state = summaries(store=store, return_state=True)
    assert state.is_completed() and state.message == "no summaries configured"
