"""`leian ledger`: the ingestion ledger — every file seen, its status and reason, and for a
scan how many pages were read by OCR and at what confidence."""
from __future__ import annotations

import json
from typing import Optional

import typer

from config.errors import UsageError
from pipelines.cli_app import app, command_store
from pipelines.cli_options import StoreOpt

STATUSES = ("ok", "failed", "skipped", "pending")


def ocr_note(pages: int, confidence: float | None) -> str:
    """`OCR 3 pages, 97` for a file read by OCR, "" otherwise."""
    if not pages:
        return ""
    shown = f", {confidence:.0f}" if confidence is not None else ""
    return f"OCR {pages} page{'s' if pages != 1 else ''}{shown}"


@app.command()
def ledger(ctx: typer.Context, store: StoreOpt = None,
           status: Optional[str] = typer.Option(None, "--status", help="Only files of this status: ok, failed, skipped, pending"),
           ocr: bool = typer.Option(False, "--ocr", help="Only files read (partly) by OCR"),
           as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON")) -> None:
    """The ingestion ledger: one line per file (status, cases, OCR pages and mean confidence, reason).

    Example: leian ledger --ocr --store ./leian-data/leian.db
    """
    if status is not None and status not in STATUSES:
        raise UsageError(f"--status must be one of {', '.join(STATUSES)}, not {status!r}")
    with command_store(ctx, store) as st:
        rows = [e for e in st.ledger_entries(status) if not ocr or e.ocr_pages]  # type: ignore[arg-type]
    if as_json:
        typer.echo(json.dumps([e.model_dump(mode="json") for e in rows], ensure_ascii=False, indent=1))
        return
    for e in rows:
        parts = [f"{e.status:<7}", e.path, f"{e.cases} cases" if e.status == "ok" else "",
                 ocr_note(e.ocr_pages, e.ocr_confidence), e.error]
        typer.echo("  ".join(p for p in parts if p))
    ocrd = [e for e in rows if e.ocr_pages]
    typer.echo(f"{len(rows)} files" + (f", {len(ocrd)} read by OCR" if ocrd else ""), err=True)
