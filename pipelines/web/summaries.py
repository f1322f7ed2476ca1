"""Summaries for the web: choose a class (id, query or category, narrowed by filters), compute
it with the CLI's functions, render the preview blocks, and write a download.

DOCX / Markdown / JSON / XLSX are `leian summary`'s reports (search.reports); "cases" is the
class's cases as XLSX, one row each, as `leian classes --class ID -o FILE.xlsx` writes them.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Optional

from fastapi import Query

from config.errors import UsageError
from pipelines.cli_options import make_filters
from search.store import CaseStore, Filters

DownloadFormat = Literal["docx", "md", "json", "xlsx", "cases"]

DOWNLOADS = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "md": "text/markdown; charset=utf-8", "json": "application/json",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "cases": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@dataclass
class SummaryParams:
    class_id: str = ""
    query: str = ""
    category: str = ""
    filters: Filters | None = None
    pairs: tuple[tuple[str, str], ...] = ()  # as given, for links

    def first(self, name: str) -> str:
        """The first value given for a parameter ("" when none)."""
        return next((v for k, v in self.pairs if k == name), "")

    def named(self) -> bool:
        return bool(self.class_id or self.query or self.category)

    def check(self) -> None:
        if sum(bool(x) for x in (self.class_id, self.query, self.category)) != 1:
            raise UsageError("name the class with exactly one of class, query or category")


def summary_params(class_id: str = Query("", alias="class", max_length=200, description="A class id (see /classes)"),
                   query: str = Query("", max_length=2000, description="The class is what this query finds"),
                   category: str = Query("", max_length=100, description="The class is this problem category (code)"),
                   domain: list[str] = Query([]), region: list[str] = Query([]), sanction: list[str] = Query([]),
                   post: list[str] = Query([]), doc_type: list[str] = Query([]),
                   date_from: str = Query("", alias="from", max_length=10),
                   date_to: str = Query("", alias="to", max_length=10),
                   min_amount: Optional[str] = Query(None, max_length=30),
                   max_amount: Optional[str] = Query(None, max_length=30)) -> SummaryParams:
    """FastAPI dependency: which class a summary is of (as `leian summary`'s options)."""
    domain, region, sanction, post, doc_type = ([v for v in vs if v.strip()] for vs in
                                                (domain, region, sanction, post, doc_type))  # a form's empty fields
    filters = make_filters(domain=domain, region=region, sanction=sanction, post=post, doc_type=doc_type,
                           date_from=date_from, date_to=date_to, min_amount=min_amount, max_amount=max_amount)
    pairs = [("class", class_id), ("query", query), ("category", category)]
    pairs += [(k, v) for k, vs in (("domain", domain), ("region", region), ("sanction", sanction), ("post", post),
                                   ("doc_type", doc_type)) for v in vs]
    pairs += [("from", date_from), ("to", date_to), ("min_amount", min_amount or ""), ("max_amount", max_amount or "")]
    return SummaryParams(class_id=class_id.strip(), query=query.strip(), category=category.strip(), filters=filters,
                         pairs=tuple(p for p in pairs if p[1]))


def build(store: CaseStore, classes_file: Path, p: SummaryParams):
    """The Summary of the class the parameters name (saved classes: the app's `classes_file`)."""
    from config.errors import ClassUsageError
    from pipelines.summary_steps import make_summary

    p.check()
    try:
        return make_summary(store, classes_file, class_id=p.class_id, query=p.query, category=p.category,
                            filters=p.filters)
    except ClassUsageError as exc:
        raise UsageError(str(exc)) from None


def preview_blocks(summary) -> list[dict]:
    """The report's outline (search.reports.outline) as plain dicts for the HTML template;
    charts are left to the DOCX (their data is in the tables)."""
    from search.reports.outline import Bullets, Chart, Heading, Para, Table, outline

    out: list[dict] = []
    for b in outline(summary):
        if isinstance(b, Heading):
            out.append({"kind": "heading", "level": b.level, "text": b.text})
        elif isinstance(b, Para):
            out.append({"kind": "para", "style": b.style, "text": b.text})
        elif isinstance(b, Bullets):
            items = [(i, "") if isinstance(i, str) else i for i in b.items]
            out.append({"kind": "bullets", "numbered": b.numbered, "items": [{"lead": i[0] if isinstance(i, tuple) and i[1] else "",
                                                                                "text": i[1] or i[0]} for i in items]})
        elif isinstance(b, Table):
            out.append({"kind": "table", "caption": b.caption, "headers": b.headers, "rows": b.rows, "note": b.note})
        elif isinstance(b, Chart):
            out.append({"kind": "chart", "caption": b.caption,
                        "rows": list(zip(b.labels, b.values)), "unit": b.unit})
    return out


def write_download(store: CaseStore, classes_file: Path, p: SummaryParams,
                   fmt: DownloadFormat, folder: Path) -> tuple[Path, str]:
    """Write the download into `folder`; returns the file and the name to offer."""
    if fmt == "cases":
        return _write_cases_xlsx(store, classes_file, p, folder)
    from search.reports import write_report

    summary = build(store, classes_file, p)
    path = folder / f"summary.{fmt}"
    write_report(summary, path, fmt)
    return path, f"{_slug(summary.class_def.name)}.{fmt}"


def _write_cases_xlsx(store: CaseStore, classes_file: Path, p: SummaryParams, folder: Path) -> tuple[Path, str]:
    from config.errors import ClassUsageError
    from pipelines.export import case_rows, write_rows
    from search.classes import select_class

    p.check()
    try:
        cd, cases = select_class(store, saved_path=classes_file, class_id=p.class_id, query=p.query,
                                 category=p.category, filters=p.filters or Filters())
    except ClassUsageError as exc:
        raise UsageError(str(exc)) from None
    path = folder / "cases.xlsx"
    write_rows(path, "xlsx", case_rows(store, cases))
    return path, f"{_slug(cd.name)}-案例.xlsx"


def _slug(text: str) -> str:
    from pipelines.summary_steps import _slug as slug

    return slug(text)


def temp_folder() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="leian-web-")
