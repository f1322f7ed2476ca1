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
    combined: re.Pattern[str]  # every cue as a named alternative: one scan per category


@dataclass(frozen=True)
class CategoryRules:
    rules: tuple[_Rule, ...]
    negative: re.Pattern[str] | None
    consequence: re.Pattern[str] | None  # others' misconduct that a duty failure let happen
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
        alts = [f"(?P<c{k}>{c.pattern})" for k, c in enumerate(cues)] + \
            [f"(?P<w{k}>{c.pattern})" for k, c in enumerate(weak)]
        out.append(_Rule(code, labels[code], cues, weak, re.compile("|".join(alts))))
    neg = cfg.get("negative") or []
    negative = re.compile("|".join(re.escape(n) for n in neg)) if neg else None
    try:
        conseq = cfg.get("consequence") or []
        consequence = re.compile("|".join(f"(?:{c})" for c in conseq)) if conseq else None
    except re.error as exc:
        raise ConfigError(f"category_rules.yaml: bad consequence regex: {exc}") from exc
    for code in (cfg.get("fallback") or {}).values():
        if code not in labels:
            raise ConfigError(f"category_rules.yaml: unknown fallback code {code!r}")
    return CategoryRules(tuple(out), negative, consequence, int(cfg.get("negative_window", 8)),
                         float(cfg.get("threshold", 1.0)), dict(cfg.get("fallback") or {}), labels)


def extract_categories(text: str, *, doc_type: str = "case_notice") -> list[Category]:
    """Taxonomy categories of one case text, each with its earliest strong evidence."""
    r = rules()
    found: list[Category] = []
    for code, label, ev_start, ev_end in _scan(text):
        found.append(Category(code=code, label=label, evidence=text[ev_start:ev_end], start=ev_start, end=ev_end))
    if not found and doc_type in r.fallback:
        code = r.fallback[doc_type]
        found.append(Category(code=code, label=r.labels[code], evidence="", start=0, end=0))
    found.sort(key=lambda c: c.start)
    return found


@lru_cache(maxsize=512)
def _scan(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """(code, label, evidence start, end) per category reaching the threshold (cached: case
    splitting asks about the same texts the categories component then labels)."""
    r = rules()
    out = []
    shadows = [(m.start(), m.end()) for m in r.consequence.finditer(text)] if r.consequence else []
    for rule in r.rules:
        strong: dict[str, re.Match[str]] = {}
        weak: dict[str, re.Match[str]] = {}
        for m in rule.combined.finditer(text):
            if r.negative is not None and r.negative.search(text, max(0, m.start() - r.window), m.start()):
                continue  # a prohibition or a quoted rule, not a violation
            if any(a <= m.start() and m.end() <= b for a, b in shadows):
                continue  # someone else's misconduct this case's failure let happen
            g = m.lastgroup or ""
            (strong if g.startswith("c") else weak).setdefault(g, m)
        score = len(strong) + 0.5 * len(weak)
        if score >= r.threshold:
            ev = min(strong.values(), key=lambda m: m.start()) if strong else \
                min(weak.values(), key=lambda m: m.start())
            out.append((rule.code, rule.label, ev.start(), ev.end()))
    return tuple(out)


__all__ = ["CategoryRules", "extract_categories", "rules"]
