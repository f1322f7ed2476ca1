#!/usr/bin/env python3
"""Measure how faithfully legacy Word (.doc) is read, over the whole corpus: every corpus
text rendered as DOCX (tests/renderings.py), turned into .doc by LibreOffice, then read back
by each candidate — LibreOffice to text, LibreOffice to DOCX then leian's DOCX reader,
antiword, catdoc — and compared with the original text (in aggregate: no document's text
is printed).

    nice .venv/bin/python scripts/bench_doc_readers.py [CORPUS] [--score]

Per candidate: documents read whole (same characters in the same order, whitespace aside),
character similarity (difflib ratio over all documents, whitespace aside), paragraphs kept
(the same non-empty lines), a table's rows kept on one line each, a numbered list's markers
kept (a List Number paragraph style),
and seconds per document (one conversion call for all documents). With --score, leian's
extraction of the .doc renderings (through the .doc reader, one LibreOffice call each) and of
the .txt originals, scored against the gold files in-process (extractors.evaluate): F1 per
field, the numbers only.
"""
from __future__ import annotations

import argparse
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.readers import ReadLimits  # noqa: E402
from extractors.readers.docx import READER as DOCX_READER  # noqa: E402
from tests.renderings import paragraphs, render_docx  # noqa: E402

NUMBERED = ["第一条内容甲", "第二条内容乙", "第三条内容丙"]
TABLE = [("姓名", "职务", "处分"), ("张某某", "镇财政所原所长", "党内严重警告"), ("王某某", "村党支部书记", "撤销党内职务")]


def soffice(args: list[str], folder: Path) -> None:
    """One LibreOffice call with its own profile in `folder`."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                    *args], check=True, capture_output=True, timeout=1200)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def candidates(docs: list[Path], work: Path) -> dict[str, tuple[dict[str, str], float]]:
    """Each candidate's text per document, and its seconds per document."""
    out: dict[str, tuple[dict[str, str], float]] = {}
    t0 = time.perf_counter()
    soffice(["--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(work / "txt"), *map(str, docs)], work)
    out["LibreOffice → text"] = ({d.stem: (work / "txt" / f"{d.stem}.txt").read_text(encoding="utf-8-sig")
                                  for d in docs}, (time.perf_counter() - t0) / len(docs))
    t0 = time.perf_counter()
    soffice(["--convert-to", "docx", "--outdir", str(work / "docx"), *map(str, docs)], work)
    out["LibreOffice → DOCX → docx reader"] = (
        {d.stem: DOCX_READER.read(work / "docx" / f"{d.stem}.docx", ReadLimits()).text for d in docs},
        (time.perf_counter() - t0) / len(docs))
    for name, cmd in (("antiword", ["antiword", "-m", "UTF-8.txt"]), ("catdoc", ["catdoc", "-d", "utf-8", "-w"])):
        if not shutil.which(cmd[0]):
            continue
        t0 = time.perf_counter()
        texts = {}
        for d in docs:
            r = subprocess.run([*cmd, str(d)], capture_output=True, timeout=60)
            texts[d.stem] = r.stdout.decode("utf-8", "replace") if r.returncode == 0 else ""
        out[name] = (texts, (time.perf_counter() - t0) / len(docs))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--score", action="store_true", help="also score leian's extraction of .doc against .txt")
    args = ap.parse_args()
    import docx

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "docx-in").mkdir()
        originals = {}
        for txt in sorted(Path(args.corpus).glob("*.txt")):
            originals[txt.stem] = txt.read_text(encoding="utf-8")
            render_docx(originals[txt.stem], work / "docx-in" / f"{txt.stem}.docx")
        numbered = docx.Document()
        for line in NUMBERED:
            numbered.add_paragraph(line, style="List Number")
        numbered.save(str(work / "docx-in" / "zz-numbered.docx"))
        table = docx.Document()
        grid = table.add_table(rows=len(TABLE), cols=3)
        for r, row in enumerate(TABLE):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
        table.add_paragraph("特此通报。")  # (LibreOffice's .doc export drops a table that ends the document)
        table.save(str(work / "docx-in" / "zz-table.docx"))
        soffice(["--convert-to", "doc", "--outdir", str(work / "doc"),
                 *map(str, sorted((work / "docx-in").glob("*.docx")))], work)
        docs = sorted((work / "doc").glob("*.doc"))
        print(f"{len(originals)} corpus documents, {sum(len(squash(t)) for t in originals.values()):,} characters")
        print("| reader | documents read whole | character similarity | paragraphs kept | table rows on one line "
              "| numbered-list markers | s/document |")
        print("| --- | ---: | ---: | ---: | --- | --- | ---: |")
        for name, (texts, secs) in candidates(docs, work).items():
            whole = sum(squash(texts[k]) == squash(v) for k, v in originals.items())
            paras = sum(paragraphs(texts[k]) == paragraphs(v) for k, v in originals.items())
            matched = sum(sum(b.size for b in difflib.SequenceMatcher(None, squash(v), squash(texts[k]), autojunk=False)
                              .get_matching_blocks()) for k, v in originals.items())
            total = sum(len(squash(v)) + len(squash(texts[k])) for k, v in originals.items())
            markers = "kept" if all(f"{i}." in texts["zz-numbered"] for i in (1, 2, 3)) else "lost"
            rows = sum(any(re.search(r"[\s|]+".join(row), line) for line in texts["zz-table"].splitlines())
                       for row in TABLE)
            print(f"| {name} | {whole}/{len(originals)} | {2 * matched / total:.4f} | {paras}/{len(originals)} "
                  f"| {rows}/{len(TABLE)} | {markers} | {secs:.2f} |")
        if args.score:
            score(Path(args.corpus), work / "doc")


def score(corpus: Path, docs: Path) -> None:
    """F1 per field of leian's extraction from the .doc renderings and from the .txt texts."""
    from extractors.evaluate import FIELDS, evaluate
    from extractors.pipeline import extract_file

    for gold in corpus.glob("*.gold.json"):
        shutil.copy(gold, docs / gold.name)
    for ext, folder in (("txt", corpus), ("doc", docs)):
        t0 = time.perf_counter()
        result = evaluate(folder, lambda p: extract_file(p).contract(), input_ext=ext)
        f1 = " ".join(f"{f}={result.prf(f)[2]:.3f}" for f in ("cases",) + FIELDS)
        print(f".{ext}: {result.docs} documents, {f1} ({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
