"""`leian extract` and `leian eval` (placeholder until the extraction issue lands)."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from pipelines.cli_app import app


@app.command()
def extract(path: Path = typer.Argument(..., help="A notice or report: .txt .html .docx .pdf"),
            as_json: bool = typer.Option(False, "--json", help="Print the JSON contract")) -> None:
    """Extract the cases of one document.

    Example: leian extract notice.pdf --json
    """
    from extractors.pipeline import extract_file

    doc = extract_file(path)
    if as_json:
        typer.echo(json.dumps(doc.contract(), ensure_ascii=False, indent=1))
    else:
        typer.echo(f"{doc.path}: {len(doc.cases)} cases")
