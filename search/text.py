"""Text helpers for class-case analysis: simplified script, content terms, clauses.

Notices come in simplified and traditional script; counting terms, posts and phrases
across a class must treat 黨支部書記 and 党支部书记 as the same words, so analysis runs
on the simplified form (OpenCC), while quotes shown to readers keep the original text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from config import load_lines, load_yaml
from extractors.segment import tokenize
from search.normalize import to_simplified

_CLAUSE_END = re.compile(r"[。；;！!？?\n]+")
_CLAUSE_SPLIT = re.compile(r"[，,。；;！!？?\n：:]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGITS = re.compile(r"^[\d.%％]+$")


def simplify(text: str) -> str:
    """The simplified-script form of a text (the store's own normalisation, so analysis and
    index agree; fast when the text is already simplified)."""
    return to_simplified(text)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words that say nothing about what a class of cases is about (config/summary_stopwords.txt)."""
    return frozenset(load_lines("summary_stopwords.txt"))


@lru_cache(maxsize=1)
def phrases() -> frozenset[str]:
    """Terms of the domain that jieba splits (优亲 + 厚友): the taxonomy's and the domain
    lexicon's cue words, kept whole in content terms."""
    out: set[str] = set()
    for c in load_yaml("taxonomy.yaml")["categories"]:
        out.update(c.get("cues") or ())
    try:
        for d in load_yaml("domains.yaml")["domains"]:
            out.update(d.get("cues") or ())
    except FileNotFoundError:
        pass
    return frozenset(p for p in out if len(p) >= 3)


@lru_cache(maxsize=1)
def _phrase_prefixes() -> frozenset[str]:
    return frozenset(p[:k] for p in phrases() for k in range(1, len(p)))


def _join_phrases(tokens: list[str]) -> list[str]:
    """Rejoin runs of two to four tokens that make one domain term (优+亲+厚+友)."""
    known = phrases()
    prefixes = _phrase_prefixes()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] not in prefixes:
            out.append(tokens[i])
            i += 1
            continue
        for n in (4, 3, 2):
            if i + n <= len(tokens) and "".join(tokens[i:i + n]) in known:
                out.append("".join(tokens[i:i + n]))
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def content_terms(text: str) -> list[str]:
    """Content words of a text for similarity and distinctive terms: simplified, jieba-segmented
    (domain terms kept whole), single characters, numbers and stopwords dropped."""
    stop = stopwords()
    out = []
    for tok in _join_phrases(tokenize(simplify(text), hmm=False)):
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


# --- text fit to send: simplified script, full-width punctuation, nested quotes ----------------
_HAN_OR_FW = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]"
# ASCII punctuation next to Chinese (before or after it) becomes its full-width form; between
# digits or Latin letters it stays (65.53万元, 08:38, GB/T 9704).
_FW_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_ASCII_NEAR_HAN = re.compile(rf"(?<={_HAN_OR_FW})\s*([,;:?!()])\s*|\s*([,;:?!()])\s*(?={_HAN_OR_FW})")
_ASCII_QUOTED = re.compile(r'"([^"\n]{1,200})"')
_ASCII_PERIOD = re.compile(rf"(?<={_HAN_OR_FW})\.(?!\d)(?=\s|{_HAN_OR_FW}|$)")
_CORNER = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’", "﹁": "“", "﹂": "”"})


def nest_quotes(text: str) -> str:
    """Quotation marks inside quotation marks become single ones: “甲“乙”丙” → “甲‘乙’丙”
    (and ‘…’ inside those double again). Unbalanced closing marks are left as written."""
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch in "“‘":
            out.append("“" if depth % 2 == 0 else "‘")
            depth += 1
        elif ch in "”’" and depth:
            depth -= 1
            out.append("”" if depth % 2 == 0 else "’")
        else:
            out.append(ch)
    return "".join(out)


def official(text: str) -> str:
    """A text as a document sent to a Party committee prints it: simplified script (OpenCC t2s,
    as the store normalises), full-width Chinese punctuation (，；：？！（）, “…” for "…" and
    「…」), and quotes within quotes as ‘…’. The wording is kept."""
    if not text:
        return text
    out = simplify(text).translate(_CORNER)
    if any(c in out for c in ',;:?!()".'):
        out = _ASCII_QUOTED.sub(lambda m: f"“{m.group(1)}”" if _HAN.search(m.group(1)) else m.group(0), out)
        out = _ASCII_NEAR_HAN.sub(lambda m: _FW_PUNCT[m.group(1) or m.group(2)], out)
        out = _ASCII_PERIOD.sub("。", out)
    return nest_quotes(out)
