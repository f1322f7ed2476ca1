"""People found by the rules alone, by LAC alone and by both combined, at document level.

    python scripts/compare_people.py [DIR]        # default: ../split/dev

Each document's whole text goes through each source (so case splitting plays no part); the
names are compared with the union of the gold people of the document (normalised script).
Use it to decide whether a rule earns its place: run it before and after changing one.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from extractors import people
    from extractors.ner import entities
    from extractors.normalize import normalize
    from extractors.segment import segment

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default=str(ROOT.parent / "split" / "dev"))
    ap.add_argument("--details", action="store_true", help="list each document's misses and extras")
    args = ap.parse_args()
    sources = {
        "rules": lambda t, b, n: people._rule_people(t, b)[0],
        "lac": lambda t, b, n: people._lac_only(t, n, b),
        "combined": lambda t, b, n: people.extract_people(t, boundaries=b, ner=n),
    }
    counts = {k: [0, 0, 0] for k in sources}
    for f in sorted(Path(args.dir).glob("*.txt")):
        gold_file = f.with_suffix(".gold.json")
        if not gold_file.exists():
            continue
        gold_doc = json.loads(gold_file.read_text(encoding="utf-8"))
        gold = {normalize(p["name"]).text.replace(" ", "") for c in gold_doc["cases"] for p in c.get("people", [])}
        text = normalize(f.read_text(encoding="utf-8")).text
        edges, o = {0}, 0
        for w in segment(text):
            o += len(w)
            edges.add(o)
        bounds = frozenset(edges)
        ner = entities(text, ("PER", "ORG"))
        for key, run in sources.items():
            pred = {p.name for p in run(text, bounds, ner)}
            c = counts[key]
            c[0] += len(pred & gold)
            c[1] += len(pred - gold)
            c[2] += len(gold - pred)
            if args.details and key == "combined" and pred != gold:
                print(f"{f.stem}: missed {sorted(gold - pred)} extra {sorted(pred - gold)}")
    print("| source | P | R | F1 | hits / extra / missed |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for key, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {key} | {p:.3f} | {r:.3f} | {f1:.3f} | {tp} / {fp} / {fn} |")


if __name__ == "__main__":
    main()
