"""The content terms of cases, kept on disk between runs.

Class listings and summaries compare cases by their content terms (search.vectors), and
getting them means segmenting every case's text with jieba: minutes at 100,000 cases. A
text's terms only change when the text, the names left out or the word lists change, so
they are cached in a small SQLite file beside the saved classes (`terms.db`), keyed by a
hash of all of those. The first listing fills it (in parallel worker processes when many
cases are new); later ones read it.

Use: `with term_cache(path): ...` around code that calls `search.vectors.case_terms`, and
`warm(cases)` first to compute what is missing in one batch.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from config import config_path
from extractors.model import Case
from search.wal import set_wal

log = logging.getLogger(__name__)

SEP = "\x1f"
PARALLEL_FROM = 2000  # missing cases from which worker processes segment in parallel
_active: ContextVar[TermCache | None] = ContextVar("leian_term_cache", default=None)


@lru_cache(maxsize=1)
def _salt() -> str:
    """What the terms depend on besides the case: the word lists and jieba's version."""
    import jieba

    h = hashlib.sha1(f"jieba {jieba.__version__}".encode())
    for name in ("summary_stopwords.txt", "taxonomy.yaml", "domains.yaml"):
        p = config_path(name)
        h.update(p.read_bytes() if p.exists() else b"")
    return h.hexdigest()[:16]


def key_of(text: str, names: tuple[str, ...], places: tuple[str, ...]) -> str:
    """Cache key of a case's terms."""
    raw = SEP.join((_salt(), text, "|".join(names), "|".join(places)))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


class TermCache:
    """Terms by key in one SQLite file (created when missing)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = self._open()
        except sqlite3.DatabaseError as exc:  # damaged: it is only a cache, start a new one
            if "locked" in str(exc):  # busy past the timeout, not damaged: never move it from under its users
                raise
            aside = self.path.with_name(self.path.name + ".damaged")
            log.warning("term cache %s is damaged (%s); moved to %s, starting a new one", self.path, exc, aside)
            self.path.replace(aside)
            self.con = self._open()
        self.memory: dict[str, tuple[str, ...]] = {}
        self.pending: dict[str, tuple[str, ...]] = {}  # computed, not yet written
        self.keys: dict[str, str] = {}  # case id -> key (a case id stands for one text)

    def _open(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        try:
            set_wal(con)
            con.execute("CREATE TABLE IF NOT EXISTS terms (key TEXT PRIMARY KEY, terms TEXT NOT NULL)")
        except sqlite3.DatabaseError:
            con.close()
            raise
        return con

    def key_for(self, case: Case) -> str:
        """The cache key of a case's terms (hashed once per case)."""
        key = self.keys.get(case.id)
        if key is None:
            from search.vectors import term_inputs

            key = self.keys[case.id] = key_of(*term_inputs(case))
        return key

    def get(self, key: str) -> tuple[str, ...] | None:
        if key in self.memory:
            return self.memory[key]
        row = self.con.execute("SELECT terms FROM terms WHERE key=?", (key,)).fetchone()
        if row is None:
            return None
        terms = tuple(row[0].split(SEP)) if row[0] else ()
        self.memory[key] = terms
        return terms

    def load(self, keys: Sequence[str]) -> None:
        """Read many keys into memory at once."""
        todo = [k for k in keys if k not in self.memory]
        for i in range(0, len(todo), 500):
            chunk = todo[i:i + 500]
            for key, terms in self.con.execute(
                    f"SELECT key, terms FROM terms WHERE key IN ({','.join('?' * len(chunk))})", chunk):
                self.memory[key] = tuple(terms.split(SEP)) if terms else ()

    def put_many(self, items: dict[str, tuple[str, ...]]) -> None:
        """Keep terms (written to disk by flush)."""
        self.memory.update(items)
        self.pending.update(items)

    def flush(self) -> None:
        """Write the terms computed since the last flush, in one transaction."""
        if not self.pending:
            return
        self.con.execute("BEGIN IMMEDIATE")
        try:
            self.con.executemany("INSERT OR REPLACE INTO terms(key, terms) VALUES (?, ?)",
                                 [(k, SEP.join(v)) for k, v in self.pending.items()])
            self.con.execute("COMMIT")
        except sqlite3.Error:
            self.con.execute("ROLLBACK")
            raise
        self.pending.clear()

    def prune(self, keep: set[str]) -> int:
        """Forget every entry but `keep` (the terms of cases that no longer exist, or whose text
        changed); how many were dropped."""
        self.flush()
        self.con.execute("BEGIN IMMEDIATE")
        try:
            self.con.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
            self.con.execute("DELETE FROM temp.keep")
            self.con.executemany("INSERT OR IGNORE INTO temp.keep(key) VALUES (?)", [(k,) for k in keep])
            dropped = self.con.execute("DELETE FROM terms WHERE key NOT IN (SELECT key FROM temp.keep)").rowcount
            self.con.execute("COMMIT")
        except sqlite3.Error:
            self.con.execute("ROLLBACK")
            raise
        self.memory = {k: v for k, v in self.memory.items() if k in keep}
        return dropped

    def close(self) -> None:
        try:
            self.flush()
        except sqlite3.Error as exc:  # a cache: losing it costs time, not results
            log.warning("term cache %s: could not save new terms: %s", self.path, exc)
        self.con.close()


def active() -> TermCache | None:
    """The cache in use, if any (see term_cache)."""
    return _active.get()


@contextmanager
def term_cache(path: str | Path) -> Iterator[TermCache]:
    """Use the cache at `path` for case_terms inside the block."""
    cache = TermCache(path)
    token = _active.set(cache)
    try:
        yield cache
    finally:
        _active.reset(token)
        cache.close()


def _compute(item: tuple[str, tuple[str, ...], tuple[str, ...]]) -> tuple[str, ...]:
    from search.vectors import compute_terms

    return compute_terms(*item)


def warm(cases: Sequence[Case], *, prune: bool = False) -> int:
    """Compute and store the terms of the cases the active cache lacks; how many it computed.
    With prune=True (the cases are all a store's), entries of other texts are dropped, so the
    cache does not outgrow the store."""
    from search.vectors import term_inputs

    cache = active()
    if cache is None:
        return 0
    by_key = {cache.key_for(case): case for case in cases}
    cache.load(list(by_key))
    if prune:
        dropped = cache.prune(set(by_key))
        if dropped:
            log.info("term cache %s: %d entries of texts no longer in the store dropped", cache.path, dropped)
    items = [(k, term_inputs(c)) for k, c in by_key.items() if k not in cache.memory]
    if not items:
        return 0
    workers = min(os.cpu_count() or 1, 4)
    if len(items) >= PARALLEL_FROM and workers > 1:
        log.info("segmenting %d cases for the term cache in %d processes", len(items), workers)
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_compute, [v for _, v in items], chunksize=200))
    else:
        results = [_compute(v) for _, v in items]
    cache.put_many({k: r for (k, _), r in zip(items, results)})
    cache.flush()
    return len(items)
