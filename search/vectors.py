"""Term vectors of cases: what class-case grouping and typical-case choice compare.

A case's terms are its content words (search.text.content_terms) without the names of its
people and places, so that two cases are alike for what was done, not for who or where.
Vectors are tf-idf (sublinear tf, smoothed idf over the cases compared), L2-normalised, as
scipy sparse rows; cosine similarity is then a dot product.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

from extractors.model import Case
from search.text import content_terms, simplify


def term_inputs(case: Case) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """What a case's terms are computed from: its text, its people's names, its places."""
    names = tuple(sorted({simplify(p.name) for p in case.people if p.name}))
    places = tuple(sorted({simplify(r.normalized or r.name) for r in case.regions}))
    return case.text, names, places


def case_terms(case: Case) -> list[str]:
    """Content words of a case, without its people's names and its place names (from the
    term cache on disk when one is in use: search.term_cache)."""
    from search.term_cache import active

    cache = active()
    if cache is None:
        return list(_terms(*term_inputs(case)))
    key = cache.key_for(case)
    terms = cache.get(key)
    if terms is None:
        terms = compute_terms(*term_inputs(case))
        cache.put_many({key: terms})
    return list(terms)


@lru_cache(maxsize=20000)
def _terms(text: str, names: tuple[str, ...], places: tuple[str, ...]) -> tuple[str, ...]:
    return compute_terms(text, names, places)


def compute_terms(text: str, names: tuple[str, ...], places: tuple[str, ...]) -> tuple[str, ...]:
    """Content terms of a text without the given names and places (jieba: the slow part)."""
    out = []
    for t in content_terms(text):
        if "某" in t or t in names or t in places:
            continue
        if any(t in n or n in t for n in names if len(n) >= 2) or any(t in p for p in places):
            continue  # 陈场 of 陈场镇: jieba splits place names
        out.append(t)
    return tuple(out)


class TermMatrix:
    """tf-idf rows for a list of term lists (one per case), L2-normalised."""

    def __init__(self, docs: Sequence[Sequence[str]]):
        vocab: dict[str, int] = {}
        df: Counter[str] = Counter()
        for terms in docs:
            for t in set(terms):
                df[t] += 1
        for t in sorted(df):
            vocab[t] = len(vocab)
        n = len(docs)
        self.vocab = vocab
        self.terms = sorted(vocab, key=vocab.__getitem__)
        self.df = df
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in self.terms], dtype=np.float64)
        rows, cols, vals = [], [], []
        for i, terms in enumerate(docs):
            for t, c in Counter(terms).items():
                j = vocab[t]
                rows.append(i)
                cols.append(j)
                vals.append((1.0 + math.log(c)) * idf[j])
        m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float64)
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.matrix = sparse.diags(1.0 / norms) @ m
        self.matrix = sparse.csr_matrix(self.matrix)

    @classmethod
    def from_matrix(cls, matrix: sparse.csr_matrix) -> TermMatrix:
        """A TermMatrix over rows already weighted and normalised (a subset of another's)."""
        tm = cls.__new__(cls)
        tm.vocab, tm.terms, tm.df = {}, [], Counter()
        tm.matrix = sparse.csr_matrix(matrix)
        return tm

    def similarity(self) -> np.ndarray:
        """Dense cosine-similarity matrix (n × n) — for groups of a few thousand rows."""
        s = (self.matrix @ self.matrix.T).toarray()
        np.fill_diagonal(s, 1.0)
        return np.clip(s, 0.0, 1.0)

    def top_neighbours(self, k: int, threshold: float, chunk: int = 512) -> list[list[tuple[int, float]]]:
        """For each row, its k most similar other rows with similarity ≥ threshold
        (computed in chunks, so memory stays at chunk × n)."""
        n = self.matrix.shape[0]
        out: list[list[tuple[int, float]]] = []
        mt = self.matrix.T.tocsc()
        for start in range(0, n, chunk):
            block = (self.matrix[start:start + chunk] @ mt).toarray()
            for r in range(block.shape[0]):
                i = start + r
                row = block[r]
                row[i] = -1.0
                if k < n - 1:
                    idx = np.argpartition(-row, k)[:k]
                else:
                    idx = np.arange(n)
                pairs = sorted(((int(j), float(row[j])) for j in idx if row[j] >= threshold),
                               key=lambda p: (-p[1], p[0]))
                out.append(pairs)
        return out


@lru_cache(maxsize=1)
def general_idf() -> tuple[dict[str, float], float]:
    """jieba's general-language idf table (word → idf) and its median, the background
    against which a class's distinctive terms stand out. Fixed data, so every backend
    gets the same terms from the same cases."""
    import jieba  # not jieba.analyse: importing it loads the same table into a TFIDF object

    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    table: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.partition(" ")
        if value:
            table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


def distinctive_terms(term_lists: Sequence[Sequence[str]], k: int = 10) -> list[tuple[str, float, list[int]]]:
    """The terms that say what a set of cases is about: in many of its cases (coverage) and
    rare in general language (jieba's idf). Returns (term, score, indices of the cases that
    use it), best first; with three or more cases a term must occur in at least two."""
    n = len(term_lists)
    if not n:
        return []
    idf, median = general_idf()
    cover: dict[str, list[int]] = {}
    for i, terms in enumerate(term_lists):
        for t in dict.fromkeys(terms):
            cover.setdefault(t, []).append(i)
    min_docs = 2 if n >= 3 else 1
    scored = [(t, len(idx) / n * idf.get(t, median), idx) for t, idx in cover.items() if len(idx) >= min_docs]
    scored.sort(key=lambda x: (-x[1], x[0]))
    out: list[tuple[str, float, list[int]]] = []
    for t, score, idx in scored:
        # 危房 adds nothing next to 危房改造 found in the same cases
        if any((t in o or o in t) and set(idx) <= set(oi) for o, _, oi in out):
            continue
        out.append((t, round(score, 4), idx))
        if len(out) >= k:
            break
    return out
