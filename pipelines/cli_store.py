"""`leian ingest`, `search`, `show`, `similar`, `duplicates`, `demo`: the case base commands."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from config.errors import NotFoundError, UsageError
from pipelines.cli_app import app, settings_of
from pipelines.cli_options import (CategoryOpt, DateFromOpt, DateToOpt, DocTypeOpt, DomainOpt, MaxAmountOpt,
                                   MinAmountOpt, PostOpt, RegionOpt, SanctionOpt, StoreOpt, make_filters)

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from config.settings import Settings


def _open(settings: Settings, existing: bool = True):
    """The store of a command (settings.store); read commands need it to exist (only ingest makes one)."""
    from search.open import open_store

    return open_store(settings.store, settings, existing=existing)


def _yuan(value: float) -> str:
    from search.summary.chinese import in_units

    number, unit = in_units(value)
    return f"{number:.4g}{unit}元" if unit else f"{value:.0f}元"


def _echo_json(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=1))


# --------------------------------------------------------------------------- ingest
class _Progress:
    """A rich progress bar on a terminal, one plain line per file otherwise (stderr)."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.bar: Progress | None = None
        self.task: TaskID  # set with the bar

    def __call__(self, event) -> None:
        if self.quiet:
            return
        if self.tty:
            self._rich(event)
        elif event.kind == "file":
            r = event.result
            extra = f" ({r.cases} cases)" if r.outcome in ("new", "updated") else (f": {r.error}" if r.error else "")
            print(f"[{event.done}/{event.total}] {r.outcome:9} {r.path}{extra}", file=sys.stderr, flush=True)

    def _rich(self, event) -> None:
        from rich.console import Console
        from rich.markup import escape
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        if event.kind == "start":
            self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                TextColumn("{task.description}"), console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("", total=event.total)
            from extractors.readers.ocr import PAGE_PROGRESS

            self.ocr_token = PAGE_PROGRESS.set(self._ocr_page)  # a scan's pages show on this bar
        elif event.kind == "file" and self.bar is not None:
            r = event.result
            if r.outcome == "failed":
                self.bar.console.print(f"[red]failed[/red] {escape(r.path)}: {escape(r.error)}")
            self.bar.update(self.task, advance=1, description=escape(Path(r.path).name[:40]))
        elif event.kind == "done" and self.bar is not None:
            self.bar.stop()
            from extractors.readers.ocr import PAGE_PROGRESS

            PAGE_PROGRESS.reset(self.ocr_token)

    def _ocr_page(self, name: str, done: int, total: int) -> None:
        from rich.markup import escape

        if self.bar is not None:
            self.bar.update(self.task, description=f"{escape(name[:30])}: OCR page {done}/{total}")


@app.command()
def ingest(ctx: typer.Context, paths: list[Path] = typer.Argument(..., help="Files and folders (folders are walked recursively)"),
           store: StoreOpt = None,
           as_json: bool = typer.Option(False, "--json", help="Print the run's report as JSON"),
           quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output"),
           prefect: bool = typer.Option(False, "--prefect", help="Run as a tracked Prefect flow run "
                                        "(the default when PREFECT_API_URL or a Prefect profile names an API)")) -> None:
    """Extract documents and store their cases; unchanged files are skipped, changed ones replaced.

    Every file seen is recorded in the store's ledger (ok / failed / skipped) with its reason.
    Exit code 0 when all files were stored or unchanged, 1 when some failed.
    With a Prefect API configured (or --prefect) this runs the `ingest` flow as a tracked
    flow run; without, the same steps in-process (no Prefect server needed).

    Example: leian ingest reports/ notices/2024-03.pdf --store ./leian-data/leian.db
    """
    from extractors.readers import ReadLimits
    from pipelines.ingest_run import IN_PROCESS_NOTE, in_process_lock, run_as_flow, use_prefect
    from pipelines.steps import run_ingest

    settings = settings_of(ctx, store)
    if use_prefect(prefect):
        raise typer.Exit(run_as_flow(paths, settings, as_json=as_json, quiet=quiet))
    if not quiet:
        typer.echo(IN_PROCESS_NOTE, err=True)
    with _open(settings, existing=False) as st, in_process_lock(st):
        report = run_ingest(paths, st, progress=_Progress(quiet or as_json), limits=ReadLimits.from_settings(settings))
    if as_json:
        _echo_json(report.as_dict())
    else:
        if quiet:
            for f in report.failures:
                typer.echo(f"failed: {f.path}: {f.error}", err=True)
        typer.echo(report.summary_line())
    raise typer.Exit(report.exit_code)


