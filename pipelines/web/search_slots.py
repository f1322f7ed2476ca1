"""At most a few searches of one server process at a time; the others wait their turn, in order.

A search is CPU work (the store's query, the page), and a server process has the CPU of about
one core. Starlette runs each request of a plain `def` route in a pool of 40 threads, so under
load 10–20 searches of one process run at once, sharing that core and the GIL: every search
then takes as long as all of them, and a search with many matches much longer (processor
sharing), while thread switches add their own cost. With a few slots (two: while one search
is inside SQLite, which releases the GIL, another can run Python) a search waits in a queue,
first come first served, and then runs at full speed: the same throughput, less time for
each (the load test's p95, README "Web application").
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

T = TypeVar("T")
DEFAULT_SLOTS = 2


class SearchSlots:
    """`await slots.run(fn, *args)`: fn(*args) in a worker thread once one of `n` slots is free
    (waiters served in arrival order)."""

    def __init__(self, n: int = DEFAULT_SLOTS) -> None:
        if n < 1:
            raise ValueError(f"search slots must be at least 1, not {n}")
        self.n = n
        self._limiter: anyio.CapacityLimiter | None = None  # made in the event loop, on first use

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.n)
        return await anyio.to_thread.run_sync(fn, *args, limiter=self._limiter)
