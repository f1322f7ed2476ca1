"""Web users: names, roles and argon2 password hashes in `users.json` in the store's data folder.

Managed by `leian users add/remove/passwd`; read by `leian serve` (pipelines.web). The file is
written with mode 0600 and replaced atomically. Roles are ordered: viewer (read) < analyst
(+ summaries, exports, corrections) < admin (+ upload, re-ingest).
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from config.errors import UserError
from config.settings import Settings

ROLES = ("viewer", "analyst", "admin")
ROLE_LABELS = {"viewer": "查阅", "analyst": "分析", "admin": "管理"}
MIN_PASSWORD = 8
_NAME = re.compile(r"[\w.@-]{1,64}")
_hasher = PasswordHasher()
# verified against when a user does not exist, so a wrong name costs as long as a wrong password
_DUMMY_HASH = _hasher.hash("not a password of anyone")


def has_role(role: str, needed: str) -> bool:
    """Whether `role` includes what `needed` may do."""
    return role in ROLES and ROLES.index(role) >= ROLES.index(needed)


class UserFile:
    """The users of one data folder."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._cache: tuple[tuple[int, int], dict] | None = None  # (mtime_ns, size) → users


    @classmethod
    def of_store(cls, store_location: str, settings: Settings) -> UserFile:
        """The users of a store: users.json with its side files (Settings.side_dir)."""
        return cls(settings.side_dir(store_location) / "users.json")

    def load(self) -> dict[str, dict[str, str]]:
        """{name: {"role": …, "hash": …}}; {} when there is no file yet."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise UserError(f"cannot read the users file {self.path}: {exc}") from None
        key = (st.st_mtime_ns, st.st_size)
        if self._cache and self._cache[0] == key:  # read on every request: parse only when it changed
            return {k: dict(v) for k, v in self._cache[1].items()}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot read the users file {self.path}: {exc}") from None
        if not isinstance(data, dict):
            raise UserError(f"the users file {self.path} is not a JSON object")
        self._cache = (key, data)
        return {k: dict(v) for k, v in data.items()}

    def _save(self, users: dict[str, dict[str, str]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".users-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(users, fh, ensure_ascii=False, indent=1)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def add(self, name: str, password: str, role: str) -> None:
        if not _NAME.fullmatch(name):
            raise UserError(f"user name {name!r}: use 1-64 letters, digits, . _ - @")
        if role not in ROLES:
            raise UserError(f"role {role!r} is not one of {', '.join(ROLES)}")
        users = self.load()
        if name in users:
            raise UserError(f"user {name} exists (change the password with `leian users passwd {name}`)")
        users[name] = {"role": role, "hash": _hash(password)}
        self._save(users)

    def passwd(self, name: str, password: str) -> None:
        users = self.load()
        if name not in users:
            raise UserError(f"no user {name} in {self.path}")
        users[name]["hash"] = _hash(password)
        self._save(users)

    def remove(self, name: str) -> None:
        users = self.load()
        if users.pop(name, None) is None:
            raise UserError(f"no user {name} in {self.path}")
        self._save(users)

    def verify(self, name: str, password: str) -> str | None:
        """The user's role when the password is theirs, else None (same time either way)."""
        user = self.load().get(name)
        try:
            _hasher.verify(user["hash"] if user else _DUMMY_HASH, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        return user["role"] if user else None


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"a password needs at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)
