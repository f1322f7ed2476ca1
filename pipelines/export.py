"""Export matching cases to CSV or XLSX: `leian search … --format csv|xlsx -o FILE` and
`leian classes --class ID --format csv|xlsx -o FILE`.

One row per case with Chinese column headers. Every cell is text; a cell that a spreadsheet
would read as a formula (starting with = + - @, or a tab / carriage return) is neutralised
(CSV/formula injection): in CSV it gets a leading apostrophe, in XLSX it is written as a
string cell (never a formula). CSV is UTF-8 with a BOM (Excel then reads it as Chinese) and
quoted by the csv module; the XLSX has a frozen, bold header row and a width set per column
(wide for titles, people and text). The file is written beside its destination and moved into place, so a failed
export leaves no half-written file.
"""
from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import typer

from config.errors import UsageError
from config.settings import Settings
from extractors.model import Case, Document

FORMATS = ("csv", "xlsx")
MAX_EXPORT_ROWS = 100_000  # an export stops here and says so
PAGE_SIZE = 1000  # hits per search page while exporting (the stores' largest page)
MAX_CELL = 32_000  # Excel holds at most 32,767 characters in a cell

# (header, width in the XLSX in characters)
COLUMNS: tuple[tuple[str, int], ...] = (
    ("案例编号", 22), ("标题", 40), ("发布机关", 24), ("日期", 12), ("地区", 24), ("人员及职务", 40),
    ("涉及金额", 28), ("处理处分", 30), ("问题类别", 24), ("来源文件", 40), ("案情", 80),
)
HEADERS = tuple(h for h, _ in COLUMNS)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ExportResult:
    path: Path
    rows: int
    total: int  # matching rows before any cut
    replaced: bool

    @property
    def cut(self) -> bool:
        return self.rows < self.total


def format_of(fmt: str | None, output: Path | None) -> tuple[str, Path]:
    """The export format (from --format, else the suffix of -o) and the output path; a usage
    error (exit 2) for a missing -o, an unknown format or a directory."""
    if output is None:
        raise UsageError("an export needs -o FILE: where to write it (e.g. -o cases.xlsx)")
    if output.is_dir():
        raise UsageError(f"-o {output} is a directory; give a file name such as {output / ('cases.' + (fmt or 'xlsx'))}")
    if fmt is None:
        fmt = output.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            raise UsageError(f"cannot tell the export format from {output.name!r}: add --format csv or --format xlsx")
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise UsageError(f"--format must be csv or xlsx, not {fmt!r}")
    if not output.parent.is_dir():
        raise UsageError(f"cannot write {output}: folder {output.parent} does not exist")
    return fmt, output


def safe_text(value: object) -> str:
    """A cell's text: never None, formula-looking text prefixed with an apostrophe (CSV)."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _join(items: Iterable[str], sep: str = "；") -> str:
    return sep.join(dict.fromkeys(x for x in items if x))


def case_row(case: Case, doc: Document | None, date: str = "") -> list[str]:
    """The export row of one case (texts, not yet escaped)."""
    from search.indexing import case_date

    if not date and doc is not None:
        date = case_date(case, doc)
    people = _join(f"{p.name}（{p.position}）" if p.position else p.name for p in case.people)
    amounts = _join(f"{a.text}（{a.value:.0f}元{'，' + _ROLES.get(a.role, a.role) if a.role else ''}）"
                    for a in case.amounts)
    sanctions = _join(f"{s.label}（{s.person}）" if s.person else s.label for s in case.sanctions)
    categories = _join(c.label or c.code for c in case.categories)
    regions = _join((r.name for r in case.regions), "、")
    text = " ".join(case.text.split())
    return [case.id, case.title or (doc.title if doc else ""), doc.issuer if doc else "", date, regions, people,
            amounts, sanctions, categories, doc.path if doc else "", text[:MAX_CELL]]


_ROLES = {"involved": "涉案", "recovered": "追缴", "returned": "退还", "fined": "罚款", "rate": "标准",
          "statistic": "统计", "budget": "预算"}


def doc_lookup(store) -> Callable[[str], Document | None]:
    """doc_id → its document, each read once."""
    cache: dict[str, Document | None] = {}

    def get(doc_id: str) -> Document | None:
        if doc_id not in cache:
            cache[doc_id] = store.get_document(doc_id)
        return cache[doc_id]

    return get


# --------------------------------------------------------------------------- writers
def _write_csv(fh, rows: Iterable[list[str]]) -> int:
    writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(HEADERS)
    n = 0
    for row in rows:
        writer.writerow([safe_text(v) for v in row])
        n += 1
    return n


def _write_xlsx(path: str, rows: Iterable[list[str]]) -> int:
    from openpyxl import Workbook

    from search.reports.xlsx import add_sheet

    wb = Workbook(write_only=True)
    n = add_sheet(wb, "案例", COLUMNS, rows)
    wb.save(path)
    return n


def write_rows(output: Path, fmt: str, rows: Iterable[list[str]]) -> int:
    """Write the rows to `output` (replacing it) through a temporary file beside it; a usage
    error (exit 2) when it cannot be written."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    try:
        if fmt == "csv":
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
                n = _write_csv(fh, rows)
        else:
            os.close(fd)
            n = _write_xlsx(tmp, rows)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file (mkstemp makes it private)
        os.replace(tmp, output)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return n


