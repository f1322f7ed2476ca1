"""What both store backends index for a case, computed the same way: its segmented text, its
latest date, its facet values and, for a whole prepared case, its MinHash signature.

Pure functions of a case and its document (picklable results, so worker processes can
prepare cases outside the store's write transaction).
"""
from __future__ import annotations

from typing import TypeAlias

import numpy as np

from extractors.divisions import case_region_names
from extractors.model import Case, Document
from extractors.segment import tokenize
from search import dedup
from search.normalize import to_simplified
from search.posts import posts_of


Prepared: TypeAlias = "tuple[Case, str, str, set[tuple[str, str]], np.ndarray | None]"
"""A prepared case: the case, its latest date, segmented text, facet values, MinHash signature."""


def segmented(text: str) -> str:
    """The text as the index holds it: simplified script, jieba tokens joined by spaces."""
    return " ".join(tokenize(to_simplified(text))).lower()


def case_date(case: Case, doc: Document) -> str:
    """The case's latest date (ISO, possibly partial), else the document's date."""
    values = [v for d in case.dates for v in (d.value, d.end_value) if v and v[:4].isdigit()]
    return max(values, default=doc.date or "")


def facet_values(case: Case, doc: Document, date: str) -> set[tuple[str, str]]:
    """(field, value) pairs of a case for every FACET_FIELDS field."""
    out: set[tuple[str, str]] = set()
    out.update(("category", c.code) for c in case.categories if c.code)
    out.update(("domain", d.code) for d in case.domains if d.code)
    out.update(("region", r.normalized or to_simplified(r.name)) for r in case.regions if r.name)
    # the case's province/city/county (extractors.divisions): --region 湖北省 finds 仙桃市
    out.update(("region", n) for n in case_region_names(case, doc))
    out.update(("sanction", s.label) for s in case.sanctions if s.label)
    out.update(("post", post) for p in case.people if p.position for post in posts_of(p.position))
    if date[:4].isdigit():
        out.add(("year", date[:4]))
    if doc.doc_type:
        out.add(("doc_type", doc.doc_type))
    return out


def prepare_case(case: Case, doc: Document) -> Prepared:
    """What is computed for a case outside the write transaction: latest date, segmented text,
    facet values and MinHash signature (pure; picklable, so worker processes can do it)."""
    date = case_date(case, doc)
    return case, date, segmented(case.text), facet_values(case, doc, date), dedup.signature(case.text)


def prepare_document(doc: Document) -> list[Prepared]:
    """prepare_case of every case of a document."""
    return [prepare_case(case, doc) for case in doc.cases]
