"""Extraction on documents written apart from the rules (tests/extractors/heldout): a floor
under the level reached, so a change that loses what generalised fails."""
from __future__ import annotations

from pathlib import Path

from extractors.evaluate import evaluate
from extractors.pipeline import extract_file

HELDOUT = Path(__file__).resolve().parent / "heldout"
FLOOR = {"cases": 0.90, "people": 0.90, "amounts": 0.95, "sanctions": 0.90, "categories": 0.75}


def test_heldout_documents_keep_their_level():
    score = evaluate(HELDOUT, lambda p: extract_file(p).contract())
    assert score.docs == 8 and not score.failures, score.failures
    f1 = score.f1()
    low = {f: round(f1[f], 3) for f, bar in FLOOR.items() if f1[f] < bar}
    misses = [f"{d}: {m}" for d, ms in score.misses.items() for m in ms]
    assert not low, f"below the floor: {low}\n" + "\n".join(misses)
