"""The CLI's search options as HTTP query parameters, turned into the same SearchQuery.

`leian search WORDS --category C --from 2020 …` is `?q=WORDS&category=C&from=2020&…`;
make_filters (pipelines.cli_options) checks them, so a bad value gets the CLI's message.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlencode

from fastapi import Query

from pipelines.cli_options import make_filters
from search.store import Filters, SearchQuery, SortOrder

FILTER_LISTS = ("category", "domain", "region", "sanction", "post", "doc_type")


@dataclass
class SearchParams:
    q: str = ""
    category: list[str] = field(default_factory=list)
    domain: list[str] = field(default_factory=list)
    region: list[str] = field(default_factory=list)
    sanction: list[str] = field(default_factory=list)
    post: list[str] = field(default_factory=list)
    doc_type: list[str] = field(default_factory=list)
    date_from: str = ""
    date_to: str = ""
    min_amount: str = ""
    max_amount: str = ""
    sort: SortOrder = "relevance"
    page: int = 1
    size: int = 10
    collapse: bool = True
    exact: bool = False

    def filters(self) -> Filters:
        return make_filters(category=self.category, domain=self.domain, region=self.region, sanction=self.sanction,
                            post=self.post, doc_type=self.doc_type, date_from=self.date_from, date_to=self.date_to,
                            min_amount=self.min_amount or None, max_amount=self.max_amount or None)

    def query(self) -> SearchQuery:
        return SearchQuery(text=self.q, filters=self.filters(), sort=self.sort, page=self.page, size=self.size,
                           collapse_duplicates=self.collapse, exact=self.exact)

    def pairs(self, *, paging: bool = True) -> list[tuple[str, str]]:
        """The parameters as (name, value) pairs, defaults left out."""
        out: list[tuple[str, str]] = [("q", self.q)] if self.q else []
        for name in FILTER_LISTS:
            out += [(name, v) for v in getattr(self, name)]
        for name, key in (("date_from", "from"), ("date_to", "to"), ("min_amount", "min_amount"),
                          ("max_amount", "max_amount")):
            if getattr(self, name):
                out.append((key, getattr(self, name)))
        if self.sort != "relevance":
            out.append(("sort", self.sort))
        if not self.collapse:
            out.append(("collapse", "false"))
        if self.exact:
            out.append(("exact", "true"))
        if paging and self.page != 1:
            out.append(("page", str(self.page)))
        if paging and self.size != 10:
            out.append(("size", str(self.size)))
        return out

    def summary_url(self) -> str:
        """The summary page of this search's cases (a query, or one category, narrowed by the
        other filters); "" when `leian summary` could not name it (a query and categories)."""
        if bool(self.q) == bool(self.category) or len(self.category) > 1:
            return ""
        head = [("query", self.q)] if self.q else [("category", self.category[0])]
        rest = [(k, v) for k, v in self.pairs(paging=False)
                if k not in ("q", "category", "sort", "collapse", "exact")]
        return f"/summary?{urlencode(head + rest)}"

    def url(self, path: str = "/search", drop: tuple[str, str] | None = None, add: Sequence[tuple[str, str]] = (),
            page: int | None = None) -> str:
        """This search with one (name, value) removed and/or some added, back on page 1 unless
        `page` is given."""
        pairs = [p for p in self.pairs(paging=False) if p != drop and not any(p[0] == k for k, _ in add
                                                                               if k in ("from", "to", "min_amount",
                                                                                        "max_amount", "sort"))]
        pairs += [a for a in add if a not in pairs]
        if page and page != 1:
            pairs.append(("page", str(page)))
        if self.size != 10:
            pairs.append(("size", str(self.size)))
        return f"{path}?{urlencode(pairs)}" if pairs else path


    def url_adding(self, path: str = "/search") -> Callable[[str, str], str]:
        """`add(name, value)`: what `url(path, add=[(name, value)])` gives, for a list filter's
        value not set yet — this search's part encoded once for the many facet links of a page."""
        head = urlencode(self.pairs(paging=False))
        tail = urlencode([("size", str(self.size))]) if self.size != 10 else ""

        def add(name: str, value: str) -> str:
            return f"{path}?" + "&".join(x for x in (head, urlencode([(name, value)]), tail) if x)

        return add


async def search_params(q: str = Query("", max_length=2000, description="Query: words, \"phrases\", AND/OR/NOT, -word, (groups)"),
                  category: list[str] = Query([], description="Problem category code or label (repeatable)"),
                  domain: list[str] = Query([], description="Domain code or label (repeatable)"),
                  region: list[str] = Query([], description="Region name, any level (repeatable)"),
                  sanction: list[str] = Query([], description="Sanction label (repeatable)"),
                  post: list[str] = Query([], description="Part of a canonical post (repeatable)"),
                  doc_type: list[str] = Query([], description="case_notice | inspection_report | article"),
                  date_from: str = Query("", alias="from", max_length=10, description="Earliest date, ISO"),
                  date_to: str = Query("", alias="to", max_length=10, description="Latest date, ISO"),
                  min_amount: Optional[str] = Query(None, max_length=30, description="Smallest sum, e.g. 50000 or 5万"),
                  max_amount: Optional[str] = Query(None, max_length=30, description="Largest sum"),
                  sort: SortOrder = "relevance",
                  page: int = Query(1, ge=1, le=10000),
                  size: int = Query(10, ge=0, le=1000),
                  collapse: bool = Query(True, description="One hit per incident (false: every republished copy)"),
                  exact: bool = Query(False, description="Search the words as typed, without synonyms")) -> SearchParams:
    """FastAPI dependency: the search parameters of a request (async: no work for a thread)."""
    return SearchParams(q=q, category=category, domain=domain, region=region, sanction=sanction, post=post,
                        doc_type=doc_type, date_from=date_from, date_to=date_to, min_amount=min_amount or "",
                        max_amount=max_amount or "", sort=sort, page=page, size=size, collapse=collapse, exact=exact)
