"""Benchmark of the Elasticsearch store against the embedded store, same corpus, same run.

Both stores receive the same synthetic corpus (pipelines/synthetic.py, seed 42, until N
cases) and answer the same 20 analyst queries and the same similar-case requests:
- indexing throughput (cases/s): Elasticsearch via `put_documents` (bulk requests of 200
  documents, segmentation + MinHash included), the embedded store via `put_document` (one
  transaction per document), and the raw bulk rate of already prepared cases (the floor
  the cluster itself sets);
- index size;
- search latency p50/p95 (filters, facets for every field, snippets, collapse included);
- similar-case latency p50/p95 over random cases.

    scripts/elasticsearch start && eval "$(scripts/elasticsearch env)"
    nice -n 10 .venv/bin/python scripts/bench_elastic.py --cases 100000

Results: JSON in bench-results/elastic.json and a Markdown table on stdout (for the README).
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

from config.settings import Settings  # noqa: E402
from pipelines.synthetic import generate, to_document  # noqa: E402
from scripts.bench_common import time_queries, time_similar  # noqa: E402
from search.backends.elastic.store import ElasticStore  # noqa: E402
from search.backends.sqlite.store import SqliteStore  # noqa: E402


def corpus(n_cases: int):
    """The benchmark corpus, regenerated identically for each store (seed 42)."""
    stored = 0
    for sd in generate(n_docs=10 ** 9, seed=42):
        doc = to_document(sd)
        yield doc
        stored += len(doc.cases)
        if stored >= n_cases:
            return


def bench(n_cases: int, url: str, settings: Settings, reps: int, n_similar: int, tmp: Path) -> dict:
    from extractors.segment import tokenize

    tokenize("预热")
    out: dict = {"cases_target": n_cases, "machine": {"cpus": os.cpu_count(), "load_avg_start": os.getloadavg()[0]}}

    # --- embedded store (anchor), same corpus
    sq = SqliteStore(tmp / "bench.db")
    t0 = time.perf_counter()
    n = 0
    for doc in corpus(n_cases):
        sq.put_document(doc)
        n += len(doc.cases)
    s = time.perf_counter() - t0
    sq.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(p.stat().st_size for p in tmp.glob("bench.db*"))
    out["sqlite"] = {"cases": n, "seconds": round(s, 1), "cases_per_s": round(n / s, 1), "size_mib": round(size / 2**20, 1)}
    print(f"  sqlite: {n} cases in {s:.0f} s", file=sys.stderr)

    # --- Elasticsearch
    es = ElasticStore(url, settings=settings)
    try:
        t0 = time.perf_counter()
        done = 0
        batch = []
        for doc in corpus(n_cases):
            batch.append(doc)
            if len(batch) >= 200:
                es.put_documents(batch)
                done += sum(len(d.cases) for d in batch)
                batch = []
                if done % 10000 < 1000:
                    print(f"  elasticsearch: {done} cases, {done / (time.perf_counter() - t0):.0f} cases/s", file=sys.stderr)
        if batch:
            es.put_documents(batch)
        es.refresh()
        s = time.perf_counter() - t0
        count = es.count_cases()
        stats = es.es.indices.stats(index=es.cases, metric="store")
        size = stats["_all"]["primaries"]["store"]["size_in_bytes"]
        out["elasticsearch"] = {"cases": count, "seconds": round(s, 1), "cases_per_s": round(count / s, 1),
                                "size_mib": round(size / 2**20, 1)}
        print(f"  elasticsearch: {count} cases in {s:.0f} s", file=sys.stderr)

        # --- floor: raw bulk of already prepared cases into a scratch index
        from search.backends.elastic.bulk import bulk

        docs = list(corpus(min(n_cases, 5000)))
        prepared = [es._prepare(c, d) for d in docs for c in d.cases]
        scratch = f"{es.cases}-v999"
        es.es.indices.create(index=scratch)
        t = time.perf_counter()
        res = bulk(es.conn, [{"_op_type": "index", "_index": scratch, "_id": p["id"], "_source": p} for p in prepared])
        raw_s = time.perf_counter() - t
        es.es.indices.delete(index=scratch)
        out["raw_bulk"] = {"cases": len(res.ok), "seconds": round(raw_s, 1), "cases_per_s": round(len(res.ok) / raw_s, 1)}

        # --- search and similar, both stores, same queries and cases
        out["search"] = {"sqlite": time_queries(sq, reps), "elasticsearch": time_queries(es, reps)}
        rng = random.Random(1)
        ids = [c.id for d in docs for c in d.cases]
        sample = rng.sample(ids, min(n_similar, len(ids)))
        out["similar"] = {"sqlite": time_similar(sq, sample), "elasticsearch": time_similar(es, sample)}
        out["same_totals"] = out["search"]["sqlite"]["totals"] == out["search"]["elasticsearch"]["totals"]
    finally:
        es.drop()
        es.close()
        sq.close()
    out["machine"]["load_avg_end"] = os.getloadavg()[0]
    return out


def markdown(r: dict) -> str:
    e, q, sq, m = r["elasticsearch"], r["search"], r["sqlite"], r["similar"]
    rows = [
        ("Indexing throughput", f"{e['cases_per_s']:.0f} cases/s ({e['cases']} cases, {e['seconds']:.0f} s)",
         f"{sq['cases_per_s']:.0f} cases/s ({sq['cases']} cases, {sq['seconds']:.0f} s)"),
        ("  floor: raw bulk of prepared cases", f"{r['raw_bulk']['cases_per_s']:.0f} cases/s ({r['raw_bulk']['cases']} cases)", ""),
        ("Index size", f"{e['size_mib']:.0f} MiB", f"{sq['size_mib']:.0f} MiB"),
        ("Search p50 / p95", f"{q['elasticsearch']['p50_ms']:.1f} / {q['elasticsearch']['p95_ms']:.1f} ms",
         f"{q['sqlite']['p50_ms']:.1f} / {q['sqlite']['p95_ms']:.1f} ms"),
        ("Similar cases p50 / p95", f"{m['elasticsearch']['p50_ms']:.1f} / {m['elasticsearch']['p95_ms']:.1f} ms",
         f"{m['sqlite']['p50_ms']:.1f} / {m['sqlite']['p95_ms']:.1f} ms"),
        ("Same totals for the 20 queries", "yes" if r["same_totals"] else "no", ""),
    ]
    lines = ["| measure | Elasticsearch (1 node, 512 MB heap) | embedded SQLite (anchor) |", "| --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--url", default=os.environ.get("LEIAN_TEST_ES_URL", "http://127.0.0.1:9200"))
    ap.add_argument("--reps", type=int, default=10, help="runs of each search query")
    ap.add_argument("--similar", type=int, default=200, help="similar-case queries timed")
    ap.add_argument("--out", type=Path, default=Path("bench-results/elastic.json"))
    args = ap.parse_args()
    settings = Settings(store=args.url, es_index_prefix=f"leian-bench-{uuid.uuid4().hex[:6]}",
                        es_username=os.environ.get("LEIAN_TEST_ES_USERNAME", os.environ.get("LEIAN_ES_USERNAME", "")),
                        es_password=os.environ.get("LEIAN_TEST_ES_PASSWORD", os.environ.get("LEIAN_ES_PASSWORD", "")))
    with tempfile.TemporaryDirectory() as tmp:
        result = bench(args.cases, args.url, settings, args.reps, args.similar, Path(tmp))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(markdown(result))
    print(f"\n(details: {args.out})")


if __name__ == "__main__":
    main()
