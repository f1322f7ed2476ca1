"""The store interface every backend implements, and the query/result models it speaks.

The conformance suite (tests/search/test_store_conformance.py) runs the same tests on
every backend, so anything said here is a promise both backends keep.
"""
from __future__ import annotations

import abc
import math
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

from config.errors import StoreError
from extractors.model import Case, Document
from search.corrections import CaseState, Changes, Correction

FACET_FIELDS = ("category", "domain", "region", "sanction", "post", "year", "doc_type")
AMOUNT_FACET = "amount"  # a facet of sum bands (config/facets.yaml), after the FACET_FIELDS


@lru_cache(maxsize=1)
def amount_bands() -> tuple[tuple[float, float, str], ...]:
    """(from, to, label) of each band of the amount facet, in order (to = inf for the last)."""
    from config import load_yaml

    return tuple((float(b["from"]), float(b.get("to", math.inf)), str(b["label"]))
                 for b in load_yaml("facets.yaml")["amount_bands"])
LedgerStatus = Literal["ok", "failed", "skipped", "pending"]


class Filters(BaseModel):
    """Every filter an analyst can set; empty means no filter. Lists mean any-of."""

    category: list[str] = Field(default_factory=list)  # taxonomy codes
    domain: list[str] = Field(default_factory=list)  # domain codes
    region: list[str] = Field(default_factory=list)  # region names (any level, simplified)
    sanction: list[str] = Field(default_factory=list)  # canonical labels
    post: list[str] = Field(default_factory=list)  # substring of a canonical post (search.posts.posts_of), e.g. 村党支部书记
    doc_type: list[str] = Field(default_factory=list)
    date_from: str = ""  # ISO, inclusive, compared on the case's latest date
    date_to: str = ""
    amount_min: float | None = None  # on Case.total_amount, yuan
    amount_max: float | None = None
    doc_id: str = ""


SortOrder = Literal["relevance", "date", "amount"]
SORT_ORDERS: tuple[SortOrder, ...] = ("relevance", "date", "amount")


def sort_order(name: str) -> SortOrder:
    """The sort order of that name; ValueError for any other."""
    for order in SORT_ORDERS:
        if order == name:
            return order
    raise ValueError(f"sort must be {', '.join(SORT_ORDERS)}, not {name!r}")


class SearchQuery(BaseModel):
    text: str = ""  # analyst syntax: words, "phrases", AND/OR/NOT, -word
    filters: Filters = Field(default_factory=Filters)
    sort: SortOrder = "relevance"
    page: int = 1
    size: int = 10
    facets: bool = True
    collapse_duplicates: bool = False  # show one hit per near-duplicate incident
    exact: bool = False  # search the words as typed: no synonym expansion (config/synonyms.yaml)


class Hit(BaseModel):
    case: Case
    score: float = 0.0
    snippet: str = ""  # highlighted with 【】 around matched terms
    doc_path: str = ""
    doc_title: str = ""
    doc_issuer: str = ""  # the issuing body the document states
    doc_date: str = ""  # the document's date (ISO, maybe partial), when it states one
    duplicate_of: str = ""  # the incident's representative case id, when a copy
    date: str = ""  # the date `sort=date` orders by: the case's latest date, else its document's (ISO, maybe partial)


class FacetValue(BaseModel):
    value: str
    count: int


class SearchResult(BaseModel):
    total: int  # incidents when the query collapses duplicates, else cases
    hits: list[Hit]
    cases: int = 0  # matching cases, republished copies included (what the facets count)
    facets: dict[str, list[FacetValue]] = Field(default_factory=dict)
    took_ms: float = 0.0
    # {word or phrase as typed: its synonyms searched with it} (search.query.expand); empty
    # for an exact query or when no typed word is in a synonym group
    also_searched: dict[str, list[str]] = Field(default_factory=dict)


class SimilarHit(BaseModel):
    case: Case
    score: float
    shared_terms: list[str] = Field(default_factory=list)
    shared_categories: list[str] = Field(default_factory=list)
    shared_domains: list[str] = Field(default_factory=list)
    doc_path: str = ""


class DuplicateGroup(BaseModel):
    """One incident published several times (county, city, province notices)."""

    representative: str  # case id
    case_ids: list[str]  # all copies, representative first
    similarity: float  # lowest estimated Jaccard within the group


class LedgerEntry(BaseModel):
    path: str
    sha256: str = ""
    size: int = 0
    mtime: float = 0.0
    status: LedgerStatus
    error: str = ""
    extractor_version: str = ""
    doc_id: str = ""
    cases: int = 0
    seconds: float = 0.0  # time spent on the file
    updated_at: str = ""  # ISO timestamp
    ocr_pages: int = 0  # how many of its pages were read by OCR (0: none)
    ocr_confidence: float | None = None  # their mean character confidence (0-100), when OCR'd


