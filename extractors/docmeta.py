"""What a document says of itself: its title, its issuing body and its date.

Pure functions of the normalised text, each returning a span (or a value) found where
such texts state them: the title is the first short line at the top that is neither page
furniture (breadcrumbs, info lines, bylines) nor a letterhead, and does not end like a
sentence — two such lines joined when the second ends like a title (…专项整治 / 查处典型案件的
通报); the issuing body is a letterhead, the signature at the end, or the first discipline
body the opening names (a place chain from extractors.regions + an organ word, so "记者从济南市
纪委获悉" gives 济南市纪委, not the words before it); the date is a labelled publication
date, a date opening an info line at the top, or the date under the signature.
The patterns are data: config/docmeta.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from config import load_yaml
from extractors.regions import extract_regions

HEAD_LINES = 8  # the title and info lines are among the first lines
HEAD_PARAGRAPHS = 3  # the issuing body is named in the opening


@dataclass(frozen=True)
class MetaRules:
    furniture: re.Pattern[str]
    letterhead: re.Pattern[str]
    title_kinds: re.Pattern[str]
    title_min: int
    title_max: int
    organ: re.Pattern[str]
    central: re.Pattern[str]
    not_issuer_before: re.Pattern[str]
    date_label: re.Pattern[str]


def _rx(text: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\s*\n\s*", "", text.strip()))


@lru_cache(maxsize=1)
def meta_rules() -> MetaRules:
    """config/docmeta.yaml compiled, once."""
    d = load_yaml("docmeta.yaml")
    return MetaRules(
        furniture=_rx(d["furniture_line"]), letterhead=_rx(d["letterhead_line"]),
        title_kinds=_rx(d["title_kinds"]), title_min=int(d["title_min"]), title_max=int(d["title_max"]),
        organ=_rx(d["organ_suffix"]), central=_rx(d["central_organ"]),
        not_issuer_before=_rx(d["not_issuer_before"]), date_label=_rx(d["date_label"]))


def _lines(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the non-empty lines, stripped of surrounding blanks."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
            if limit and len(out) >= limit:
                break
    return out


def _last_lines(text: str, n: int, window: int = 2000) -> list[tuple[int, int]]:
    """The last n non-empty lines, read from the end of the text only (a signature is there;
    a long document is not scanned whole)."""
    offset = max(0, len(text) - window)
    return [(a + offset, b + offset) for a, b in _lines(text[offset:])][-n:]


_SENTENCE_END = ("。", "！", "？", "；", "!", "?", ";", "：", ":", "，", ",", "、")
_ORIGINAL_TITLE = re.compile(r"^(?:原标题|标题)\s*[:：]\s*")


def _title_like(line: str, r: MetaRules) -> bool:
    return (r.title_min <= len(line) <= r.title_max and not line.rstrip("”’\"'」』)）").endswith(_SENTENCE_END)
            and not r.furniture.search(line) and not r.letterhead.search(line)
            and sum(ch >= "\u4e00" for ch in line) >= 4)


def title_span(text: str) -> tuple[int, int] | None:
    """Where the title is, if the top of the text states one."""
    r = meta_rules()
    lines = _lines(text, HEAD_LINES)
    for k, (a, b) in enumerate(lines):
        line = text[a:b]
        if m := _ORIGINAL_TITLE.match(line):  # 原标题：… gives the title itself
            a += m.end()
            line = text[a:b]
        if r.furniture.search(line) or r.letterhead.search(line):
            continue
        if not _title_like(line, r):
            # a person's name alone on a line (a byline) or a short column name: go on
            if len(line) <= 6 and not line.endswith(_SENTENCE_END):
                continue
            return None  # the text starts with its body
        if k + 1 < len(lines):  # a title over two lines: …专项整治 / 查处典型案件的通报
            c, d = lines[k + 1]
            nxt = text[c:d]
            if (not r.title_kinds.search(line) and r.title_kinds.search(nxt) and _title_like(nxt, r)
                    and len(line) + len(nxt) <= r.title_max):
                return a, d
        return a, b
    return None


def _organ_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Issuing bodies named in text[start:end]: a central body, or a chain of places right
    before an organ word."""
    r = meta_rules()
    seg = text[start:end]
    out: list[tuple[int, int]] = [(start + m.start(), start + m.end()) for m in r.central.finditer(seg)]
    regions = extract_regions(seg)
    for m in r.organ.finditer(seg):
        chain = [x for x in regions if x.end <= m.start()]
        a = m.start()
        for x in reversed(chain):  # the places that run right up to the organ word
            if x.end != a:
                break
            a = x.start
        if a == m.start():
            continue
        if seg.startswith("中共", a - 2) and a >= 2:
            a -= 2
        out.append((start + a, start + m.end()))
    out.sort()
    merged: list[tuple[int, int]] = []
    for a, b in out:  # 中央纪委国家监委 is one body, not 中央纪委 + 国家监委 + 中央纪委国家监委
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def issuer_span(text: str) -> tuple[int, int] | None:
    """Where the issuing body is named: letterhead, signature, or the opening."""
    r = meta_rules()
    head = _lines(text, HEAD_LINES)
    for a, b in head[:3]:
        if r.letterhead.search(text[a:b]) and not re.search(r"[〔\[]\d{4}", text[a:b]):
            return a, b
    tail = _last_lines(text, 3)
    for (a, b), (c, d) in zip(tail, tail[1:]):
        if _date_value(text[c:d].strip()) and _organ_spans(text, a, b) and len(text[a:b]) <= 40:
            return a, b  # the signature: the body, then the date under it
    # the opening: the first paragraphs after the title and the info lines
    paras = [(a, b) for a, b in _lines(text, HEAD_LINES + HEAD_PARAGRAPHS)
             if not r.furniture.search(text[a:b]) and not _title_like(text[a:b], r)][:HEAD_PARAGRAPHS]
    end = paras[-1][1] if paras else 0
    for a, b in _organ_spans(text, 0, min(end, 1500)):
        if not r.not_issuer_before.search(text[max(0, a - 4):a]):
            return a, b
    return None


