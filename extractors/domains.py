"""Fields of work (领域) a case is about: 低保, 医保, 三资, 工程项目, 扶贫 ...

The domains and their cue words are data (config/domains.yaml). One Domain per code, with the
earliest cue in the text as its evidence span; domains come in order of first evidence.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from config import load_yaml
from extractors.model import Domain


@dataclass(frozen=True)
class DomainCues:
    """The cue words of config/domains.yaml as one pattern, and the code and label of each."""

    regex: re.Pattern[str]
    code_of: dict[str, str]  # cue -> code
    label_of: dict[str, str]  # code -> label


@lru_cache(maxsize=1)
def domain_cues() -> DomainCues:
    """The shipped cues (config/domains.yaml), built once."""
    return build_domain_cues(load_yaml("domains.yaml"))


def build_domain_cues(data: dict[str, Any]) -> DomainCues:
    """DomainCues from the parsed config/domains.yaml."""
    code_of: dict[str, str] = {}
    label_of: dict[str, str] = {}
    for dom in data["domains"]:
        label_of[dom["code"]] = dom["label"]
        for cue in dom["cues"]:
            code_of.setdefault(cue, dom["code"])
    pattern = "|".join(map(re.escape, sorted(code_of, key=len, reverse=True)))
    return DomainCues(regex=re.compile(pattern), code_of=code_of, label_of=label_of)


def extract_domains(text: str, cues: DomainCues | None = None) -> list[Domain]:
    """One Domain per field of work the text touches, each with its first evidence span
    (`cues`: default, the shipped config/domains.yaml)."""
    return _first_per_code(domain_mentions(text, cues))


def domain_mentions(text: str, cues: DomainCues | None = None) -> list[Domain]:
    """Every cue in `text`, in order (not only the first per code): what a whole document is
    annotated with once, before `domains_within` gives each case its own."""
    cues = cues or domain_cues()
    return [Domain(start=m.start(), end=m.end(), code=(code := cues.code_of[m.group()]),
                   label=cues.label_of[code], text=m.group()) for m in cues.regex.finditer(text)]


def domains_within(text: str, mentions: list[Domain], start: int, end: int,
                   cues: DomainCues | None = None) -> list[Domain]:
    """The domains of the span [start, end) of `text`, from the mentions of the whole text
    (`domain_mentions`), exactly as `extract_domains(text[start:end])` reads them but with
    offsets into `text`: the first mention of each code inside the span. A mention across
    either edge (扶|贫困户, 低保|金) may hide one that the span alone reads, so then the span is
    read on its own; otherwise each mention of the span alone is one of the whole text's
    (cues are literal words, tried longest first)."""
    lo = bisect_right(mentions, start, key=lambda d: d.end)  # the first mention ending after start
    inside: list[Domain] = []
    for d in mentions[lo:]:
        if d.start >= end:
            break
        if d.start < start or d.end > end:
            return [d.model_copy(update={"start": d.start + start, "end": d.end + start})
                    for d in extract_domains(text[start:end], cues)]
        inside.append(d)
    return _first_per_code(inside)


def _first_per_code(mentions: list[Domain]) -> list[Domain]:
    seen: dict[str, Domain] = {}
    for d in mentions:
        if d.code not in seen:
            seen[d.code] = d.model_copy()
    return list(seen.values())


__all__ = ["DomainCues", "build_domain_cues", "domain_cues", "domain_mentions", "domains_within", "extract_domains"]
