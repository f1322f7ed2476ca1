"""Recent search results of the web application, dropped by any write to the store.

Analysts come back to the same search: the back button from a case, a reload, the page and
then its API, another tab. Each recount costs the store's full query (10–40 ms of CPU at
100,000 cases: bm25 over every match, facets), and under load that CPU is what makes others
wait. The web app keeps the last results (an LRU of `size` entries, keyed by the whole
SearchQuery) with the store's state stamp (`CaseStore.state_stamp`, which any commit by
any process changes: ingest, a correction, a deletion, a reindex):

- a result is stored only when the stamp read before the search equals the one read after
  it (no write came while it ran, so the result is the store's state at that stamp);
- it is served only while the stamp is still that value, so a cached answer is always the
  one the store would give now.

A backend without a stamp (Elasticsearch) is never cached; `size` 0 turns the cache off.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict

from search.store import CaseStore, SearchQuery, SearchResult

DEFAULT_SIZE = 256


class SearchCache:
    """`search(query)` = `store.search(query)`, from memory while the store is unchanged.
    Results are shared between requests: read them, do not change them."""

    def __init__(self, store: CaseStore, size: int = DEFAULT_SIZE) -> None:
        self.store = store
        self.size = size
        self._entries: OrderedDict[str, tuple[int, SearchResult]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def search(self, query: SearchQuery) -> SearchResult:
        if self.size <= 0:
            return self.store.search(query)
        t0 = time.perf_counter()
        before = self.store.state_stamp()
        if before is None:
            return self.store.search(query)
        key = query.model_dump_json()
        with self._lock:
            found = self._entries.get(key)
            if found is not None and found[0] == before:
                self._entries.move_to_end(key)
                self.hits += 1
                return found[1].model_copy(update={"took_ms": round((time.perf_counter() - t0) * 1000, 2)})
            self.misses += 1
        result = self.store.search(query)
        if self.store.state_stamp() == before:
            with self._lock:
                self._entries[key] = (before, result)
                self._entries.move_to_end(key)
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
        return result.model_copy()

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
