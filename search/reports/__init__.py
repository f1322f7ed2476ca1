"""Rendering a class-case summary: DOCX (python-docx), Markdown and JSON with the same content,
and a workbook (XLSX, openpyxl) of its figures with the cases behind each and its tables in full.

search.summary computes the data; search.reports.outline turns it into one ordered list of
blocks (headings, paragraphs, tables, charts) that both the DOCX and the Markdown writer
render, so the two say the same thing; the JSON is the data itself with every case id.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from search.summary.model import Summary

ReportFormat = Literal["docx", "md", "json", "xlsx"]
FORMATS: tuple[str, ...] = ("docx", "md", "json", "xlsx")


def format_for(path: Path, explicit: str | None = None) -> str:
    """The report format: the one asked for, else the output file's suffix (.docx .md .json .xlsx)."""
    if explicit:
        return explicit
    suffix = path.suffix.lower().lstrip(".")
    if not suffix:
        return "docx"
    if suffix not in (*FORMATS, "markdown"):
        raise ValueError(f"cannot tell the report format from {path.name!r}: name the file .docx, .md, "
                         ".json or .xlsx, or give --format")
    return {"markdown": "md"}.get(suffix, suffix)


def write_report(summary: Summary, path: Path, fmt: str = "docx") -> list[Path]:
    """Write the summary to `path` in `fmt`; returns the files written (Markdown also writes
    its chart images beside it)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        path.write_text(summary.model_dump_json(indent=1), encoding="utf-8")
        return [path]
    if fmt == "md":
        from search.reports.markdown import write_markdown

        return write_markdown(summary, path)
    if fmt == "xlsx":
        from search.reports.xlsx import write_xlsx

        return write_xlsx(summary, path)
    if fmt == "docx":
        from search.reports.docx import write_docx

        return write_docx(summary, path)
    raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
