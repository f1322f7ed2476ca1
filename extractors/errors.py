"""The errors the extractors raise, re-exported for their public API: they are defined, with
every other leian error and its exit code, in `config.errors` (the bottom layer)."""
from __future__ import annotations

from config.errors import ConfigError, LeianError, ReadError

__all__ = ["ConfigError", "LeianError", "ReadError"]
