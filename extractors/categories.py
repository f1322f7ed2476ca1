"""Problem categories of a case: taxonomy codes, each with the evidence that signalled it.

Cue phrases, weak cues, negative contexts and the fallback are data
(config/category_rules.yaml); codes and labels come from config/taxonomy.yaml. A case may
get several categories, and always gets at least one. A trained classifier
(extractors.category_model, config/category_model.json) adds codes the cues do not reach.
Input is NORMALISED text; evidence spans are offsets into it (codes the classifier or the
fallback gave have empty evidence).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from config import load_yaml
from config.errors import ConfigError
from extractors.category_model import CategoryModel, shipped_model
from extractors.model import Category

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Rule:
    code: str
    label: str
    cues: tuple[re.Pattern[str], ...]
    weak: tuple[re.Pattern[str], ...]
    combined: re.Pattern[str]  # every cue as a named alternative: one scan per category
    unless: re.Pattern[str] | None = None  # a case this matches is never of the category
    # categories that, found in the same case, tell the same deed better (a feast's guests
    # treated are the feast, not banquets): this one is then dropped
    yields_to: tuple[str, ...] = ()
    yields_when: re.Pattern[str] | None = None  # …only when its evidence matches this


@dataclass(frozen=True)
class CategoryRules:
    rules: tuple[_Rule, ...]
    negative: re.Pattern[str] | None
    # spans whose cues do not count: others' misconduct a duty failure let happen (`consequence`),
    # the matters a bribe-taker did favours in (`favour_domains`)
    shadows: tuple[re.Pattern[str], ...]
    window: int
    threshold: float
    fallback: dict[str, str]
    labels: dict[str, str]
    use_model: bool
    fill_unless: re.Pattern[str] | None = None  # a text this matches gets no classifier fill-in
    # (code, pattern): what a case nothing else fits is, before the fallback, when the pattern matches
    before_fallback: tuple[tuple[str, re.Pattern[str]], ...] = ()


@dataclass(frozen=True)
class Categorizer:
    """What tells a case's categories: the cue rules and the trained classifier (None: the
    rules and the fallback alone)."""

    rules: CategoryRules
    model: CategoryModel | None


@lru_cache(maxsize=1)
def rules() -> CategoryRules:
    """Compile config/category_rules.yaml against the taxonomy (once)."""
    return build_category_rules(load_yaml("category_rules.yaml"), load_yaml("taxonomy.yaml"))


@lru_cache(maxsize=1)
def shipped_categorizer() -> Categorizer:
    """The shipped rules and classifier (config/), built once."""
    return Categorizer(rules(), _model())


def build_category_rules(cfg: dict[str, Any], tax: dict[str, Any]) -> CategoryRules:
    """CategoryRules from the parsed config/category_rules.yaml and config/taxonomy.yaml; a bad
    cue or an unknown code raises ConfigError."""
    labels = {c["code"]: c["label"] for c in tax["categories"]}
    out = []
    for code, spec in cfg["categories"].items():
        if code not in labels:
            raise ConfigError(f"category_rules.yaml: unknown category code {code!r} (not in taxonomy.yaml)")
        try:
            cues = tuple(re.compile(c) for c in spec.get("cues", []))
            weak = tuple(re.compile(c) for c in spec.get("weak", []))
            unless = re.compile("|".join(f"(?:{u})" for u in spec["unless"])) if spec.get("unless") else None
            when = re.compile(spec["yields_when"]) if spec.get("yields_when") else None
        except re.error as exc:
            raise ConfigError(f"category_rules.yaml: bad cue regex in {code}: {exc}") from exc
        alts = [f"(?P<c{k}>{c.pattern})" for k, c in enumerate(cues)] + \
            [f"(?P<w{k}>{c.pattern})" for k, c in enumerate(weak)]
        yields = tuple(spec.get("yields_to") or ())
        unknown = [c for c in yields if c not in labels]
        if unknown:
            raise ConfigError(f"category_rules.yaml: {code}: unknown code(s) in yields_to: {unknown}")
        out.append(_Rule(code, labels[code], cues, weak, re.compile("|".join(alts)), unless, yields, when))
    neg = cfg.get("negative") or []
    negative = re.compile("|".join(re.escape(n) for n in neg)) if neg else None
    try:
        shadows = tuple(re.compile(c) for key in ("consequence", "favour_domains") for c in cfg.get(key) or [])
    except re.error as exc:
        raise ConfigError(f"category_rules.yaml: bad consequence or favour_domains regex: {exc}") from exc
    fallback = {"default": "other", **(cfg.get("fallback") or {})}
    for code in fallback.values():
        if code not in labels:
            raise ConfigError(f"category_rules.yaml: unknown fallback code {code!r}")
    try:
        fill_unless = re.compile(cfg["fill_unless"]) if cfg.get("fill_unless") else None
    except re.error as exc:
        raise ConfigError(f"category_rules.yaml: bad fill_unless regex: {exc}") from exc
    before: list[tuple[str, re.Pattern[str]]] = []
    for code, pattern in (cfg.get("before_fallback") or {}).items():
        if code not in labels:
            raise ConfigError(f"category_rules.yaml: unknown before_fallback code {code!r}")
        try:
            before.append((code, re.compile(pattern)))
        except re.error as exc:
            raise ConfigError(f"category_rules.yaml: bad before_fallback regex for {code}: {exc}") from exc
    return CategoryRules(tuple(out), negative, shadows, int(cfg.get("negative_window", 8)),
                         float(cfg.get("threshold", 1.0)), fallback, labels,
                         bool(cfg.get("use_model", True)), fill_unless, tuple(before))


def rule_categories(text: str, r: CategoryRules | None = None) -> list[Category]:
    """Categories the cue rules `r` (default: the shipped ones) find in one case text, each
    with its earliest strong evidence."""
    hits = _scan(text) if r is None or r is rules() else scan_with(r, text)
    found = [Category(code=code, label=label, evidence=text[a:b], start=a, end=b)
             for code, label, a, b in hits]
    found.sort(key=lambda c: c.start)
    return found


def combine(rule_codes: list[str], proba: dict[str, float], settings: dict, *, fill: bool = True) -> list[str]:
    """Codes for a case from the rules' codes and the classifier's probabilities.

    The rules' codes stay unless the classifier finds one very unlikely (`drop_threshold`: a
    cue word used in passing, 虚报 in a case about supervising those who did; the most likely
    of the rules' codes always stays); the classifier adds a code it is sure of
    (`add_threshold`), and when nothing was found it fills in its best code if that is likely
    enough (`fill_threshold`) — unless `fill` is False. The thresholds are tuned by
    document-level cross-validation (scripts/train_categories.py --cv) and stored with the model."""
    out = list(rule_codes)
    drop = float(settings.get("drop_threshold", 0.0))
    if drop > 0 and len(out) > 1:
        kept = [c for c in out if proba.get(c, 1.0) >= drop]
        out = kept or [max(out, key=lambda c: proba.get(c, 1.0))]
    add = float(settings.get("add_threshold", 1.1))
    for code, p in sorted(proba.items(), key=lambda kv: -kv[1]):
        if p >= add and code not in out:
            out.append(code)
    if not out and proba and fill:
        code, p = max(proba.items(), key=lambda kv: kv[1])
        if p >= float(settings.get("fill_threshold", 1.1)):
            out.append(code)
    return out


def extract_categories(text: str, *, doc_type: str = "case_notice", words: list[str] | None = None,
                       categorizer: Categorizer | None = None, heading: str = "") -> list[Category]:
    """Taxonomy categories of one case text: never none for a case of a document.

    Cue rules first (with evidence), then the shipped classifier
    (extractors.category_model) adds and fills in codes, and a case still without any gets
    the fallback code (`other`, 其他违纪违法问题): every case describes some misconduct.
    `doc_type=""` asks for the cue rules alone (case splitting uses them as a sign that a
    passage describes a problem). `words` are the case's jieba words when the caller has
    them (the model then does not segment the text again). `categorizer` is the rules and
    classifier to use (default: the shipped ones, `shipped_categorizer()`). `heading` is the
    section heading the case stands under: a case naming no problem itself, under a heading that
    states one (8个单位存在违规使用公务用车问题： / 一、违反中央八项规定精神问题), has the heading's
    categories (no evidence in the case)."""
    cz = categorizer or shipped_categorizer()
    found = rule_categories(text, cz.rules)
    if not doc_type:
        return found
    if not found and heading:
        from_heading = rule_categories(heading, cz.rules)
        if from_heading:
            return [Category(code=c.code, label=c.label, evidence="", start=0, end=0) for c in from_heading]
    r, model = cz.rules, cz.model
    if model is not None:
        codes = [c.code for c in found]
        proba = model.proba(text, words=words, rule_codes=codes)
        fill = not (r.fill_unless is not None and r.fill_unless.search(text))
        for code in combine(codes, proba, model.settings, fill=fill)[len(codes):]:
            if code in r.labels:
                found.append(Category(code=code, label=r.labels[code], evidence="", start=0, end=0))
    # the fallback (`other`, 其他违纪违法问题) is what a case is when nothing else fits: beside
    # another code (赌博 beside the misappropriation that paid for it) it says nothing more
    if len(found) > 1:
        found = [c for c in found if c.code != r.fallback["default"]] or found
    if not found:
        for code, rx in r.before_fallback:
            m = rx.search(text)
            if m:
                return [Category(code=code, label=r.labels[code], evidence=m.group(0), start=m.start(), end=m.end())]
        code = r.fallback.get(doc_type) or r.fallback["default"]
        found.append(Category(code=code, label=r.labels[code], evidence="", start=0, end=0))
    return found


def _model() -> CategoryModel | None:
    """The shipped classifier, unless config/category_rules.yaml turns it off."""
    return shipped_model() if rules().use_model else None


@lru_cache(maxsize=512)
def _scan(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """(code, label, evidence start, end) per category reaching the threshold (cached: case
    splitting asks about the same texts the categories component then labels)."""
    return scan_with(rules(), text)


def scan_with(r: CategoryRules, text: str) -> tuple[tuple[str, str, int, int], ...]:
    """`_scan` with a given rule set (the training script's cue ablation uses it)."""
    out = []
    # a pattern's `shadow` group, where it has one, is the part whose cues do not count
    shadows = [m.span("shadow") if "shadow" in c.groupindex else m.span()
               for c in r.shadows for m in c.finditer(text)]
    for rule in r.rules:
        if rule.unless is not None and rule.unless.search(text):
            continue
        strong: dict[str, re.Match[str]] = {}
        weak: dict[str, re.Match[str]] = {}
        for m in rule.combined.finditer(text):
            if r.negative is not None and r.negative.search(text, max(0, m.start() - r.window), m.start()):
                continue  # a prohibition or a quoted rule, not a violation
            if any(a <= m.start() < b for a, b in shadows):
                continue  # others' misconduct this case's failure let happen, or a favour's domain
            g = m.lastgroup or ""
            (strong if g.startswith("c") else weak).setdefault(g, m)
        score = len(strong) + 0.5 * len(weak)
        if score >= r.threshold:
            ev = min(strong.values(), key=lambda m: m.start()) if strong else \
                min(weak.values(), key=lambda m: m.start())
            out.append((rule.code, rule.label, ev.start(), ev.end()))
    return tuple(o for o in out if not _yields(o, out, r, text))


# What separates two problems of one case text: a semicolon, a line, the next item (二是, 2.).
_ITEM_BREAK = re.compile(r"[；;]|[二三四五六七八九十]是|(?<!\d)[2-9][.、．](?!\d)")


def _yields(o: tuple[str, str, int, int], found: list[tuple[str, str, int, int]], r: CategoryRules,
            text: str) -> bool:
    """A category found beside one it yields to, in the same item of the case, on evidence of the
    kind that yields (`yields_when`): the other one tells the deed (a report listing a banquet
    problem and a feast problem keeps both)."""
    rule = next(rule for rule in r.rules if rule.code == o[0])
    to = rule.yields_to
    if rule.yields_when is not None and not rule.yields_when.search(text, o[2], o[3]):
        return False
    for code, _label, a, b in found:
        if code in to:
            lo, hi = min(a, o[2]), max(b, o[3])
            if not _ITEM_BREAK.search(text, lo, hi):
                return True
    return False


__all__ = ["Categorizer", "CategoryRules", "build_category_rules", "combine", "extract_categories",
           "rule_categories", "rules", "shipped_categorizer"]
