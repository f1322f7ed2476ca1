"""The tables the summary reads from config/, loaded once: amount bands and sanction
severity (config/summary.yaml), the order and kinds of sanctions (config/taxonomy.yaml),
category cue words (taxonomy.yaml) and rectification measures and gaps
(config/rectification.yaml)."""
from __future__ import annotations

import math
from functools import lru_cache

from config import load_yaml


@lru_cache(maxsize=1)
def rectification() -> dict:
    """Measures and gaps per category and domain (config/rectification.yaml)."""
    return load_yaml("rectification.yaml")


@lru_cache(maxsize=1)
def sanction_order() -> tuple[tuple[str, str], ...]:
    """Canonical sanction labels from mildest to most severe within each kind, with their kind."""
    s = load_yaml("taxonomy.yaml")["sanctions"]
    return tuple([(x, "党纪处分") for x in s["party"]] + [(x, "政务处分") for x in s["government"]]
                 + [(x, "组织处理及其他") for x in s["other"]])


@lru_cache(maxsize=1)
def _summary_tables() -> dict:
    return load_yaml("summary.yaml")


@lru_cache(maxsize=1)
def amount_bands() -> tuple[tuple[float, float, str], ...]:
    """(from, to, label) of the rows of the table of sums and sanctions (to = inf for the last)."""
    return tuple((float(b["from"]), float(b.get("to", math.inf)), str(b["label"]))
                 for b in _summary_tables()["amount_bands"])


def no_amount() -> str:
    """The label of the row of incidents that state no sum."""
    return str(_summary_tables()["no_amount"])


def severity(label: str) -> int:
    """How heavy a sanction is (higher is heavier; 0 for a label the table does not list)."""
    return int(_summary_tables()["severity"].get(label, 0))


def kind_of(label: str) -> str:
    """党纪处分, 政务处分 or 组织处理及其他 (the last for a label the taxonomy does not list)."""
    return dict(sanction_order()).get(label, "组织处理及其他")


def sanction_sort_key(label: str) -> tuple[int, int, str]:
    """Party sanctions first, then government ones, then the rest; mildest first within each."""
    order = [x for x, _ in sanction_order()]
    kinds = ["党纪处分", "政务处分", "组织处理及其他"]
    return (kinds.index(kind_of(label)), order.index(label) if label in order else len(order), label)


@lru_cache(maxsize=1)
def category_cues() -> dict[str, tuple[str, ...]]:
    """The cue words of each taxonomy category."""
    cats = load_yaml("taxonomy.yaml")["categories"]
    return {c["code"]: tuple(c.get("cues") or ()) for c in cats}
