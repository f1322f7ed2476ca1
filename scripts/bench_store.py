"""Benchmark of the embedded store (SQLite + FTS5) on a synthetic corpus.

Measures, in one run on this machine:
- ingest throughput (cases/s) storing N cases (synthetic Documents with their fields, one
  transaction per document: segmentation, facets, MinHash/LSH, FTS5; `--workers` processes
  prepare cases while the main one writes), and peak memory (RSS of all processes);
- the store's size on disk;
- search latency p50/p95 over 20 typical analyst queries (text, phrases, OR/NOT, filters,
  sorts, facets for every field, snippets, one hit per incident);
- similar-case latency p50/p95 over random cases;
- anchors measured in the same run: jieba tokenisation throughput (the floor under ingest)
  and a bare FTS5 bm25 top-10 query (the floor under search);
- the end-to-end pipeline (files → extract_file → store) on a sample of files, for scale.

    nice -n 10 .venv/bin/python scripts/bench_store.py --cases 100000
Results: JSON in bench-results/store.json and a Markdown table on stdout (for the README).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.steps import run_ingest  # noqa: E402
from pipelines.synthetic import generate, to_document, write_corpus  # noqa: E402
from scripts.bench_common import PeakRSS, pct, time_queries, time_similar  # noqa: E402
from search.backends.sqlite.store import SqliteStore, prepare_document  # noqa: E402


def _bounded_map(pool, fn, items, ahead: int):
    """pool.map in order, with at most `ahead` items in flight (Executor.map would submit the
    whole, here endless, input at once)."""
    from collections import deque

    queue: deque = deque()
    for item in items:
        queue.append(pool.submit(fn, item))
        if len(queue) >= ahead:
            yield queue.popleft().result()
    while queue:
        yield queue.popleft().result()


def _prepare(sd):
    """Worker side of ingest: the Document and its cases' segmentation, facets and MinHash."""
    doc = to_document(sd)
    return doc, prepare_document(doc)


def bench(n_cases: int, store_path: Path, similar_samples: int, search_reps: int, e2e_files: int,
          previous: dict | None = None, workers: int = 1) -> dict:
    from extractors.segment import tokenize

    out: dict = {"cases_target": n_cases, "workers": workers, "machine": {"cpus": os.cpu_count(),
                                                      "load_avg_start": os.getloadavg()[0]}}
    tokenize("预热")  # jieba dictionary load is not part of ingest throughput

    # --- ingest (skipped with --reuse: the store and ingest figures of an earlier run are kept)
    st = SqliteStore(store_path)
    if previous is not None:
        out["ingest"] = previous["ingest"]
        out["ingest"]["reused"] = True
    stored = 0 if previous is None else n_cases
    docs = 0
    resumed_from = st.count_cases() if previous is None else 0
    skip_docs = st.count_documents() if resumed_from else 0  # --resume: the generator is deterministic
    stored = max(stored, resumed_from)
    t0 = time.perf_counter()

    def todo():
        nonlocal skip_docs, docs
        for sd in generate(n_docs=0 if previous is not None else 10 ** 9, seed=42):
            if skip_docs:
                skip_docs -= 1
                docs += 1
                continue
            yield sd

    pool = ProcessPoolExecutor(workers) if workers > 1 else None
    prepared_docs = _bounded_map(pool, _prepare, todo(), 16 * workers) if pool else map(_prepare, todo())
    with PeakRSS() as mem:
        for doc, prepared in prepared_docs:
            st.put_prepared(doc, prepared)
            stored += len(doc.cases)
            docs += 1
            if docs % 2000 == 0:
                el = time.perf_counter() - t0
                print(f"  {stored} cases, {(stored - resumed_from) / el:.0f} cases/s, rss {mem.peak / 2**20:.0f} MiB", file=sys.stderr)
            if stored >= n_cases:
                break
    if pool:
        pool.shutdown(cancel_futures=True)
    ingest_s = time.perf_counter() - t0
    st.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(p.stat().st_size for p in store_path.parent.glob(store_path.name + "*"))
    if previous is None:
        timed = stored - resumed_from
        out["ingest"] = {"cases": stored, "documents": docs, "seconds": round(ingest_s, 1),
                         "timed_cases": timed, "resumed_from": resumed_from,
                         "cases_per_s": round(timed / ingest_s, 1), "peak_rss_mib": round(mem.peak / 2**20, 1),
                         "store_mib": round(size / 2**20, 1), "duplicate_groups": len(st.duplicates())}

    # --- anchor: tokenisation throughput on the same kind of text
    sample = "".join(sd.text for sd in generate(300, seed=5))
    t = time.perf_counter()
    tokenize(sample)
    out["anchor_tokenize_kchar_s"] = round(len(sample) / (time.perf_counter() - t) / 1000, 1)

    # --- search
    out["search"] = time_queries(st, search_reps)

    # --- anchor: bare FTS5 bm25 top-10 of one word (no prefixes, sub-words, filters, facets, snippets)
    bare = []
    for word in ["低保", "扶贫", "礼金", "工程", "公车私用"] * search_reps:
        t = time.perf_counter()
        st.con.execute("SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? ORDER BY bm25(cases_fts) LIMIT 10",
                       (f'seg : "{word}"',)).fetchall()  # the word itself, in the words column
        bare.append((time.perf_counter() - t) * 1000)
    out["anchor_bare_fts5"] = {"p50_ms": round(pct(bare, 50), 2), "p95_ms": round(pct(bare, 95), 2)}

    # --- similar
    rng = random.Random(1)
    n_rows = st.con.execute("SELECT max(rowid) FROM cases").fetchone()[0]
    ids = []
    while len(ids) < similar_samples:
        row = st.con.execute("SELECT id FROM cases WHERE rowid=?", (rng.randint(1, n_rows),)).fetchone()
        if row:
            ids.append(row[0])
    out["similar"] = time_similar(st, ids)
    st.close()

    # --- end to end on files (extraction included), into a separate store
    if e2e_files:
        with tempfile.TemporaryDirectory() as tmp:
            files = write_corpus(Path(tmp) / "files", e2e_files, seed=99)
            with SqliteStore(Path(tmp) / "e2e.db") as e2e:
                t = time.perf_counter()
                rep = run_ingest(files, e2e)
                el = time.perf_counter() - t
                out["end_to_end"] = {"files": len(files), "cases": rep.cases, "seconds": round(el, 1),
                                     "files_per_s": round(len(files) / el, 2), "cases_per_s": round(rep.cases / el, 1),
                                     "failed": rep.count("failed")}
    out["machine"]["load_avg_end"] = os.getloadavg()[0]
    return out


