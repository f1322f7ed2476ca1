#!/usr/bin/env python3
"""Measure OFD readers: leian's own (extractors/readers/ofd.py) against the registry
packages `ofdkit` and `easyofd`, run in a separate virtual environment so that they need
not be installed in leian's:

    python3.11 -m venv /tmp/ofdvenv && /tmp/ofdvenv/bin/pip install ofdkit easyofd
    nice .venv/bin/python scripts/bench_ofd_readers.py --candidates /tmp/ofdvenv/bin/python \
        [--real DIR_OF_OFD_FILES] [CORPUS]

Two measures: (1) the corpus rendered as OFD — each text rendered as a PDF
(tests/renderings.py), converted by easyofd's pdf2ofd (the only registry package found that
writes OFD with text, not glyph outlines) — read back and compared with the text
(whitespace aside; documents read whole, character similarity, paragraphs kept); no
document's text is printed. (2) With --real, a folder of real OFD files (e.g. the 57 test
files of the ofdrw project, Apache-2.0): how many each reader reads, fails on, or finds
without text, and how often it agrees with leian's reader.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from config.errors import ReadError  # noqa: E402
from extractors.readers import read_file  # noqa: E402
from tests.renderings import as_rendered, paragraphs, render_pdf  # noqa: E402

# Run by the candidates' interpreter: {path: text | "ERROR: ..."} for each path in argv.
CANDIDATE = r'''
import contextlib, io, json, sys
out = {}
for path in sys.argv[2:]:
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            if sys.argv[1] == "ofdkit":
                import ofdkit
                text = ofdkit.extract_text(path, page_separator="\n")
            else:
                from easyofd.ofd import OFD
                o = OFD()
                o.read(path, fmt="path")
                text = "\n".join(t.get("text", "") for doc in o.data for page in doc.get("page_info", {}).values()
                                 for t in page.get("text_list", []))
        out[path] = text
    except BaseException as exc:
        out[path] = f"ERROR: {type(exc).__name__}: {exc}"[:300]
print(json.dumps(out, ensure_ascii=False))
'''
MAKE_OFD = r'''
import contextlib, io, os, sys, tempfile
from pathlib import Path
from easyofd.ofd import OFD
for pdf in sys.argv[1:]:
    os.chdir(tempfile.mkdtemp())  # easyofd writes ./test and fails if it is there
    with contextlib.redirect_stdout(io.StringIO()):
        data = OFD().pdf2ofd(Path(pdf).read_bytes(), optional_text=True)
    Path(pdf).with_suffix(".ofd").write_bytes(data)
'''


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def leian(paths: list[Path]) -> dict[str, str]:
    out = {}
    for p in paths:
        try:
            out[str(p)] = read_file(p).text
        except ReadError as exc:
            out[str(p)] = f"ERROR: {exc.reason}"
    return out


def candidate(python: str, name: str, paths: list[Path]) -> dict[str, str]:
    res = subprocess.run([python, "-c", CANDIDATE, name, *map(str, paths)], capture_output=True, text=True,
                         timeout=1800, cwd=tempfile.mkdtemp())
    if res.returncode:
        raise SystemExit(f"{name} failed: {res.stderr[-500:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--candidates", required=True, help="python of a venv with ofdkit and easyofd")
    ap.add_argument("--real", help="a folder of real OFD files")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        originals = {}
        for txt in sorted(Path(args.corpus).glob("*.txt")):
            originals[txt.stem] = as_rendered(txt.read_text(encoding="utf-8"))
            render_pdf(originals[txt.stem], work / f"{txt.stem}.pdf")
        subprocess.run([args.candidates, "-c", MAKE_OFD, *map(str, sorted(work.glob("*.pdf")))], check=True,
                       timeout=1800, stderr=subprocess.DEVNULL)
        ofds = [work / f"{name}.ofd" for name in originals]
        readers = {"leian (lxml)": leian, "ofdkit": lambda ps: candidate(args.candidates, "ofdkit", ps),
                   "easyofd": lambda ps: candidate(args.candidates, "easyofd", ps)}
        print(f"Corpus as OFD: {len(ofds)} documents")
        print("| reader | documents read whole | character similarity | paragraphs kept | s/document |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for name, fn in readers.items():
            t0 = time.perf_counter()
            texts = {Path(k).stem: v for k, v in fn(ofds).items()}
            secs = (time.perf_counter() - t0) / len(ofds)
            whole = sum(squash(texts[k]) == squash(v) for k, v in originals.items())
            paras = sum(paragraphs(texts[k]) == paragraphs(v) for k, v in originals.items())
            matched = sum(sum(b.size for b in difflib.SequenceMatcher(None, squash(v), squash(texts[k]), autojunk=False)
                              .get_matching_blocks()) for k, v in originals.items())
            total = sum(len(squash(v)) + len(squash(texts[k])) for k, v in originals.items())
            print(f"| {name} | {whole}/{len(ofds)} | {2 * matched / total:.4f} | {paras}/{len(ofds)} | {secs:.3f} |")
    if args.real:
        files = sorted(Path(args.real).glob("*.ofd"))
        results = {name: fn(files) for name, fn in readers.items()}
        ours = results["leian (lxml)"]
        print(f"\nReal OFD files: {len(files)}")
        print("| reader | read with text | errors | same characters as leian's |")
        print("| --- | ---: | ---: | ---: |")
        for name, texts in results.items():
            ok = [k for k, v in texts.items() if not v.startswith("ERROR") and v.strip()]
            same = sum(squash(texts[k]) == squash(ours[k]) for k in ok if not ours[k].startswith("ERROR"))
            print(f"| {name} | {len(ok)} | {sum(v.startswith('ERROR') for v in texts.values())} | {same} |")


if __name__ == "__main__":
    main()
