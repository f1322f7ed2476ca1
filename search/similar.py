"""Similar cases: tf-idf over distinctive jieba terms, boosted by shared category and domain.

Backend-neutral maths; the backend supplies document frequencies and candidates:
1. `distinctive_terms()` weighs the case's own terms by tf-idf (stopwords and single
   characters left out) and keeps the top N — they say what the case is about;
2. the backend retrieves candidates that contain any of them (an OR query, bm25-ranked);
3. `rerank()` scores each candidate by cosine similarity of tf-idf vectors restricted to
   those terms, adds a boost per shared category and domain, and keeps the reasons.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from config import load_lines
from extractors.model import Case
from search.store import SimilarHit

TOP_TERMS = 24  # distinctive terms per case used for retrieval and scoring
CANDIDATES = 150  # candidates re-ranked per query
CATEGORY_BOOST = 0.12  # per shared problem category
DOMAIN_BOOST = 0.06  # per shared domain
REASON_TERMS = 8  # shared terms named in the reason


def stopwords() -> frozenset[str]:
    """Words too common in notices to say what a case is about (config/stopwords_similar.txt)."""
    return frozenset(load_lines("stopwords_similar.txt"))


def _useful(term: str, stop: frozenset[str]) -> bool:
    return len(term) >= 2 and term not in stop and not term.replace(".", "").isdigit()


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


def rerank(case: Case, query_terms: list[tuple[str, float]],
           candidates: Iterable[tuple[Case, list[str]]], df: Mapping[str, int], n_docs: int,
           k: int) -> list[SimilarHit]:
    """Score candidates against the case: cosine over tf-idf vectors, plus category/domain boosts.

    `df` must hold the document frequency of every term of the candidates that is not a
    stopword (terms missing count as rare). The score is in [0, 1 + boosts].
    """
    qv = dict(query_terms)
    qnorm = math.sqrt(sum(w * w for w in qv.values())) or 1.0
    qcats = {c.code for c in case.categories}
    qdoms = {d.code for d in case.domains}
    hits = []
    for cand, tokens in candidates:
        cv = _vector(tokens, df, n_docs)
        cnorm = math.sqrt(sum(w * w for w in cv.values())) or 1.0
        shared = sorted((t for t in qv if t in cv), key=lambda t: -qv[t] * cv[t])
        cosine = sum(qv[t] * cv[t] for t in shared) / (qnorm * cnorm)
        cats = sorted(qcats & {c.code for c in cand.categories})
        doms = sorted(qdoms & {d.code for d in cand.domains})
        score = cosine + CATEGORY_BOOST * len(cats) + DOMAIN_BOOST * len(doms)
        if score <= 0:
            continue
        hits.append(SimilarHit(case=cand, score=round(score, 4), shared_terms=shared[:REASON_TERMS],
                               shared_categories=cats, shared_domains=doms))
    hits.sort(key=lambda h: (-h.score, h.case.id))
    return hits[:k]


def reason(hit: SimilarHit) -> str:
    """One line saying why a case is similar: shared terms, categories and domains."""
    parts = []
    if hit.shared_categories:
        parts.append("同类问题: " + "、".join(hit.shared_categories))
    if hit.shared_domains:
        parts.append("同一领域: " + "、".join(hit.shared_domains))
    if hit.shared_terms:
        parts.append("共同词语: " + "、".join(hit.shared_terms))
    return "; ".join(parts)