class CaseStore(abc.ABC):
    """Where documents, cases and the ingestion ledger live."""

    # --- writing -------------------------------------------------------------
    @abc.abstractmethod
    def put_document(self, doc: Document) -> None:
        """Store a document and its cases; replaces any earlier version of the same path
        atomically (old cases gone, new ones in, or nothing changed)."""

    @abc.abstractmethod
    def delete_document(self, path: str) -> int:
        """Remove a document (by source path) and its cases; returns cases removed."""

    # --- reading -------------------------------------------------------------
    @abc.abstractmethod
    def get_case(self, case_id: str) -> Case | None: ...

    @abc.abstractmethod
    def get_document(self, doc_id: str) -> Document | None:
        """The document with its cases."""

    @abc.abstractmethod
    def iter_cases(self, filters: Filters | None = None) -> Iterator[Case]:
        """Every stored case matching the filters, in a stable order."""

    @abc.abstractmethod
    def count_cases(self) -> int: ...

    @abc.abstractmethod
    def count_documents(self) -> int: ...

    @abc.abstractmethod
    def search(self, query: SearchQuery) -> SearchResult: ...

    @abc.abstractmethod
    def similar(self, case_id: str, k: int = 10) -> list[SimilarHit]:
        """The k cases most like this one, near-duplicate copies of it excluded."""

    @abc.abstractmethod
    def duplicates(self) -> list[DuplicateGroup]:
        """Groups of near-duplicate cases (the same incident republished)."""

    # --- ingestion ledger ----------------------------------------------------
    @abc.abstractmethod
    def ingest_lock(self, wait: float = 0.0,
                    on_wait: Callable[[str], None] | None = None) -> AbstractContextManager[None]:
        """Hold the store's ingest lock for a `with` block: one ingest (or reindex) run per
        store at a time, whichever process or machine it runs in. Waits up to `wait` seconds
        (`on_wait(holder)` is told once when it has to); raises IngestBusy when another run
        keeps it longer (search/locks.py)."""

    @abc.abstractmethod
    def record(self, entry: LedgerEntry) -> None:
        """Write (insert or replace) the ledger row of one file."""

    @abc.abstractmethod
    def ledger(self, path: str) -> LedgerEntry | None: ...

    @abc.abstractmethod
    def ledger_entries(self, status: LedgerStatus | None = None) -> list[LedgerEntry]: ...

    # --- corrections (search/corrections.py) ---------------------------------
    # Backends that keep analysts' corrections override these; stored cases are then the
    # corrected ones everywhere (search, facets, classes, summaries, get_case/get_document).
    def add_correction(self, case_id: str, changes: Changes, user: str, note: str = "") -> Correction:
        """Record a correction of a case (validated) and re-apply the case's corrections."""
        raise StoreError(f"{type(self).__name__} does not keep corrections")

    def revert_correction(self, correction_id: str, user: str, note: str = "") -> Correction:
        """Record the revert of a correction and re-apply its case's remaining corrections."""
        raise StoreError(f"{type(self).__name__} does not keep corrections")

    def corrections(self, case_id: str | None = None) -> list[Correction]:
        """The history (corrections and reverts, oldest first) of one case, or of every case."""
        return []

    def case_state(self, case_id: str) -> CaseState | None:
        """A case as extracted and as corrected with its history, a case marked "not a case"
        included (get_case does not return those); None for an unknown case."""
        case = self.get_case(case_id)
        return CaseState(extracted=case, corrected=case) if case else None

    def extracted_document(self, doc_id: str) -> Document | None:
        """The document with its cases as extracted (corrections not applied, cases marked
        "not a case" included): what a copy of the store needs besides the history."""
        return self.get_document(doc_id)

    def import_corrections(self, history: list[Correction]) -> None:
        """Add history entries as they are (a copy of another store's; ids already present are
        kept). Applied to cases when their documents are stored next."""
        if history:
            raise StoreError(f"{type(self).__name__} does not keep corrections")

    def state_stamp(self) -> int | None:
        """A value that changes with every write to the store, by any process: read it before
        and after a search, and if both are equal, the result holds for as long as the stamp
        stays so (pipelines.web.search_cache). None: this backend cannot tell (no caching)."""
        return None

    # --- lifecycle -----------------------------------------------------------
    def close(self) -> None:  # noqa: B027  (a hook: stores without connections need nothing)
        """Release connections."""

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def put_document_recorded(self, doc: Document, entry: LedgerEntry) -> None:
        """Store a document and write its ledger row; backends that can do both in one
        transaction override this (ingestion calls it for every file it stores)."""
        self.put_document(doc)
        self.record(entry)

    def case_info(self, case_id: str) -> dict | None:
        """Where a case comes from: doc_path, doc_title, doc_type, doc_date, case_date,
        incident, duplicate_of ('' for a representative) and copies (other case ids of the
        same incident). None for an unknown case. Backends should override; this default
        derives what it can from the interface."""
        case = self.get_case(case_id)
        if case is None:
            return None
        doc = self.get_document(case.doc_id)
        group = next((g for g in self.duplicates() if case_id in g.case_ids), None)
        incident = group.representative if group else case_id
        return {"doc_path": doc.path if doc else "", "doc_title": doc.title if doc else "",
                "doc_type": doc.doc_type if doc else "", "doc_date": doc.date if doc else "",
                "case_date": max((d.value for d in case.dates), default=doc.date if doc else ""),
                "incident": incident, "duplicate_of": incident if incident != case_id else "",
                "copies": [c for c in (group.case_ids if group else []) if c != case_id]}

    def put_documents(self, docs: Iterable[Document]) -> None:
        """Store several documents (backends may batch)."""
        for doc in docs:
            self.put_document(doc)

    def put_documents_recorded(self, pairs: Iterable[tuple[Document, LedgerEntry]]) -> None:
        """Store several documents, each with its ledger row (written once the document is
        stored); backends that can send many in one request override this (Elasticsearch:
        bulk requests). A document that could not be stored raises after the others are."""
        for doc, entry in pairs:
            self.put_document_recorded(doc, entry)

    def record_many(self, entries: Iterable[LedgerEntry]) -> None:
        """Write several ledger rows (backends may batch)."""
        for entry in entries:
            self.record(entry)

    def incident_of(self, case_id: str) -> str:
        """The incident (its representative's case id) a case belongs to; "" for an unknown case."""
        info = self.case_info(case_id)
        return str(info["incident"]) if info else ""

    def rebuild_index(self) -> str | None:
        """Rebuild the search index from the stored cases (after a re-extraction); returns
        what was done, or None when the backend keeps its index up to date as it stores."""
        return None
