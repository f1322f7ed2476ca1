"""Dates and periods in a case text, as partial ISO values ("2019", "2019-09", "2019-09-15").

Handles 2019年9月15日, 二〇一九年九月, 2019.9 / 2019-09-15 / 2019/9/15, periods
(2015年10月至2019年6月, 2014年6月26日至30日, 2011-2013年: value + end_value), and dates
with no year (9月18日), which take the year last stated before them in the text. 同年/当年/
次年/翌年 are read against that year too; 今年/去年/前年 only when `doc_year` is given.
"""
from __future__ import annotations

import re

import cn2an

from extractors.fullwidth import fold_width
from extractors.model import DateMention

_CN_YEAR_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                   "六": 6, "七": 7, "八": 8, "九": 9}
_YEAR = r"(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4}"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|元"
_DAY = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|二十|三十|[一二三四五六七八九]"
_REL = r"今年|本年|去年|上年|前年|同年|当年|次年|翌年"
_SEP = r"(?:至|到|—|-|–|~|～|〜)"


def _part(tag: str, month_span: bool = False) -> str:
    first_month = rf"(?:(?P<{tag}m0>{_MONTH})\s?{_SEP}\s?)?" if month_span else ""  # 1至9月
    return (
        rf"(?:(?P<{tag}y>{_YEAR})年度?|(?P<{tag}rel>{_REL}))?"
        rf"(?:{first_month}(?P<{tag}m>{_MONTH})月份?(?:(?P<{tag}d>{_DAY})[日号])?)?"
    )


_TEXT_DATE_RE = re.compile(
    r"(?=[\d〇零○一二三四五六七八九十元今本去上前同当次翌])"  # cheap first-character test
    rf"(?<![\d.])(?P<a>{_part('a', month_span=True)})"
    rf"(?:\s?{_SEP}\s?(?P<b>(?P<bday>{_DAY})[日号]|{_part('b')}))?"
)
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})(?P<s>[-./])(?P<m>1[0-2]|0?[1-9])(?:(?P=s)(?P<d>3[01]|[12]\d|0?[1-9]))?"
    r"(?![\d]|[.][\d]|[万亿元千百%])"
)
_YEAR_RANGE_RE = re.compile(r"(?<![\d.])(?P<y1>(?:19|20)\d{2})\s?" + _SEP + r"\s?(?P<y2>(?:19|20)\d{2})年")


def _year(raw: str) -> int:
    if raw.isdigit():
        return int(raw)
    return int("".join(str(_CN_YEAR_DIGITS[ch]) for ch in raw))


def _small(raw: str) -> int:
    if raw == "元":
        return 1
    return int(raw) if raw.isdigit() else int(cn2an.cn2an(raw, "smart"))


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _resolve_year(m: re.Match[str], tag: str, last_year: int | None, doc_year: int | None) -> int | None:
    if m.group(f"{tag}y"):
        return _year(m.group(f"{tag}y"))
    rel = m.group(f"{tag}rel")
    if rel in ("今年", "本年"):
        return doc_year
    if rel in ("去年", "上年"):
        return doc_year - 1 if doc_year else None
    if rel == "前年":
        return doc_year - 2 if doc_year else None
    if rel in ("同年", "当年"):
        return last_year
    if rel in ("次年", "翌年"):
        return last_year + 1 if last_year else None
    return last_year if last_year is not None else doc_year


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if year is None or not 1900 <= year <= 2100:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= 31


def extract_dates(text: str, doc_year: int | None = None) -> list[DateMention]:
    """Every date or period in `text`, in order, with partial ISO values."""
    folded = fold_width(text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    max_end = [0]  # the furthest end taken so far: a span starting after it overlaps nothing

    def add(start: int, end: int, value: str, end_value: str = "") -> bool:
        if taken and start < max_end[0] and any(s < end and start < e for s, e in taken):
            return False
        taken.append((start, end))
        max_end[0] = max(max_end[0], end)
        found.append(DateMention(start=start, end=end, text=text[start:end], value=value, end_value=end_value))
        return True

    for m in _NUMERIC_DATE_RE.finditer(folded):
        y, mo = int(m.group("y")), int(m.group("m"))
        d = int(m.group("d")) if m.group("d") else None
        if _valid(y, mo, d):
            add(m.start(), m.end(), _iso(y, mo, d))
    for m in _YEAR_RANGE_RE.finditer(folded):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if _valid(y1, None, None) and _valid(y2, None, None) and y1 <= y2:
            add(m.start(), m.end(), _iso(y1), _iso(y2))

    # the year in force at a place: that of the latest date before it (a period's end year)
    numeric = sorted(found, key=lambda d: d.start)
    next_numeric = 0
    last_year: int | None = None
    last_start = -1
    for m in _TEXT_DATE_RE.finditer(folded):
        if not (m.group("ay") or m.group("arel") or m.group("am")):
            continue
        while next_numeric < len(numeric) and numeric[next_numeric].start < m.start():
            prior = numeric[next_numeric]
            if prior.start > last_start:
                last_year, last_start = int((prior.end_value or prior.value)[:4]), prior.start
            next_numeric += 1
        year = _resolve_year(m, "a", last_year, doc_year)
        month = _small(m.group("am")) if m.group("am") else None
        day = _small(m.group("ad")) if m.group("ad") else None
        if not _valid(year, month, day):
            continue
        assert year is not None
        end = m.end("a")
        end_value = ""
        if m.group("am0"):  # 2019年1-6月, 今年1至9月: a period of months
            first = _small(m.group("am0"))
            if not _valid(year, first, None) or first > (month or 0) or day is not None:
                continue
            end_value, month = _iso(year, month), first
        if m.group("b") and (m.group("by") or m.group("brel") or m.group("bm") or m.group("bday")):
            e_year: int | None
            e_month: int | None
            e_day: int | None
            if m.group("bday"):
                e_year, e_month, e_day = year, month, _small(m.group("bday"))
                ok = month is not None and day is not None
            else:
                e_year = _resolve_year(m, "b", year, doc_year) if (m.group("by") or m.group("brel")) else year
                e_month = _small(m.group("bm")) if m.group("bm") else None
                e_day = _small(m.group("bd")) if m.group("bd") else None
                # 2014年至2017年 / 10月至12月: the end is as precise as the start, or says its own year
                ok = e_month is not None or m.group("by") is not None
            if ok and _valid(e_year, e_month, e_day):
                assert e_year is not None
                end, end_value = m.end(), _iso(e_year, e_month, e_day)
        if add(m.start(), end, _iso(year, month, day), end_value):
            last_year, last_start = int((end_value or str(year))[:4]), m.start()
    found.sort(key=lambda d: d.start)
    return found


__all__ = ["extract_dates"]
