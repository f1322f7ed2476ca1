"""Commands of the flows area (registered on the shared app when imported)."""
from __future__ import annotations

from pipelines.cli_app import app  # noqa: F401
