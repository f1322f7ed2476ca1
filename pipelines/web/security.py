"""Sessions, CSRF tokens, login rate limiting, the audit log and the security headers.

Sessions and failed logins live in `web-sessions.db` (SQLite) in the store's data folder, so
every server process (`leian serve --workers N`) sees the same ones and a restart keeps them.
A random token in an HttpOnly, SameSite=Strict cookie names a session; the file keeps only
the token's sha256, with the user, role and CSRF token. Every state-changing request must
carry that CSRF token (form field `csrf_token` or header `X-CSRF-Token`) unless it
authenticates with HTTP Basic credentials (API clients).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from search.wal import LOCK_SECONDS, set_wal

COOKIE = "leian_session"
SESSION_SECONDS = 8 * 3600
MAX_SESSIONS = 20_000  # beyond this, the sessions closest to expiring are dropped
LOGIN_FAILURES = 5  # failed logins allowed per window, per client address and per user name
LOGIN_WINDOW = 300.0  # seconds
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
LOCAL_USER = "本机用户"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, user TEXT NOT NULL, role TEXT NOT NULL,
                                     csrf TEXT NOT NULL, expires REAL NOT NULL);
CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires);
CREATE TABLE IF NOT EXISTS login_failures (key TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (key, at);
"""


@dataclass
class Session:
    user: str  # "" for a visitor who has not logged in
    role: str  # "" when not logged in
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    expires: float = field(default_factory=lambda: time.time() + SESSION_SECONDS)


class WebDb:
    """The shared SQLite file of sessions and failed logins; one connection per thread."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self.con:
            self.con.executescript(_SCHEMA)

    @property
    def con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(self.path, timeout=LOCK_SECONDS, isolation_level=None, check_same_thread=False)
            set_wal(con)
            con.execute("PRAGMA synchronous=NORMAL")
            self._local.con = con
        return con


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Sessions:
    """Sessions by token (stored as its sha256)."""

    def __init__(self, db: WebDb):
        self.db = db

    def new(self, user: str = "", role: str = "") -> tuple[str, Session]:
        token = secrets.token_urlsafe(32)
        s = Session(user, role)
        con = self.db.con
        con.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)", (_digest(token), user, role, s.csrf, s.expires))
        if secrets.randbelow(50) == 0:  # now and then: the expired ones, and a flood of cookie-less visitors
            con.execute("DELETE FROM sessions WHERE expires < ?", (time.time(),))
            con.execute("DELETE FROM sessions WHERE token IN (SELECT token FROM sessions ORDER BY expires DESC "
                        "LIMIT -1 OFFSET ?)", (MAX_SESSIONS,))
        return token, s

    def get(self, token: str | None) -> Session | None:
        if not token:
            return None
        row = self.db.con.execute("SELECT user, role, csrf, expires FROM sessions WHERE token=?",
                                  (_digest(token),)).fetchone()
        if row is None or row[3] < time.time():
            return None
        return Session(*row)

    def drop(self, token: str | None) -> None:
        if token:
            self.db.con.execute("DELETE FROM sessions WHERE token=?", (_digest(token),))


def csrf_ok(session: Session | None, token: str | None) -> bool:
    return bool(session and token and hmac.compare_digest(session.csrf, token))


class LoginLimiter:
    """At most `failures` failed logins per `window` seconds per client address and per name."""

    def __init__(self, db: WebDb, failures: int = LOGIN_FAILURES, window: float = LOGIN_WINDOW):
        self.db, self.failures, self.window = db, failures, window

    def blocked(self, *keys: str) -> bool:
        since = time.time() - self.window
        return any(self.db.con.execute("SELECT COUNT(*) FROM login_failures WHERE key=? AND at>?",
                                       (k, since)).fetchone()[0] >= self.failures for k in keys)

    def failed(self, *keys: str) -> None:
        now = time.time()
        con = self.db.con
        con.executemany("INSERT INTO login_failures VALUES (?, ?)", [(k, now) for k in keys])
        con.execute("DELETE FROM login_failures WHERE at < ?", (now - self.window,))


class AuditLog:
    """One JSON line per login, logout, upload, re-ingest, summary and export: when, who, what."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def write(self, user: str, action: str, **detail: object) -> None:
        line = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "user": user, "action": action,
                **detail}
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")

    def tail(self, n: int = 50) -> list[dict]:
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="utf-8").splitlines()[-n:]
        return [json.loads(x) for x in reversed(lines) if x.strip()]
