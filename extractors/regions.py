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
from typing import Any

from config import load_yaml
from extractors.model import Region, RegionLevel

_BOUNDARY = set("在向对到赴于从是的和与及、给把将被由任系为，,。；;：:（）()“”\"《》！？!?\n\t 　原驻经据至往自")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# never in a place name, even right after another place: punctuation, function words, and
# the characters of organisations (硚口区环保局给予区…)
_PUNCT = frozenset("、，,。；;：:（）()“”\"《》！？!?的在是对给予向把被将从局厅办所站院委")
_RANK = {"province": 0, "city": 1, "county": 2, "township": 3, "village": 4}


@dataclass(frozen=True)
class Gazetteer:
    """The places of config/regions.yaml, compiled once: the lexicon of provinces and cities,
    the suffixes of counties, townships and villages, and the words that are no place."""

    lexicon: re.Pattern[str]
    first_chars: frozenset[str]
    entries: dict[str, tuple[str, RegionLevel]]  # surface -> (full name, level)
    suffix_re: re.Pattern[str]
    suffix_level: dict[str, RegionLevel]
    not_names: frozenset[str]
    not_in_name: frozenset[str]
    one_char: frozenset[str]
    boundary_words: tuple[str, ...]
    city_short_re: re.Pattern[str]
    city_shorts: dict[str, str]  # 营口 -> 营口市
    boundary_re: re.Pattern[str]
    not_endings: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (config/regions.yaml), built once."""
    return build_gazetteer(load_yaml("regions.yaml"))


def build_gazetteer(data: dict[str, Any]) -> Gazetteer:
    """A Gazetteer from the parsed config/regions.yaml."""
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
    city_shorts = {name[:-1]: name for name, (_, level) in entries.items()
                   if level == "city" and name.endswith("市") and len(name) >= 3}
    suffix_level: dict[str, RegionLevel] = {}
    for level in ("village", "township", "county"):
        for suffix in data["suffixes"][level]:
            suffix_level[suffix] = level  # type: ignore[assignment]
    suffixes = sorted(suffix_level, key=len, reverse=True)
    return Gazetteer(
        lexicon=re.compile("|".join(map(re.escape, surfaces))),
        first_chars=frozenset(s[0] for s in surfaces),
        entries=entries,
        suffix_re=re.compile("|".join(map(re.escape, suffixes))),
        suffix_level=suffix_level,
        not_names=frozenset(data["not_names"]),
        not_in_name=frozenset(data["not_in_name"]),
        one_char=frozenset(data["one_char_counties"]),
        boundary_words=tuple(sorted(data.get("boundary_words", ()), key=len, reverse=True)),
        boundary_re=re.compile("|".join(map(re.escape, sorted(data.get("boundary_words", ()), key=len, reverse=True)))),
        not_endings={k: tuple(v) for k, v in data.get("not_name_endings", {}).items()},
        city_short_re=re.compile("|".join(map(re.escape, sorted(city_shorts, key=len, reverse=True)))),
        city_shorts=city_shorts,
    )


def _rule_unit(text: str, pos: int, gz: Gazetteer, chained: bool, below: int = -1) -> tuple[int, RegionLevel] | None:
    """A county/township/village name by suffix starting at `pos`: (end, level) or None.

    Names of one to six characters are tried, shortest first (新村镇 is a township named 新村,
    not a village named 新); `below` is the rank the unit must lie under (a place chained
    after a county is a township or a village).
    """
    for size in range(1, 7):
        m = gz.suffix_re.match(text, pos + size)
        if not m:
            continue
        name, suffix = text[pos:pos + size], m.group()
        level = gz.suffix_level[suffix]
        if _RANK[level] <= below:
            continue
        if _valid_name(text, pos, name, suffix, m.end(), gz, chained):
            return m.end(), level
    return None


def _valid_name(text: str, pos: int, name: str, suffix: str, end: int, gz: Gazetteer, chained: bool) -> bool:
    banned = _PUNCT if chained else gz.not_in_name  # after a place, any name may follow (共和村)
    if any(ch in banned for ch in name) or name in gz.not_names:
        return False
    if "县" in name or "省" in name or any(ch in name[1:] for ch in "镇乡区市"):
        return False  # 泸县福集镇 is two places, not one township
    if name.startswith(gz.boundary_words) or name.endswith(gz.not_endings.get(suffix[-1], ())):
        return False
    if len(name) < 2 and not (suffix == "县" and name in gz.one_char):
        return False
    if gz.lexicon.fullmatch(name + suffix) is None and gz.lexicon.match(text, pos) is not None:
        return False  # a listed place starts here: the lexicon reads it
    nxt = text[end:end + 4]
    if suffix == "县" and nxt.startswith(("级", "长", "域")):
        return False
    if suffix == "市" and nxt.startswith(("场", "民", "值", "面", "容")):
        return False
    if suffix == "区" and nxt.startswith(("域", "别", "间", "分", "划")):
        return False
    if suffix == "乡" and nxt.startswith(("村", "镇", "亲", "里", "愁", "贤", "土")):
        return False
    if suffix == "村" and nxt.startswith("民") and not nxt.startswith("民委员会"):
        return False
    if suffix == "村" and not chained and not nxt.startswith(("党", "支部", "村委", "委", "“两委”", "两委", "民委员会", "居委", "集体", "组")):
        return False  # a village alone needs its organisation after it (共和村党支部)
    return True


def extract_regions(text: str, gz: Gazetteer | None = None) -> list[Region]:
    """Every place named in `text`, with its level, in order of appearance.

    `gz` is the lexicon to read places with (default: the shipped config/regions.yaml)."""
    gz = gz or gazetteer()
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
            eligible = False
            continue
        if (eligible or chained) and _HAN.match(text[pos]):
            word = gz.boundary_re.match(text, pos)
            if word:
                pos = word.end()
                eligible = True
                continue
            city = gz.city_short_re.match(text, pos) if eligible else None
            if city and _rule_unit(text, city.end(), gz, True, _RANK["city"]):
                # 营口盖州市: a prefecture's short name, then a county-level place
                out.append(Region(start=pos, end=city.end(), name=city.group(), level="city",
                                  normalized=gz.city_shorts[city.group()]))
                pos = city.end()
                eligible = False
                continue
            unit = _rule_unit(text, pos, gz, chained, prev_rank if chained and not eligible else -1)
            if unit:
                end, level = unit
                out.append(Region(start=pos, end=end, name=text[pos:end], level=level, normalized=text[pos:end]))
                pos = end
                eligible = False  # what follows right after is chained to this place
                continue
        eligible = text[pos] in _BOUNDARY or not _HAN.match(text[pos])
        pos += 1
    return out


__all__ = ["Gazetteer", "build_gazetteer", "extract_regions", "gazetteer"]
