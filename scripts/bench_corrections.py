"""Benchmark of corrections on a store of synthetic cases (pipelines.synthetic).

Measures, in one run on this machine:
- `add_correction` latency p50/p95 (a case's categories and amounts corrected: the history
  entry written and the case re-applied with its facet values) and `revert_correction`;
- what corrections cost ingestion: storing documents again without any correction (the
  anchor: the ordinary re-ingest path) against the same documents with one corrected case
  each (history read, cases attached and applied);
- a search with facets before and after the corrections (should not move).

    nice -n 10 .venv/bin/python scripts/bench_corrections.py --cases 20000 [--es http://127.0.0.1:9200]
Prints a Markdown table (for the README) and JSON on stderr.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.synthetic import generate, to_document  # noqa: E402
from scripts.bench_common import pct  # noqa: E402
from search.corrections import AmountFix, Changes  # noqa: E402
from search.store import SearchQuery  # noqa: E402


def _open(es: str, folder: Path):
    if es:
        from config.settings import Settings
        from search.backends.elastic.store import ElasticStore

        return ElasticStore(es, settings=Settings(
            store=es, es_index_prefix=f"leian-bench-{uuid.uuid4().hex[:6]}",
            es_username=os.environ.get("LEIAN_TEST_ES_USERNAME", os.environ.get("LEIAN_ES_USERNAME", "")),
            es_password=os.environ.get("LEIAN_TEST_ES_PASSWORD", os.environ.get("LEIAN_ES_PASSWORD", ""))))
    from search.backends.sqlite.store import SqliteStore

    return SqliteStore(folder / "bench.db")


def _settle(st) -> None:
    refresh = getattr(st, "refresh", None)
    if callable(refresh):
        refresh()


def _search_ms(st, reps: int = 7) -> float:
    """Median time of a search for every case with every facet (after a warm-up run)."""
    times = []
    for _ in range(reps + 1):
        t0 = time.perf_counter()
        st.search(SearchQuery(text="", size=10))
        times.append((time.perf_counter() - t0) * 1000)
    return pct(times[1:], 50)


def bench(n_cases: int, samples: int, es: str, folder: Path) -> dict:
    st = _open(es, folder)
    docs = []
    for sd in generate(n_docs=10 ** 9, seed=42):
        docs.append(to_document(sd))
        if sum(len(d.cases) for d in docs) >= n_cases:
            break
    st.put_documents(docs)
    _settle(st)
    rng = random.Random(7)
    picked = rng.sample([d for d in docs if d.cases and d.cases[0].amounts], samples)
    search_before = _search_ms(st)

    # anchor: the same documents stored again, no corrections
    t0 = time.perf_counter()
    for d in picked:
        st.put_document(d)
    reput_plain = (time.perf_counter() - t0) / len(picked) * 1000

    add_ms, ids = [], []
    for d in picked:
        case = d.cases[0]
        a = case.amounts[0]
        t0 = time.perf_counter()
        c = st.add_correction(case.id, Changes(categories=["bribery"], amounts=[AmountFix(text=a.text, value=a.value * 2)]),
                              "bench")
        add_ms.append((time.perf_counter() - t0) * 1000)
        ids.append(c.id)
    _settle(st)
    search_after = _search_ms(st)

    t0 = time.perf_counter()
    for d in picked:
        st.put_document(d)
    reput_corrected = (time.perf_counter() - t0) / len(picked) * 1000

    revert_ms = []
    for cid in ids[: max(1, samples // 2)]:
        t0 = time.perf_counter()
        st.revert_correction(cid, "bench")
        revert_ms.append((time.perf_counter() - t0) * 1000)
    drop = getattr(st, "drop", None)
    if callable(drop):
        drop()
    st.close()
    return {"store": "elasticsearch" if es else "sqlite", "cases": sum(len(d.cases) for d in docs),
            "samples": samples,
            "add_p50_ms": round(pct(add_ms, 50), 1), "add_p95_ms": round(pct(add_ms, 95), 1),
            "revert_p50_ms": round(pct(revert_ms, 50), 1), "revert_p95_ms": round(pct(revert_ms, 95), 1),
            "reput_plain_ms": round(reput_plain, 1), "reput_corrected_ms": round(reput_corrected, 1),
            "search_before_ms": round(search_before, 1), "search_after_ms": round(search_after, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=20000)
    ap.add_argument("--samples", type=int, default=100)
    ap.add_argument("--es", default="", help="An Elasticsearch URL (credentials from LEIAN_TEST_ES_*) instead of SQLite;"
                                             " indices of a throw-away prefix, dropped at the end")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        r = bench(args.cases, args.samples, args.es, Path(tmp))
    print(json.dumps(r), file=sys.stderr)
    print("| store | cases | add_correction p50 / p95 | revert p50 / p95 | store a document again: "
          "no correction (anchor) / one corrected case | search with facets before / after |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(f"| {r['store']} | {r['cases']:,} | {r['add_p50_ms']} / {r['add_p95_ms']} ms | {r['revert_p50_ms']} / "
          f"{r['revert_p95_ms']} ms | {r['reput_plain_ms']} / {r['reput_corrected_ms']} ms | "
          f"{r['search_before_ms']} / {r['search_after_ms']} ms |")


if __name__ == "__main__":
    main()
