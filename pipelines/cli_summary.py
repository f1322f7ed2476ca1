"""`leian classes` and `leian summary`: classes of alike cases and their rectification summaries."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from config.errors import UsageError
from pipelines.cli_app import app, settings_of
from pipelines.cli_options import (CategoryOpt, DateFromOpt, DateToOpt, DocTypeOpt, DomainOpt, MaxAmountOpt,
                                   MinAmountOpt, PostOpt, RegionOpt, SanctionOpt, StoreOpt, make_filters)

@app.command()
def classes(ctx: typer.Context, store: StoreOpt = None,
            as_json: bool = typer.Option(False, "--json", help="Print the classes as JSON (with member case ids)"),
            threshold: float = typer.Option(0.3, "--threshold", min=0.05, max=0.95,
                                            help="Cosine similarity at which two cases are alike (clusters)"),
            min_size: int = typer.Option(2, "--min-size", min=2, help="Smallest cluster / crossing listed (incidents)"),
            save: str = typer.Option("", "--save", help="Save a class under this id: a --query and/or filters"),
            name: str = typer.Option("", "--name", help="Name of the class saved with --save"),
            query: str = typer.Option("", "--query", "-q", help="Query of the class saved with --save"),
            category: CategoryOpt = [], domain: DomainOpt = [], region: RegionOpt = [],
            sanction: SanctionOpt = [], post: PostOpt = [], doc_type: DocTypeOpt = [],
            date_from: DateFromOpt = "", date_to: DateToOpt = "",
            min_amount: MinAmountOpt = None, max_amount: MaxAmountOpt = None,
            delete: str = typer.Option("", "--delete", help="Delete the saved class with this id"),
            class_id: str = typer.Option("", "--class", help="Export the cases of this class (with -o)"),
            fmt: Optional[str] = typer.Option(None, "--format", "-f", help="Export format: csv | xlsx (default: from -o)"),
            output: Optional[Path] = typer.Option(None, "--output", "-o",
                                                  help="Export the cases of --class ID (or --query Q) to this .csv/.xlsx")) -> None:
    """List the classes of alike cases: saved classes, problem categories (and their crossings
    with a domain or a province), and clusters of alike cases found by text similarity within
    each category. Near-duplicate copies of one incident count once. Use an id with
    `leian summary --class ID`. With --save, keep a query with filters as a named class
    (stored in classes.json beside the store).

    With --class ID (or --query Q, narrowed by any filters) and -o FILE (--format csv|xlsx),
    export the class's cases, one row per case.

    Example: leian classes --save dibao-favor --name 低保优亲厚友 --query "低保 亲属" --category favoritism
    """
    from pipelines.export import export_class
    from search.classes import delete_class, list_classes, save_class
    from search.open import open_store

    settings = settings_of(ctx, store)
    path = settings.classes_file()
    if save:
        cd = save_class(path, save, name, query, make_filters(
            category=category, domain=domain, region=region, sanction=sanction, post=post, doc_type=doc_type,
            date_from=date_from, date_to=date_to, min_amount=min_amount, max_amount=max_amount))
        typer.echo(f"saved class {cd.id} ({cd.name}) in {path}")
        return
    if delete:
        delete_class(path, delete)
        typer.echo(f"deleted class {delete} from {path}")
        return
    if fmt or output or class_id:
        return export_class(settings, fmt, output, class_id=class_id, query=query, threshold=threshold,
                            filters=make_filters(category=category, domain=domain, region=region, sanction=sanction,
                                                 post=post, doc_type=doc_type, date_from=date_from, date_to=date_to,
                                                 min_amount=min_amount, max_amount=max_amount))
    if query or category or domain or region or sanction or post:
        raise UsageError("--query and filters describe a class to save: add --save ID")
    with open_store(settings.store, settings, existing=True) as st:
        listing = list_classes(st, path, threshold=threshold, min_size=min_size)
    if as_json:
        typer.echo(json.dumps(listing.model_dump(mode="json"), ensure_ascii=False, indent=1))
        return
    _print_listing(listing)


def _print_listing(listing) -> None:
    """A table per section on a terminal; tab-separated lines otherwise (for grep and cut)."""
    import sys

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from search.classes import describe_filters

    sections = (("Saved classes", listing.saved), ("Categories", listing.categories),
                ("Clusters of alike cases", listing.clusters))
    if not sys.stdout.isatty():
        typer.echo(f"# {listing.cases} cases, {listing.incidents} incidents (near-duplicate copies counted once)")
        for title, rows in sections:
            typer.echo(f"# {title}: id, incidents, cases, name, {'query/filters' if title == 'Saved classes' else 'terms'}")
            for cd in rows:
                extra = ("；".join(x for x in (cd.query, describe_filters(cd.filters)) if x)
                         if title == "Saved classes" else "、".join(cd.terms[:5]))
                typer.echo(f"{cd.id}\t{cd.incidents}\t{cd.cases}\t{cd.name}\t{extra}")
        return
    console = Console(highlight=False, soft_wrap=False)
    console.print(f"{listing.cases} cases, {listing.incidents} incidents (near-duplicate copies counted once)")
    for title, rows in sections:
        table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
        table.add_column("id", no_wrap=True)
        table.add_column("incidents", justify="right")
        table.add_column("cases", justify="right")
        table.add_column("name")
        table.add_column("distinctive terms" if title != "Saved classes" else "query / filters")
        for cd in rows:
            extra = "、".join(cd.terms[:5])
            if title == "Saved classes":
                extra = "；".join(x for x in (cd.query, describe_filters(cd.filters)) if x)
            table.add_row(cd.id, str(cd.incidents), str(cd.cases), escape(cd.name), escape(extra))
        if not rows:
            console.print(f"{title}: none")
        else:
            console.print(table)


@app.command()
def summary(ctx: typer.Context, output: Path = typer.Option(..., "--output", "-o", help="Report file (.docx, .md, .json or .xlsx)"),
            query: str = typer.Option("", "--query", "-q", help="The class is what this query finds"),
            category: str = typer.Option("", "--category", "-c", help="The class is this problem category (code)"),
            class_id: str = typer.Option("", "--class", help="A class id from `leian classes`"),
            fmt: Optional[str] = typer.Option(None, "--format", "-f", help="docx | md | json | xlsx (default: from -o)"),
            domain: DomainOpt = [], region: RegionOpt = [], sanction: SanctionOpt = [], post: PostOpt = [],
            doc_type: DocTypeOpt = [], date_from: DateFromOpt = "", date_to: DateToOpt = "",
            min_amount: MinAmountOpt = None, max_amount: MaxAmountOpt = None,
            threshold: float = typer.Option(0.3, "--threshold", min=0.05, max=0.95,
                                            help="Cluster similarity (only for cluster ids; as in `leian classes`)"),
            store: StoreOpt = None) -> None:
    """Write the rectification summary (类案整改分析) of a class of alike cases: scope, posts and
    units involved, the common pattern in the cases' own words, money, sanctions with a 量纪参考
    table, typical cases with their sources, institutional gaps and rectification measures.
    DOCX (with charts), Markdown, JSON (every figure with the case ids behind it) or XLSX (the
    figures with their case ids, and every table in full).

    Example: leian summary --category false_claims --domain subsistence_allowance --region 湖北省 -o 低保虚报冒领.docx
    """
    from pipelines.summary_steps import write_summary
    from search.open import open_store
    from search.reports import FORMATS, format_for

    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if sum(bool(x) for x in (query, category, class_id)) != 1:
        raise UsageError("name the class with exactly one of --query Q, --category CODE or --class ID")
    filters = make_filters(domain=domain, region=region, sanction=sanction, post=post, doc_type=doc_type,
                           date_from=date_from, date_to=date_to, min_amount=min_amount, max_amount=max_amount)
    if output.is_dir():
        raise UsageError(f"-o {output} is a directory; give a file name such as {output / 'summary.docx'}")
    replaced = output.exists()
    try:
        format_for(output, fmt)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    settings = settings_of(ctx, store)
    with open_store(settings.store, settings, existing=True) as st:
        try:
            result, files = write_summary(st, settings.classes_file(), output, fmt=fmt, class_id=class_id, query=query,
                                          category=category, filters=filters, threshold=threshold)
        except OSError as exc:  # full disk, read-only folder, …
            raise UsageError(f"cannot write {exc.filename or output}: {exc.strerror or exc}") from None
    sc = result.scope
    typer.echo(f"{result.class_def.name}: {sc.incidents} incidents ({sc.cases} cases, {sc.documents} documents)"
               f" → {', '.join(str(f) for f in files)}")
    if replaced:
        typer.echo(f"note: {output} existed and was replaced", err=True)
    if not sc.cases:
        typer.echo("note: the class has no cases; the report says so", err=True)
