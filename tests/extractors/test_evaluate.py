"""The in-process scorer follows the shared scorer's matching rules."""
from __future__ import annotations

import json

from extractors.evaluate import count_overlap, evaluate, match_cases


def test_amounts_match_within_half_a_percent_and_dedupe():
    assert count_overlap("amounts", [21000000.0, 500.0], [21090000.0, 500.4, 500.0]) == (2, 2, 2)
    assert count_overlap("amounts", [100.0], [101.0]) == (0, 1, 1)


def test_cases_match_by_anchor_without_whitespace():
    pairs, used = match_cases([{"anchor": "王某 违规"}, {"anchor": "不存在"}],
                              [{"text": "1.王某\n违规发包"}, {"text": "2.李某"}])
    assert [hit for _, hit in pairs] == [0, None] and used == {0}


def test_evaluate_counts_and_misses(tmp_path):
    gold = {"doc_type": "case_notice", "cases": [
        {"anchor": "甲", "people": [{"name": "王某"}], "amounts": [{"value": 100}], "sanctions": ["党内警告"],
         "categories": ["gifts"]},
        {"anchor": "乙", "people": [], "amounts": [], "sanctions": [], "categories": ["banquets"]}]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")  # no b.txt

    def fake(path):
        return {"cases": [{"text": "甲", "people": [{"name": "王某"}, {"name": "李某"}], "amounts": [{"value": 100}],
                           "sanctions": [{"label": "党内警告"}], "categories": [{"code": "gifts"}]},
                          {"text": "丙", "categories": [{"code": "other"}]}]}

    s = evaluate(tmp_path, fake)
    assert s.docs == 1
    assert s.totals["cases"] == [1, 2, 2]
    assert s.totals["people"] == [1, 1, 2]
    assert s.totals["categories"] == [1, 2, 2]
    assert any("case not found" in m for m in s.misses["a"])


def test_a_failing_document_scores_as_missed(tmp_path):
    (tmp_path / "a.gold.json").write_text(json.dumps({"cases": [{"anchor": "甲"}]}), encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")

    def boom(path):
        raise ValueError("broken")

    s = evaluate(tmp_path, boom)
    assert s.totals["cases"] == [0, 1, 0] and "a" in s.failures
