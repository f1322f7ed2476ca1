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


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping key given twice: YAML would keep the last one
    silently, and a rule written under a name already taken would replace the other."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@cache
def load_yaml(name: str) -> Any:
    """Parse a bundled YAML data file once (a key given twice is an error naming the line)."""
    with config_path(name).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """A bundled one-entry-per-line list (blank lines and # comments dropped)."""
    out = []
    for line in config_path(name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)
