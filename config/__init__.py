"""Configuration as data: taxonomy, lexicons, index mapping, rectification measures, settings.

Data files live beside this module and ship in the wheel. Each is loaded once
(`functools.lru_cache`) and passed in to the code that needs it.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

CONFIG_DIR = Path(__file__).resolve().parent


def config_path(name: str) -> Path:
    """Path of a bundled configuration data file."""
    return CONFIG_DIR / name


@cache
def load_yaml(name: str) -> Any:
    """Parse a bundled YAML data file once."""
    with config_path(name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """A bundled one-entry-per-line list (blank lines and # comments dropped)."""
    out = []
    for line in config_path(name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)