def markdown(r: dict) -> str:
    i, s, m = r["ingest"], r["search"], r["similar"]
    rows = [
        ("Ingest throughput (store only)", f"{i['cases_per_s']:.0f} cases/s ({i.get('timed_cases', i['cases'])} cases timed, {i['seconds']:.0f} s; store of {i['cases']} cases, {i['documents']} docs)", "—"),
        ("  anchor: jieba tokenisation", f"{r['anchor_tokenize_kchar_s']:.0f} K chars/s", ""),
        ("Ingest peak memory (RSS)", f"{i['peak_rss_mib']:.0f} MiB", "≤ 1024 MiB"),
        ("Store size", f"{i['store_mib']:.0f} MiB ({i['duplicate_groups']} duplicate groups)", "—"),
        ("Search latency p50 / p95", f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f} ms ({s['queries']} queries × {s['runs'] // s['queries']})", "p95 ≤ 50 ms"),
        ("  anchor: bare FTS5 bm25 top-10 p50 / p95", f"{r['anchor_bare_fts5']['p50_ms']} / {r['anchor_bare_fts5']['p95_ms']} ms", ""),
        ("Similar cases p50 / p95", f"{m['p50_ms']:.1f} / {m['p95_ms']:.1f} ms ({m['runs']} cases)", "p95 ≤ 200 ms"),
    ]
    if "end_to_end" in r:
        e = r["end_to_end"]
        rows.append(("End to end (files → extract → store)", f"{e['cases_per_s']:.1f} cases/s ({e['files']} files, {e['cases']} cases)", "—"))
    lines = ["| measure | result | target |", "| --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--store", type=Path, default=None, help="store file (default: a temporary one)")
    ap.add_argument("--similar", type=int, default=200, help="similar-case queries timed")
    ap.add_argument("--reps", type=int, default=10, help="runs of each search query")
    ap.add_argument("--e2e-files", type=int, default=200, help="files for the end-to-end measure (0: skip)")
    ap.add_argument("--out", type=Path, default=Path("bench-results/store.json"))
    ap.add_argument("--reuse", action="store_true",
                    help="re-time queries on the --store of an earlier run (its ingest figures kept from --out)")
    ap.add_argument("--workers", type=int, default=2,
                    help="processes preparing cases (segmentation, MinHash) while the main one writes")
    ap.add_argument("--resume", action="store_true",
                    help="continue filling the --store of an interrupted run (throughput timed on the rest)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or Path(tmp) / "bench.db"
        previous = None
        if args.reuse:
            if not (args.store and store.exists() and args.out.exists()):
                sys.exit("--reuse needs the --store and --out of an earlier run")
            previous = json.loads(args.out.read_text(encoding="utf-8"))
        elif store.exists() and not args.resume:
            sys.exit(f"{store} exists: the benchmark needs a fresh store (or --reuse, --resume)")
        result = bench(args.cases, store, args.similar, args.reps, args.e2e_files, previous, args.workers)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(markdown(result))
    print(f"\n(details: {args.out})")


if __name__ == "__main__":
    main()
