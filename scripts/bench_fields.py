"""Throughput of the field extractors (amounts, sanctions, dates, regions, domains) on the
corpus text, next to jieba's `lcut` on the same text in the same run (the anchor).

    nice python scripts/bench_fields.py [--corpus ../shared/corpus] [--repeat 20]

Prints a Markdown table for the README's "Benchmarks / Extraction" section.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's packages

import jieba  # noqa: E402
import opencc  # noqa: E402

from extractors.amounts import extract_amounts  # noqa: E402
from extractors.dates import extract_dates  # noqa: E402
from extractors.domains import extract_domains  # noqa: E402
from extractors.regions import extract_regions  # noqa: E402
from extractors.sanctions import extract_sanctions  # noqa: E402


def _rate(fn, text: str, repeat: int) -> tuple[float, float]:
    fn(text[:200])  # load lexicons, compile patterns
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best * 1000, len(text.encode("utf-8")) / 1024 / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "corpus"))
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    cc = opencc.OpenCC("t2s")
    files = sorted(Path(args.corpus).glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt files in {args.corpus}")
    text = "\n".join(cc.convert(f.read_text(encoding="utf-8")) for f in files)
    tk = jieba.Tokenizer()
    tk.initialize()
    rows = [
        ("jieba lcut (anchor)", tk.lcut),
        ("amounts", extract_amounts),
        ("sanctions", lambda t: extract_sanctions(t, [])),
        ("dates", extract_dates),
        ("regions", extract_regions),
        ("domains", extract_domains),
    ]
    print(f"{len(files)} documents, {len(text)} characters ({len(text.encode()) / 1024:.0f} KB), best of {args.repeat}\n")
    print("| extractor | ms per pass | KB/s |")
    print("| --- | ---: | ---: |")
    for name, fn in rows:
        ms, rate = _rate(fn, text, args.repeat)
        print(f"| {name} | {ms:.1f} | {rate:.0f} |")


if __name__ == "__main__":
    main()
