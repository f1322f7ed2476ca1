#!/usr/bin/env python3
"""Benchmark OCR: leian's engine (PP-OCR through rapidocr) next to tesseract on the very same
page images, in the same run — pages per second and characters misread.

    nice .venv/bin/python scripts/bench_ocr.py [--pages 10] [--repeat 2]
    nice .venv/bin/python scripts/bench_ocr.py --corpus ../shared/corpus --docs 12 --repeat 1

Pages: a scanned report of `--pages` pages (a text PDF rasterised at 200 dpi, image-only), or
with --corpus the first `--docs` corpus documents (every 4th, for variety) rendered so.
Rows: the `tesseract` CLI (chi_sim, TSV) one page after another — the anchor — and
tesserocr in-process (its model loaded once), each on the page upscaled to 300 dpi as leian
gave tesseract before; PP-OCR in-process on the 200-dpi page; leian's `read_file` (render +
OCR in a pool of processes + layout) cold and from the cache. Tesseract's rows need
`tesseract-ocr tesseract-ocr-chi-sim` (apt) and `tesserocr` (pip), which leian itself no
longer needs; without them those rows are left out.

Character error rate: the characters of the source text (whitespace aside) not found in
order in the page's OCR text (difflib matching; the running header and page numbers the
rendering adds are not counted against it). Prints a Markdown table for the README.
"""
from __future__ import annotations

import argparse
import difflib
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

from extractors.readers import ReadLimits, read_file  # noqa: E402
from extractors.readers.ocr import OcrOptions, _load_image, ocr_page  # noqa: E402
from scripts.bench_common import best_of  # noqa: E402
from tests.renderings import as_rendered, render_scan  # noqa: E402

PARAGRAPH = ("{n}、某某县某某镇某某村党支部书记张某某利用职务便利，在危房改造补助资金发放过程中"
             "虚报冒领、优亲厚友，涉及金额共计3.{n}万元，造成恶劣影响。2021年{m}月，张某某受到党内严重警告处分，"
             "违纪款项已全部退缴。该问题反映出部分基层党员干部纪律意识淡薄，监督管理缺位，整改落实不到位。")
TESSDATA = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata")


def build(pages: int, folder: Path) -> tuple[Path, str]:
    """A scanned report of exactly `pages` pages (paragraphs added until it is that long)."""
    import pypdfium2 as pdfium

    paras = ["关于巡察反馈问题整改进展情况的报告"]
    path = folder / "scanned.pdf"
    while True:
        render_scan("\n".join(paras), path, dpi=200)
        n = len(pdfium.PdfDocument(str(path)))
        if n >= pages:
            if n > pages:
                paras.pop()
                render_scan("\n".join(paras), path, dpi=200)
            return path, "\n".join(paras)
        paras += [PARAGRAPH.format(n=len(paras) + i, m=(len(paras) + i) % 12 + 1) for i in range(3)]


def corpus_scans(corpus: Path, docs: int, folder: Path) -> list[tuple[Path, str]]:
    """Every 4th corpus document (up to `docs`) rendered as an image-only PDF, with its text."""
    out = []
    for txt in sorted(corpus.glob("*.txt"))[::4][:docs]:
        text = txt.read_text(encoding="utf-8")
        out.append((render_scan(text, folder / f"{txt.stem}.pdf", dpi=200), text))
    return out


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def misread(source: str, ocr: str) -> tuple[int, int]:
    """(characters of `source` not matched in `ocr`, characters of `source`)."""
    ref, hyp = squash(as_rendered(source)), squash(ocr)
    matched = sum(b.size for b in difflib.SequenceMatcher(None, ref, hyp, autojunk=False).get_matching_blocks())
    return len(ref) - matched, len(ref)


