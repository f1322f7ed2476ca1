"""Every error leian raises on purpose, and the one map from error to exit code.

This is the bottom layer (config ← extractors ← search ← pipelines), so any layer can raise
these without importing upward. Data errors are recorded per file and the batch goes on;
configuration errors stop at once. Only the CLI turns them into messages and exit codes
(`EXIT_CODES`, as the README's "Exit codes" table says); the web app derives its HTTP status
from the same codes.
"""
from __future__ import annotations

from pathlib import Path

# Exit codes (the README's "Exit codes" table)
EXIT_OK = 0
EXIT_PARTIAL = 1  # the run finished but some files failed
EXIT_USAGE = 2  # bad arguments or query, an unreadable input file, an unwritable output file
EXIT_CONFIG = 3  # bad settings or configuration data
EXIT_STORE = 4  # the store cannot be reached or written
EXIT_NOT_FOUND = 5  # no such case or document


class LeianError(Exception):
    """Base of every error leian raises on purpose."""


# -- configuration (exit 3) ---------------------------------------------------------------

class ConfigError(LeianError):
    """Bad settings or configuration data: stop at once."""


class BindRefused(ConfigError):
    """`leian serve` on a non-loopback address with no users."""


# -- input and usage (exit 2) -------------------------------------------------------------

class ReadError(LeianError):
    """A file that cannot be read: names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UsageError(LeianError):
    """A command line that cannot be carried out as written."""


class QuerySyntaxError(LeianError):
    """A query that cannot be parsed; the message says where and why."""


class ClassUsageError(LeianError):
    """A class named or saved the wrong way (bad id, no query, unknown category)."""


class CorrectionError(LeianError):
    """A correction that cannot be accepted as given."""


class UserError(LeianError):
    """A user that cannot be added, changed or removed as asked."""


class UploadRefused(LeianError):
    """An upload that is too large, of a type leian does not read, or empty (HTTP 4xx)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


# -- store and services (exit 4) ----------------------------------------------------------

class StoreError(LeianError):
    """The store cannot be opened, read or written."""


class ElasticError(StoreError):
    """Elasticsearch cannot be reached, refuses the credentials, or fails a request."""


class IngestBusy(LeianError):
    """Another ingest run holds the store's lock."""

    def __init__(self, lock: str, holder: str):
        self.lock = lock  # the lock file, or the store's lock document
        self.holder = holder
        super().__init__(f"another ingest run is in progress on this store ({holder}); nothing done")


class PrefectServerError(LeianError):
    """The Prefect server could not be started or reached."""


# -- not found (exit 5) -------------------------------------------------------------------

class NotFoundError(LeianError):
    """No such case or document."""


class ClassNotFound(LeianError):
    """No class with that id."""


class UnknownCorrection(LeianError):
    """No such case or correction in the store (as for an unknown case)."""


EXIT_CODES: dict[type[LeianError], int] = {
    LeianError: EXIT_PARTIAL,
    ConfigError: EXIT_CONFIG,
    BindRefused: EXIT_CONFIG,
    ReadError: EXIT_USAGE,
    UsageError: EXIT_USAGE,
    QuerySyntaxError: EXIT_USAGE,
    ClassUsageError: EXIT_USAGE,
    CorrectionError: EXIT_USAGE,
    UserError: EXIT_USAGE,
    UploadRefused: EXIT_USAGE,
    StoreError: EXIT_STORE,
    ElasticError: EXIT_STORE,
    IngestBusy: EXIT_STORE,
    PrefectServerError: EXIT_STORE,
    NotFoundError: EXIT_NOT_FOUND,
    ClassNotFound: EXIT_NOT_FOUND,
    UnknownCorrection: EXIT_NOT_FOUND,
}


def exit_code_of(exc: LeianError) -> int:
    """The exit code of an error: that of its most specific class in `EXIT_CODES` (by the MRO)."""
    for cls in type(exc).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]  # type: ignore[index]
    return EXIT_PARTIAL
