"""`leian demo`: build a case base from the bundled samples, offline, and show what it does.

The samples (pipelines/samples/) are notices and an inspection report written for leian —
fictional places and people — including one incident republished by a county, a city and
a province. The demo writes them in the formats analysts receive: UTF-8 and GBK text, HTML,
DOCX and PDF (PDF and DOCX generated here with reportlab / python-docx; a format whose
library or CJK font is missing is left out with a note), adds a broken PDF to show the
ledger, and a few dozen synthetic notices (pipelines/synthetic.py) so that facets and
similar cases have something to count. Then it ingests, searches, shows, finds similar
cases and lists duplicates, printing each step's command line so it can be repeated.
"""
from __future__ import annotations

import html
import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from pipelines import synthetic

if TYPE_CHECKING:
    from extractors.readers import ReadLimits

log = logging.getLogger(__name__)

SAMPLES = Path(__file__).resolve().parent / "samples"
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
SYNTHETIC_DOCS = 40

# sample source → (file written, format)
LAYOUT = {
    "pingan-county-2023-notice.txt": ("pingan-county-2023-notice.txt", "txt"),
    "yunzhou-city-2023-notice.txt": ("yunzhou-city-2023-notice.html", "html"),
    "hedong-province-2024-notice.txt": ("hedong-province-2024-notice-gbk.txt", "gbk"),
    "shiqiao-inspection-2023-report.txt": ("shiqiao-inspection-2023-report.docx", "docx"),
    "donling-county-2022-notice.txt": ("donling-county-2022-notice.pdf", "pdf"),
}


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def write_html(text: str, out: Path) -> None:
    """A notice as a web page: site chrome around the article, as portals publish them."""
    paras = _paragraphs(text)
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras[1:])
    out.write_text(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html.escape(paras[0]) + "</title></head>"
        "<body><div class=\"nav\">首页 | 工作动态 | 审查调查 | 通报曝光</div>"
        f"<div class=\"article\"><h1>{html.escape(paras[0])}</h1>{body}</div>"
        "<div class=\"footer\">主办：云州市纪委监委 版权所有</div></body></html>", encoding="utf-8")


def write_docx(text: str, out: Path) -> None:
    from docx import Document as Docx

    paras = _paragraphs(text)
    d = Docx()
    d.add_heading(paras[0], level=1)
    for p in paras[1:]:
        d.add_paragraph(p)
    d.save(str(out))