_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?")
_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})")


def _ymd(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}" if 1949 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31 else ""


def _date_value(line: str) -> str:
    """The date a line consists of (a signature date: 2020年5月6日), else ""."""
    m = _DATE.fullmatch(line.strip())
    return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else ""


def document_date(text: str) -> str:
    """The publication date the text states (ISO), or "" — never the first date of the
    body, which is usually the incident's."""
    r = meta_rules()
    for a, b in _lines(text, HEAD_LINES):
        line = text[a:b]
        if m := r.date_label.search(line):
            if d := _DATE.match(line, m.end()):
                if v := _ymd(int(d.group(1)), int(d.group(2)), int(d.group(3))):
                    return v
        if r.furniture.search(line):  # an info line opening with its date (2014-09-05 16:13 来源:…)
            if d := _DATE.match(line):
                if v := _ymd(int(d.group(1)), int(d.group(2)), int(d.group(3))):
                    return v
            if d := _DMY.match(line):
                if v := _ymd(int(d.group(3)), int(d.group(2)), int(d.group(1))):
                    return v
    for a, b in _last_lines(text, 2):  # the date under the signature
        line = text[a:b]
        if v := _date_value(line):
            return v
        if m := re.search(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$", line):
            if len(line) <= 40:
                return _date_value(m.group())
    return ""


def one_line(title: str) -> str:
    """A title over two lines as one: nothing between Chinese characters, a space elsewhere."""
    parts = [p.strip() for p in title.splitlines() if p.strip()]
    out = parts[0] if parts else ""
    for p in parts[1:]:
        out += p if out[-1:] >= "\u2e80" and p[:1] >= "\u2e80" else " " + p
    return out


__all__ = ["document_date", "issuer_span", "meta_rules", "one_line", "title_span"]
