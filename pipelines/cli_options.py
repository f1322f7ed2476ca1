"""Options several commands share, declared once: the store, the search filters (search,
classes --save, summary) and how an amount like 5万 is read."""
from __future__ import annotations

import re
from typing import Annotated, Optional

import typer

from extractors.errors import LeianError
from pipelines.cli_app import EXIT_USAGE

STORE_HELP = ("Store: a .db path (embedded SQLite) or an http(s) URL (Elasticsearch). "
              "Default: LEIAN_STORE, the config file, or ./leian-data/leian.db")


class UsageError(LeianError):
    """A command line that cannot be carried out as written (exit code 2)."""

    exit_code = EXIT_USAGE


StoreOpt = Annotated[Optional[str], typer.Option("--store", help=STORE_HELP)]
CategoryOpt = Annotated[list[str], typer.Option("--category", "-c", help="Problem category code (repeatable)")]
DomainOpt = Annotated[list[str], typer.Option("--domain", "-d", help="Domain code (repeatable)")]
RegionOpt = Annotated[list[str], typer.Option("--region", "-r", help="Region name, any level (repeatable)")]
SanctionOpt = Annotated[list[str], typer.Option("--sanction", "-s", help="Sanction label, e.g. 党内警告 (repeatable)")]
PostOpt = Annotated[list[str], typer.Option("--post", "-p", help="Post (substring), e.g. 村党支部书记 (repeatable)")]
DocTypeOpt = Annotated[list[str], typer.Option("--doc-type", help="case_notice | inspection_report | article")]
DateFromOpt = Annotated[str, typer.Option("--from", help="Earliest date, ISO (2019, 2019-07, 2019-07-15)")]
DateToOpt = Annotated[str, typer.Option("--to", help="Latest date, ISO")]
MinAmountOpt = Annotated[Optional[str], typer.Option("--min-amount", help="Smallest sum, e.g. 50000 or 5万")]
MaxAmountOpt = Annotated[Optional[str], typer.Option("--max-amount", help="Largest sum, e.g. 1.2亿")]


def parse_amount(text: str | None) -> float | None:
    """'50000', '5万', '5万元', '1.2亿' → yuan (None when not given)."""
    if text is None or text == "":
        return None
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(万|亿)?\s*元?\s*", text)
    if not m:
        raise UsageError(f"not an amount: {text!r} (write e.g. 50000, 5万 or 1.2亿)")
    value = float(m.group(1))
    return value * {"万": 1e4, "亿": 1e8}.get(m.group(2) or "", 1)


def make_filters(*, category=(), domain=(), region=(), sanction=(), post=(), doc_type=(), date_from: str = "",
                 date_to: str = "", min_amount: str | None = None, max_amount: str | None = None):
    """The Filters the shared filter options describe."""
    from search.store import Filters

    return Filters(category=list(category), domain=list(domain), region=list(region), sanction=list(sanction),
                   post=list(post), doc_type=list(doc_type), date_from=date_from, date_to=date_to,
                   amount_min=parse_amount(min_amount), amount_max=parse_amount(max_amount))
