#!/usr/bin/env python3
"""Issue 15's yardstick for OCR: every corpus document rendered as an image-only PDF (the
text PDF of tests/renderings.py rasterised at 200 dpi, no text layer) is scored with the
shared scorer through `leian extract {path} --json`, next to its .txt scored the same way,
in the same run. Exits 1 when a field of the scans falls more than 0.05 below the text.

    nice .venv/bin/python scripts/ocr_corpus_score.py ../shared/corpus [--dpi 200] [--limit N] [--names a,b]
        [--baseline ../main]

--baseline: also score the scans with another checkout's `leian` (e.g. one still on
tesseract), in the same run, as a row of its own.
--batch: extract every document of a rendering in one process per checkout (the models
loaded once; what `leian extract --json` prints, `Document.contract()`), then score those
files with the same scorer (`--pred`): the same figures, several times faster on a busy
machine than one `leian extract` process per document.

Only the aggregate figures are printed (the corpus holds validation documents).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.renderings import render_scan  # noqa: E402

FIELDS = ("cases", "people", "amounts", "sanctions", "categories")
TOLERANCE = 0.05


def score(scorer: Path, gold: Path, ext: str, env: dict[str, str]) -> dict[str, float]:
    """The shared scorer's summary line for one rendering of the folder's documents."""
    leian = Path(sys.executable).with_name("leian")
    cmd = f"{leian if leian.exists() else 'leian'} extract {{path}} --json"
    res = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--cmd", cmd, "--input-ext", ext],
                         capture_output=True, text=True, env=env)
    summary = res.stdout.strip().splitlines()[-1] if res.stdout.strip() else ""
    if not summary.startswith("docs="):
        raise SystemExit(f"scorer failed ({ext}): {res.stderr[-800:]}")
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", summary)}


def _describe(repo: Path) -> str:
    """A checkout as `name@commit`."""
    res = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return f"{repo.resolve().name}@{res.stdout.strip() or '?'}"


_BATCH = """
import json, sys
from pathlib import Path
from extractors.pipeline import extract_file
folder, ext, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
for gold in sorted(folder.glob("*.gold.json")):
    name = gold.name[: -len(".gold.json")]
    try:
        doc = extract_file(folder / f"{name}.{ext}")
    except Exception as exc:  # scored as all missed, as the scorer does with a failed command
        print(f"{name}: {exc}", file=sys.stderr)
        continue
    (out / f"{name}.json").write_text(json.dumps(doc.contract(), ensure_ascii=False), encoding="utf-8")
"""


def score_batch(scorer: Path, gold: Path, ext: str, env: dict[str, str], out: Path) -> dict[str, float]:
    """Like score(), the documents extracted in one process of the checkout in env's PYTHONPATH."""
    out.mkdir()
    # run from the output folder: `python -c` puts the working directory first on sys.path,
    # which must not shadow the checkout named in PYTHONPATH
    res = subprocess.run([sys.executable, "-c", _BATCH, str(gold), ext, str(out)], capture_output=True, text=True,
                         env=env, cwd=out)
    if res.returncode:
        raise SystemExit(f"extraction failed ({ext}): {res.stderr[-800:]}")
    res = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(out), "--input-ext", ext],
                         capture_output=True, text=True, env=env)
    summary = res.stdout.strip().splitlines()[-1] if res.stdout.strip() else ""
    if not summary.startswith("docs="):
        raise SystemExit(f"scorer failed ({ext}): {res.stderr[-800:]}")
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", summary)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--scorer", type=Path, default=None, help="score.py (default: CORPUS/../eval/score.py)")
    ap.add_argument("--dpi", type=int, default=200, help="resolution of the scans")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--names", default="", help="only these documents (comma-separated names)")
    ap.add_argument("--baseline", type=Path, default=None, help="another checkout whose OCR to score too")
    ap.add_argument("--batch", action="store_true", help="one extraction process per rendering (faster)")
    args = ap.parse_args()
    scorer = args.scorer or args.corpus.resolve().parent / "eval" / "score.py"
    with tempfile.TemporaryDirectory(prefix="leian-ocr-score-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        golds = sorted(args.corpus.glob("*.gold.json"))
        if args.names:
            golds = [g for g in golds if g.name[: -len(".gold.json")] in args.names.split(",")]
        golds = golds[: args.limit or None]
        t0 = time.perf_counter()
        for gold in golds:
            name = gold.name[: -len(".gold.json")]
            txt = args.corpus / f"{name}.txt"
            if not txt.exists():
                continue
            shutil.copy(gold, folder / gold.name)
            shutil.copy(txt, folder / txt.name)
            render_scan(txt.read_text(encoding="utf-8"), folder / f"{name}.pdf", dpi=args.dpi)
        print(f"{len(golds)} documents rendered as {args.dpi}-dpi image-only PDFs in {time.perf_counter() - t0:.0f}s",
              flush=True)
        env = {**os.environ, "PYTHONPATH": str(REPO), "LEIAN_OCR_CACHE_DIR": str(Path(tmp) / "ocr-cache")}
        results, seconds = {}, {}
        runs = [("txt", "txt", env, ".txt"), ("pdf", "pdf", env, f"image-only PDF, {args.dpi} dpi, OCR (this checkout)")]
        if args.baseline:
            base_env = {**env, "PYTHONPATH": str(args.baseline.resolve()),
                        "LEIAN_OCR_CACHE_DIR": str(Path(tmp) / "ocr-cache-baseline")}
            runs.append(("base", "pdf", base_env, f"image-only PDF, {args.dpi} dpi, OCR ({_describe(args.baseline)})"))
        for key, ext, run_env, _ in runs:
            t0 = time.perf_counter()
            results[key] = (score_batch(scorer, folder, ext, run_env, Path(tmp) / f"pred-{key}") if args.batch
                            else score(scorer, folder, ext, run_env))
            seconds[key] = time.perf_counter() - t0
            print(f"{key}: scored in {seconds[key]:.0f}s", flush=True)
    print(f"\n| rendering | docs | failed | {' | '.join(FIELDS)} | seconds |")
    print("| --- | ---: | ---: | " + " | ".join("---:" for _ in FIELDS) + " | ---: |")
    for key, _, _, label in runs:
        r = results[key]
        print(f"| {label} | {r['docs']:.0f} | {r['failed']:.0f} | " + " | ".join(f"{r[f]:.3f}" for f in FIELDS)
              + f" | {seconds[key]:.0f} |")
    gaps = {f: results["txt"][f] - results["pdf"][f] for f in FIELDS}
    print("| difference | | | " + " | ".join(f"{-gaps[f]:+.3f}" for f in FIELDS) + " |")
    worse = [f for f in FIELDS if gaps[f] > TOLERANCE]
    if worse or results["pdf"]["failed"]:
        print(f"SHORT: {', '.join(worse) or 'failed documents'} more than {TOLERANCE} below the text")
        return 1
    print(f"every field within {TOLERANCE} of the text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