# --------------------------------------------------------------------------- search
def _print_hit(n: int, hit, copies: int = 0, show_date: bool = False) -> None:
    c = hit.case
    meta = []
    if c.categories:
        meta.append("/".join(dict.fromkeys(x.code for x in c.categories)))
    if c.sanctions:
        meta.append("、".join(dict.fromkeys(s.label for s in c.sanctions)))
    if c.total_amount:
        meta.append(_yuan(c.total_amount))
    if show_date:  # the date the hits are sorted by
        meta.append(f"date {hit.date or '-'}")
    elif c.year:
        meta.append(str(c.year))
    typer.echo(f"{n:>3}. {c.id}  score {hit.score:.2f}  {'  '.join(meta)}")
    typer.echo(f"     {hit.snippet}")
    # the source as a reader cites it: title, issuing body, date; the file's name only when
    # the document states no title
    src = " · ".join(x for x in (hit.doc_title or Path(hit.doc_path).name, hit.doc_issuer, hit.doc_date) if x)
    dup = f"  (same incident as {hit.duplicate_of})" if hit.duplicate_of else ""
    typer.echo(f"     — {src}{dup}")


def print_result(res, query, show_facets: bool = True) -> None:
    """Readable search output: hits with snippets, then facet counts."""
    first = (query.page - 1) * query.size + 1
    shown = f"{first}-{first + len(res.hits) - 1}" if res.hits else "none"
    if query.collapse_duplicates:
        unit = "incident" if res.total == 1 else "incidents"
        copies = f" ({res.cases} cases with republished copies)" if res.cases > res.total else ""
    else:
        unit, copies = ("case" if res.total == 1 else "cases"), ""
    typer.echo(f"{res.total} {unit}{copies} match ({shown} shown, {res.took_ms:.0f} ms)")
    if res.also_searched:
        typer.echo(also_searched_line(res.also_searched))
    for i, hit in enumerate(res.hits, first):
        _print_hit(i, hit, show_date=query.sort == "date")
    if show_facets and res.facets:
        typer.echo(f"facets (counting all {res.cases} matching cases):" if copies else "facets:")
        for field, values in res.facets.items():
            if values:
                typer.echo(f"  {field:9} " + "  ".join(f"{v.value} ({v.count})" for v in values[:8]))


def also_searched_line(also: dict[str, list[str]]) -> str:
    """`also searched: 违规吃喝, 大吃大喝, 公款宴请 (for 公款吃喝)`: the synonyms a search added
    (config/synonyms.yaml; --exact searches the words as typed)."""
    parts = [f"{', '.join(others)} (for {typed})" for typed, others in also.items()]
    return "also searched: " + "; ".join(parts) + " — --exact searches only the words typed"


@app.command(context_settings={"ignore_unknown_options": True})  # `低保 -村医`: -村医 is a query word
def search(ctx: typer.Context, words: Optional[list[str]] = typer.Argument(
               None, metavar="QUERY", help='Words, "phrases", AND/OR/NOT, -word, (groups); several words need no quotes'),
           category: CategoryOpt = [], domain: DomainOpt = [], region: RegionOpt = [],
           sanction: SanctionOpt = [], post: PostOpt = [], doc_type: DocTypeOpt = [],
           date_from: DateFromOpt = "", date_to: DateToOpt = "",
           min_amount: MinAmountOpt = None, max_amount: MaxAmountOpt = None,
           sort: str = typer.Option("relevance", "--sort", help="relevance | date | amount"),
           page: int = typer.Option(1, "--page", min=1),
           size: int = typer.Option(10, "--size", min=0, max=1000),
           collapse: bool = typer.Option(True, "--collapse/--all-copies",
                                         help="One hit per incident (default) or every republished copy"),
           exact: bool = typer.Option(False, "--exact", help="Search the words as typed, without their "
                                      "synonyms (config/synonyms.yaml: 公款吃喝 also searches 违规吃喝, 大吃大喝 …)"),
           store: StoreOpt = None,
           as_json: bool = typer.Option(False, "--json", help="Print the result as JSON"),
           fmt: Optional[str] = typer.Option(None, "--format", "-f",
                                             help="Export every matching case: csv | xlsx (default: from -o)"),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="Export file (.csv or .xlsx)")) -> None:
    """Search precedents: full text (bm25), filters, facet counts, sorting and paging.

    With -o FILE (--format csv|xlsx), every matching case is exported instead (all pages, up to 100,000).

    Example: leian search '村党支部书记 (低保 OR 特困) -村医' --category false_claims --from 2018 --sort amount
    """
    from pipelines.export import export_search
    from search.store import SearchQuery, sort_order

    try:
        order = sort_order(sort)
    except ValueError:
        raise UsageError(f"--sort must be relevance, date or amount, not {sort!r}") from None
    unknown = [w for w in words or [] if re.match(r"--?[A-Za-z]", w)]  # -村医 is a word, --sizes a typo
    if unknown:
        raise UsageError(f"no such option: {unknown[0]} (see leian search --help)")
    query = " ".join(words or [])
    q = SearchQuery(text=query, sort=order, page=page, size=size, collapse_duplicates=collapse, exact=exact,
                    filters=make_filters(category=category, domain=domain, region=region, sanction=sanction,
                                         post=post, doc_type=doc_type, date_from=date_from, date_to=date_to,
                                         min_amount=min_amount, max_amount=max_amount))
    settings = settings_of(ctx, store)
    if fmt or output:
        return export_search(q, settings, fmt, output)
    with _open(settings) as st:
        res = st.search(q)
    if as_json:
        _echo_json(res.model_dump(mode="json"))
    else:
        print_result(res, q)


