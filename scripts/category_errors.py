"""Where categories go wrong: per code, the gold cases it was missed on and the cases it was
wrongly given, over gold folders (matched cases only, as the scorer matches them).

    python scripts/category_errors.py DIR [DIR ...] [--show CODE]

Prints a table of codes by missed + wrongly given, the most frequent (missed, given instead)
pairs, and with --show the case texts of one code's misses and false labels.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.evaluate import match_cases  # noqa: E402
from extractors.pipeline import extract_file  # noqa: E402


def _codes(categories: list) -> set[str]:
    """Category codes, whether listed as codes or as the contract's {code, label, …} objects."""
    return {c["code"] if isinstance(c, dict) else c for c in categories}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--show", help="print the cases of this code's misses and false labels")
    args = ap.parse_args()
    hit: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    shown: list[str] = []
    for folder in args.folders:
        for gold_path in sorted(folder.glob("*.gold.json")):
            source = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
            if not source.exists():
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pred = extract_file(source).contract()
            matched, _ = match_cases(gold["cases"], pred["cases"])
            for g, i in matched:
                if i is None:
                    continue
                p = pred["cases"][i]
                want, got = _codes(g.get("categories", [])), _codes(p.get("categories", []))
                hit.update(want & got)
                missed.update(want - got)
                wrong.update(got - want)
                for m in want - got:
                    for w in (got - want) or {"-"}:
                        pairs[(m, w)] += 1
                if args.show and args.show in (want ^ got):
                    kind = "MISSED" if args.show in want else "WRONG"
                    shown.append(f"{kind} {source.parent.name}/{source.name} gold={sorted(want)} "
                                 f"got={sorted(got)}\n  {p.get('text', '')[:300]!r}")
    print("| code | right | missed | wrongly given |")
    print("|---|---|---|---|")
    for code in sorted(set(hit) | set(missed) | set(wrong), key=lambda c: -(missed[c] + wrong[c])):
        print(f"| {code} | {hit[code]} | {missed[code]} | {wrong[code]} |")
    print("\nmissed code -> given instead (- = nothing else):")
    for (m, w), n in pairs.most_common(30):
        print(f"  {n:3d}  {m} -> {w}")
    print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
