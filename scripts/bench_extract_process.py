"""A whole `leian extract` process on one long document next to a plain `jieba.lcut` process
on the same text, in the same run: wall time and peak memory (the issue's yardstick: at most
12x the jieba process, at most 600 MB).

    nice python scripts/bench_extract_process.py [--corpus ../shared/corpus] [--kb 380] [--repeat 3]

The document is the corpus texts concatenated (each a section after a blank line, later
rounds with every sentence altered) until it reaches --kb kilobytes of UTF-8. Both processes start from nothing (interpreter, imports,
dictionaries), so the figure is what a nightly run pays per document. Prints Markdown.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JIEBA = "import sys, jieba; jieba.setLogLevel(60); jieba.lcut(open(sys.argv[1], encoding='utf-8').read())"


def build(corpus: Path, kb: int, out: Path) -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    parts: list[str] = []
    size = 0
    rounds = 0
    while size < kb * 1024:
        rounds += 1
        for t in texts:
            # each round's sentences differ (a round number before every full stop), so no
            # cache inside leian sees a sentence twice: a realistic, non-repeating document
            t = t.strip() if rounds == 1 else t.strip().replace("。", f"（{rounds}）。")
            parts.append(t + "\n\n")
            size += len(parts[-1].encode("utf-8"))
            if size >= kb * 1024:
                break
    out.write_text("".join(parts), encoding="utf-8")
    return size


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--kb", type=int, default=380)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "long.txt"
        size = build(args.corpus, args.kb, doc)
        leian = [sys.executable, "-m", "pipelines", "extract", str(doc), "--json"]
        jieba = [sys.executable, "-c", JIEBA, str(doc)]
        # interleaved, best of N: the machine is shared; peak memory is a high-water mark of
        # all children, so the jieba runs go first
        best_j = min(run(jieba)[0] for _ in range(args.repeat))
        peak_j = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        results = [run(leian) for _ in range(args.repeat)]
        best_l = min(w for w, _ in results)
        peak_l = max(p for _, p in results)
    print(f"document: {size / 1024:.0f} KB ({args.corpus.name} texts concatenated), best of {args.repeat}\n")
    print("| process | wall s | × jieba | peak RSS MB |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| `python -c 'jieba.lcut(text)'` (anchor) | {best_j:.1f} | 1.0 | {peak_j:.0f} |")
    print(f"| `leian extract long.txt --json` | {best_l:.1f} | {best_l / best_j:.1f} | {peak_l:.0f} |")


if __name__ == "__main__":
    main()
