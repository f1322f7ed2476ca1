"""Every case's facet value ids and sort keys, in memory, for a search's facets and order.

Counting facets by reading each match's packed ids from `case_facets` costs one B-tree
lookup per match: 4–10 ms of a search with thousands of matches, most of a busy server's
facet work. A long-lived process (the web server) keeps the whole table instead — ~4 bytes
per value, 6 MB at 100,000 cases — as flat numpy arrays (rowids, offsets, ids, amounts), and
counts a search's matches with one gather and one bincount. It also keeps each case's
sort and grouping keys (case_keys: date as a rank, amount, incident as a number), so a search
orders its matches and keeps one per incident in numpy (search/backends/sqlite/page_order.py)
instead of joining every match to case_keys and sorting a temporary table.

Valid for one state of the store only. A watcher connection that never writes reads
`PRAGMA data_version`, which changes with every commit by any other connection, of this
process or another (ingest, corrections, deletion). A search uses the index only if the
version is the index's both before its read snapshot starts and after (so no commit came
between: the snapshot is the indexed state); otherwise it counts in SQL. The index is loaded
only after a few searches at one version (`LOAD_AFTER`), so a one-shot CLI
search or a store that is being written to never pays for loading it.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)

LOAD_AFTER = 3  # searches at one store version before the index is loaded


@dataclass(frozen=True)
class Loaded:
    """The arrays of one store version: case i (rowids[i], sorted) has the value ids
    ids[starts[i]:starts[i + 1]], the amount amounts[i], the date of rank dates[i] (dates in
    SQLite's text order: a later date, a higher rank; "" lowest) and the incident numbered
    incidents[i]."""

    version: int
    rowids: np.ndarray
    starts: np.ndarray
    ids: np.ndarray
    amounts: np.ndarray
    dates: np.ndarray
    incidents: np.ndarray

    def positions(self, rids: np.ndarray) -> np.ndarray:
        """The positions of some cases, given by rowid (LookupError: one is not indexed)."""
        pos = np.searchsorted(self.rowids, rids)
        if len(pos) and (pos.max() >= len(self.rowids) or not np.array_equal(self.rowids[pos], rids)):
            raise LookupError("a matched case is not in the facet index")
        return pos

    def gather(self, rids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The value ids (concatenated) and the amounts of some cases, given by rowid."""
        return self.gather_at(self.positions(rids))

    def gather_at(self, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The value ids (concatenated) and the amounts of the cases at some positions."""
        first, lens = self.starts[pos], self.starts[pos + 1] - self.starts[pos]
        total = int(lens.sum())
        if not total:
            return np.zeros(0, dtype="<u4"), self.amounts[pos]
        # positions first[k] .. first[k] + lens[k] - 1 of every case k, in one vector
        shift = np.repeat(first - (np.cumsum(lens) - lens), lens)
        return self.ids[shift + np.arange(total)], self.amounts[pos]


def _ranks(values: list[str]) -> np.ndarray:
    """Each string's rank among the distinct values, in SQLite's BINARY order (UTF-8 bytes,
    which is code-point order: Python's)."""
    if not values:
        return np.zeros(0, dtype=np.int64)
    distinct = sorted(set(values))
    rank = {v: i for i, v in enumerate(distinct)}
    return np.fromiter((rank[v] for v in values), dtype=np.int64, count=len(values))


class FacetIndex:
    """The in-memory facet arrays of one store file, reloaded when the store changes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._watch = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._watch_lock = threading.Lock()
        self._load_lock = threading.Lock()
        self._loaded: Loaded | None = None
        self._asked: tuple[int, int] = (-1, 0)  # (version, searches at it without the index)

    def version(self) -> int:
        """The store's change counter as the watcher sees it (any commit elsewhere changes it)."""
        with self._watch_lock:
            return self._watch.execute("PRAGMA data_version").fetchone()[0]

    def at(self, before: int, after: int) -> Loaded | None:
        """The index if the store was at one version from `before` to `after` (read around a
        search's snapshot) and the index is of that version; it is loaded here once enough
        searches asked for it at that version. None: count in SQL."""
        if before != after:
            return None
        loaded = self._loaded
        if loaded is not None and loaded.version == before:
            return loaded
        version, n = self._asked
        n = n + 1 if version == before else 1
        self._asked = (before, n)
        if n < LOAD_AFTER or not self._load_lock.acquire(blocking=False):
            return None  # another thread is loading: this search counts in SQL
        try:
            self._loaded = self._load()
        finally:
            self._load_lock.release()
        return self._loaded if self._loaded is not None and self._loaded.version == before else None

    def _load(self) -> Loaded | None:
        """Read case_keys and case_facets in one snapshot; None when a commit came meanwhile."""
        t0 = time.perf_counter()
        v0 = self.version()
        with self._watch_lock:
            con = self._watch
            con.execute("BEGIN")
            try:
                keys = con.execute("SELECT rowid, amount, date, incident FROM case_keys ORDER BY rowid").fetchall()
                packed = con.execute("SELECT case_rowid, ids FROM case_facets ORDER BY case_rowid").fetchall()
            finally:
                con.execute("COMMIT")
        if self.version() != v0:
            return None
        rowids = np.fromiter((r[0] for r in keys), dtype=np.int64, count=len(keys))
        amounts = np.fromiter((r[1] for r in keys), dtype=np.float64, count=len(keys))
        dates = _ranks([r[2] for r in keys])
        incidents = _ranks([r[3] for r in keys])
        lens = np.zeros(len(rowids), dtype=np.int64)
        packed_rowids = np.fromiter((r[0] for r in packed), dtype=np.int64, count=len(packed))
        have = np.searchsorted(rowids, packed_rowids)
        if len(have) and (have.max() >= len(rowids) or not np.array_equal(rowids[have], packed_rowids)):
            log.warning("store %s: facet values of cases that are not in case_keys; facets are counted in SQL "
                        "(`leian check` tells more)", self.path)
            return None
        lens[have] = np.fromiter((len(r[1]) // 4 for r in packed), dtype=np.int64, count=len(packed))
        starts = np.zeros(len(rowids) + 1, dtype=np.int64)
        np.cumsum(lens, out=starts[1:])
        ids = np.frombuffer(b"".join(r[1] for r in packed), dtype="<u4")
        log.info("store %s: facet index of %d cases loaded in %.0f ms", self.path, len(rowids),
                 (time.perf_counter() - t0) * 1000)
        return Loaded(v0, rowids, starts, ids, amounts, dates, incidents)

    def close(self) -> None:
        with self._watch_lock:
            self._watch.close()
