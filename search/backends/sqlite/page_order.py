"""One page of a search's matches, ordered and grouped in numpy from the in-memory case keys.

The SQL way (store.py) copies every match with its date, amount and incident into a temporary
table, joining each to case_keys, then sorts the table (and, for one hit per incident, walks
it in order). With the keys in memory (facet_index.Loaded) the search fetches only each
match's rowid and bm25 score, and this module gives the same page in the same order: the
orders are total (rowid last), so there is exactly one right answer, and the tests compare
it with the SQL way's (tests/search/test_sqlite_page_order.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from search.backends.sqlite.facet_index import Loaded


@dataclass(frozen=True)
class Page:
    """What a search needs from its matches: the totals, the page's (rowid, score) in order and
    the matches' positions in the index (for the facet counts)."""

    total: int  # matches, or incidents when one hit per incident
    cases: int  # matches
    rows: list[tuple[int, float]]
    positions: np.ndarray


def order_of(keys: Loaded, pos: np.ndarray, rids: np.ndarray, scores: np.ndarray, sort: str,
             ranked: bool) -> np.ndarray:
    """Indices into the matches in the store's order (store.py `order`): relevance is score
    descending, then date descending (by date alone without a full-text query, `ranked`
    False); date and amount descending, then score; rowid ascending last."""
    keys_: tuple[np.ndarray, ...]
    if sort == "date":
        keys_ = (rids, -scores, -keys.dates[pos])
    elif sort == "amount":
        keys_ = (rids, -scores, -keys.amounts[pos])
    elif ranked:
        keys_ = (rids, -keys.dates[pos], -scores)
    else:
        keys_ = (rids, -keys.dates[pos])
    return np.lexsort(keys_)  # the last key sorts first


def _first_per_incident(keys: Loaded, pos: np.ndarray, order: np.ndarray) -> np.ndarray:
    """The indices of `order` (matches in order) keeping each incident's first match only."""
    if not len(order):
        return order
    _, first = np.unique(keys.incidents[pos[order]], return_index=True)
    return order[np.sort(first)]


def _totals(keys: Loaded, pos: np.ndarray, collapse: bool) -> tuple[int, int]:
    """(total, matches): total counts incidents when one hit per incident."""
    cases = len(pos)
    return (len(np.unique(keys.incidents[pos])) if collapse and cases else cases), cases


def page_of(keys: Loaded, rids: np.ndarray, scores: np.ndarray, *, sort: str, ranked: bool,
            collapse: bool, offset: int, size: int) -> Page:
    """The matches' page: `size` of them after `offset`, in the store's order; with `collapse`
    each incident's first match only (its best, the order being total), counted by incident.
    LookupError when a match is not in the index (the caller searches in SQL then)."""
    pos = keys.positions(rids)
    total, cases = _totals(keys, pos, collapse)
    order = order_of(keys, pos, rids, scores, sort, ranked) if size and cases else np.zeros(0, dtype=np.int64)
    if collapse:
        order = _first_per_incident(keys, pos, order)
    chosen = order[offset:offset + size]
    rows = list(zip(rids[chosen].tolist(), scores[chosen].tolist()))
    return Page(total=total, cases=cases, rows=rows, positions=pos)


def best_page(keys: Loaded, rids: np.ndarray, top_rids: np.ndarray, top_scores: np.ndarray, *,
              collapse: bool, offset: int, size: int, ordered: bool = False) -> Page | None:
    """The page from every match's rowid (`rids`) and only the first matches' scores (`top_*`).

    `ordered`: the top rows are the first matches in the store's order itself (SQL sorted them
    by all its keys). Otherwise they are the matches of highest score, ties at the lowest score
    cut anywhere: every match scoring above that lowest score is among them, so their order
    (score, then date, then rowid) is the start of the order of all matches. Either way the
    start holds each incident's first match of it, and the page is exact when it lies within
    the start; None when it does not (too few fetched: the caller fetches every score).
    LookupError as page_of."""
    pos = keys.positions(rids)
    total, cases = _totals(keys, pos, collapse)
    top_pos = keys.positions(top_rids)
    complete = len(top_rids) == cases
    if ordered:
        order = np.arange(len(top_rids))
    else:
        order = order_of(keys, top_pos, top_rids, top_scores, "relevance", True)
        if not complete and len(order):
            order = order[top_scores[order] > top_scores.min()]  # ties with the cut: maybe not all here
    if collapse:
        order = _first_per_incident(keys, top_pos, order)
    if not complete and len(order) < offset + size:
        return None
    chosen = order[offset:offset + size]
    rows = list(zip(top_rids[chosen].tolist(), top_scores[chosen].tolist()))
    return Page(total=total, cases=cases, rows=rows, positions=pos)
