"""Options several commands share, declared once: the store, the search filters (search,
classes --save, summary) and how an amount like 5万 is read."""
from __future__ import annotations

import re
from typing import Annotated, Optional

import typer

from config.errors import UsageError
from config.settings import DEFAULT_STORE

STORE_HELP = ("Store: a .db path (embedded SQLite) or an http(s) URL (Elasticsearch). "
              f"Default: LEIAN_STORE, the config file, or {DEFAULT_STORE}")


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


DOC_TYPES = ("case_notice", "inspection_report", "article")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _vocabularies() -> dict[str, dict[str, str]]:
    """What each coded filter accepts: {option: {code or label: code}}."""
    from config import load_yaml

    tax = load_yaml("taxonomy.yaml")
    doms = load_yaml("domains.yaml")["domains"]
    cats = {c["code"]: c["code"] for c in tax["categories"]} | {c["label"]: c["code"] for c in tax["categories"]}
    domains = {d["code"]: d["code"] for d in doms} | {d["label"]: d["code"] for d in doms}
    sanctions = {s: s for group in tax["sanctions"].values() for s in group}
    return {"--category": cats, "--domain": domains, "--sanction": sanctions,
            "--doc-type": {t: t for t in DOC_TYPES}}


def _codes(option: str, values, vocab: dict[str, str]) -> list[str]:
    """Values of a coded filter as codes; an unknown one is a usage error listing what is accepted."""
    out = []
    for v in values:
        code = vocab.get(v.strip())
        if code is None:
            codes = sorted(set(vocab.values()))
            raise UsageError(f"{option} {v!r} is not known; one of: {', '.join(codes)}"
                             + (" (or its Chinese label)" if len(vocab) > len(codes) else ""))
        out.append(code)
    return list(dict.fromkeys(out))


def check_date(option: str, text: str) -> str:
    """An ISO date, whole or partial (2019, 2019-07, 2019-07-15), that exists; else a usage error."""
    if not text:
        return text
    m = _PARTIAL_DATE.fullmatch(text.strip())
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        try:
            import datetime

            datetime.date(y, mo, d)
            return text.strip()
        except ValueError:
            pass
    raise UsageError(f"{option} {text!r} is not a date; write 2019, 2019-07 or 2019-07-15")


def make_filters(*, category=(), domain=(), region=(), sanction=(), post=(), doc_type=(), date_from: str = "",
                 date_to: str = "", min_amount: str | None = None, max_amount: str | None = None):
    """The Filters the shared filter options describe (codes checked, labels turned into codes)."""
    from search.store import Filters

    vocab = _vocabularies()
    return Filters(category=_codes("--category", category, vocab["--category"]),
                   domain=_codes("--domain", domain, vocab["--domain"]), region=list(region),
                   sanction=_codes("--sanction", sanction, vocab["--sanction"]), post=list(post),
                   doc_type=_codes("--doc-type", doc_type, vocab["--doc-type"]),
                   date_from=check_date("--from", date_from), date_to=check_date("--to", date_to),
                   amount_min=parse_amount(min_amount), amount_max=parse_amount(max_amount))
