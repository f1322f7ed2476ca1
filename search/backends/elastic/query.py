"""The analyst query tree (search/query.py) and the filters, as Elasticsearch query DSL.

Matching is the embedded store's, word for word: a Term matches when all of its jieba
tokens occur in `seg` (a token of two or more characters also as a prefix, so `低保` finds
`低保户`, or as the prefix of a sub-word in `sub`, so `冒领` finds `虚报冒领`: see
`search.query.subwords`), a Phrase when its tokens occur adjacent and in order in `seg`,
AND/OR/NOT as typed. A sub-word match scores the constant SUB_BOOST, below a whole word's
bm25 and a prefix match's PREFIX_BOOST. The
`text.cjk` bigram sub-field only adds to the score (contiguous matches in the published
text rank higher); it never changes which cases match, so both backends agree on totals.
"""
from __future__ import annotations

import re
from typing import Any

from config.errors import QuerySyntaxError
from search.normalize import normalize, region_filter_values, to_simplified
from search.query import And, Node, Not, Or, Phrase, Term, is_han, is_pure_negation, parse, positive_terms, query_tokens

SEG = "seg"
SUB = "sub"
CJK = "text.cjk"
PREFIX_BOOST = 0.2  # a prefix match counts less than the exact token
SUB_BOOST = 0.1  # a match inside a longer word counts less than a prefix match

Query = dict[str, Any]
_WORD = re.compile(r"[^\W_]+")


def index_words(segmented_text: str) -> str:
    """The `seg` field's value: the segmented text cut at every non-alphanumeric character,
    as SQLite's unicode61 tokenizer cuts it (`8.3` is `8` and `3`), so that the whitespace
    analyzer sees exactly the words the embedded store indexes."""
    return " ".join(_WORD.findall(segmented_text))


def _words(tok: str) -> list[str]:
    return _WORD.findall(tok)


def _token(tok: str) -> Query:
    parts = _words(tok)
    if len(parts) > 1:  # "8.3" is two words in the index: they must follow each other
        return {"match_phrase": {SEG: {"query": " ".join(parts), "analyzer": "whitespace"}}}
    tok = parts[0] if parts else tok
    exact: Query = {"term": {SEG: {"value": tok}}}
    if len(tok) < 2:
        return exact
    should = [exact, {"prefix": {SEG: {"value": tok, "boost": PREFIX_BOOST}}}]
    if is_han(tok):
        should.append({"prefix": {SUB: {"value": tok, "boost": SUB_BOOST}}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def to_dsl(node: Node | None) -> Query | None:
    """The bool query of a tree; None when nothing searchable is left (only punctuation)."""
    if node is None:
        return None
    if isinstance(node, Term):
        toks = [t for t in query_tokens(node.text) if _words(t)]
        if any(len(t) > 1 for t in toks):
            # As the embedded store: a one-character word inside a longer term is often glued
            # to its neighbour in the text (东坝村 党支部 书记), so it is left out.
            toks = [t for t in toks if len(t) > 1]
        if not toks:
            return None
        clauses = [_token(t) for t in toks]
        return clauses[0] if len(clauses) == 1 else {"bool": {"must": clauses}}
    if isinstance(node, Phrase):
        toks = [w for t in query_tokens(node.text) for w in _words(t)]
        if not toks:
            return None
        if len(toks) == 1:
            return {"term": {SEG: {"value": toks[0]}}}
        return {"match_phrase": {SEG: {"query": " ".join(toks), "analyzer": "whitespace"}}}
    if isinstance(node, Or):
        for item in node.items:
            if is_pure_negation(item):
                raise QuerySyntaxError("a negation inside OR needs a positive word beside it, e.g. (低保 -村医) OR 特困")
        parts = [q for q in (to_dsl(i) for i in node.items) if q is not None]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else {"bool": {"should": parts, "minimum_should_match": 1}}
    if isinstance(node, Not):
        inner = to_dsl(node.item)
        return {"bool": {"must_not": [inner]}} if inner is not None else None
    assert isinstance(node, And)
    pos = [q for q in (to_dsl(i) for i in node.items if not isinstance(i, Not)) if q is not None]
    neg = [q for q in (to_dsl(i.item) for i in node.items if isinstance(i, Not)) if q is not None]
    if not pos:
        if neg:
            return {"bool": {"must": [{"match_all": {}}], "must_not": neg}}
        return None
    out: Query = {"bool": {"must": pos}}
    if neg:
        out["bool"]["must_not"] = neg
    return out


def text_query(text: str) -> tuple[Query | None, list[str], bool]:
    """(query or None for 'matches nothing', words to highlight, scored) for analyst text,
    searched as typed (no synonyms). An empty text matches everything (unscored)."""
    return tree_query(parse(text))


def tree_query(node: Node | None) -> tuple[Query | None, list[str], bool]:
    """`text_query` of a parsed (and maybe synonym-expanded: search.query.analyse) tree."""
    if node is None:
        return {"match_all": {}}, [], False
    words = positive_terms(node)
    if is_pure_negation(node):
        items = [node] if isinstance(node, Not) else list(node.items)  # type: ignore[union-attr]
        neg = [q for q in (to_dsl(i.item) for i in items) if q is not None]  # type: ignore[union-attr]
        return {"bool": {"must": [{"match_all": {}}], "must_not": neg}}, [], False
    q = to_dsl(node)
    if q is None:
        return None, words, False
    boosts = [{"match_phrase": {CJK: {"query": normalize(w), "boost": 0.5}}} for w in words if normalize(w).strip()]
    if boosts:
        q = {"bool": {"must": [q], "should": boosts}}
    return q, words, True


def pad_date(value: str, fill: str) -> str:
    """A partial ISO date padded to YYYY-MM-DD with `fill` ('00' lowest, '99' highest)."""
    parts = value.split("-")
    while len(parts) < 3:
        parts.append(fill)
    return "-".join(parts[:3])


def filter_clauses(f) -> list[Query]:
    """Filter-context clauses for a `Filters` (any-of within a field, all fields together)."""
    out: list[Query] = []
    for field in ("category", "domain", "sanction", "doc_type"):
        values = [v for v in getattr(f, field) if v]
        if values:
            out.append({"terms": {field: values}})
    regions = region_filter_values(f.region)
    if regions:
        out.append({"terms": {"region": regions}})
    posts = [to_simplified(v) for v in f.post if v]
    if posts:
        out.append({"bool": {"should": [{"wildcard": {"post": {"value": f"*{_wild(p)}*"}}} for p in posts],
                             "minimum_should_match": 1}})
    # Partial dates compare as the embedded store does: a case dated "2019" is within a
    # range that starts or ends inside 2019.
    if f.date_from:
        out.append({"range": {"date_hi": {"gte": f.date_from}}})
    if f.date_to:
        out.append({"range": {"date_lo": {"lte": pad_date(f.date_to, "99")}}})
    if f.amount_min is not None or f.amount_max is not None:
        rng: dict[str, float] = {}
        if f.amount_min is not None:
            rng["gte"] = f.amount_min
        if f.amount_max is not None:
            rng["lte"] = f.amount_max
        out.append({"range": {"amount": rng}})
    if f.doc_id:
        out.append({"term": {"doc_id": f.doc_id}})
    return out


def _wild(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?")