def first_published(store, case_id: str, info: dict) -> str:
    """Of an incident's publications, the one whose document is dated earliest; "" when the
    dates cannot tell (a later publication is a copy of the first, never the reverse)."""
    members = [m for m in dict.fromkeys([case_id, info.get("duplicate_of") or "", *info.get("copies", [])]) if m]
    if len(members) < 2:
        return ""
    dated = []
    for m in members:
        d = (info if m == case_id else (store.case_info(m) or {})).get("doc_date") or ""
        if d:
            dated.append((d, m))
    if len(dated) < len(members):
        return ""  # an undated publication: which came first is not known
    dated.sort()
    if len(dated) > 1 and dated[0][0][:len(dated[1][0])] == dated[1][0][:len(dated[0][0])]:
        return ""  # the two earliest share a date (or one's partial date covers the other's)
    return dated[0][1]


# --------------------------------------------------------------------------- show
@app.command()
def show(ctx: typer.Context, case_id: str = typer.Argument(..., help="A case id as printed by search"),
         store: StoreOpt = None,
         as_json: bool = typer.Option(False, "--json", help="Print the case as JSON")) -> None:
    """One case: its fields, its source document and position, its republished copies.

    Example: leian show 3f2a9c0d1e2b4a5c-002
    """
    if not case_id.strip():
        raise UsageError("a case id is needed, e.g. leian show 3f2a9c0d1e2b4a5c-002")
    with _open(settings_of(ctx, store)) as st:
        case, info = case_with_info(st, case_id)
    if as_json:
        _echo_json({"case": case.model_dump(mode="json"), **info})
        return
    print_case(case, info)


def case_with_info(st, case_id: str):
    """A case and where it comes from (case_info with first_published), as `leian show` and
    the web's /api/v1/cases/{id} give them; NotFoundError for an unknown id."""
    case = st.get_case(case_id)
    if case is None:
        state = st.case_state(case_id)
        if state is not None and state.not_a_case:
            raise NotFoundError(f"case {case_id} is marked not a case (`leian corrections list {case_id}` "
                                "says by whom; `leian corrections revert ID` undoes it)")
        raise NotFoundError(f"no case {case_id} in the store")
    info = st.case_info(case_id) or {}
    info["first_published"] = first_published(st, case_id, info)
    return case, info


def print_case(case, info: dict) -> None:
    """Readable view of one case."""
    typer.echo(f"case {case.id}  (case {case.ordinal} of document {case.doc_id[:16]})")
    typer.echo(f"source:    {info.get('doc_path', '')}  chars {case.start}-{case.end}")
    if info.get("doc_title"):
        typer.echo(f"title:     {info['doc_title']}")
    typer.echo(f"type:      {info.get('doc_type', '')}   date: {info.get('case_date') or info.get('doc_date') or '-'}")
    if case.people:
        typer.echo("people:    " + "; ".join(f"{p.name}（{p.position}）" if p.position else p.name for p in case.people))
    if case.amounts:
        typer.echo("amounts:   " + "; ".join(f"{a.text} = {a.value:,.0f}元{(' ' + a.role) if a.role else ''}" for a in case.amounts))
    if case.sanctions:
        typer.echo("sanctions: " + "; ".join(f"{s.label}{(' → ' + s.person) if s.person else ''}" for s in case.sanctions))
    if case.categories:
        typer.echo("categories:" + " " + "; ".join(f"{c.code} {c.label}".strip() for c in case.categories))
    if case.domains:
        typer.echo("domains:   " + "; ".join(f"{d.code} {d.label}".strip() for d in case.domains))
    if case.regions:
        typer.echo("regions:   " + "、".join(r.name for r in case.regions))
    first = info.get("first_published") or ""
    others = [c for c in dict.fromkeys([info.get("duplicate_of") or "", *info.get("copies", [])]) if c]
    if first and first != case.id:
        typer.echo(f"copy of:   {first} (the same incident, published earlier)")
        others = [c for c in others if c != first]
    if others:
        typer.echo("same incident, also published as: " + ", ".join(others))
    typer.echo("")
    typer.echo(case.text)


