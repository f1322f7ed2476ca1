"""Highlighted snippets on the original text: the window with most query words, 【】 around them.

Computed from the case's original text (not the segmented index text), so punctuation and
spacing are as published. Backend-neutral: both store backends call `snippet()`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from search.normalize import normalize

OPEN, CLOSE = "【", "】"


class Needles:
    """The words of a query prepared once for the snippets of all its hits: normalised,
    longest first, each with its compiled pattern."""

    def __init__(self, words: Iterable[str]) -> None:
        norm = [normalize(w) for w in words]
        self.patterns = [(n, re.compile(re.escape(n), flags=re.I))
                         for n in sorted({n for n in norm if n}, key=len, reverse=True)]


def _spans(hay: str, needles: Needles) -> list[tuple[int, int, str]]:
    """Non-overlapping occurrences of the needles (longest first wins)."""
    found: list[tuple[int, int, str]] = []
    taken = bytearray(len(hay))
    for needle, pattern in needles.patterns:
        for m in pattern.finditer(hay):
            s, e = m.span()
            if not any(taken[s:e]):
                found.append((s, e, needle))
                taken[s:e] = b"\x01" * (e - s)
    return sorted(found)


def snippet(text: str, words: Iterable[str] | Needles, width: int = 120) -> str:
    """A window of about `width` characters of `text` with the most distinct `words` in it,
    each occurrence wrapped in 【】; the start of the text when nothing matches. A search
    passes its words prepared once (Needles) for all its hits."""
    norm = normalize(text)
    shown = text if len(norm) == len(text) else norm
    spans = _spans(norm, words if isinstance(words, Needles) else Needles(words))
    if not spans:
        flat = " ".join(shown.split())
        return flat[:width] + ("…" if len(flat) > width else "")
    best_start, best_score = spans[0][0], -1
    for s, _, _ in spans:
        inside = {w for ss, ee, w in spans if ss >= s and ee <= s + width}
        if len(inside) > best_score:
            best_start, best_score = s, len(inside)
    start = max(0, best_start - width // 4)
    end = min(len(shown), start + width)
    start = max(0, min(start, end - width))
    out, pos = [], start
    for s, e, _ in spans:
        if s < start or e > end:
            continue
        out.append(shown[pos:s])
        out.append(OPEN + shown[s:e] + CLOSE)
        pos = e
    out.append(shown[pos:end])
    body = " ".join("".join(out).split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(shown) else "")
