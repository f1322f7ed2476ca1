"""Similar cases: tf-idf over distinctive jieba terms, boosted by shared category and domain.

Backend-neutral maths; the backend supplies document frequencies and candidates:
1. `distinctive_terms()` weighs the case's own terms by tf-idf (stopwords and single
   characters left out) and keeps the top N — they say what the case is about;
2. the backend retrieves candidates that contain any of them (an OR query, bm25-ranked),
   using `select_query_terms()` (terms another case can share, not ubiquitous ones);
3. `rerank()` scores each candidate by cosine similarity of tf-idf vectors (the query side
   restricted to its distinctive terms), adds a boost per shared category and domain, and
   keeps the reasons (`reason()` says them in one line). A candidate that shares neither a
   category nor a domain is listed only when it shares at least MIN_SHARED_TERMS distinctive
   terms (pseudonyms such as 陈某 not counted) and its cosine reaches MIN_TERMS_ONLY: two
   cases that only both say 村民 or 商议 are not alike.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from config import load_lines
from search.store import SimilarHit

TOP_TERMS = 8  # distinctive terms per case used for retrieval and scoring
CANDIDATES = 50  # candidates re-ranked per query
CATEGORY_BOOST = 0.12  # per shared problem category
DOMAIN_BOOST = 0.06  # per shared domain
REASON_TERMS = 8  # shared terms named in the reason
MIN_SHARED_TERMS = 2  # a candidate alike by wording alone shares at least this many terms…
MIN_TERMS_ONLY = 0.15  # …and its cosine reaches this
_PSEUDONYM = re.compile(r"^.{1,2}某某?.?$")  # 陈某, 张某某, 吴某新: a name, not a subject matter


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words too common in notices to say what a case is about (config/stopwords_similar.txt)."""
    return frozenset(load_lines("stopwords_similar.txt"))


def _useful(term: str, stop: frozenset[str]) -> bool:
    return len(term) >= 2 and term not in stop and not term[0].isdigit()


def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def distinctive_terms(tokens: Iterable[str], df: Mapping[str, int], n_docs: int,
                      top: int = TOP_TERMS) -> list[tuple[str, float]]:
    """The case's top terms by tf-idf, as (term, weight), heaviest first."""
    stop = stopwords()
    tf = Counter(t for t in tokens if _useful(t, stop))
    weights = {t: (1 + math.log(c)) * idf(df.get(t, 0), n_docs) for t, c in tf.items()}
    return sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def _vector(tokens: Iterable[str], df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    stop = stopwords()
    tf = Counter(t for t in tokens if _useful(t, stop))
    return {t: (1 + math.log(c)) * idf(df.get(t, 0), n_docs) for t, c in tf.items()}


@dataclass(frozen=True)
class Candidate:
    """A case fetched as a candidate: its key (e.g. a row id), index tokens, categories, domains."""

    key: object
    tokens: list[str]
    categories: frozenset[str]
    domains: frozenset[str]


@dataclass(frozen=True)
class Scored:
    key: object
    score: float
    shared_terms: list[str]
    shared_categories: list[str]
    shared_domains: list[str]


def select_query_terms(tokens: Iterable[str], df: Mapping[str, int], n_docs: int,
                       top: int = TOP_TERMS) -> list[tuple[str, float]]:
    """The terms to retrieve candidates with: the most distinctive ones that another case
    can share (df ≥ 2) and that are not everywhere (df ≤ 20 % of cases)."""
    cap = int(n_docs * 0.2) if n_docs >= 50 else n_docs
    weighted = distinctive_terms(tokens, df, n_docs, top=10 ** 6)
    return [(t, w) for t, w in weighted if 2 <= df.get(t, 0) <= cap][:top]


def rerank(query_terms: list[tuple[str, float]], categories: Iterable[str], domains: Iterable[str],
           candidates: Iterable[Candidate], df: Mapping[str, int], n_docs: int) -> list[Scored]:
    """Score candidates: cosine of tf-idf vectors (the query side restricted to its
    distinctive terms), plus CATEGORY_BOOST per shared category and DOMAIN_BOOST per shared
    domain; best first. `df` should cover the candidates' terms (missing ones count as rare)."""
    qv = dict(query_terms)
    qnorm = math.sqrt(sum(w * w for w in qv.values())) or 1.0
    qcats, qdoms = set(categories), set(domains)
    out = []
    for cand in candidates:
        cv = _vector(cand.tokens, df, n_docs)
        cnorm = math.sqrt(sum(w * w for w in cv.values())) or 1.0
        shared = sorted((t for t in qv if t in cv), key=lambda t: -qv[t] * cv[t])
        cosine = sum(qv[t] * cv[t] for t in shared) / (qnorm * cnorm)
        cats = sorted(qcats & cand.categories)
        doms = sorted(qdoms & cand.domains)
        score = cosine + CATEGORY_BOOST * len(cats) + DOMAIN_BOOST * len(doms)
        if not cats and not doms and (
                cosine < MIN_TERMS_ONLY or sum(not _PSEUDONYM.match(t) for t in shared) < MIN_SHARED_TERMS):
            continue  # alike by a word or two that any notice may say
        if score > 0:
            out.append(Scored(cand.key, round(score, 4), shared[:REASON_TERMS], cats, doms))
    out.sort(key=lambda s: (-s.score, str(s.key)))
    return out


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """Category and domain codes → their Chinese labels (config/taxonomy.yaml, domains.yaml)."""
    from config import load_yaml

    out = {c["code"]: c.get("label", c["code"]) for c in load_yaml("taxonomy.yaml").get("categories", [])}
    try:
        out.update({d["code"]: d.get("label", d["code"]) for d in load_yaml("domains.yaml").get("domains", [])})
    except FileNotFoundError:
        pass
    return out


def reason(hit: SimilarHit) -> str:
    """One line saying why a case is similar: shared categories, domains and terms."""
    labels = _labels()
    parts = []
    if hit.shared_categories:
        parts.append("同类问题: " + "、".join(labels.get(c, c) for c in hit.shared_categories))
    if hit.shared_domains:
        parts.append("同一领域: " + "、".join(labels.get(d, d) for d in hit.shared_domains))
    if hit.shared_terms:
        parts.append("共同词语: " + "、".join(hit.shared_terms))
    return "; ".join(parts)
