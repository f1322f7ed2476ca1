"""Text normalisation shared by indexing and querying: traditional → simplified script.

Several real notices are published in traditional script; analysts type simplified. Both
the indexed text and the query go through `to_simplified`, so `貪污` finds `贪污`. The
conversion (OpenCC t2s) is only run when a text holds a traditional character, which
keeps indexing of simplified text fast.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from extractors.divisions import normalize_region


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters that OpenCC's t2s table changes (its first choice differs)."""
    import opencc

    table = Path(opencc.__file__).resolve().parent / "dictionary" / "TSCharacters.txt"
    chars = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        first = values.split(" ")[0] if values else key
        if len(key) == 1 and first != key:
            chars.add(key)
    return frozenset(chars)


def has_traditional(text: str) -> bool:
    """True when the text contains at least one character t2s would change."""
    return not _traditional_chars().isdisjoint(text)


def to_simplified(text: str) -> str:
    """The text in simplified script (unchanged when it has no traditional character)."""
    if not text or not has_traditional(text):
        return text
    return _converter().convert(text)


_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20


def normalize(text: str) -> str:
    """Simplified script, ASCII forms of full-width letters/digits/punctuation."""
    return to_simplified(text).translate(_FULLWIDTH)


def region_filter_values(values: Iterable[str]) -> list[str]:
    """--region values as the stores index them: simplified script, a division's short form
    as its full name (阿坝州 → 阿坝藏族羌族自治州, 湖北 → 湖北省); the value as given too."""
    out: list[str] = []
    for v in values:
        if v and v.strip():
            v = to_simplified(v.strip())
            out.extend(dict.fromkeys([normalize_region(v), v]))
    return list(dict.fromkeys(out))