def write_pdf(text: str, out: Path) -> None:
    """A text PDF with a CJK font (reportlab, WenQuanYi Zen Hei)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(CJK_FONT), subfontIndex=0))
    style = ParagraphStyle("body", fontName="WQY", fontSize=11, leading=17, wordWrap="CJK")
    title = ParagraphStyle("title", parent=style, fontSize=15, leading=22, alignment=1)
    paras = _paragraphs(text)
    story = [Paragraph(html.escape(paras[0]), title), Spacer(1, 10)]
    story += [Paragraph(html.escape(p), style) for p in paras[1:]]
    SimpleDocTemplate(str(out), pagesize=A4, title=paras[0]).build(story)


def build_corpus(folder: Path) -> list[str]:
    """Write the sample documents into `folder`; returns notes on formats left out."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    notes = []
    for source, (name, fmt) in LAYOUT.items():
        text = (SAMPLES / source).read_text(encoding="utf-8")
        out = folder / name
        if fmt == "txt":
            out.write_text(text, encoding="utf-8")
        elif fmt == "gbk":
            out.write_bytes(text.encode("gbk"))
        elif fmt == "html":
            write_html(text, out)
        elif fmt == "docx":
            try:
                write_docx(text, out)
            except ImportError as exc:
                notes.append(f"{name}: not written, python-docx missing ({exc})")
        elif fmt == "pdf":
            if not CJK_FONT.exists():
                notes.append(f"{name}: not written, no CJK font at {CJK_FONT} (apt-get install fonts-wqy-zenhei)")
                continue
            try:
                write_pdf(text, out)
            except ImportError as exc:
                notes.append(f"{name}: not written, reportlab missing ({exc})")
    # A PDF cut off in transfer: the ledger records it as failed and the run goes on.
    (folder / "scan-2023-broken.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    synth = folder / "synthetic"
    synthetic.write_corpus(synth, SYNTHETIC_DOCS, seed=2024)
    return notes


def _step(title: str, command: str) -> None:
    typer.secho(f"\n== {title}", bold=True)
    typer.secho(f"$ {command}", fg=typer.colors.CYAN)


def run_demo(store_path: str, folder: Path, limits: ReadLimits | None = None) -> int:
    """Build the demo store and walk through the commands (files read within `limits`, the
    settings' ones); returns the exit code."""
    from pipelines.cli_store import _Progress, print_case, print_duplicates, print_result, print_similar
    from pipelines.steps import run_ingest
    from search.backends.sqlite.store import SqliteStore
    from search.store import Filters, SearchQuery

    folder = folder.resolve()
    notes = build_corpus(folder)
    for suffix in ("", "-wal", "-shm"):
        Path(store_path + suffix).unlink(missing_ok=True)
    typer.echo(f"leian demo: sample documents in {folder}, store {store_path}")
    for note in notes:
        typer.echo(f"note: {note}")

    st = SqliteStore(store_path)
    try:
        _step("Ingest the samples (txt UTF-8 and GBK, html, docx, pdf, a broken file, synthetic notices)",
              f"leian ingest {folder} --store {store_path}")
        report = run_ingest([folder], st, progress=_Progress(), limits=limits)
        for f in report.failures:
            typer.echo(f"failed: {Path(f.path).name}: {f.error}")
        typer.echo(report.summary_line())
        typer.echo("ledger:")
        for e in st.ledger_entries():
            if "/synthetic/" in e.path:
                continue
            typer.echo(f"  {e.status:8} {Path(e.path).name:42} {e.cases:>2} cases  {e.error}")
        typer.echo(f"  … and {SYNTHETIC_DOCS} synthetic notices")

        _step("Ingest again: unchanged files are skipped", f"leian ingest {folder} --store {store_path}")
        typer.echo(run_ingest([folder], st, limits=limits).summary_line())

        searches = [
            ("Precedents: village party secretaries and subsistence allowances",
             "村党支部书记 低保", SearchQuery(text="村党支部书记 低保", size=5, collapse_duplicates=True)),
            ("Phrase and OR: gifts or banquets, newest first",
             '"收受礼金" OR 公款吃喝 --sort date', SearchQuery(text='"收受礼金" OR 公款吃喝', sort="date", size=5,
                                                           collapse_duplicates=True)),
            ("Traditional script is found by a simplified query", "违规收受礼金",
             SearchQuery(text="违规收受礼金", size=3, collapse_duplicates=True)),
            ("Filters: sums of 100,000 yuan or more since 2020, largest first",
             "--min-amount 10万 --from 2020 --sort amount",
             SearchQuery(filters=Filters(amount_min=100000, date_from="2020"), sort="amount", size=5,
                         collapse_duplicates=True)),
        ]
        first_case = None
        for title, args, q in searches:
            _step(title, f"leian search {args} --store {store_path}")
            res = st.search(q)
            print_result(res, q, show_facets=q.text == "村党支部书记 低保")
            if first_case is None and res.hits:
                first_case = res.hits[0].case.id
        if first_case is None:
            typer.echo("no case found: extraction produced no cases")
            return 1

        _step("One case, its source and its republished copies", f"leian show {first_case} --store {store_path}")
        print_case(st.get_case(first_case), st.case_info(first_case) or {})

        _step("Cases most like it (copies of the same incident left out)",
              f"leian similar {first_case} -k 5 --store {store_path}")
        print_similar(first_case, st.similar(first_case, k=5))

        _step("Near-duplicates: one incident republished by county, city and province",
              f"leian duplicates --store {store_path}")
        print_duplicates(st, st.duplicates())
    finally:
        st.close()
    typer.echo(f"\nThe demo store stays at {store_path}; try: leian search 低保 --store {store_path}")
    typer.echo(f"Open it in the browser: leian serve --store {store_path}   then http://127.0.0.1:8765")
    return 0
