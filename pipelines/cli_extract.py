"""`leian extract` (one document's cases: JSON contract, readable summary, displaCy HTML)
and `leian eval` (the project's own extraction scored against gold files)."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from config.errors import EXIT_PARTIAL, EXIT_USAGE, UsageError
from pipelines.cli_app import app, settings_of


@app.command()
def extract(ctx: typer.Context, path: Path = typer.Argument(..., help="A notice or report: .txt .html .docx .doc .pdf .ofd, or a scan: .pdf .png .jpg .tif (OCR); a .zip: use ingest"),
            as_json: bool = typer.Option(False, "--json", help="Print the JSON contract (gold-format.md)"),
            html: Path = typer.Option(None, "--html", help="Also write a displaCy page of the extraction here"),
            ) -> None:
    """Extract the cases of one document: people, amounts, sanctions, categories, ...

    Without --json, a readable summary. --html OUT.html writes the document with every
    extracted span highlighted (displaCy, span style).

    Example: leian extract notice.pdf --json
    """
    from extractors.pipeline import extract_file, render_html
    from extractors.readers import ReadLimits

    doc = extract_file(path, ReadLimits.from_settings(settings_of(ctx)))
    if html is not None:
        html.write_text(render_html(doc.text), encoding="utf-8")
    if as_json:
        typer.echo(json.dumps(doc.contract(), ensure_ascii=False, indent=1))
        return
    _summary(doc, html)


def _summary(doc, html: Path | None) -> None:
    from rich.console import Console
    from rich.markup import escape as e  # what a document says is text, never rich markup
    from rich.table import Table

    console = Console()
    head = f"[bold]{e(doc.title or Path(doc.path).name)}[/bold]  {doc.doc_type}"
    if doc.issuer or doc.date:
        head += f"  ({e(' '.join(x for x in (doc.issuer, doc.date) if x))})"
    console.print(head)
    console.print(f"{len(doc.cases)} case(s)")
    for case in doc.cases:
        table = Table(title=f"{case.ordinal}. {e(case.title[:50])}", show_header=False, title_justify="left")
        table.add_column("field", style="cyan", no_wrap=True)
        table.add_column("value")
        table.add_row("people", e("；".join(f"{p.name}（{p.position}）" if p.position else p.name for p in case.people)))
        table.add_row("amounts", e("；".join(f"{a.text} = {a.value:,.0f}元" for a in case.amounts)))
        table.add_row("sanctions", e("；".join(f"{s.label}" + (f" → {s.person}" if s.person else "") for s in case.sanctions)))
        table.add_row("categories", e("；".join(f"{c.label}［{c.evidence}］" if c.evidence else c.label for c in case.categories)))
        table.add_row("domains", e("；".join(d.label or d.code for d in case.domains)))
        table.add_row("regions", e("；".join(r.name for r in case.regions)))
        table.add_row("dates", e("；".join(d.text for d in case.dates)))
        console.print(table)
    for w in doc.warnings:
        console.print(f"[yellow]warning:[/yellow] {e(w)}")
    if html is not None:
        console.print(f"HTML written to {e(str(html))}")


@app.command("eval")
def eval_(ctx: typer.Context, gold_dir: Path = typer.Argument(..., help="Folder of NAME.gold.json with NAME.txt/.pdf/.docx beside"),
          input_ext: str = typer.Option("txt", "--input-ext", help="Which rendering to extract: txt, pdf, docx, doc, ofd, html"),
          details: bool = typer.Option(False, "--details", help="List every miss and false hit per document"),
          min_f1: list[str] = typer.Option([], "--min", help="FIELD=F1 bound, e.g. --min cases=0.9; exit 1 below it"),
          ) -> None:
    """Score leian's own extraction against gold files: precision/recall/F1 per field.

    Same matching rules as the shared scorer; runs in-process.

    Example: leian eval ../shared/corpus --details
    """
    from extractors.evaluate import FIELDS as _ITEM_FIELDS

    bounds: list[tuple[str, float]] = []
    for bound in min_f1:
        fld, _, value = bound.partition("=")
        known = ("cases", *_ITEM_FIELDS)
        if fld not in known:
            raise UsageError(f"--min {bound!r}: field must be one of {', '.join(known)}")
        try:
            bounds.append((fld, float(value)))
        except ValueError:
            raise UsageError(f"--min {bound!r}: write FIELD=F1, e.g. cases=0.9") from None
    from rich.console import Console
    from rich.table import Table

    from extractors.evaluate import FIELDS, evaluate
    from extractors.pipeline import extract_file
    from extractors.readers import ReadLimits

    if not gold_dir.is_dir():
        typer.echo(f"leian: {gold_dir} is not a folder", err=True)
        raise typer.Exit(EXIT_USAGE)
    limits = ReadLimits.from_settings(settings_of(ctx))
    score = evaluate(gold_dir, lambda p: extract_file(p, limits).contract(), input_ext=input_ext.lstrip("."))
    if score.docs == 0:
        typer.echo(f"leian: no NAME.gold.json with a NAME.{input_ext} beside it in {gold_dir}", err=True)
        raise typer.Exit(EXIT_USAGE)
    console = Console()
    if details:
        for name, misses in score.misses.items():
            for m in misses:
                console.print(f"{name} {m}", markup=False, highlight=False)
    table = Table(title=f"{score.docs} documents, input .{input_ext}")
    for col in ("field", "P", "R", "F1", "hits/gold/pred"):
        table.add_column(col, justify="right" if col != "field" else "left")
    for f in ("cases",) + FIELDS:
        p, r, f1 = score.prf(f)
        h, ng, npred = score.totals[f]
        table.add_row(f, f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}", f"{h}/{ng}/{npred}")
    console.print(table)
    for name, reason in score.failures.items():
        console.print(f"FAILED {name}: {reason}", markup=False)
    f1s = score.f1()
    short = []
    for fld, minimum in bounds:
        if f1s.get(fld, 0.0) < minimum:
            short.append(f"{fld} {f1s.get(fld, 0.0):.3f}<{minimum}")
    typer.echo(" ".join(f"{f}={f1s[f]:.3f}" for f in f1s) + (f" SHORT: {', '.join(short)}" if short else ""))
    if short or score.failures:
        raise typer.Exit(EXIT_PARTIAL)
