#!/usr/bin/env python3
"""Benchmark OCR throughput: leian's reader on a scanned report (an image-only PDF at
200 dpi) next to the bare `tesseract` CLI on the very page images leian hands to the
engine, measured in the same run; and the drivers compared on those images.

    nice .venv/bin/python scripts/bench_ocr.py [--pages 10] [--repeat 2]

Rows: `tesseract` CLI one page after another (anchor) and as many at once as cores;
pytesseract when installed (a CLI wrapper); tesserocr in-process (the driver leian uses);
leian's `read_file` cold (pool of processes, furniture removal, re-joining) and warm
(the cache). Prints a Markdown table for the README.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractors.readers import ReadLimits, read_file  # noqa: E402
from extractors.readers.ocr import OcrOptions, _load_image, tessdata_dir  # noqa: E402
from scripts.bench_common import best_of  # noqa: E402
from tests.renderings import render_scan  # noqa: E402

PARAGRAPH = ("{n}、某某县某某镇某某村党支部书记张某某利用职务便利，在危房改造补助资金发放过程中"
             "虚报冒领、优亲厚友，涉及金额共计3.{n}万元，造成恶劣影响。2021年{m}月，张某某受到党内严重警告处分，"
             "违纪款项已全部退缴。该问题反映出部分基层党员干部纪律意识淡薄，监督管理缺位，整改落实不到位。")


def build(pages: int, folder: Path) -> Path:
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
            return path
        paras += [PARAGRAPH.format(n=len(paras) + i, m=(len(paras) + i) % 12 + 1) for i in range(3)]



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "TESSDATA_PREFIX": tessdata_dir()}
    with tempfile.TemporaryDirectory(prefix="leian-bench-ocr-") as tmp:
        folder = Path(tmp)
        scan = build(args.pages, folder)
        opts = OcrOptions(cache_dir=str(folder / "cache"))
        pngs = []
        for i in range(args.pages):  # the images leian's workers give tesseract
            image, _ = _load_image(str(scan), "pdf", i, opts.dpi)
            pngs.append(folder / f"page-{i:02d}.png")
            image.save(pngs[-1], dpi=(opts.dpi, opts.dpi))

        def cli(png: Path) -> None:
            subprocess.run(["tesseract", str(png), "stdout", "-l", "chi_sim", "tsv"], check=True,
                           capture_output=True, env=env)

        rows: list[tuple[str, float]] = []
        rows.append(("`tesseract` CLI (TSV), one page after another — anchor",
                     best_of(args.repeat, lambda: [cli(p) for p in pngs])))
        with ThreadPoolExecutor(cores) as pool:
            rows.append((f"`tesseract` CLI, {cores} pages at once",
                         best_of(args.repeat, lambda: list(pool.map(cli, pngs)))))
        try:
            import pytesseract
            from PIL import Image

            rows.append(("pytesseract `image_to_data`, one after another",
                         best_of(args.repeat,
                                 lambda: [pytesseract.image_to_data(Image.open(p), lang="chi_sim") for p in pngs])))
        except ImportError:
            print("pytesseract not installed: its row is left out", file=sys.stderr)
        import tesserocr
        from PIL import Image

        def in_process() -> None:
            with tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang="chi_sim") as api:
                for p in pngs:
                    api.SetImage(Image.open(p))
                    api.AllWordConfidences()

        rows.append(("tesserocr in-process (model loaded once), one after another", best_of(args.repeat, in_process)))

        def cold() -> None:
            for f in (folder / "cache").rglob("*.json"):
                f.unlink()
            read_file(scan, ReadLimits(ocr=opts))

        rows.append((f"**leian `read_file`** (render + OCR in {opts.pool_size(args.pages)} processes + layout)",
                     best_of(args.repeat, cold)))
        rows.append(("leian `read_file` again (OCR cache)",
                     best_of(args.repeat, lambda: read_file(scan, ReadLimits(ocr=opts)))))
    anchor = rows[0][1]
    print(f"{args.pages}-page scanned report (200 dpi, image-only), best of {args.repeat}, {cores} cores, "
          f"load {os.getloadavg()[0]:.1f}\n")
    print("| path | seconds | pages/s | × anchor |\n| --- | ---: | ---: | ---: |")
    for label, secs in rows:
        print(f"| {label} | {secs:.2f} | {args.pages / secs:.2f} | {anchor / secs:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
