"""The summary of a class named the ways an analyst names one: a saved class's id, a query
or a category (search.classes.select_class), with the term cache beside the saved classes."""
from __future__ import annotations

import logging
from pathlib import Path

from search.classes import select_class, terms_cache_path
from search.store import CaseStore, Filters
from search.summary.build import summarize
from search.summary.model import Summary
from search.term_cache import term_cache

log = logging.getLogger(__name__)


def summary_of_class(store: CaseStore, saved_path: Path, *, class_id: str = "", query: str = "",
                     category: str = "", filters: Filters | None = None, threshold: float | None = None) -> Summary:
    """The summary of the class named by exactly one of class_id, query, category (saved
    classes in `saved_path`; content terms from the term cache beside it)."""
    kw = {} if threshold is None else {"threshold": threshold}
    with term_cache(terms_cache_path(saved_path)):
        cd, cases = select_class(store, saved_path=saved_path, class_id=class_id, query=query, category=category,
                                 filters=filters, **kw)
        log.info("summary: class %s (%s) with %d cases", cd.id, cd.name, len(cases))
        return summarize(store, cd, cases)
