"""Chinese segmentation: jieba for search, jieba + leian's domain dictionary for extraction.

`tokenize` is what both store backends index and query with, so index and query agree. It
uses jieba's own dictionary on purpose: search wants the parts of long terms as tokens
(a query 低保 must find 低保金, 支部书记 must find 村党支部书记).

`segment` and `get_nlp` (the spaCy pipeline: `spacy.blank("zh")` with the jieba segmenter)
are what extraction runs on; they share ONE jieba tokenizer loaded with
`config/userdict.txt`, so posts such as 村党支部书记 and terms such as 虚报冒领 stay whole.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

import jieba

from config import config_path
from extractors import wordfreq

if TYPE_CHECKING:  # spaCy is imported lazily: `tokenize` alone must not pay for it
    from spacy.language import Language

log = logging.getLogger(__name__)
jieba.setLogLevel(logging.WARNING)

USERDICT = "userdict.txt"


# Texts up to this long (queries) are segmented from jieba's dictionary file
# (extractors.wordfreq) while the dictionary is not loaded: the same tokens, no second of loading.
SHORT_TEXT = 200


@lru_cache(maxsize=1)
def _search_tokenizer() -> jieba.Tokenizer:
    """jieba with its default dictionary only (search tokens)."""
    tk = jieba.Tokenizer()
    tk.initialize()
    wordfreq.ensure_db(tk)  # the next process segments its queries without loading it
    return tk


def _tokenizer_for(text: str) -> jieba.Tokenizer:
    if len(text) <= SHORT_TEXT and not _search_tokenizer.cache_info().currsize:
        short = wordfreq.short_text_tokenizer()
        if short is not None:
            return short
    return _search_tokenizer()


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    """The extraction tokenizer: default dictionary plus the domain user dictionary.

    It is jieba's global tokenizer (`jieba.dt`), which spaCy's zh tokenizer also initialises
    when it is built: one dictionary load per process instead of two.
    """
    tk = jieba.dt
    tk.initialize()
    for line in config_path(USERDICT).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else None
        tk.add_word(parts[0], freq, tag)
    return tk


def tokenize(text: str, hmm: bool = True) -> list[str]:
    """Search tokens of a text: jieba words, whitespace and punctuation dropped.

    `hmm=False` skips jieba's new-word guessing (names and rare words stay split): about
    twice as fast, for analyses that compare dictionary words only (class-case grouping)."""
    return [w for w in _tokenizer_for(text).lcut(text, HMM=hmm) if w.strip() and any(ch.isalnum() for ch in w)]


def segment(text: str) -> list[str]:
    """Plain jieba words of a text (everything kept): the anchor the extraction is timed against."""
    return _tokenizer().lcut(text)


@lru_cache(maxsize=2)
def get_nlp(config_dir: str = "") -> Language:
    """The spaCy pipeline extraction runs in, built once per process (and configuration).

    `spacy.blank("zh")` with the jieba segmenter, sharing the domain-dictionary tokenizer,
    and leian's registered components (see `extractors.components`), each writing its
    labelled spans into `doc.spans`. The components that read rules get them through their
    factory config: one `Rules` (extractors.rules) of `config_dir` ("" is the shipped config/),
    built once and shared by all of them.
    """
    import spacy

    from extractors import components

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer.jieba_seg = _tokenizer()  # type: ignore[attr-defined,union-attr]
    rules = components.rules_config(config_dir)
    for name in components.PIPE_NAMES:
        nlp.add_pipe(name, config={"rules": rules} if name in components.RULED_PIPES else {})
    return nlp


__all__ = ["USERDICT", "get_nlp", "segment", "tokenize"]