# --------------------------------------------------------------------------- similar
@app.command()
def similar(ctx: typer.Context, case_id: str = typer.Argument(..., help="A case id as printed by search"),
            k: int = typer.Option(10, "--k", "-k", min=1, max=100, help="How many similar cases"),
            store: StoreOpt = None,
            as_json: bool = typer.Option(False, "--json", help="Print the result as JSON")) -> None:
    """The cases most like one case (distinctive terms, shared category and domain), with reasons.

    Copies of the same incident are left out. Example: leian similar 3f2a9c0d1e2b4a5c-002 -k 5
    """
    with _open(settings_of(ctx, store)) as st:
        if st.get_case(case_id) is None:
            raise NotFoundError(f"no case {case_id} in the store")
        hits = st.similar(case_id, k=k)
    if as_json:
        _echo_json([h.model_dump(mode="json") for h in hits])
        return
    print_similar(case_id, hits)


def print_similar(case_id: str, hits) -> None:
    from search.similar import reason

    typer.echo(f"{len(hits)} cases like {case_id}:")
    for i, h in enumerate(hits, 1):
        text = " ".join(h.case.text.split())
        typer.echo(f"{i:>3}. {h.case.id}  score {h.score:.3f}  {text[:60]}{'…' if len(text) > 60 else ''}")
        typer.echo(f"     why: {reason(h)}")


# --------------------------------------------------------------------------- duplicates
@app.command()
def duplicates(ctx: typer.Context, store: StoreOpt = None,
               as_json: bool = typer.Option(False, "--json", help="Print the groups as JSON")) -> None:
    """Near-duplicate groups: one incident republished (county, city, province notices).

    Example: leian duplicates --json
    """
    with _open(settings_of(ctx, store)) as st:
        groups = st.duplicates()
        if as_json:
            _echo_json([g.model_dump(mode="json") for g in groups])
            return
        print_duplicates(st, groups)


def print_duplicates(st, groups) -> None:
    typer.echo(f"{len(groups)} incidents published more than once")
    for g in groups:
        typer.echo(f"- incident {g.representative}: {len(g.case_ids)} copies (similarity ≥ {g.similarity:.2f})")
        for cid in g.case_ids:
            info = st.case_info(cid) or {}
            case = st.get_case(cid)
            text = " ".join(case.text.split())[:40] if case else ""
            typer.echo(f"    {cid}  {Path(info.get('doc_path', '')).name}  {text}…")


# --------------------------------------------------------------------------- demo
@app.command()
def demo(ctx: typer.Context, store: Optional[str] = typer.Option(None, "--store", help="Where to build the demo store (default: DATA_DIR/demo.db, "
                                                                   "DATA_DIR being LEIAN_DATA_DIR or ./leian-data)"),
         folder: Optional[Path] = typer.Option(None, "--folder",
                                               help="Where to write the sample documents (default: DATA_DIR/demo-corpus)")) -> None:
    """Build a case base from the bundled sample notices (offline), then search it.

    Writes the samples (txt in UTF-8 and GBK, html, docx, pdf, one broken file, synthetic
    notices) to a folder, ingests them into a fresh store, runs typical searches, shows a
    case, finds similar cases and lists duplicates.

    Example: leian demo
    """
    from extractors.readers import ReadLimits
    from pipelines.demo import run_demo

    if store and store.startswith(("http://", "https://")):
        raise UsageError("the demo builds an embedded store: give --store a file path")
    settings = settings_of(ctx)
    data = Path(settings.data_dir)
    raise typer.Exit(run_demo(store or str(data / "demo.db"), folder or data / "demo-corpus",
                              ReadLimits.from_settings(settings)))
