"""`leian search` as a whole command, the way an analyst runs it: a new process per query.

Times, in the same run and alternating, (a) `leian search QUERY --store STORE`, (b) the same
command with jieba's dictionary loaded for the query as before (extractors.segment.SHORT_TEXT
forced to 0: the anchor), (c) a bare `python -c pass` (the floor). The store is built from
a corpus folder (default ../shared/corpus) unless --store names one.

    .venv/bin/python scripts/bench_search_command.py [--corpus DIR | --store PATH] [--runs 10]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERIES = ["低保", "村党支部书记 低保", "公款吃喝", "虚报冒领 -村医", "收受礼金"]
ANCHOR = ("import sys, extractors.segment as s; s.SHORT_TEXT = 0\n"
          "from pipelines.cli import main; sys.argv = ['leian', *sys.argv[1:]]; main()")


def _time(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": str(REPO)})
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    ap.add_argument("--store", default="")
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    py = sys.executable
    store = args.store
    if not store:
        store = str(Path(tempfile.mkdtemp(prefix="leian-bench-")) / "corpus.db")
        subprocess.run([py, "-m", "pipelines", "ingest", args.corpus, "--store", store, "--quiet"],
                       cwd=REPO, check=True)
    _time([py, "-m", "pipelines", "search", "低保", "--store", store])  # warm the file cache
    runs: dict[str, list[float]] = {"leian search": [], "anchor: dictionary loaded": [], "python -c pass": []}
    load = os.getloadavg()[0]
    for i in range(args.runs):
        q = QUERIES[i % len(QUERIES)]
        runs["leian search"].append(_time([py, "-m", "pipelines", "search", *q.split(), "--store", store]))
        runs["anchor: dictionary loaded"].append(_time([py, "-c", ANCHOR, "search", *q.split(), "--store", store]))
        runs["python -c pass"].append(_time([py, "-c", "pass"]))
    result = {k: {"median_s": round(statistics.median(v), 3), "max_s": round(max(v), 3)} for k, v in runs.items()}
    result["load_average"] = [round(load, 2), round(os.getloadavg()[0], 2)]
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