def tessdata() -> str:
    return next((d for d in TESSDATA if Path(d, "chi_sim.traineddata").exists()), "")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--corpus", type=Path, default=None, help="measure on corpus renderings instead")
    ap.add_argument("--docs", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="leian-bench-ocr-") as tmp:
        folder = Path(tmp)
        scans = corpus_scans(args.corpus, args.docs, folder) if args.corpus else [build(args.pages, folder)]
        opts = OcrOptions(cache_dir=str(folder / "cache"))
        pages: list[tuple[Path, int, int]] = []  # scan, page index, which document
        pngs: list[Path] = []  # the 300-dpi images tesseract was given
        import pypdfium2 as pdfium
        from PIL import Image

        for d, (scan, _) in enumerate(scans):
            for i in range(len(pdfium.PdfDocument(str(scan)))):
                pages.append((scan, i, d))
                image, _ = _load_image(str(scan), "pdf", i, opts.dpi)
                pngs.append(folder / f"page-{len(pngs):03d}.png")
                image.resize((image.width * 3 // 2, image.height * 3 // 2), Image.Resampling.LANCZOS).save(
                    pngs[-1], dpi=(300, 300))
        n = len(pages)
        texts = [text for _, text in scans]

        def cer(page_texts: list[str]) -> float:
            per_doc = ["" for _ in scans]
            for (_, _, d), t in zip(pages, page_texts):
                per_doc[d] += t + "\n"
            bad, total = map(sum, zip(*(misread(src, got) for src, got in zip(texts, per_doc))))
            return bad / total

        rows: list[tuple[str, float, float | None]] = []
        data = tessdata()
        if shutil.which("tesseract") and data:
            env = {**os.environ, "OMP_THREAD_LIMIT": "1", "TESSDATA_PREFIX": data}
            out: list[str] = []

            def cli() -> None:
                out.clear()
                for p in pngs:
                    res = subprocess.run(["tesseract", str(p), "stdout", "-l", "chi_sim"], check=True,
                                         capture_output=True, env=env, text=True)
                    out.append(res.stdout)

            secs = best_of(args.repeat, cli)
            rows.append(("`tesseract` CLI (chi_sim, Debian's model), one page after another — anchor", secs, cer(out)))
        else:
            print("tesseract or its chi_sim model not installed: its rows are left out", file=sys.stderr)
        try:
            import tesserocr

            tess_out: list[str] = []

            def in_process() -> None:
                tess_out.clear()
                with tesserocr.PyTessBaseAPI(path=data, lang="chi_sim") as api:
                    for p in pngs:
                        api.SetImage(Image.open(p))
                        tess_out.append(api.GetUTF8Text())

            if data:
                secs = best_of(args.repeat, in_process)
                rows.append(("tesserocr in-process (model loaded once), one after another", secs, cer(tess_out)))
        except ImportError:
            print("tesserocr not installed: its row is left out", file=sys.stderr)

        pp_out: list[str] = []

        def ppocr() -> None:
            pp_out.clear()
            for scan, i, _ in pages:
                pp_out.append("\n".join(line[0] for line in ocr_page(str(scan), "pdf", i, opts.dpi).lines))

        ppocr()  # models loaded once, outside the timing (as tesserocr's is per run, ~0.2 s)
        secs = best_of(args.repeat, ppocr)
        rows.append(("PP-OCRv6 (rapidocr, onnxruntime) in-process, one page after another", secs, cer(pp_out)))

        def cold() -> list[str]:
            for f in (folder / "cache").rglob("*.json"):
                f.unlink()
            return [read_file(scan, ReadLimits(ocr=opts)).text for scan, _ in scans]

        t0 = time.perf_counter()
        cold_texts = cold()
        first = time.perf_counter() - t0
        secs = min(first, best_of(args.repeat - 1, cold)) if args.repeat > 1 else first
        bad, total = map(sum, zip(*(misread(src, got) for src, got in zip(texts, cold_texts))))
        rows.append((f"**leian `read_file`** (render + PP-OCR in {opts.pool_size(n)} processes + layout)",
                     secs, bad / total))
        rows.append(("leian `read_file` again (OCR cache)",
                     best_of(args.repeat, lambda: [read_file(scan, ReadLimits(ocr=opts)) for scan, _ in scans]), None))
    what = f"{len(scans)} corpus documents" if args.corpus else "a scanned report"
    print(f"{what}, {n} pages (200 dpi, image-only), best of {args.repeat}, {cores} cores, "
          f"load {os.getloadavg()[0]:.1f}\n")
    anchor = rows[0][1]
    print("| path | seconds | pages/s | × anchor | characters misread |\n| --- | ---: | ---: | ---: | ---: |")
    for label, secs, rate in rows:
        shown = f"{100 * rate:.2f} %" if rate is not None else ""
        print(f"| {label} | {secs:.2f} | {n / secs:.2f} | {anchor / secs:.2f} | {shown} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
