"""pipelines/web/search_slots.py: at most n searches run at once, the others start in the
order they came, and a search's error reaches its caller."""
from __future__ import annotations

import threading
import time

import anyio
import pytest

from pipelines.web.search_slots import SearchSlots


def _run_many(slots: SearchSlots, n: int) -> tuple[int, list[int]]:
    lock = threading.Lock()
    state = {"now": 0, "most": 0}
    started: list[int] = []

    def work(i: int) -> int:
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
            started.append(i)
        time.sleep(0.05)
        with lock:
            state["now"] -= 1
        return i * i

    async def main() -> None:
        results: dict[int, int] = {}

        async def one(i: int) -> None:
            results[i] = await slots.run(work, i)

        async with anyio.create_task_group() as tg:
            for i in range(n):
                tg.start_soon(one, i)
                await anyio.sleep(0.001)  # arrive in order
        assert results == {i: i * i for i in range(n)}

    anyio.run(main)
    return state["most"], started


@pytest.mark.parametrize("n", [1, 2])
def test_at_most_n_at_once_in_arrival_order(n):
    most, started = _run_many(SearchSlots(n), 8)
    assert most == n
    # in arrival order (the n started together may enter their threads in either order)
    assert all(abs(pos - i) < n for pos, i in enumerate(started)), started


def test_errors_reach_the_caller_and_free_the_slot():
    slots = SearchSlots(1)

    def boom() -> None:
        raise ValueError("bad query")

    async def main() -> str:
        with pytest.raises(ValueError, match="bad query"):
            await slots.run(boom)
        return await slots.run(str.upper, "ok")

    assert anyio.run(main) == "OK"
    with pytest.raises(ValueError):
        SearchSlots(0)
