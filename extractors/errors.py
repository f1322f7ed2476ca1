"""One small error hierarchy. Data errors are recorded per file and the batch goes on;
configuration errors stop at once. Only the CLI turns them into messages and exit codes."""
from __future__ import annotations

from pathlib import Path


class LeianError(Exception):
    """Base of every error leian raises on purpose."""


class ConfigError(LeianError):
    """Bad settings or configuration data: stop at once."""


class ReadError(LeianError):
    """A file that cannot be read: names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
