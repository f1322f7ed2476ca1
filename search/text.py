"""Text helpers for class-case analysis: simplified script, content terms, clauses.

Notices come in simplified and traditional script; counting terms, posts and phrases
across a class must treat 黨支部書記 and 党支部书记 as the same words, so analysis runs
on the simplified form (OpenCC), while quotes shown to readers keep the original text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from config import load_lines
from extractors.segment import tokenize

_CLAUSE_END = re.compile(r"[。；;！!？?\n]+")
_CLAUSE_SPLIT = re.compile(r"[，,。；;！!？?\n：:]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGITS = re.compile(r"^[\d.%％]+$")


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters that OpenCC's t2s table changes (the fast test for 'needs converting')."""
    from pathlib import Path

    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    chars = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if len(key) == 1 and values.split(" ")[0] != key:
            chars.add(key)
    return frozenset(chars)


def simplify(text: str) -> str:
    """The simplified-script form of a text (unchanged, and fast, when already simplified)."""
    if not text or not (set(text) & _traditional_chars()):
        return text
    return _t2s().convert(text)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words that say nothing about what a class of cases is about (config/summary_stopwords.txt)."""
    return frozenset(load_lines("summary_stopwords.txt"))


def content_terms(text: str) -> list[str]:
    """Content words of a text for similarity and distinctive terms: simplified, jieba-segmented,
    single characters, numbers and stopwords dropped."""
    stop = stopwords()
    out = []
    for tok in tokenize(simplify(text)):
        if len(tok) < 2 or _DIGITS.match(tok) or tok in stop or not _HAN.search(tok):
            continue
        out.append(tok)
    return out


def clauses(text: str) -> list[str]:
    """Comma/semicolon-separated clauses of a text, stripped, in order."""
    return [c.strip(" \t“”\"'（）()") for c in _CLAUSE_SPLIT.split(text) if c.strip()]


def sentences(text: str) -> list[str]:
    """Sentences of a text (split on 。；！？ and newlines), stripped, in order."""
    return [s.strip() for s in _CLAUSE_END.split(text) if s.strip()]
