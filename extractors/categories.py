"""Problem categories of a case: taxonomy codes, each with the evidence that signalled it.

Cue phrases, weak cues, negative contexts and the fallback are data
(config/category_rules.yaml); codes and labels come from config/taxonomy.yaml. A case may
get several categories. Input is NORMALISED text; evidence spans are offsets into it.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from config import load_yaml
from extractors.errors import ConfigError
from extractors.model import Category

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Rule:
    code: str
    label: str
    cues: tuple[re.Pattern[str], ...]
    weak: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class CategoryRules:
    rules: tuple[_Rule, ...]
    negative: re.Pattern[str] | None
    window: int
    threshold: float
    fallback: dict[str, str]
    labels: dict[str, str]


@lru_cache(maxsize=1)
def rules() -> CategoryRules:
    """Compile config/category_rules.yaml against the taxonomy (once)."""
    tax = load_yaml("taxonomy.yaml")
    labels = {c["code"]: c["label"] for c in tax["categories"]}
    cfg = load_yaml("category_rules.yaml")
    out = []
    for code, spec in cfg["categories"].items():
        if code not in labels:
            raise ConfigError(f"category_rules.yaml: unknown category code {code!r} (not in taxonomy.yaml)")
        try:
            cues = tuple(re.compile(c) for c in spec.get("cues", []))
            weak = tuple(re.compile(c) for c in spec.get("weak", []))
        except re.error as exc:
            raise ConfigError(f"category_rules.yaml: bad cue regex in {code}: {exc}") from exc
        out.append(_Rule(code, labels[code], cues, weak))
    neg = cfg.get("negative") or []
    negative = re.compile("|".join(re.escape(n) for n in neg)) if neg else None
    for code in (cfg.get("fallback") or {}).values():
        if code not in labels:
            raise ConfigError(f"category_rules.yaml: unknown fallback code {code!r}")
    return CategoryRules(tuple(out), negative, int(cfg.get("negative_window", 8)),
                         float(cfg.get("threshold", 1.0)), dict(cfg.get("fallback") or {}), labels)


def _hits(text: str, rx: re.Pattern[str], r: CategoryRules) -> list[re.Match[str]]:
    out = []
    for m in rx.finditer(text):
        before = text[max(0, m.start() - r.window):m.start()]
        if r.negative is not None and r.negative.search(before):
            continue  # a prohibition or a quoted rule, not a violation
        out.append(m)
    return out


def extract_categories(text: str, *, doc_type: str = "case_notice") -> list[Category]:
    """Taxonomy categories of one case text, strongest evidence first within each."""
    r = rules()
    found: list[Category] = []
    for rule in r.rules:
        score = 0.0
        evidence: re.Match[str] | None = None
        for rx in rule.cues:
            hits = _hits(text, rx, r)
            if hits:
                score += 1.0
                if evidence is None or hits[0].start() < evidence.start():
                    evidence = hits[0]
        weak_ev = None
        for rx in rule.weak:
            hits = _hits(text, rx, r)
            if hits:
                score += 0.5
                weak_ev = weak_ev or hits[0]
        if score >= r.threshold:
            ev = evidence or weak_ev
            assert ev is not None
            found.append(Category(code=rule.code, label=rule.label, evidence=ev.group(0),
                                  start=ev.start(), end=ev.end()))
    if not found and doc_type in r.fallback:
        code = r.fallback[doc_type]
        found.append(Category(code=code, label=r.labels[code], evidence="", start=0, end=0))
    found.sort(key=lambda c: c.start)
    return found


__all__ = ["CategoryRules", "extract_categories", "rules"]
