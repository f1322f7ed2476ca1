"""Places in a case text: province, city, county, township, village, with their level.

Provinces and prefecture-level units come from a lexicon (config/regions.yaml: all 34
provincial units with short forms, every 地级市/自治州/地区/盟). Counties, townships and
villages are too many to list, so a suffix rule finds them (县/区/市/旗, 镇/乡/街道,
村/社区/居委会) where a name can start: after another place (陈场镇黄湾村), after
punctuation or a number, or after a function word (在、向、对、赴 ...). Generic words that end
the same way (本村、全县、村民、开发区) are not places: see `not_names` in the lexicon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from config import load_yaml
from extractors.model import Region, RegionLevel

_BOUNDARY = set("在向对到赴于从是的和与及、给把将被由任系为，,。；;：:（）()“”\"《》！？!?\n\t 　原驻经据至往自")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_PUNCT = frozenset("、，,。；;：:（）()“”\"《》！？!?的在是")
_RANK = {"province": 0, "city": 1, "county": 2, "township": 3, "village": 4}


@dataclass(frozen=True)
class _Gazetteer:
    lexicon: re.Pattern[str]
    first_chars: frozenset[str]
    entries: dict[str, tuple[str, RegionLevel]]  # surface -> (full name, level)
    suffix_re: re.Pattern[str]
    suffix_level: dict[str, RegionLevel]
    not_names: frozenset[str]
    not_in_name: frozenset[str]
    one_char: frozenset[str]
    boundary_words: tuple[str, ...]
    boundary_re: re.Pattern[str]
    not_endings: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    data = load_yaml("regions.yaml")
    entries: dict[str, tuple[str, RegionLevel]] = {}
    for prov in data["provinces"]:
        entries[prov["name"]] = (prov["name"], "province")
        for short in prov.get("short", []):
            entries.setdefault(short, (prov["name"], "province"))
        for city in prov.get("cities", []):
            name, shorts = (city, []) if isinstance(city, str) else (city["name"], city.get("short", []))
            entries[name] = (name, "city")
            for short in shorts:
                entries.setdefault(short, (name, "city"))
    surfaces = sorted(entries, key=len, reverse=True)
    suffix_level: dict[str, RegionLevel] = {}
    for level in ("village", "township", "county"):
        for suffix in data["suffixes"][level]:
            suffix_level[suffix] = level  # type: ignore[assignment]
    suffixes = sorted(suffix_level, key=len, reverse=True)
    return _Gazetteer(
        lexicon=re.compile("|".join(map(re.escape, surfaces))),
        first_chars=frozenset(s[0] for s in surfaces),
        entries=entries,
        suffix_re=re.compile(r"([\u4e00-\u9fff]{1,6}?)(" + "|".join(map(re.escape, suffixes)) + ")"),
        suffix_level=suffix_level,
        not_names=frozenset(data["not_names"]),
        not_in_name=frozenset(data["not_in_name"]),
        one_char=frozenset(data["one_char_counties"]),
        boundary_words=tuple(sorted(data.get("boundary_words", ()), key=len, reverse=True)),
        boundary_re=re.compile("|".join(map(re.escape, sorted(data.get("boundary_words", ()), key=len, reverse=True)))),
        not_endings={k: tuple(v) for k, v in data.get("not_name_endings", {}).items()},
    )


def _rule_unit(text: str, pos: int, gz: _Gazetteer, chained: bool) -> tuple[int, RegionLevel] | None:
    """A county/township/village name by suffix starting at `pos`: (end, level) or None."""
    m = gz.suffix_re.match(text, pos)
    if not m:
        return None
    name, suffix = m.group(1), m.group(2)
    level = gz.suffix_level[suffix]
    banned = _PUNCT if chained else gz.not_in_name  # after a place, any name may follow (共和村)
    if any(ch in banned for ch in name) or name in gz.not_names:
        return None
    if name.startswith(gz.boundary_words) or name.endswith(gz.not_endings.get(suffix[-1], ())):
        return None
    if len(name) < 2 and not (suffix == "县" and name in gz.one_char):
        return None
    if gz.lexicon.fullmatch(name + suffix) is None and gz.lexicon.match(text, pos) is not None:
        return None  # a listed place starts here: the lexicon reads it
    nxt = text[m.end():m.end() + 4]
    if suffix == "市" and nxt.startswith(("场", "民", "值", "面", "容")):
        return None
    if suffix == "区" and nxt.startswith(("域", "别", "间", "分", "划")):
        return None
    if suffix == "乡" and nxt.startswith(("村", "镇", "亲", "里", "愁", "贤", "土")):
        return None
    if suffix == "村" and nxt.startswith("民") and not nxt.startswith("民委员会"):
        return None
    if suffix == "村" and not chained and not nxt.startswith(("党", "支部", "村委", "委", "“两委”", "两委", "民委员会", "居委", "集体", "组")):
        return None  # a village alone needs its organisation after it (共和村党支部)
    return m.end(), level


def extract_regions(text: str) -> list[Region]:
    """Every place named in `text`, with its level, in order of appearance."""
    gz = _gazetteer()
    out: list[Region] = []
    pos, n = 0, len(text)
    eligible = True  # can a name start at pos?
    while pos < n:
        m = gz.lexicon.match(text, pos) if text[pos] in gz.first_chars else None
        chained = bool(out) and out[-1].end == pos
        prev_rank = _RANK[out[-1].level] if chained else -1
        if m and (eligible or len(m.group()) >= 3 or chained):
            full, level = gz.entries[m.group()]
            out.append(Region(start=pos, end=m.end(), name=m.group(), level=level, normalized=full))
            pos = m.end()
            eligible = True
            continue
        if (eligible or chained) and _HAN.match(text[pos]):
            word = gz.boundary_re.match(text, pos)
            if word:
                pos = word.end()
                eligible = True
                continue
            unit = _rule_unit(text, pos, gz, chained)
            if unit and chained and not eligible and _RANK[unit[1]] <= prev_rank:
                unit = None
            if unit:
                end, level = unit
                out.append(Region(start=pos, end=end, name=text[pos:end], level=level, normalized=text[pos:end]))
                pos = end
                continue
        eligible = text[pos] in _BOUNDARY or not _HAN.match(text[pos])
        pos += 1
    return out


__all__ = ["extract_regions"]