# --------------------------------------------------------------------------- sources
def search_rows(store, query, limit: int | None = None) -> tuple[int, _Rows]:
    """(matching total, rows) of every hit of a search, page after page, in its order; at most
    `limit` rows. The total counts incidents when the query collapses copies, as the listing does."""
    from config.errors import StoreError

    limit = MAX_EXPORT_ROWS if limit is None else limit
    first = store.search(query.model_copy(update={"page": 1, "size": PAGE_SIZE, "facets": False}))
    docs = doc_lookup(store)
    state = {"cut_reason": ""}

    def rows() -> Iterator[list[str]]:
        res, page, n = first, 1, 0
        while True:
            for hit in res.hits:
                if n >= limit:
                    return
                yield case_row(hit.case, docs(hit.case.doc_id), hit.date)
                n += 1
            if len(res.hits) < PAGE_SIZE or n >= min(limit, first.total):
                return
            page += 1
            try:
                res = store.search(query.model_copy(update={"page": page, "size": PAGE_SIZE, "facets": False}))
            except StoreError as exc:  # a search engine pages only so deep (Elasticsearch: 10,000 hits)
                state["cut_reason"] = str(exc)
                return

    return first.total, _Rows(rows(), state)


class _Rows:
    """An iterator of rows that remembers why it stopped early (the store refused a page)."""

    def __init__(self, gen: Iterator[list[str]], state: dict):
        self.gen, self.state = gen, state

    def __iter__(self) -> Iterator[list[str]]:
        return self.gen

    @property
    def cut_reason(self) -> str:
        return self.state["cut_reason"]


def case_rows(store, cases: list[Case], limit: int | None = None) -> Iterator[list[str]]:
    docs = doc_lookup(store)
    for case in cases[:MAX_EXPORT_ROWS if limit is None else limit]:
        yield case_row(case, docs(case.doc_id))


# --------------------------------------------------------------------------- commands
def _report(res: ExportResult, what: str, reason: str = "") -> None:
    typer.echo(f"exported {res.rows} {what} to {res.path}")
    if res.cut:
        why = f" ({reason})" if reason else f" (an export holds at most {MAX_EXPORT_ROWS:,} rows)"
        typer.echo(f"note: {res.total} match; only the first {res.rows} were exported{why}", err=True)
    if res.replaced:
        typer.echo(f"note: {res.path} existed and was replaced", err=True)


def export_search(query, settings: Settings, fmt: str | None, output: Path | None) -> None:
    """`leian search … --format csv|xlsx -o FILE`: every matching hit (all pages, in the
    search's order) of the store of `settings`, not only the page shown."""
    from search.open import open_store

    fmt, output = format_of(fmt, output)
    replaced = output.exists()
    with open_store(settings.store, settings, existing=True) as st:
        total, rows = search_rows(st, query)
        n = write_rows(output, fmt, rows)
    unit = "incidents" if query.collapse_duplicates else "cases"
    _report(ExportResult(output, n, total, replaced), unit, rows.cut_reason)


def export_class(settings: Settings, fmt: str | None, output: Path | None, *, class_id: str,
                 query: str, filters, threshold: float) -> None:
    """`leian classes --class ID --format csv|xlsx -o FILE`: every case of a class (saved in the
    settings' classes file, or an ad-hoc --query) of the settings' store, narrowed by any filters."""
    from config.errors import ClassUsageError
    from search.classes import select_class
    from search.open import open_store

    fmt, output = format_of(fmt, output)
    if not class_id and not query:
        raise UsageError("name what to export with --class ID (see `leian classes`) or --query Q")
    replaced = output.exists()
    with open_store(settings.store, settings, existing=True) as st:
        try:
            cd, cases = select_class(st, saved_path=settings.classes_file(), class_id=class_id, query=query, filters=filters,
                                     threshold=threshold)
        except ClassUsageError as exc:
            raise UsageError(str(exc)) from None
        n = write_rows(output, fmt, case_rows(st, cases))
    _report(ExportResult(output, n, len(cases), replaced), f"cases of {cd.name}")
