"""Amounts and sanctions over whole corpus documents against the union of their gold items.

A guard against regressions on real notices (traditional ones converted with OpenCC t2s,
as the normaliser does); the per-case score of the whole pipeline is the scorer's job.
"""
from __future__ import annotations

import json

import opencc
import pytest

from extractors.amounts import extract_amounts
from extractors.sanctions import extract_sanctions


def _f1(pairs: list[tuple[list, list]], same) -> float:
    hits = n_gold = n_pred = 0
    for gold, pred in pairs:
        gold = [g for i, g in enumerate(gold) if not any(same(g, o) for o in gold[:i])]
        pred = [p for i, p in enumerate(pred) if not any(same(p, o) for o in pred[:i])]
        used: set[int] = set()
        for g in gold:
            hit = next((i for i, p in enumerate(pred) if i not in used and same(g, p)), None)
            if hit is not None:
                used.add(hit)
        hits, n_gold, n_pred = hits + len(used), n_gold + len(gold), n_pred + len(pred)
    precision, recall = hits / max(n_pred, 1), hits / max(n_gold, 1)
    return 2 * precision * recall / (precision + recall) if hits else 0.0


@pytest.fixture(scope="module")
def documents(corpus_dir):
    cc = opencc.OpenCC("t2s")
    docs = []
    for gold_path in sorted(corpus_dir.glob("*.gold.json")):
        text = cc.convert(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8"))
        docs.append((text, json.loads(gold_path.read_text(encoding="utf-8"))))
    assert docs, f"no gold files in {corpus_dir}"
    return docs


def test_amounts_on_the_corpus(documents) -> None:
    pairs = [([float(a["value"]) for c in gold["cases"] for a in c["amounts"]],
              [a.value for a in extract_amounts(text)]) for text, gold in documents]
    assert _f1(pairs, lambda a, b: abs(a - b) <= max(0.5, 0.005 * max(a, b))) >= 0.95


def test_sanctions_on_the_corpus(documents) -> None:
    pairs = [([s for c in gold["cases"] for s in c["sanctions"]],
              [s.label for s in extract_sanctions(text, [])]) for text, gold in documents]
    assert _f1(pairs, lambda a, b: a == b) >= 0.93
