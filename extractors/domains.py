"""Fields of work (领域) a case is about: 低保, 医保, 三资, 工程项目, 扶贫 ...

The domains and their cue words are data (config/domains.yaml). One Domain per code, with the
earliest cue in the text as its evidence span; domains come in order of first evidence.
"""
from __future__ import annotations

import re
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
    cues = cues or domain_cues()
    seen: dict[str, Domain] = {}
    for m in cues.regex.finditer(text):
        code = cues.code_of[m.group()]
        if code not in seen:
            seen[code] = Domain(start=m.start(), end=m.end(), code=code, label=cues.label_of[code], text=m.group())
    return list(seen.values())


__all__ = ["DomainCues", "build_domain_cues", "domain_cues", "extract_domains"]
