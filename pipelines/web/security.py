"""Sessions, CSRF tokens, login rate limiting, the audit log and the security headers.

Sessions live in the server's memory (a restart logs everyone out): a random token in an
HttpOnly, SameSite=Strict cookie names a session holding the user, role and CSRF token.
Every state-changing request must carry that CSRF token (form field `csrf_token` or header
`X-CSRF-Token`) unless it authenticates with HTTP Basic credentials (API clients).
"""
from __future__ import annotations

import hmac
import json
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

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


@dataclass
class Session:
    user: str  # "" for a visitor who has not logged in
    role: str  # "" when not logged in
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    expires: float = field(default_factory=lambda: time.time() + SESSION_SECONDS)


class Sessions:
    """token → Session, in memory."""

    def __init__(self) -> None:
        self._by_token: dict[str, Session] = {}
        self._lock = threading.Lock()

    def new(self, user: str = "", role: str = "") -> tuple[str, Session]:
        token = secrets.token_urlsafe(32)
        with self._lock:
            now = time.time()
            for t in [t for t, s in self._by_token.items() if s.expires < now]:
                del self._by_token[t]
            if len(self._by_token) >= MAX_SESSIONS:  # a flood of cookie-less visitors
                for t in sorted(self._by_token, key=lambda t: self._by_token[t].expires)[:MAX_SESSIONS // 10]:
                    del self._by_token[t]
            s = self._by_token[token] = Session(user, role)
        return token, s

    def get(self, token: str | None) -> Session | None:
        if not token:
            return None
        with self._lock:
            s = self._by_token.get(token)
            if s and s.expires < time.time():
                del self._by_token[token]
                return None
            return s

    def drop(self, token: str | None) -> None:
        with self._lock:
            self._by_token.pop(token or "", None)


def csrf_ok(session: Session | None, token: str | None) -> bool:
    return bool(session and token and hmac.compare_digest(session.csrf, token))


class LoginLimiter:
    """At most LOGIN_FAILURES failed logins per LOGIN_WINDOW per client address and per name."""

    def __init__(self, failures: int = LOGIN_FAILURES, window: float = LOGIN_WINDOW):
        self.failures, self.window = failures, window
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._seen.setdefault(key, deque())
        while q and q[0] < now - self.window:
            q.popleft()
        return q

    def blocked(self, *keys: str) -> bool:
        now = time.time()
        with self._lock:
            return any(len(self._recent(k, now)) >= self.failures for k in keys)

    def failed(self, *keys: str) -> None:
        now = time.time()
        with self._lock:
            for k in keys:
                self._recent(k, now).append(now)


class AuditLog:
    """One JSON line per login, logout, upload, re-ingest, summary and export: when, who, what."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def write(self, user: str, action: str, **detail: object) -> None:
        line = {"at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "user": user, "action": action,
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
