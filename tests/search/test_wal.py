"""WAL switching while another process holds a new SQLite file (workers starting together)."""
from __future__ import annotations

import multiprocessing
import sqlite3
import threading

import pytest

from search.term_cache import TermCache
from search.wal import set_wal


def _hold(path, seconds: float) -> None:
    """Hold `path` exclusively for `seconds`, as a second process opening the file would."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    threading.Timer(seconds, lambda: holder.execute("COMMIT")).start()


def test_switch_waits_for_the_holder(tmp_path):
    path = tmp_path / "web-sessions.db"
    _hold(path, 0.5)
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    assert set_wal(other, seconds=5) == "wal"
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_switch_gives_up_after_its_time(tmp_path):
    path = tmp_path / "b.db"
    _hold(path, 3)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        set_wal(sqlite3.connect(path, timeout=0, isolation_level=None), seconds=0.2)


def test_in_memory_database_reports_its_mode():
    assert set_wal(sqlite3.connect(":memory:")) == "memory"


def _open_cache(path: str) -> str:
    cache = TermCache(path)
    return str(cache.con.execute("PRAGMA journal_mode").fetchone()[0])


def test_term_caches_opened_together_by_several_processes(tmp_path):
    """Six processes opening one new cache file at once (a switch refused at once in about one
    start in seven without the retry, and the cache then moved aside as damaged)."""
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(6) as pool:
        for i in range(30):
            path = str(tmp_path / f"terms{i}.sqlite")
            assert pool.map(_open_cache, [path] * 6) == ["wal"] * 6
    assert not list(tmp_path.glob("*.damaged"))
