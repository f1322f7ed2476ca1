"""Make the development and validation folders of the shared corpus (symlinks).

    python scripts/corpus_split.py ../shared/corpus OUT

OUT/dev holds the documents rules and models are built on; OUT/validation the ten listed in
scripts/validation_docs.txt, scored only at the end of a round of work (`leian eval OUT/dev`,
`leian eval OUT/validation`).
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def validation_names() -> set[str]:
    lines = (HERE / "validation_docs.txt").read_text(encoding="utf-8").splitlines()
    return {s.strip() for s in lines if s.strip() and not s.startswith("#")}


def main(corpus: str, out: str) -> int:
    src, dst = Path(corpus).resolve(), Path(out)
    held = validation_names()
    counts = {"dev": 0, "validation": 0}
    for gold in sorted(src.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        part = "validation" if name in held else "dev"
        folder = dst / part
        folder.mkdir(parents=True, exist_ok=True)
        for f in src.glob(name + ".*"):
            link = folder / f.name
            if not link.exists():
                link.symlink_to(f)
        counts[part] += 1
    missing = held - {g.name[: -len(".gold.json")] for g in src.glob("*.gold.json")}
    if missing:
        print(f"validation documents not in {src}: {', '.join(sorted(missing))}", file=sys.stderr)
        return 1
    print(f"{counts['dev']} development and {counts['validation']} validation documents in {dst}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
