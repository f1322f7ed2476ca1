#!/usr/bin/env python3
"""Benchmark the PDF reader: pages/s on a generated 20-page Chinese text PDF, next to its
anchor measured in the same run (pypdfium2's raw text layer, no layout, no clean-up).

    nice .venv/bin/python scripts/bench_readers.py [--pages 20] [--repeat 3]

Prints one line for the README's "### Extraction" subsection.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.readers import read_file  # noqa: E402
from scripts.bench_common import best_of  # noqa: E402
from tests.renderings import render_pdf  # noqa: E402

PARAGRAPH = ("{n}、某某县某某镇某某村党支部书记张某某利用职务便利，在危房改造补助资金发放过程中"
             "虚报冒领、优亲厚友，涉及金额共计3.{n}万元，造成恶劣影响。2021年{m}月，张某某受到党内严重警告处分，"
             "违纪款项已全部退缴。该问题反映出部分基层党员干部纪律意识淡薄，监督管理缺位，整改落实不到位。")


def _pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return len(pdf.pages)


def build(pages: int, folder: Path) -> Path:
    """Grow the text by ten paragraphs until the rendering reaches `pages` pages, then trim
    paragraph by paragraph back to exactly `pages`."""
    paras = ["近日，某某市纪委监委通报了一批群众身边不正之风和腐败问题典型案例。"]
    path = folder / "bench.pdf"
    while _pages(render_pdf("\n".join(paras), path)) < pages:
        paras += [PARAGRAPH.format(n=len(paras) + i, m=(len(paras) + i) % 12 + 1) for i in range(10)]
    while _pages(render_pdf("\n".join(paras[:-1]), path)) >= pages:
        paras.pop()
    render_pdf("\n".join(paras), path)
    return path



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import pypdfium2

    with tempfile.TemporaryDirectory() as tmp:
        path = build(args.pages, Path(tmp))
        result = read_file(path)
        n = result.pages or 0

        def pdfium() -> None:
            doc = pypdfium2.PdfDocument(str(path))
            for page in doc:
                page.get_textpage().get_text_range()
            doc.close()

        ours = best_of(args.repeat, lambda: read_file(path))
        anchor = best_of(args.repeat, pdfium)
    print(f"PDF reader (pdfplumber, furniture removal, paragraph re-joining): {n / ours:.1f} pages/s "
          f"({1000 * ours / n:.0f} ms/page) on a {n}-page Chinese text PDF, {len(result.text)} chars; "
          f"anchor pypdfium2 raw text in the same run: {n / anchor:.0f} pages/s (best of {args.repeat})")


if __name__ == "__main__":
    main()
