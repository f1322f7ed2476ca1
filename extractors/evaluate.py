"""Score extraction against gold annotations (the format of shared/spec/gold-format.md).

The same matching rules as the shared scorer (shared/eval/score.py): a predicted case
matches a gold case when the gold `anchor` (whitespace removed) occurs in the predicted
case's text, first unused prediction wins; people compare by name, amounts by value within
0.5 % (or 0.5 yuan), sanctions by label, categories by code; each field's items are
deduplicated and greedily matched one to one; precision, recall and F1 are micro-averaged;
an unmatched gold case counts all its items as missed, and the items of an unmatched
prediction count as false hits.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FIELDS = ("people", "amounts", "sanctions", "categories")
_WS = re.compile(r"\s+")


def squash(text: str | None) -> str:
    return _WS.sub("", text or "")


def gold_items(case: dict[str, Any], fld: str) -> list[Any]:
    if fld == "people":
        return [squash(p["name"]) for p in case.get("people", [])]
    if fld == "amounts":
        return [float(a["value"]) for a in case.get("amounts", [])]
    return list(case.get(fld, []))


def pred_items(case: dict[str, Any], fld: str) -> list[Any]:
    out: list[Any] = []
    for it in case.get(fld) or []:
        if fld == "people":
            name = it.get("name") if isinstance(it, dict) else it
            if name:
                out.append(squash(name))
        elif fld == "amounts":
            value = it.get("value") if isinstance(it, dict) else it
            try:
                out.append(float(value))  # type: ignore[arg-type]  # None or junk: skipped below
            except (TypeError, ValueError):
                continue
        elif fld == "sanctions":
            label = it.get("label") if isinstance(it, dict) else it
            if label:
                out.append(label)
        else:
            code = it.get("code") if isinstance(it, dict) else it
            if code:
                out.append(code)
    return out


def same(fld: str, a: Any, b: Any) -> bool:
    if fld == "amounts":
        return abs(a - b) <= max(0.5, 0.005 * max(abs(a), abs(b)))
    return a == b


def dedupe(fld: str, items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for it in items:
        if not any(same(fld, it, o) for o in out):
            out.append(it)
    return out


def count_overlap(fld: str, gold: list[Any], pred: list[Any]) -> tuple[int, int, int]:
    """Hits, gold count, prediction count of a greedy one-to-one matching."""
    gold, pred = dedupe(fld, gold), dedupe(fld, pred)
    used = [False] * len(pred)
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and same(fld, g, p):
                used[i] = True
                hits += 1
                break
    return hits, len(gold), len(pred)


def match_cases(gold_cases: list[dict], pred_cases: list[dict]) -> tuple[list[tuple[dict, int | None]], set[int]]:
    used: set[int] = set()
    pairs: list[tuple[dict, int | None]] = []
    texts = [squash(p.get("text", "")) for p in pred_cases]
    for g in gold_cases:
        anchor = squash(g["anchor"])
        hit = next((i for i, t in enumerate(texts) if i not in used and anchor in t), None)
        if hit is not None:
            used.add(hit)
        pairs.append((g, hit))
    return pairs, used


@dataclass
class Score:
    """Micro-averaged counts per field, and the misses per document."""

    totals: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0, 0] for f in ("cases",) + FIELDS})
    misses: dict[str, list[str]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    docs: int = 0

    def prf(self, fld: str) -> tuple[float, float, float]:
        h, ng, npred = self.totals[fld]
        p = h / npred if npred else 0.0
        r = h / ng if ng else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def f1(self) -> dict[str, float]:
        return {f: self.prf(f)[2] for f in ("cases",) + FIELDS}


def score_document(score: Score, name: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    """Add one document's counts (and its misses) to `score`."""
    score.docs += 1
    gold_cases = gold.get("cases", [])
    pred_cases = pred.get("cases", []) or []
    pairs, used = match_cases(gold_cases, pred_cases)
    t = score.totals
    t["cases"][0] += len(used)
    t["cases"][1] += len(gold_cases)
    t["cases"][2] += len(pred_cases)
    misses = score.misses.setdefault(name, [])
    for g, hit in pairs:
        if hit is None:
            misses.append(f"[{g['anchor']}] case not found")
        p = pred_cases[hit] if hit is not None else {}
        for f in FIELDS:
            gi, pi = gold_items(g, f), pred_items(p, f)
            h, ng, npred = count_overlap(f, gi, pi)
            t[f][0] += h
            t[f][1] += ng
            t[f][2] += npred
            if h < ng or h < npred:
                misses.append(f"[{g['anchor']}] {f}: gold={gi} pred={pi}")
    for i, p in enumerate(pred_cases):
        if i in used:
            continue
        for f in FIELDS:
            t[f][2] += len(dedupe(f, pred_items(p, f)))
        misses.append(f"unmatched predicted case: {squash(p.get('text', ''))[:40]}")


def evaluate(gold_dir: str | Path, extract: Callable[[Path], dict[str, Any]], *,
             input_ext: str = "txt") -> Score:
    """Score `extract(path) -> contract dict` on every NAME.gold.json with a NAME.<ext> beside it."""
    score = Score()
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        doc_in = gold_path.with_name(f"{name}.{input_ext}")
        if not doc_in.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            pred = extract(doc_in)
        except Exception as exc:  # one failed document scores as all missed; the run goes on
            log.warning("evaluation: %s failed: %s", doc_in, exc)
            score.failures[name] = f"{type(exc).__name__}: {exc}"
            pred = {"cases": []}
        score_document(score, name, gold, pred)
    return score


__all__ = ["FIELDS", "Score", "count_overlap", "evaluate", "match_cases", "score_document"]
