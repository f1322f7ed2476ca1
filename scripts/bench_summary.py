"""Benchmark class-case analysis: `leian classes` and `leian summary` on a synthetic store.

Builds (or reuses) an embedded store of N synthetic notices (pipelines.synthetic), then
measures, in the same run:
- anchors: reading every case back from the store (iter_cases) — what any class listing
  must at least do — and segmenting every case text with jieba, which term analysis needs;
- classes: category classes + clusters of the whole store (list_classes), first with an
  empty term cache (segmentation in worker processes), then again with the terms cached;
- summary: the summary of the largest category, and rendering it as DOCX;
with peak RSS of the process. Figures go in the README (Benchmarks → Class-case summaries).

    nice python scripts/bench_summary.py --docs 2500 --store /tmp/bench-summary/leian.db
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2500, help="synthetic notices (≈4 cases each)")
    ap.add_argument("--store", default="", help="store file (reused when it already holds cases)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    from pipelines.synthetic import generate, to_document
    from search.backends.sqlite.store import SqliteStore
    from search.classes import list_classes, select_class
    from search.reports import write_report
    from search.summary import summarize

    tmp = Path(tempfile.mkdtemp(prefix="bench-summary-"))
    path = Path(args.store) if args.store else tmp / "leian.db"
    st = SqliteStore(path)
    if st.count_cases() == 0:
        t = time.perf_counter()
        st.put_documents(to_document(sd) for sd in generate(n_docs=args.docs, seed=args.seed))
        print(f"built store: {st.count_cases()} cases in {time.perf_counter() - t:.1f} s")
    n = st.count_cases()

    t = time.perf_counter()
    cases = list(st.iter_cases())
    anchor = time.perf_counter() - t
    from extractors.segment import tokenize

    tokenize("预热")  # dictionary load is not part of the anchor
    t = time.perf_counter()
    for c in cases:
        tokenize(c.text, hmm=False)
    anchor_seg = time.perf_counter() - t
    del cases

    t = time.perf_counter()
    listing = list_classes(st, tmp / "classes.json")
    t_classes = time.perf_counter() - t
    t = time.perf_counter()  # again: the content terms now come from the term cache (terms.db)
    again = list_classes(st, tmp / "classes.json")
    t_classes_again = time.perf_counter() - t
    assert again.model_dump() == listing.model_dump(), "a cached listing differs from the first"

    top = listing.categories[0]
    t = time.perf_counter()
    cd, members = select_class(st, saved_path=tmp / "classes.json", category=top.id)
    summary = summarize(st, cd, members)
    t_summary = time.perf_counter() - t
    t = time.perf_counter()
    write_report(summary, tmp / "top.docx", "docx")
    t_docx = time.perf_counter() - t

    print(f"cases: {n}, incidents: {listing.incidents}, categories: {len(listing.categories)}, "
          f"clusters: {len(listing.clusters)}")
    print(f"anchor  iter_cases (read every case): {anchor:.2f} s")
    print(f"anchor  jieba segmentation of every case text (no HMM): {anchor_seg:.2f} s")
    print(f"classes (categories + clusters):     {t_classes:.2f} s (empty term cache)")
    print(f"classes again (terms from the cache): {t_classes_again:.2f} s")
    print(f"summary of {top.id} ({len(members)} cases): {t_summary:.2f} s; DOCX render {t_docx:.2f} s")
    print(f"peak RSS: {_rss_mb():.0f} MB")
    st.close()


if __name__ == "__main__":
    main()
