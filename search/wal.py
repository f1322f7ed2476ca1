"""Switching an SQLite file to WAL mode when other processes open it at the same moment.

The switch needs the file to itself, and SQLite refuses it at once ("database is locked"),
without waiting on the busy timeout, while another process holds the new file — several
`leian serve` workers, or a nightly run and a search, starting together. Every SQLite file
leian keeps (the embedded store, the term cache, the web sessions) is switched through here.
"""
from __future__ import annotations

import sqlite3
import time

LOCK_SECONDS = 10.0
_PAUSE = 0.05


def set_wal(con: sqlite3.Connection, seconds: float = LOCK_SECONDS) -> str:
    """Ask for WAL mode, trying again while the file is locked, until `seconds` have passed.
    Returns the journal mode SQLite reports (an in-memory database stays "memory")."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return str(con.execute("PRAGMA journal_mode=WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(_PAUSE)
