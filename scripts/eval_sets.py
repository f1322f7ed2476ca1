"""Score extraction on many gold folders at once: one table row per folder (and its html/ pages).

Used while working on generalisation: the held-out batches in tests/extractors/, the corpus, or any
folder of NAME.gold.json with NAME.txt (and html/NAME.html) beside them.

    python scripts/eval_sets.py                      # every tuning folder tests/extractors/heldout*
    python scripts/eval_sets.py --exams              # … and the final exams (heldout_exam*): score
                                                     #   them only at the end of a round of work
    python scripts/eval_sets.py ../shared/corpus DIR --details
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.evaluate import FIELDS, Score, evaluate  # noqa: E402
from extractors.pipeline import extract_file  # noqa: E402

COLUMNS = ("cases",) + FIELDS


def _row(label: str, score: Score) -> str:
    f1 = score.f1()
    cells = " | ".join(f"{f1[c]:.3f}" for c in COLUMNS)
    return f"| {label} | {score.docs} | {score.totals['cases'][1]} | {cells} |"


def _runs(folders: list[Path]) -> list[tuple[str, Path, str]]:
    runs = []
    for folder in folders:
        if any(folder.glob("*.gold.json")):
            runs.append((str(folder), folder, "txt"))
        if (folder / "html").is_dir():
            runs.append((f"{folder}/html", folder / "html", "html"))
    return runs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--details", action="store_true", help="print every miss under the table")
    ap.add_argument("--exams", action="store_true", help="include the final exams in the default folders")
    args = ap.parse_args()
    folders = args.folders or sorted(p for p in (ROOT / "tests/extractors").glob("heldout*")
                                     if p.is_dir() and (args.exams or not p.name.startswith("heldout_exam")))
    print("| set | docs | gold cases | " + " | ".join(COLUMNS) + " |")
    print("|---" * (3 + len(COLUMNS)) + "|")
    details: list[str] = []
    for label, folder, ext in _runs(folders):
        score = evaluate(folder, lambda p: extract_file(p).contract(), input_ext=ext)
        print(_row(label, score), flush=True)
        for name, why in score.failures.items():
            details.append(f"FAILED {label}/{name}: {why}")
        if args.details:
            for name, misses in score.misses.items():
                details.extend(f"{label}/{name}: {m}" for m in misses)
    if details:
        print()
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
