"""Tibetan and Mongolian personal names written in Chinese: no Han surname, two or more name
syllables (洛桑丹增尼玛 = 洛桑 + 丹增 + 尼玛, 敖特根巴雅尔 = 敖特根 + 巴雅尔).

The people rules find a Han name by its surname; these names have none, so after a post
(副市长洛桑丹增尼玛) they would be passed over, and the statistical model's candidates refused.
A name here is a run of known syllables (config/people.yaml `minority_name_parts`), two or
more, that no longer run of syllables continues.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

_MAX_CHARS = 10


@dataclass(frozen=True)
class NameParts:
    """The known syllables and the longest of them."""

    parts: frozenset[str]
    longest: int

    @classmethod
    def of(cls, parts: Iterable[str]) -> NameParts:
        ps = frozenset(p for p in parts if p)
        return cls(ps, max((len(p) for p in ps), default=0))


def _runs(text: str, i: int, parts: NameParts) -> list[tuple[int, int]]:
    """(length, syllables) of every run of syllables starting at i, up to _MAX_CHARS."""
    out: list[tuple[int, int]] = []
    frontier = [(0, 0)]
    while frontier:
        n, k = frontier.pop()
        for size in range(1, parts.longest + 1):
            if n + size <= _MAX_CHARS and text[i + n:i + n + size] in parts.parts and i + n + size <= len(text):
                out.append((n + size, k + 1))
                frontier.append((n + size, k + 1))
    return out


def name_length(text: str, i: int, parts: NameParts) -> int:
    """Length of the longest name of two or more syllables starting at i (0 when none)."""
    runs = [n for n, k in _runs(text, i, parts) if k >= 2]
    return max(runs, default=0)


def is_name(name: str, parts: NameParts) -> bool:
    """`name` is two or more known syllables, nothing else."""
    return any(n == len(name) and k >= 2 for n, k in _runs(name, 0, parts))


__all__ = ["NameParts", "is_name", "name_length"]
