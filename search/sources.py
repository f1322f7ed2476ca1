"""A source document cited as a report cites it: title, issuing body and date.

The extractor's Document.title/issuer/date are used when they are a title, a body and a date;
what a web page wraps around its text (navigation lines, a reporter's byline, 原标题:) is no
title, and 记者从某纪委 is no issuing body. When the fields are empty or such, the document's
own head is read for what it states (a headline line, 来源:…, 发布时间:…). A file path is
never part of a citation: a report leaves the machine it was written on.
"""
from __future__ import annotations

import re
from pathlib import PurePath

from search.text import official

_HAN = re.compile(r"[\u4e00-\u9fff]")
_NAV = re.compile(r"首页|正文$|当前类别|当前位置|频道|>|›|字体|浏览|点击|责编|责任编辑|^English|登录|注册")
_BYLINE = re.compile(r"^(?:文\s*[|｜]\s*)?(?:本刊)?(?:全媒体)?(?:\S{0,6}记者|通讯员|作者)[\s:：]|记者\s*\S{2,4}$|^\S{2,4}$")
_ORIGINAL_TITLE = re.compile(r"^\s*(?:原标题|原題|標題|标题)\s*[:：]\s*")
_DATE_LINE = re.compile(r"发布(?:时间|日期)|来源\s*[:：]|^\s*date\b|^\s*\d{4}[-年./]\d{1,2}|^\s*\d{1,2}\.\d{1,2}\.\d{4}")
_SOURCE = re.compile(r"(?:本文)?来源\s*[:：]\s*([\u4e00-\u9fffA-Za-z]{2,16}?)(?=\s|$|[|｜,，。编作责发浏]|\d)")
_TAIL_SOURCE = re.compile(r"[（(]([\u4e00-\u9fff]{2,12}(?:纪委|监委|纪委监委|巡察组|巡视组|日报|报|网))[）)]\s*[|｜]?\s*$")
_PUB_DATE = (
    re.compile(r"(?:发布(?:时间|日期)|时间|日期|date)\s*[:：]?\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})"),
    re.compile(r"(?:^|\n)\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?\s+\d{1,2}:\d{2}"),
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\s*\d{1,2}:\d{2}"),
    re.compile(r"(?:^|\n)\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s+\d{1,2}:\d{2}"),  # 16.11.2015  17:44
)
# what an issuer field sometimes holds before the body itself: 记者从、根据、据、经
_ISSUER_LEAD = re.compile(r"^.*?(?:记者(?:昨日|近日|日前)?从|(?<![\u4e00-\u9fff])日从|^从|根据|^据|^经)")
_ISSUER_OK = re.compile(r"(纪委|监委|纪检|监察|巡察|巡视|委员会|党委|党组|政府|办公室|领导小组|局|厅|部|院|报|网|社|台|中心)$")

KINDS = {"inspection_report": "巡察（巡视）反馈", "case_notice": "通报", "article": "报道"}


def _lines(text: str, n: int = 10) -> list[str]:
    out = []
    for line in text.split("\n"):
        s = line.strip().strip("\u3000")
        if s:
            out.append(s)
        if len(out) >= n:
            break
    return out


def good_title(title: str) -> str:
    """The title with 原标题: dropped, or '' when it is no title (navigation, a byline, a
    sentence of the body)."""
    t = _ORIGINAL_TITLE.sub("", (title or "").strip())
    t = re.sub(r"^【[^】]{1,8}】", "", t).strip() if len(t) > 12 else t
    if not t or not _HAN.search(t) or len(t) < 6 or len(t) > 70:
        return ""
    if _NAV.search(t) or _BYLINE.search(t) or t.count("|") + t.count("｜") >= 2 or _DATE_LINE.search(t):
        return ""
    if t.endswith(("。", "；", "：", ":", ",", "，")) or re.search(r"[。！？!?]”?$", t) or t.startswith(("“", "\"")):
        return ""  # a sentence or a quoted remark, not a headline
    return t


def title_from_text(text: str) -> str:
    """The headline the document's head states: the first line among its first ones that
    reads as a title; '' when the text opens with its body."""
    for line in _lines(text, 8):
        if _NAV.search(line) or line.count("|") + line.count("｜") >= 2:
            continue  # a web page's navigation
        t = good_title(line)
        if t:
            # a body sentence is long and runs on with commas; a headline is short
            if len(t) > 40 and t.count("，") + t.count(",") >= 2:
                return ""
            return t
        if len(line) > 70:  # the body has begun
            return ""
    return ""


def clean_issuer(issuer: str) -> str:
    """The issuing body without what led to it in the sentence (记者从、根据、据)."""
    s = official((issuer or "").strip())
    s = _ISSUER_LEAD.sub("", s).strip()
    if "会同" in s:  # 某办公室会同某纪委: the body named first issued it
        s = s.split("会同")[0]
    if len(s) < 2 or not _HAN.search(s) or len(s) > 30 or not _ISSUER_OK.search(s):
        return ""
    return s


_WIRE = re.compile(r"^([\u4e00-\u9fff]{2,6}(?:网|社|报|台))[\u4e00-\u9fff]{0,4}\d{1,2}月\d{1,2}日(?:电|讯)", re.M)


def issuer_from_text(text: str) -> str:
    head = official("\n".join(_lines(text, 8)))
    m = _WIRE.search(head)
    if m:
        return m.group(1)
    m = _SOURCE.search(head)
    if m:
        return m.group(1)
    tail = official(text.rstrip()[-200:])
    m = _SOURCE.search(tail) or _TAIL_SOURCE.search(tail)
    return m.group(1) if m else ""


def date_from_text(text: str) -> str:
    """The publication date the document's head states (发布时间, a dated byline line)."""
    head = "\n".join(_lines(text, 8))[:600]
    for k, rx in enumerate(_PUB_DATE):
        m = rx.search(head)
        if m:
            y, mo, d = (m.group(3), m.group(2), m.group(1)) if k == 3 else m.groups()
            y, mo, d = int(y), int(mo), int(d)
            if 1949 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return ""


def cite(title: str, issuer: str, date: str, text: str) -> tuple[str, str, str]:
    """(title, issuer, date) of a document: its fields where they are good, else what its
    text states; '' for what neither gives."""
    t = good_title(official(title)) or (title_from_text(official(text)) if text else "")
    i = clean_issuer(issuer) or (clean_issuer(issuer_from_text(text)) or issuer_from_text(text) if text else "")
    d = date or (date_from_text(text) if text else "")
    return t, i, d


def file_name(path: str) -> str:
    """The file's name only (never its folder: a temporary or absolute path says nothing to a reader)."""
    return PurePath(path.replace("\\", "/")).name if path else ""


def first_words(text: str, limit: int = 24) -> str:
    """The opening words of a document's body, to tell an untitled document apart."""
    for line in _lines(official(text), 8):
        if good_title(line) or line.startswith("“") or _NAV.search(line) or _BYLINE.search(line) or _DATE_LINE.search(line) or len(line) < 12:
            continue
        s = re.split(r"[。！？]", line)[0]
        return s[:limit] + ("…" if len(s) > limit else "")
    return ""
