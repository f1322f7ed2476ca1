"""Chinese segmentation: jieba with leian's domain dictionary.

`tokenize` is what both store backends index and query with, so index and query agree.
"""
from __future__ import annotations

from functools import lru_cache

import jieba


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def tokenize(text: str) -> list[str]:
    """Search tokens of a text: jieba words, whitespace and punctuation dropped."""
    return [w for w in _tokenizer().lcut(text) if w.strip() and any(ch.isalnum() for ch in w)]
