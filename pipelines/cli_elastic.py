"""`leian reindex` and `leian migrate`: the Elasticsearch store's maintenance commands."""
from __future__ import annotations

import json
import sys
import time
from typing import Optional

import typer

from config.errors import ConfigError
from config.settings import DEFAULT_STORE
from pipelines.cli_app import app, settings_of

_STORE_HELP = ("Store: an http(s) URL (Elasticsearch) or a .db path. Default: LEIAN_STORE, "
               f"the config file, or {DEFAULT_STORE}")


def _elastic(ctx: typer.Context, url: str | None):
    """The Elasticsearch store at `url` (default: the settings' store), with the invocation's settings."""
    from search.backends.elastic.store import ElasticStore

    settings = settings_of(ctx, url or None)
    url = settings.store
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"reindex needs an Elasticsearch store (an http(s) URL), not {url!r}: "
                          "set LEIAN_STORE=http://host:9200 or pass --store")
    return ElasticStore(url, settings=settings)


@app.command()
def reindex(ctx: typer.Context, store: Optional[str] = typer.Option(None, "--store", help=_STORE_HELP),
            keep_old: bool = typer.Option(False, "--keep-old", help="Keep the previous index version (not deleted after the swap)"),
            as_json: bool = typer.Option(False, "--json", help="Print the outcome as JSON")) -> None:
    """Rebuild the Elasticsearch cases index as a new version and swap the alias to it atomically.

    Every case is re-segmented and re-indexed with the current mapping (config/es/cases.json)
    into <prefix>-cases-v(N+1); searches keep working throughout; the alias then moves in one
    request and the old version is deleted. Writes wait (fail and stay pending) while it runs.

    Example: LEIAN_STORE=http://127.0.0.1:9200 leian reindex
    """
    with _elastic(ctx, store) as st:
        tty = sys.stderr.isatty()

        def progress(n: int) -> None:
            if tty:
                print(f"\r  {n} cases copied", end="", file=sys.stderr, flush=True)

        out = st.reindex(keep_old=keep_old, progress=progress)
        if tty:
            print(file=sys.stderr)
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False))
    else:
        kept = " (old version kept)" if out["kept_old"] else ""
        typer.echo(f"reindexed {out['cases']} cases: {out['old']} → {out['new']} in {out['seconds']} s{kept}")


@app.command()
def migrate(ctx: typer.Context, to: str = typer.Option(..., "--to", help="The Elasticsearch URL to copy into, e.g. http://127.0.0.1:9200"),
            store: Optional[str] = typer.Option(None, "--store", help=f"The store to copy from (default: LEIAN_STORE or {DEFAULT_STORE})"),
            as_json: bool = typer.Option(False, "--json", help="Print the outcome as JSON")) -> None:
    """Copy a store (normally the embedded SQLite one) into Elasticsearch: documents, cases, ledger.

    Credentials for the target come from LEIAN_ES_USERNAME / LEIAN_ES_PASSWORD or
    LEIAN_ES_API_KEY (and LEIAN_ES_CA_CERTS). Running it again converges: nothing doubles.

    Example: leian migrate --store ./leian-data/leian.db --to http://127.0.0.1:9200
    """
    from search.migrate import copy_store
    from search.open import open_store

    if not to.startswith(("http://", "https://")):
        raise ConfigError(f"--to must be an Elasticsearch URL (http:// or https://), not {to!r}")
    t0 = time.perf_counter()
    tty = sys.stderr.isatty()

    def progress(rep) -> None:
        if tty:
            print(f"\r  {rep.documents} documents, {rep.cases} cases", end="", file=sys.stderr, flush=True)

    source = settings_of(ctx, store)
    with open_store(source.store, source) as src, _elastic(ctx, to) as dst:
        report = copy_store(src, dst, progress)
        total = dst.count_cases()
    if tty:
        print(file=sys.stderr)
    seconds = round(time.perf_counter() - t0, 2)
    if as_json:
        typer.echo(json.dumps({"documents": report.documents, "cases": report.cases,
                               "ledger_rows": report.ledger_rows, "missing": report.missing,
                               "target_cases": total, "seconds": seconds}))
    else:
        from search.backends.elastic.connect import redact_url

        typer.echo(f"{report.summary_line()} into {redact_url(to)} in {seconds} s ({total} cases there now)")
