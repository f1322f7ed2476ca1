"""Quality bar on the shared corpus (51 real notices, reports and articles with gold): fails
below it. The bar is issue 10's for the corpus; what generalises is measured apart
(tests/extractors/test_heldout_quality.py, the README's extraction-quality section)."""
from __future__ import annotations

from extractors.evaluate import evaluate
from extractors.pipeline import extract_file

BAR = {"cases": 0.95, "people": 0.95, "amounts": 0.95, "sanctions": 0.95, "categories": 0.85}


def test_corpus_quality_bar(corpus_dir):
    score = evaluate(corpus_dir, lambda p: extract_file(p).contract())
    assert score.docs >= 51
    assert not score.failures, score.failures
    f1 = score.f1()
    short = {f: round(f1[f], 3) for f, bar in BAR.items() if f1[f] < bar}
    misses = [f"{d}: {m}" for d, ms in score.misses.items() for m in ms]
    assert not short, f"below the bar: {short}\n" + "\n".join(misses)
