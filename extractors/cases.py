"""Split a document into cases, and tell its type (case_notice | inspection_report | article).

Two ways a document lays out its cases:

1. **Enumerated**: numbered items in any of the forms notices use — 一、 （一） 1. 1、 1．
   (1) ① 第一起 案例一 【案例一】 一是…二是… — at the start of a line or inline after a
   sentence end. Each marker style forms chains 1, 2, 3…; the chosen level is the outermost
   style with a real chain, unless most of its items hold a chain of an inner style (一、
   sections holding 1. items), then the inner one. In an inspection report the outermost
   list of problems is the case list: outer items whose titles state a problem ((一)…不够到位。
   一是…二是…) keep their inner chain inside; container titles (一、巡察发现的主要问题 / …方面)
   and sections of sanctioned cases give way to their inner items. Items that read like
   measures (一是加强…) are not cases, nor a list announced by a case's own paragraph (…处理
   如下：（一）给予局长甲…). The preamble before the first item and the closing exhortation
   after the last are not cases. An item is one case whatever people it names: an item titled
   by its unit and place (二、某县林业局…的问题) always; a category section (一、借“代办”之名
   吃拿卡要) holds several only where each later paragraph tells an incident of its own (a
   date, a sum or a new place; no back reference, no official of the same unit).
2. **Running text**: paragraphs (and titled sentences "XX违规…问题。" inside them). A paragraph
   with facts (a named person, money in 元, a sanction, a dated incident) opens a case when
   it brings a new subject (a person with a post, an organisation) and continues the current
   case when it speaks of someone already named in it. Leading news-lead and statistics
   sentences ("…通报了4起…问题。", "本报讯(记者…)") are cut, and commentary with no facts
   between or after cases is left out.
   - A unit that is a whole incident by itself (a unit or an unnamed post as subject, a deed,
     a consequence: 某街道组织干部赴外地…，街道党工委书记受到…处分；) opens a case of its
     own, also when such incidents follow each other in one paragraph; a unit that only
     holds someone accountable for the case before (对此负有领导责任，受到诫勉) joins it.
   - A paragraph that introduces a culprit without telling his deed yet (…调查组很快锁定了
     时任村文书的唐某刚。) opens that person's case, which follows it (经查，唐某刚…) — also
     when it opens on a statistic (通报的8起案例中，某厅副厅长甲是唯一的厅级干部。).
   - A paragraph ending on a colon that announces what follows about its case (…作出如下处理：
     / 处理如下：/ 决定如下：) goes on into the next paragraph (or the numbered list after it),
     whoever it names; a colon announcing cases (典型案例如下：) does not.
   - A document whose only case is a story (article or notice) keeps the story's title and
     lead in the case, after any notice opening (现将…通报如下：).

Whether a unit tells a CONCRETE case is scored from general features (config `scoring:`):
a named person (with a post, more), an organisation as subject, a sanction, money, a
misconduct verb, a date — against requirements (要…/加强/推动), prohibitions, statistics over
many cases, quoted rules, speeches and a discipline body's work report. The score decides:
- whether a numbered list outside an inspection report is a list of cases at all (most items
  concrete; a document that announces its cases needs less evidence per item), so numbered
  sections of policy and research articles are not cases;
- whether a running-text unit may open a case; statistics, quotations and speeches never do;
- where running prose moves on to another official's case inside one paragraph (a new
  person's misconduct after a case of its own; bullets ■●◆▲, ——省名：, 【…】 start units too).
Inspection reports are told by their opening (an inspected party, its feedback or
rectification), and their outermost list may be inline (在…方面。/ one inspected unit after
another in one paragraph). Document type: inspection_report, else case_notice vs article from
the language of a notice against that of journalism (config `genre:`).

Input is NORMALISED text; spans are offsets into it.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from config import load_yaml

if TYPE_CHECKING:  # imported lazily at run time, as everywhere in this module
    from extractors.categories import Categorizer
    from extractors.people import PeopleRules

_CN_NUM = "一二三四五六七八九十"
_CN_VAL = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}


def cn_to_int(s: str) -> int:
    """Chinese numerals up to 99 (一, 十, 十二, 二十三)."""
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN_VAL.get(a, 1) if a else 1) * 10 + (_CN_VAL.get(b, 0) if b else 0)
    return _CN_VAL.get(s, 0)


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_N = f"[{_CN_NUM}]{{1,3}}"
# Marker styles that label their items as cases (案例1： / 【典型案例二】 / 第三起)
_CASE_STYLES = frozenset({"bracket_case", "case_word", "di_qi"})
# (style, regex with group "n"). Order matters only for overlapping matches at one place.
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("bracket_case", re.compile(rf"【\s*(?:典型)?案例\s*(?P<n>{_N}|\d{{1,2}})\s*】")),
    ("case_word", re.compile(rf"(?:典型)?案例\s*(?P<n>{_N}|\d{{1,2}})(?:[:：、.．\s]|(?=[\u4e00-\u9fff]))")),
    ("problem_word", re.compile(rf"问题(?P<n>{_N}|\d{{1,2}})[:：、.．]")),  # 问题一：… (a report's numbered findings)
    ("di_qi", re.compile(rf"第(?P<n>{_N})(?:起|例|个案例)[:：，,、]?")),
    ("cn_paren", re.compile(rf"[（(](?P<n>{_N})[）)]")),
    ("cn_dun", re.compile(rf"(?P<n>{_N})、")),
    ("cn_shi", re.compile(rf"(?P<n>{_N})是(?![否非])")),
    ("num_paren", re.compile(r"[（(](?P<n>\d{1,2})[）)]")),
    ("circled", re.compile(rf"(?P<n>[{_CIRCLED}])")),
    ("num_dot", re.compile(r"(?P<n>\d{1,2})(?:[.．](?!\d)|[.．](?=\d{4}年)|、)")),
    ("num_line", re.compile(r"0?(?P<n>\d{1,2})[ \t]*(?=\n)")),  # "01" alone on a line (web/WeChat layouts)
    ("cn_line", re.compile(rf"(?P<n>{_N})[ \t]*(?=\n)")),  # "一" alone on a line: a feature's sections
    ("num_bare", re.compile(r"(?P<n>\d{1,2})(?=[\u4e00-\u9fff])(?![年月日号元万亿人户名个起次件项条岁天时分秒])")),
]
# Where an item marker may stand: start of a line, or after a sentence end / colon.
_ITEM_START = re.compile(r"(?:^|(?<=[。；;：:！？!?」”]))[ \t]*", re.M)
_AFTER_COMMA = re.compile(r"(?<=[，,])[ \t]*")
_SENT = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”」’]?|\n|$)")


@dataclass
class CaseSpan:
    """One case: its span in the (normalised) document text and a short title."""

    start: int
    end: int
    title: str = ""
    section: str = ""  # heading of the enclosing section, when items are nested
    title_at: int = -1  # where the title stands in the text (-1: not a slice of it)

    def shifted(self, by: int) -> CaseSpan:
        """The same case with its offsets moved by `by`."""
        return CaseSpan(self.start + by, self.end + by, self.title, self.section,
                        self.title_at + by if self.title_at >= 0 else -1)


def _titled(text: str, start: int, end: int, section: str = "", title_from: int | None = None,
            title_end: int | None = None) -> CaseSpan:
    """A case [start, end) titled by its first words (or those from `title_from` up to
    `title_end`), the title's place kept."""
    title, at = _title(text, start if title_from is None else title_from, end if title_end is None else title_end)
    return CaseSpan(start, end, title, section, at)


@dataclass
class Split:
    doc_type: str
    cases: list[CaseSpan] = field(default_factory=list)
    mode: str = ""  # enumerated:<style> | running | single | none


@dataclass
class _Marker:
    style: str
    n: int
    start: int  # where the marker begins
    body: int  # where the item's text begins (after the marker)
    line_start: bool


@dataclass(frozen=True, eq=False)
class CaseRules:
    """What case splitting reads, compiled once: config/case_rules.yaml (patterns, the
    concreteness score, the genre cues), the official posts of config/people.yaml, and the
    people and category rules it asks about fragments with. Compared and hashed by identity
    (the caches of fragment scores and names are per rule set)."""

    data: Mapping[str, Any]  # the parsed case_rules.yaml
    patterns: Mapping[str, re.Pattern[str]]
    scoring: tuple[dict, list[tuple[str, re.Pattern[str], float, int]]]
    genre: tuple[dict, re.Pattern[str], re.Pattern[str]]
    post_heads: re.Pattern[str]  # posts that make an official (局长, 总经理), not plain people
    post_end: re.Pattern[str]  # one of post_heads ending a text (…副局长 / …书记的), searched before a name
    people: PeopleRules
    categorizer: Categorizer


def build_case_rules(data: dict[str, Any], people_cfg: dict[str, Any], people: PeopleRules,
                     categorizer: Categorizer) -> CaseRules:
    """CaseRules from the parsed config/case_rules.yaml and config/people.yaml, and the people
    and category rules of the same configuration."""
    cfg = data["scoring"]
    feats = [(k, re.compile(v["pattern"]), float(v["weight"]), int(v.get("cap", 1)))
             for k, v in cfg["features"].items()]
    g = data["genre"]
    heads = set(people_cfg["post_heads"]) - set(people_cfg["plain_people"]) - set(people_cfg["generic_heads"])
    heads_alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return CaseRules(
        data=data,
        patterns=MappingProxyType({k: re.compile(v) for k, v in data["patterns"].items()}),
        scoring=(cfg, feats),
        genre=(g, re.compile(g["notice_cue"]), re.compile(g["article_cue"])),
        post_heads=re.compile(heads_alt),
        post_end=re.compile(f"(?:{heads_alt})的?$"),
        people=people,
        categorizer=categorizer,
    )


@lru_cache(maxsize=1)
def case_rules() -> CaseRules:
    """The shipped case rules (config/), built once."""
    from extractors.categories import shipped_categorizer
    from extractors.people import people_rules

    return build_case_rules(load_yaml("case_rules.yaml"), load_yaml("people.yaml"), people_rules(),
                            shipped_categorizer())


# The rules of the split under way (set by split_cases), read by its helpers; outside a split
# (concreteness, is_concrete, ... called directly), the shipped ones.
_RULES: ContextVar[CaseRules | None] = ContextVar("leian_case_rules", default=None)


def _cr() -> CaseRules:
    return _RULES.get() or case_rules()


def _find_markers(text: str) -> list[_Marker]:
    out: list[_Marker] = []
    for pos_m in _ITEM_START.finditer(text):
        pos = pos_m.end()
        if pos >= len(text):
            continue
        line_start = pos == 0 or text[pos_m.start() - 1:pos_m.start()] in ("\n", "") or pos_m.start() == 0 \
            or text[pos_m.start() - 1] == "\n"
        for style, rx in _MARKERS:
            m = rx.match(text, pos)
            if not m:
                continue
            raw = m.group("n")
            n = _CIRCLED.index(raw) + 1 if style == "circled" else cn_to_int(raw)
            if n <= 0:
                continue
            if style in ("num_bare", "num_line", "cn_line") and not line_start:
                continue
            out.append(_Marker(style, n, pos, m.end(), line_start))
            break
    # 一是…二是… also goes on after a comma (…反映的问题，一是…；二是…): no other style does
    shi = dict(_MARKERS)["cn_shi"]
    for m in _AFTER_COMMA.finditer(text):
        hit = shi.match(text, m.end())
        if hit is not None and cn_to_int(hit.group("n")) > 0:
            out.append(_Marker("cn_shi", cn_to_int(hit.group("n")), m.end(), hit.end(), False))
    return sorted(out, key=lambda mk: mk.start)


_BULLET_LINE = re.compile(r"^[ \t\u3000]*([■●◆▲★◎])", re.M)


def _bullet_markers(text: str) -> list[_Marker]:
    """Paragraphs opening on the same bullet, numbered in order: a list like any other."""
    out: list[_Marker] = []
    counts: dict[str, int] = {}
    for m in _BULLET_LINE.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        out.append(_Marker("bullet_" + m.group(1), counts[m.group(1)], m.start(1), m.end(1), True))
    return out


def _chains(markers: list[_Marker]) -> list[list[_Marker]]:
    """Chains 1,2,3… of one style, in document order (a new 1 starts a new chain)."""
    chains: list[list[_Marker]] = []
    cur: list[_Marker] = []
    for m in markers:
        if cur and m.n == cur[-1].n + 1:
            cur.append(m)
        elif m.n == 1:
            if cur:
                chains.append(cur)
            cur = [m]
    if cur:
        chains.append(cur)
    return chains


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\u3000":
        at += 1
    return at


def _is_measure(text: str, body: int) -> bool:
    return bool(_cr().patterns["measure_item"].match(text, body))


def _not_case_item(text: str, body: int) -> bool:
    """Items such as 二、巡察组提出的意见建议 / 一、基本情况: sections, never cases."""
    return bool(_cr().patterns["not_case_item"].match(text, body))


def _valid_chains(text: str, markers: list[_Marker]) -> dict[str, list[list[_Marker]]]:
    by_style: dict[str, list[_Marker]] = {}
    for m in markers:
        by_style.setdefault(m.style, []).append(m)
    valid: dict[str, list[list[_Marker]]] = {}
    for style, ms in by_style.items():
        chains = [c for c in _chains(ms) if len(c) >= 2]
        if style == "num_bare":  # bare "5践行…" only fills a gap in a num_dot chain…
            # …or numbers the rows of a table copied from a PDF, under its 序号 header
            # (序号 单位 姓名 职务 主要问题… / 1 安定区… / 2 通渭县…)
            chains = [c for c in chains if len(c) >= 3 and _ROW_HEADER.search(text, max(0, c[0].start - 120), c[0].start)]
            if chains:
                valid["table_rows"] = chains
            continue
        chains = [c for c in chains if sum(_is_measure(text, m.body) for m in c) * 2 < len(c)
                  and not _decision_list(text, c[0]) and not _charges_list(text, c)]
        if chains:
            valid[style] = chains
    # A bare number at a line start may continue a num_dot chain (5践行… between 4. and 6.)
    if "num_dot" in valid:
        bare = [m for m in markers if m.style == "num_bare"]
        if bare:
            merged = sorted(by_style["num_dot"] + bare, key=lambda m: m.start)
            for m in merged:
                m.style = "num_dot"
            valid["num_dot"] = [c for c in _chains(merged) if len(c) >= 2]
    return valid


_ROW_HEADER = re.compile(r"(?:^|\n)\s*(?:序号|编号)\s*[\u4e00-\u9fff]")


def _decision_list(text: str, first: _Marker) -> bool:
    """A list announced by a case's own paragraph (…违规发放补贴3.2万元。县纪委监委处理如下：
    （一）给予局长甲…；（二）对副局长乙…): the decisions of that case, not a list of cases. A
    preamble announcing the cases (查处了3起问题，具体如下：) tells no case itself."""
    para = text.rfind("\n", 0, max(first.start - 1, 0)) + 1
    before = text[para:first.start].strip()
    if not before or not _cr().patterns["announce_colon"].search(before) or _announces_list(before):
        return False
    return is_concrete(before, True) or bool(_cr().patterns["decision_colon"].search(before))


_CHARGES = re.compile(r"(?:存在|有|犯有)(?:以下|如下|下列)[^。：:，,]{0,10}(?:问题|事实|行为)[：:]\s*$")


def _hangs_from_charges(text: str, first: _Marker) -> bool:
    """The list at `first` hangs from a line announcing charges (…存在以下违纪问题：), over blank lines."""
    lines = [ln for ln in text[max(0, first.start - 600):first.start].split("\n") if ln.strip()]
    return bool(lines) and bool(_CHARGES.search(lines[-1].strip()))


def _charges_list(text: str, chain: list[_Marker]) -> bool:
    """The charges against one person, listed (经查，方某存在以下违纪问题：一、…二、…三、…):
    one case, whose items name no one new as their subject."""
    first = chain[0]
    if not _hangs_from_charges(text, first):
        return False
    named = _names(text[:first.start])
    if not named:
        return False
    # no item opens on someone new (an accomplice named inside an item is part of the charge)
    for m in chain:
        head = text[m.body:m.body + 16]
        if any(head.startswith(n) and not any(n.startswith(k) for k in named) for n in _names(head)):
            return False
    return True


def _announces_list(text: str) -> bool:
    """The last sentence of the text announces cases or problems (典型案例如下：/ 3起问题如下：),
    not what follows about one case."""
    last = re.split(r"[。！？!?；;\n]", text.rstrip())[-1]
    return bool(re.search(r"典型|案例|案件|通报|曝光", last) or _cr().patterns["several"].search(last))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group(0).strip():
            out.append((m.start(), m.end()))
    return out


def _rstrip_span(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \n\t\u3000":
        end -= 1
    return end


@lru_cache(maxsize=4096)
def _concreteness(text: str, rules: CaseRules) -> tuple[float, tuple[tuple[str, float], ...]]:
    # `rules` (the active ones, which _score reads) is part of the cache key only
    total, feats = _score(text)
    return total, tuple(feats.items())


def concreteness(text: str) -> tuple[float, dict[str, float]]:
    """How strongly a unit of text tells a concrete case, and the features that said so
    (cached: splitting scores the same units more than once)."""
    total, feats = _concreteness(text, _cr())
    return total, dict(feats)


def _score(text: str) -> tuple[float, dict[str, float]]:
    """How strongly a unit of text tells a concrete case, and the features that said so.

    Positive evidence: a named person (with a post, more), an organisation as subject, a
    sanction, a sum of money, a misconduct verb, a date. Negative: requirements and measures
    (要…/加强/推动), statistics over many cases (共查处/同比/人次), quoted rules, speeches.
    """
    cfg, feats = _cr().scoring
    score: dict[str, float] = {}
    subjects = _subject_names(text)
    others = _names(text) - subjects
    if subjects:
        score["subject_person"] = float(cfg["subject_person"])
    elif others or _cr().patterns["named"].search(text):
        score["other_person"] = float(cfg["other_person"])
    if _org_clause(text):
        score["org_subject"] = float(cfg["org_subject"])
    elif not subjects and _post_subject(text):
        score["post_subject"] = float(cfg["post_subject"])
    for name, rx, weight, cap in feats:
        if name == "generic_subject" and (subjects or others):
            continue  # talk of 有的干部 around a named official's case does not make it general
        n = min(cap, sum(1 for _ in rx.finditer(text)))
        if n:
            score[name] = weight * n
    return sum(score.values()), score


# An item's own number or bullet before its first word (1. / （二） / 三、 / ■).
_LEAD_MARKER = re.compile(rf"^(?:[（(]?(?:{_N}|\d{{1,2}})[)）]|(?:{_N}|\d{{1,2}})[、.．]|[{_CIRCLED}]|[■●◆▲★□○◇△▶►•▪◼◾◎◉❖➤✦◈])\s*")


def _org_clause(text: str) -> bool:
    """A sentence of the text opens on an organisation as its subject (某县民政局…)."""
    rx, false_end = _cr().patterns["org_subject"], _cr().patterns["org_false_end"]
    for s in _SENT.finditer(text):
        sent = _LEAD_MARKER.sub("", s.group(0).strip())
        for part in (sent, _skip_time(sent)):
            m = rx.match(part)
            # the body that reports the case (泸县纪委监委收到举报…) is not its subject
            if m and not false_end.search(m.group(0)) and not _by_oversight_body(part, m, 3):
                return True
    return False


def _named_together(text: str, start: int, names: set[str]) -> bool:
    """The paragraph at `start` (a case's lead) names every one of `names` (段某与龙某二人…)."""
    end = text.find("\n", start)
    lead = text[start:end if end >= 0 else len(text)]
    return all(n in lead for n in names)


def _case_title(text: str, at: int | None) -> bool:
    """The heading line at `at` names a case (…倒卖医保药品案 / 某局局长违规收受礼金案件)."""
    if at is None:
        return False
    end = text.find("\n", at)
    return _case_title_line(_LEAD_MARKER.sub("", text[at:end if end >= 0 else len(text)].strip()))


_NEXT_POINT = re.compile(r"^\s*[二三四五六七八九十]是")


def _oversight_decision(unit: str) -> bool:
    """A paragraph opening on an investigating or regulating body (纪委, 医保部门) that acts on the
    unit or person just told (该卫生服务站, 给予其): the case's outcome, not a case or a comment."""
    m = _cr().patterns["org_subject"].match(unit)
    if m is None:
        return False
    return _by_oversight_body(unit, m, 6) and not _cr().patterns["new_finding"].search(unit) \
        and bool(_cr().patterns["decided_on"].search(unit)) and not _cr().patterns["summing_up"].search(unit[:m.end() + 12])


def _by_oversight_body(unit: str, m: re.Match[str], past: int) -> bool:
    """The organisation `m` opening `unit` (with `past` characters more) is a body that investigates
    or regulates (县纪委监委…, 某市医保部门…), never the subject of a case."""
    return bool(_cr().patterns["oversight_body"].search(unit[:m.end() + past]))


def _skip_time(sent: str) -> str:
    """A sentence without its opening time clause (2023年中秋期间，/ 春节前夕，): the subject
    comes after it."""
    m = _cr().patterns["time_clause"].match(sent)
    return sent[m.end():] if m else sent


def _post_subject(text: str) -> bool:
    """The text opens on a post held by someone unnamed (某国有企业总经理用公款…, 局长…): its
    first clause, before any verb of saying, names a post."""
    sent = _LEAD_MARKER.sub("", text.strip())
    for first in (_CLAUSE.search(sent), _CLAUSE.search(_skip_time(sent))):
        if first and not _cr().patterns["anaphora"].match(first.group(0)) \
                and _cr().post_heads.search(first.group(0)[:30]) \
                and not _cr().patterns["some_of_them"].match(first.group(0)) \
                and not _cr().patterns["post_saying"].search(first.group(0)[:30]):
            return True
    # …or a clause names the post the official held then as the subject of a sanction (…导致项目面积虚增，
    # 时任县林业局副局长被问责): someone particular, unnamed
    return any(_cr().post_heads.search(m.group(1)) for m in _SERVING_SANCTIONED.finditer(sent))


# A clause 时任 + a post + 被/受到: the holder of the post then, sanctioned.
_SERVING_SANCTIONED = re.compile("(?:^|[，,。；;：:])时任([^，,。；;：:]{2,40}?)(?:被|受到|予以)")




def commentary_blanked(text: str, names: set[str], rules: CaseRules | None = None) -> str:
    """`text` with its commentary sentences blanked (same length): those speaking of officials in
    general (一些党员干部把扶贫资金视作“唐僧肉”…) or calling for measures (要坚持…, 必须…) that name no
    one (of `names`, the case's people) and give no sum — what a story's lead or closing says of
    the genre, not what the case did. `rules`: default, the shipped ones."""
    r = rules or _cr()
    p = r.patterns
    general = [rx for name, rx, _w, _c in r.scoring[1] if name == "generic_subject"] + [p["lesson"]]
    out = list(text)
    for s in _SENT.finditer(text):
        sent = s.group(0)
        if not sent.strip() or re.search(r"\d", sent) or p["named"].search(sent) or any(n in sent for n in names):
            continue
        if any(rx.search(sent) for rx in general):
            out[s.start():s.end()] = " " * (s.end() - s.start())
    return "".join(out)


def is_concrete(text: str, announced: bool = False) -> bool:
    """A concrete case: enough evidence, a subject (person or organisation), and misconduct,
    a sanction or a sum — not a measure, requirement, statistic, quotation or speech. In a
    document that announces its cases, less evidence is enough."""
    cfg, _ = _cr().scoring
    threshold = float(cfg["announced_threshold"] if announced else cfg["threshold"])

    def passes(total: float, f: dict[str, float]) -> bool:
        subject = "subject_person" in f or "other_person" in f or "org_subject" in f or "post_subject" in f
        deed = "misconduct" in f or "sanction" in f or "money" in f
        return total >= threshold and subject and deed

    total, f = concreteness(text)
    if passes(total, f):
        return True
    if not any(w < 0 for w in f.values()):
        return False  # (nothing weighed against the case: a part of it would weigh no more)
    told = _told_before_the_lesson(text)
    if told is None:
        return False
    total, f = concreteness(told)  # (a named culprit, no count of cases: one case, not a work summary)
    return "subject_person" in f and not {"statistic", "headcount"} & set(f) and passes(total, f)


_CLAUSE_STOP = re.compile(r"[，,。；;！？!?\n]")


def _told_before_the_lesson(text: str) -> str | None:
    """A paragraph up to the clause stating its last sanction (…在对郭某作出开除党籍、开除公职处分并
    移送司法机关依法处理的同时，), when more follows (区纪委监委强化以案促改…): a case told first and the
    lessons or measures drawn from it after, whose words must not outweigh the case."""
    p = _cr().patterns
    hits = list(p["sanction_specific"].finditer(text))
    if not hits:
        return None
    cut = _CLAUSE_STOP.search(text, hits[-1].end())
    last = cut.end() if cut else len(text)
    return text[:last] if text[last:].strip() else None


def announces_cases(text: str) -> bool:
    """The text announces a set of cases (现将…通报如下 / 通报了4起 / 典型问题)."""
    return bool(re.search(_cr().scoring[0]["announce"], text))


def _has_facts(text: str) -> bool:
    """A named person, money in 元, a sanction, or a dated violation."""
    p = _cr().patterns
    return bool(p["sanction_specific"].search(text) or p["money"].search(text) or p["named"].search(text)
                or (p["date"].search(text) and p["violation"].search(text)) or _subject_names(text))


def _is_closing(text: str) -> bool:
    p = _cr().patterns
    if p["summing_up"].match(text) and not _subject_names(text):
        return True
    return bool(p["closing"].search(text)) and not (p["money"].search(text) or p["date"].search(text))


def _is_junk(line: str) -> bool:
    """Page furniture (来源：…, 浏览次数, 首页 > …); not prose that names its source after a sentence
    (…受到党内严重警告处分，违纪所得予以收缴。(来源:六安市纪委监委))."""
    m = _cr().patterns["junk_line"].search(line)
    return m is not None and not (m.start() > 0 and "。" in line[:m.start()])


def _tail_cut(text: str, start: int, end: int) -> int:
    """End of the last item: drop trailing paragraphs that are closing words or page junk."""
    first_end = text.find("\n", start)
    first_end = end if first_end < 0 or first_end > end else first_end
    keep_end = _rstrip_span(text, start, first_end)
    announced_until = _announced_paragraph(text, keep_end)
    # An item that is a bare heading (（三）关于“…”问题的整改情况) or a case's title (案例二 …骗保案)
    # has its body in the paragraph after it, facts or not: a heading is never the whole item.
    bare_heading = _bare_heading(text[start:keep_end]) or _case_title_line(text[start:keep_end])
    earlier: set[str] | None = None
    for a, b in _paragraphs(text):
        if a <= start or b > end:
            continue
        seg = text[a:b]
        if _is_junk(seg) or _cr().patterns["tail_stop"].match(seg):
            break
        if bare_heading and keep_end <= a and not text[keep_end:a].strip() and not _is_closing(seg):
            bare_heading = False
            keep_end = b
            announced_until = _announced_paragraph(text, b)
            continue
        bare_heading = False
        # A closing paragraph about the people of several items (目前，王某、刘某均已被立案…):
        # it names someone of an earlier item, so it is the notice's, not the last item's.
        names = _names(seg)
        if names:
            earlier = _names_before(text, start) if earlier is None else earlier
            if names & earlier and not names <= _names(text[start:first_end]):
                break
        if _cr().patterns["requirements_start"].match(seg.strip()) and not _names(seg):
            break  # requirements and measures after the list (巡察组要求，…一是…二是…)
        if _comments_on_cases(seg.strip()):
            break  # the notice's commentary on its cases (上述问题中，有的…)
        if _next_story(seg, text[start:first_end]):
            break
        # the decision a colon announced (处理如下：) is the case's, whatever words it uses, and
        # so is a labelled part of the item (整改情况：…, 处理结果：…)
        announced = (keep_end <= a <= announced_until and bool(text[keep_end:a].strip() == "")) \
            or bool(_cr().patterns["item_part"].match(seg.strip()))
        if not announced and (_is_closing(seg) or not _has_facts(seg)):
            continue
        keep_end = b
        announced_until = _announced_paragraph(text, b)
    return keep_end


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` begins (after the last 。！？；or line break before it)."""
    return max(text.rfind(ch, 0, pos) for ch in "。！？!?；;\n") + 1


def _bare_heading(line: str) -> bool:
    """A list item that is only the heading of a problem (关于“…”问题的整改情况): short, naming a
    problem, no sentence in it (a full stop may close it: 一、某镇森林火灾处置不当问题。). (An
    article's section heading, 从“查一案”到“治一域”, is none.)"""
    line = line.strip().removesuffix("。")
    return 0 < len(line) <= 60 and "问题" in line and not re.search(r"[。；;！？!?]", line)


def _comments_on_cases(para: str) -> bool:
    """A paragraph that sums up the cases before it and comments on them (上述问题中，有的…)."""
    p = _cr().patterns
    return bool(p["summing_up"].match(para) and p["commentary"].search(para)) and not _subject_names(para)


def _next_story(seg: str, first: str) -> bool:
    """A paragraph after a list's last item that tells a case of its own: an official the item
    does not name, with a deed and a sanction or a sum (an article's 案例一、案例二, then a
    third case told in its prose), after an item whose first paragraph is a whole case
    (decision included). Accountability for the item's case is not one."""
    p = _cr().patterns
    if not (p["sanction_specific"].search(first) and is_concrete(first)):
        return False  # the item's first paragraph is a heading or half a case: its text goes on
    newcomers = _subject_names(seg) - _names(first)
    if not newcomers or p["accountability"].search(seg):
        return False
    tells = p["sanction_specific"].search(seg) or p["money"].search(seg)
    return bool(tells) and _own_deed(seg) and is_concrete(seg)


def _enumerated(text: str, valid: dict[str, list[list[_Marker]]],
                inspection: bool = False, markers: list[_Marker] | None = None) -> tuple[str, list[CaseSpan]]:
    """Items of the case level: the outermost list, or the inner one when most outer items are
    sections holding an inner chain (一、违反中央八项规定精神问题 / 1.… 2.…). In a report the
    outermost list of problems is the case list, at whatever level: outer items that state a
    problem themselves ((一)…不够到位。一是…二是…) keep their inner chain inside them."""
    # Outer style: the one whose first chain starts first (ties: more items).
    styles = sorted(valid, key=lambda s: (valid[s][0][0].start, -sum(len(c) for c in valid[s])))
    outer = styles[0]
    outer_items = [m for c in valid[outer] for m in c]
    chosen = outer
    section_markers: list[_Marker] = []
    # Inner style: most outer items hold an inner chain — the next level down first, not the
    # style that starts first (一、总体情况 with 一是… measures before 二、问题 with ◆ problems
    # holding their own 一是…二是…).
    inner_styles = _by_depth(valid, styles[1:], [m.start for m in outer_items])
    for inner in inner_styles:
        inner_chains = valid[inner]
        bounds = [m.start for m in outer_items] + [len(text)]
        holding = 0
        counted = 0
        bare_headings = True  # every outer item without inner items is a bare heading (…方面)
        stating = 0  # outer items holding an inner chain that state a problem in their title
        quoted = 0  # …of which quote the problem fed back (1.关于“…”的问题): their items are its rectification
        for k in range(len(outer_items)):
            if _not_case_item(text, outer_items[k].body):
                continue
            counted += 1
            a, b = bounds[k], bounds[k + 1]
            if any(a < c[0].start < b for c in inner_chains):
                holding += 1
                # in a report, an area of problems with its 一是/二是 (（一）…方面。一是…二是…) is one case
                stating += _states_problem(text, outer_items[k]) or (
                    inspection and _is_problem_area(text, outer_items[k]))
                quoted += bool(_FED_BACK.match(_item_title(text, outer_items[k])))
            elif not _is_heading(text, outer_items[k]):
                bare_headings = False
        if inspection and stating * 2 > holding and (quoted * 2 > holding or not _sanctioned_items(text, inner_chains)):
            break  # a report's outermost problems, each with its 一是/二是 (or its measures, (1)…(2)…) inside
        if inner == "cn_shi" and not inspection and holding >= 2 and holding * 10 >= counted * 6 \
                and not _sanctioned_items(text, inner_chains):
            break  # 一是/二是 in most items are their points (一、某医院。…一是伪造签名…二是…), not cases
        if counted and (holding * 10 >= counted * 6 or (holding and bare_headings)):
            chosen = inner
            section_markers = outer_items
            break
    items = sorted((m for c in valid[chosen] for m in c), key=lambda m: m.start)
    restarts = [m for m in (markers if markers is not None else _find_markers(text)) if m.style == chosen and m.n == 1]
    stops = sorted({m.start for m in items} | {m.start for m in section_markers})
    cases = []
    skipped_sections = [s for s in section_markers if _not_case_item(text, s.body)]
    for k, m in enumerate(items):
        enclosing = [s for s in section_markers if s.start < m.start]
        if _not_case_item(text, m.body) or (enclosing and enclosing[-1] in skipped_sections):
            continue
        if inspection and m.style.startswith("bullet_") and _is_measure(text, _skip_space(text, m.body)) \
                and not _cr().patterns["problem"].search(_item_title(text, m)):
            continue  # a rectification report's measure under the same bullet as its problems (■健全整改责任体系。…)
        nxt = next((s for s in stops if s > m.start), len(text))
        if k == len(items) - 1:  # a list starting over after the last item (并提出整改意见：一是…) is not in it
            restart = next((r.start for r in restarts if m.start < r.start < nxt), None)
            if restart is not None:
                nxt = _sentence_start(text, restart)
        end = _rstrip_span(text, m.start, nxt)
        if k == len(items) - 1 or nxt in {s.start for s in section_markers}:
            end = _tail_cut(text, m.start, end) if k == len(items) - 1 else end
        section = ""
        if section_markers:
            sec = [s for s in section_markers if s.start < m.start]
            if sec:
                line_end = text.find("\n", sec[-1].body)
                section = text[sec[-1].body:line_end if line_end > 0 else sec[-1].body + 40][:40]
        cases.append(_titled(text, m.start, end, section, title_from=m.body))
    # A section that holds no items but describes a problem itself is a case too
    # (三、…建设方面 / 选人用人不规范，…).
    for k, heading in enumerate(section_markers):
        nxt = section_markers[k + 1].start if k + 1 < len(section_markers) else len(text)
        if any(heading.start < m.start < nxt for m in items) or _not_case_item(text, heading.body):
            continue
        span = _section_case(text, heading, nxt, last=k == len(section_markers) - 1)
        if span is not None:
            cases.append(span)
    cases.sort(key=lambda c: c.start)
    return chosen, cases


def _by_depth(valid: dict[str, list[list[_Marker]]], styles: list[str], outer: list[int]) -> list[str]:
    """Styles ordered from the outermost down: a style most of whose chains lie inside single
    items of another style (between one of its markers and the next, or the next outer item)
    comes after it; otherwise the order given is kept."""
    def inside(inner: str, container: str) -> bool:
        starts = sorted(m.start for c in valid[container] for m in c)
        stops = sorted(set(starts) | set(outer))
        held = 0
        for chain in valid[inner]:
            k = bisect.bisect_left(starts, chain[0].start) - 1
            if k < 0:
                continue
            nxt = next((s for s in stops if s > starts[k]), None)
            held += nxt is None or nxt > chain[-1].start
        return held * 2 > len(valid[inner])

    depth = {s: sum(inside(s, t) and not inside(t, s) for t in styles if t != s) for s in styles}
    return sorted(styles, key=lambda s: depth[s])


def _sanctioned_items(text: str, chains: list[list[_Marker]]) -> bool:
    """Most items of the chains give someone a sanction (1.某镇党委书记甲…受到党内警告处分):
    cases a discipline body dealt with, listed under their kind even in an inspection's notice,
    not findings of a report."""
    items = sorted((m for c in chains for m in c), key=lambda m: m.start)
    ends = [m.start for m in items[1:]] + [len(text)]
    sanctioned = sum(bool(_cr().patterns["sanction_specific"].search(text, m.body, _before_rectification(text, m.body, min(e, m.body + 400))))
                     for m, e in zip(items, ends))
    return sanctioned * 2 > len(items)


def _before_rectification(text: str, start: int, end: int) -> int:
    """Where an item's own account ends before its rectification part (1.关于…的问题。整改情况：
    …给予3人党纪处分): sanctions told as rectification make a report's finding no dealt case."""
    from extractors.sanctions import RECTIFICATION_PART

    m = RECTIFICATION_PART.search(text, start, end)
    return m.start() if m else end


_TITLE_RUN = re.compile(r"[^。；;！？!?\n]*")


def _item_title(text: str, m: _Marker) -> str:
    """An item's title: its words up to the first sentence end or line break."""
    run = _TITLE_RUN.match(text, m.body)
    return run.group(0) if run else ""


# How a rectification report names each problem fed back to it: 关于“…”的问题.
_FED_BACK_START = re.compile(r"^关于[^。；;！？!?\n]{2,60}问题")
_FED_BACK = re.compile(_FED_BACK_START.pattern + r"[”\"」]?[。．.：:]?\s*$")


def _problems_fed_back(text: str, cases: list[CaseSpan]) -> bool:
    """Most items of a report name a problem fed back to it (1.关于“…”问题。): its own list,
    whatever the paragraphs before it (measures taken, sums recovered) say."""
    return sum(bool(_FED_BACK_START.match(_LEAD_MARKER.sub("", text[c.start:c.end]))) for c in cases) * 2 > len(cases)



def _states_problem(text: str, m: _Marker) -> bool:
    """An item whose title (its first sentence or line) states a problem (…不够到位 / 党的领导
    弱化), not a container of problems (一、巡察发现的主要问题 / 一、…方面)."""
    title = _item_title(text, m)
    if _FED_BACK.match(title):
        return True  # 关于选人用人问题 / 关于…问题比较突出的问题: a problem fed back, quoted as such
    if _cr().patterns["problem_container"].search(title):
        return False
    return any(x.group(0) != "问题" for x in _cr().patterns["problem"].finditer(title))


def _is_problem_area(text: str, m: _Marker) -> bool:
    """A report's section named for an area of work whose problems it lists ((一)落实…方面。
    一是…), not one announcing the report's whole list (一、巡察发现的主要问题)."""
    title = _item_title(text, m)
    return bool(_cr().patterns["aspect_heading"].match(title + "。")) and not re.search(
        r"(?:问题|不足)$", title)


def _is_heading(text: str, m: _Marker) -> bool:
    """An item whose first line is a bare heading (二、干部队伍建设方面), no sentence."""
    line_end = text.find("\n", m.body)
    line = text[m.body:line_end if line_end >= 0 else len(text)].strip()
    return bool(line) and len(line) <= 40 and not re.search(r"[。；;！？!?]", line)


def _section_case(text: str, sec: _Marker, nxt: int, last: bool) -> CaseSpan | None:
    """The problem a section without items describes, or None (a heading with no problem
    under it, a list of measures, closing words)."""
    line_end = text.find("\n", sec.body)
    line_end = nxt if line_end < 0 or line_end > nxt else line_end
    heading = text[sec.body:line_end].strip()
    start = sec.start
    if _is_heading(text, sec):  # the case is what follows the heading
        start = line_end
        while start < nxt and text[start] in " \n\t\u3000":
            start += 1
    end = _rstrip_span(text, start, nxt)
    if last:
        end = _tail_cut(text, start, end)
    body = text[start:end]
    if len(body) < 15 or _is_measure(text, start) or _is_measure(text, sec.body):
        return None  # too short, or measures taken (一、提高政治站位，扎实推进整改)
    from extractors.categories import extract_categories  # lazily, as in _running

    if not _cr().patterns["problem"].search(body) or not (_has_facts(body) or extract_categories(body, doc_type="", categorizer=_cr().categorizer)):
        return None  # no problem described: no fact and no category cue
    if _is_closing(body) and not _has_facts(body):
        return None
    return _titled(text, start, end, heading[:40])


_TITLE = re.compile(r"\s*(?:\d{1,3}\s*\n)?\s*([^\n。；;！？!?]{1,80})")
_TITLE_TRIM = " :：，,"


def _title(text: str, start: int, end: int) -> tuple[str, int]:
    """A case's first words up to a sentence end or line break (after a number alone on its
    line: 01 / 澜沧县…问题), and where they start ("", -1 when none)."""
    m = _TITLE.match(text, start, end)
    if not m:
        return "", -1
    a, b = m.span(1)
    while a < b and text[a] in _TITLE_TRIM:
        a += 1
    while b > a and text[b - 1] in _TITLE_TRIM:
        b -= 1
    return (text[a:b], a) if b > a else ("", -1)


def _units(text: str, inspection: bool = False) -> list[tuple[int, int]]:
    """Paragraphs, further split before titled sentences ("XX违规…问题。"), bullets (■…) and
    sentences that bring a new official's misconduct inside them; in a report, before inline
    section heads (在党的建设方面。) and before each inspected unit's findings (淄博市…。枣庄市…)."""
    out = []
    p = _cr().patterns
    for a, b in _paragraphs(text):
        cuts = [a]
        sents = [s for s in _SENT.finditer(text, a, b) if s.group(0).strip()]
        for s in sents:
            sent = s.group(0).lstrip()
            if s.start() > a and (p["titled_sentence"].match(sent) or p["next_example"].match(sent)
                                  or p["bullet"].match(sent)):
                cuts.append(s.start())
        if inspection:
            cuts += _report_cuts(sents)
        else:
            cuts += _new_subject_cuts(text, a, b, sents, cuts)
            cuts += _incident_cuts(sents)
            cuts += _listed_clause_cuts(text, a, b)
            cuts += _designation_list_cuts(text, a, b)
        cuts = sorted(set(cuts))
        cuts.append(b)
        for x, y in zip(cuts, cuts[1:]):
            if text[x:y].strip():
                out.append((x, y))
    return out


_LIST_COLON = re.compile(r"(?:具体情况|基本情况|有关情况|典型问题|典型案例)?(?:是|为|如下|分别是|分别为)[：:]|分别(?:是|为)(?=[\u4e00-\u9fff])")


_SEMICOLON = re.compile(r"[；;]")


def _listed_clause_cuts(text: str, a: int, b: int) -> list[int]:
    """Cases listed in one paragraph after a colon, one clause each between semicolons (这六起
    案例的具体情况是：孟某,某局副调研员,7月31日…；田某,某中学教师,8月8日…): a cut before
    each clause that opens on a name, when two or more do."""
    m = _LIST_COLON.search(text, a, b)
    if not m:
        return _deeds_after_colon(text, a, b)
    names = _names(text[a:b])
    if len(names) < 2:
        return []
    starts = [m.end()] + [x.end() for x in _SEMICOLON.finditer(text, m.end(), b)]
    opening = []
    for s in starts:
        k = _skip_space(text, s)
        if k < b and any(text.startswith(n, k) for n in names):
            opening.append(k)
    return opening if len(opening) >= 2 else _enumerated_in_a_sentence(text, b, m.end(), names)


_ANY_COLON = re.compile(r"[：:](?!\d)")


def _deeds_after_colon(text: str, a: int, b: int) -> list[int]:
    """Officials listed after any colon, one per clause between semicolons, each with a deed of
    his own (…也在今日宣判：甲被控受贿2254万余元，…；乙被控受贿2200多万元，…): a case each. A
    colon announcing one case's decisions (处理如下：甲负有领导责任，受到警告；乙…) lists
    sanctions, not deeds, and stays one case."""
    cm = _ANY_COLON.search(text, a, b)
    if cm is None or not _SEMICOLON.search(text, cm.start(), b):
        return []
    colon = cm.start()
    names = _names(text[a:b])
    end = text.find("。", colon, b)
    end = b if end < 0 else end
    starts = [colon + 1] + [x.end() for x in _SEMICOLON.finditer(text, colon, end)]
    bounds = starts[1:] + [end]
    opening = []
    for s, e in zip(starts, bounds):
        k = _skip_space(text, s)
        who = next((n for n in names if text.startswith(n, k)), None)
        feats = concreteness(text[k:e])[1]
        if who is not None and ("misconduct" in feats or "money" in feats) and not _DUTY_FAILURE.search(text[k:e]):
            opening.append(k)
    return opening if len(opening) >= 2 and len(opening) == len(starts) else []


# Where a clause of a list may start: after a comma, an enumeration comma or a semicolon.
_CLAUSE_BREAK = re.compile(r"[，,、；;﹔：:]")


def _designation_list_cuts(text: str, a: int, b: int) -> list[int]:
    """Cases listed one per clause with no full stop between them (查处比较典型的有，温岭市某镇
    某村党支部书记王某违规公款聚餐等问题，天台县某镇某村党支部书记李某公款吃喝问题。/ 某市某中学
    违规发放福利4860元；某县某小学违规列支烟酒费1.6万元): a cut before each clause that opens on
    a place-led designation of a new subject and tells a deed of its own, when two or more such
    clauses follow each other in one sentence. An official (place, unit, post, name) may open a
    clause after a comma; a unit alone only after a semicolon, and only a unit the paragraph has
    not named before (某县住建局、县财政局…问题。…；临沭县财政局…: one case's units)."""
    p = _cr().patterns
    out: list[int] = []
    for sent in re.finditer(r"[^。！？!?\n]+", text[a:b]):
        s0, s1 = a + sent.start(), a + sent.end()
        breaks = [(s0, "")] + [(m.end(), m.group(0)) for m in _CLAUSE_BREAK.finditer(text, s0, s1)]
        openers: list[tuple[int, set[str]]] = []
        for i, (k, sep) in enumerate(breaks):
            k = _skip_space(text, k)
            rest = text[k:min(s1, k + 90)]
            lead = p["list_lead"].match(rest)
            body = rest[lead.end():] if lead else rest
            if not (p["place"].match(body) or p["unnamed_place"].match(body)) or p["reporting_subject"].match(body):
                continue
            prev = text[breaks[i - 1][0]:k - len(sep)].strip() if i else ""
            if prev and len(prev) <= 4 and prev in _names(prev + "，"):
                continue  # 孟某，某局调研员，…: the clause goes on with its subject
            head = re.split(r"[，,；;、：:]", body, maxsplit=1)[0]
            subjects = {n for n in _subject_names(head) if n in head}
            if not subjects:
                unit = p["unit_opening"].match(body)
                if unit is None or sep not in ("", "；", ";", "﹔") or unit.group(0)[-4:] in text[a:k]:
                    continue
            start = k
            if i and p["list_lead"].fullmatch(prev + sep) and prev:
                start = _skip_space(text, breaks[i - 1][0])  # 今年上半年，某镇政府…: the time is the clause's
            openers.append((start, subjects))
        if len(openers) < 2:
            continue
        found: list[int] = []
        seen: set[str] = set()
        for i, (k, subjects) in enumerate(openers):
            end = openers[i + 1][0] if i + 1 < len(openers) else s1
            clause = text[k:end]
            feats = concreteness(clause)[1]
            deed = "misconduct" in feats or "money" in feats or bool(_DUTY_FAILURE.search(clause))
            if deed and is_concrete(clause) and not (subjects & seen):
                found.append(k)
            seen |= subjects
        if len(found) >= 2:
            out += [k for k in found if k > a]
    return out


_LIST_SEP = re.compile(r"、")


def _enumerated_in_a_sentence(text: str, b: int, start: int, names: set[str]) -> list[int]:
    """Cases enumerated in one sentence after 分别是 (分别是某法院办公室主任陈某其子结婚大操大办…、
    某镇文教助理太某为其外孙女操办满月宴、…): each 、-part long enough to tell a deed, with a name
    among its first words, is a case."""
    end = text.find("。", start, b)
    end = b if end < 0 else end
    parts = [start] + [x.end() for x in _LIST_SEP.finditer(text, start, end)]
    bounds = parts + [end]
    found = [k for k, e in zip(parts, bounds[1:])
             if e - k >= 15 and any(n in text[k:k + 30] for n in names)
             and "misconduct" in concreteness(text[k:e])[1]]
    return found if len(found) >= 2 and len(found) * 2 >= len(parts) else []


def _report_cuts(sents: list[re.Match[str]]) -> list[int]:
    """Cuts inside a report's paragraph: before inline section heads of its list of problems
    (在…方面。), and, where a paragraph gives the findings of two or more inspected units one
    after another (淄博市…不到位。枣庄市…薄弱。), before each unit's findings."""
    p = _cr().patterns
    heads = [s.start() + len(s.group(0)) - len(s.group(0).lstrip()) for s in sents
             if p["aspect_heading"].match(s.group(0).lstrip())]
    if len(heads) >= 2:
        return heads
    units = [s.start() for s in sents
             if p["org_subject"].match(s.group(0).lstrip()) and p["problem"].search(s.group(0))
             and not p["report_summary"].match(s.group(0).lstrip())]
    # the problems found as a series of 有的… clauses (存在一些问题，有的…；有的…；有的…): each one
    # a problem of the outermost list, where no section heads hold them (有的党委… opens a clause of
    # them, no unit of its own)
    if not sents:
        return []
    text = sents[0].string
    some = [m.start(1) for m in p["some_clause"].finditer(text, sents[0].start(), sents[-1].end())]
    # (…the most of the three readings: units, 有的 clauses, the clauses a colon announces)
    announced = _announced_problem_cuts(text, sents[0].start(), sents[-1].end())
    if len(units) >= 2 and len(units) >= len(some) and len(units) >= len(announced):
        return units
    if len(some) >= 3 and len(some) >= len(announced):
        return some
    return announced


def _announces_problems(unit: str) -> bool:
    """The unit ends on the colon announcing the problems that follow (巡察组发现了一些问题，主要是：)."""
    ends = [m.end() for m in _cr().patterns["problems_announced"].finditer(unit)]
    return bool(ends) and not unit[ends[-1]:].strip()


_PROBLEM_CLAUSE = re.compile(r"[^；;。！？!?\n]+[；;。！？!?]*")


def _announced_problem_cuts(text: str, a: int, b: int) -> list[int]:
    """After a colon announcing a report's problems (问题主要是：), the clauses listed one
    after another (…不到位；…薄弱；… or …不到位。…薄弱。): before each, when two or more
    state a problem and three in four up to the paragraph's end do."""
    p = _cr().patterns
    m = p["problems_announced"].search(text, a, b)
    if m is None or p["org_subject"].match(text[a:m.start()].lstrip()):
        return []  # (某镇党委存在问题：…；…: one inspected unit's findings, a case of its own)
    clauses = [c for c in _PROBLEM_CLAUSE.finditer(text, m.end(), b) if c.group(0).strip()]
    stating = sum(bool(p["problem"].search(c.group(0))) for c in clauses)
    if stating < 2 or stating * 4 < len(clauses) * 3:
        return []
    return [_skip_space(text, c.start()) for c in clauses]



_BEFORE_CHARS = 1200


_HE_SHE = re.compile(r"(?:他|她)(?![们])")
# One of the charges against the official a notice is about (经查，X违反…；违反工作纪律，授意下属
# 某某…): the subject is his, whoever the clause names.
_CHARGE_CLAUSE = re.compile(r"(?:严重)?违反(?:党的)?(?:政治|组织|廉洁|群众|工作|生活)纪律|(?:严重)?违反中央八项规定精神")


def _new_subject_cuts(text: str, a: int, b: int, sents: list[re.Match[str]], cuts: list[int]) -> list[int]:
    """Cuts before sentences that tell a new official's misconduct in running prose (…刘某
    收受…。无独有偶，某乡出纳陈某侵吞…): an article recounting cases one after another in one
    paragraph has one case per official. A sentence that only gives the consequence or names
    someone accountable (对…给予, 负有领导责任) goes on with the case before it."""
    p = _cr().patterns
    if len(sents) < 2 or not _names(text[a:b]):
        return []
    first = sents[0].group(0)
    if p["group_ref"].search(first) and not (p["counted_group"].search(first) and any(_AMONG_THEM.match(s.group(0).strip()) for s in sents[1:])):
        return []  # (a group's officials told together — 上述涉案人员均被判刑。其中，… — but one singled out of
        # many counted, 133名干部的问题浮出水面。其中包括某某，受贿…, is his own case)
    out: list[int] = []
    start = a
    for k, s in enumerate(sents):
        if s.start() in cuts:
            start = s.start()
            continue
        if s.start() <= start:
            continue
        sent = s.group(0).strip()
        # Cheap tests first; the text before is read only as far back as `_BEFORE_CHARS`
        # (a long paragraph must not cost a people pass per sentence over all of it).
        example = bool(_AMONG_THEM.match(sent)) and not is_concrete(text[start:s.start()]) \
            and bool(_subject_names(sent)) and is_concrete(sent)  # 全年查处…7起。其中，县林业局副局长普某…
        # (此外，…提及了…董事长袁仁国利用…: "also" brings in a new official, who is no anaphora)
        # (not 此外，镇党委对…把关不严，…出租给村委委员邱某的亲戚: the unit's problem goes on)
        add = p["additive"].match(sent)
        unit = p["org_subject"].match(sent[add.end():]) if add is not None else None
        additive = add is not None and bool(_subject_names(sent)) and (unit is None or bool(p["telling"].search(unit.group(0))))
        before = text[max(start, s.start() - _BEFORE_CHARS):s.start()]
        if not example and not additive and (p["consequence"].match(sent) or p["anaphora"].match(sent)
                                             or _group_ref(sent, before)
                                             or p["pronoun_subject"].match(sent) or _refers_back(sent)
                                             or _held_to_account(sent) or _CHARGE_CLAUSE.match(sent)):
            continue
        new = _names(sent)
        if not new:
            # (再往前推，2016年8月，安徽一粮站副站长连收…红包…被开除党籍: an incident of its own, told of
            # an unnamed post in a new place after a named official's case)
            if _names(before) and is_concrete(before) and _unnamed_incident_elsewhere(before, sent):
                out.append(s.start())
                start = s.start()
            continue
        # an example brought in by 如/比如 (有的巧立名目。如某村党支部书记刘某以…为由，擅自使用…): in a
        # round-up of such examples, each official's is a case of his own
        if p["for_example"].match(sent) and not any(n in before for n in new) and _subject_names(sent) \
                and is_concrete(sent) and _own_deed(sent):
            out.append(s.start())
            start = s.start()
            continue
        # (not a whole case of its own that reads like a title: 杨某被“双开”，通报直指其“违规…”问题。)
        titled = bool(p["titled_sentence"].match(before.strip())) \
            and not (_subject_names(before) and p["sanction_specific"].search(before))
        if any(n in before for n in new) or titled \
                or p["ordinal_case"].match(before.strip()) or _PICKS_UP.match(before.strip()):
            continue  # named before, or the case's own title (某局违规…问题。, 第一起发生在…) is all before it
        feats = concreteness(sent)[1]
        # (a new official reported only as fallen — 4月20日，某公司原工会主席张某被通报接受审查调查 — is
        # a case of its own in a list of such reports)
        fallen = _falls(sent)
        # (本集还介绍了…原副省长王晓光案。: a case introduced by its name, its story told next)
        named_case = sent.rstrip("。；;").endswith(tuple(n + tail for n in new for tail in ("案", "案件")))
        if "misconduct" not in feats and "money" not in feats and not fallen and not named_case:
            # (同期另一削职的，是…秘书长赵某。他因…谋取私利…: introduced, his deed told by 他 next)
            nxt = sents[k + 1].group(0).strip() if k + 1 < len(sents) else ""
            if not (_subject_names(sent) and (p["pronoun_subject"].match(nxt) or _HE_SHE.match(nxt))
                    and {"misconduct", "sanction"} & set(concreteness(nxt)[1])):
                continue
            feats = concreteness(sent + nxt)[1]
            sent = sent + nxt
        if any(n in sent for n in _names(before)):
            continue  # someone of the case before is spoken of again: the same case
        # The text before is a case of its own (someone named did something), or only
        # commentary that this sentence's case leaves behind.
        # (or, when no one is named in it, a case somewhere else: 大新县… then 巴马县…黄某).
        before_case = is_concrete(before)
        own_case = before_case and bool(_names(before))
        elsewhere = before_case and not own_case and is_concrete(sent) and _new_place(before, sent)
        # (a sentence that only gives the outcome — 原院长黄某某被给予…处分，违规资金全部追回 —
        # ends the story before it, told without names)
        if (own_case and (_subject_names(sent) or is_concrete(sent) or named_case)) or (elsewhere and _own_deed(sent)) \
                or (not before_case and is_concrete(sent) and _own_deed(sent)) \
                or (fallen and bool(_names(before)) and bool(p["fallen"].search(before))):
            out.append(s.start())
            start = s.start()
    return out


_AMONG_THEM = re.compile(r"^其中(?:[，,]|包括|就有)")


_CLAUSE_BREAKS = re.compile(r"[，,；;：:。]")
# What makes the people after it in a clause its objects: those who gave, paid or were helped
# (收受…实际控制人巴某某等人财物).
_OBJECT_LEAD = re.compile(r"收受|接受|送给|给予|向|为|帮助|通过|与")


def _group_ref(sent: str, before: str) -> bool:
    """The sentence speaks of the group of a case told before (上述人员, 涉案人员, 张某等人) — not
    of a new official and his accomplices as its subject (第1起就是…区委原书记苏某等人落实…不力:
    苏某 named for the first time, no giver or payer)."""
    names: set[str] | None = None  # read only when a 等人 asks (a people pass per sentence costs)
    for m in _cr().patterns["group_ref"].finditer(sent):
        if m.group(0) == "等人" and names is None:
            names = _names(sent)
        if m.group(0) == "等人" and names and any(
                sent.endswith(n, 0, m.start()) and n not in before
                and not _OBJECT_LEAD.search(_CLAUSE_BREAKS.split(sent[:m.start() - len(n)])[-1])
                for n in names):
            continue
        return True
    return False


def _falls(sent: str) -> bool:
    """The sentence reports an official named as its subject fallen (…原工会主席张某被通报接受审查
    调查; configured `fallen`), the name before the verb (not 与他一同被查的，还有…孙某: someone of
    the story before)."""
    m = _cr().patterns["fallen"].search(sent)
    return m is not None and any(0 <= sent.find(n) < m.start() for n in _subject_names(sent))


_AHEAD_CHARS = 800


def _sanctioned_ahead(text: str, start: int, names: set[str]) -> bool:
    """A sentence from `start` on (as far as _AHEAD_CHARS) gives one of `names` a sanction of
    his own (今年8月，高峰因…受到党内严重警告处分): a principal, not a briber in someone's story."""
    sanction = _cr().patterns["sanction_specific"]
    for s in _SENT.finditer(text, start, min(len(text), start + _AHEAD_CHARS)):
        sent = s.group(0)
        if any(n in sent for n in names) and sanction.search(sent):
            return True
    return False


_TIME_CLAUSE = re.compile(r"[^，,。；;：:]*?(?:之后|以后|之前|以前|的时候|期间)[^，,。；;：:]{0,16}[，,]")


def _in_passing(unit: str, names: set[str]) -> bool:
    """Every mention of the names is inside a clause of time (付晓光被点名曝光一年之后即…，) or a
    comparison (与邓某不同，): they are not what the unit is about."""
    rest = _cr().patterns["contrast"].sub("", _TIME_CLAUSE.sub("", unit))
    return not any(n in rest for n in names)


def _held_to_account(sent: str) -> bool:
    """The sentence holds someone to account for the problem just told (乡党委副书记某某作为分管领导，
    对此不闻不问、监管缺位，被诫勉): a duty failure about it, no deed or sum of its own — the same case."""
    p = _cr().patterns
    return bool(_DUTY_FAILURE.search(sent)) and not p["money"].search(sent) and not p["violation"].search(sent)


def _refers_back(sent: str) -> bool:
    """The sentence points back to a unit named before it (…对该院…): the same incident."""
    m = _cr().patterns["back_reference"].search(sent)
    return m is not None and m.group("head") not in sent[:m.start()]


def _incident(sent: str) -> bool:
    """A sentence that is a whole incident by itself: it opens on a unit or a post as its
    subject (某街道…, 某企业总经理…, no anaphora), tells a deed and a consequence."""
    p = _cr().patterns
    s = _LEAD_MARKER.sub("", sent.strip())
    if p["anaphora"].match(s) or p["consequence"].match(s) or p["group_ref"].search(s) or _refers_back(s):
        return False
    feats = concreteness(s)[1]
    opens = bool(p["org_subject"].match(s)) or "post_subject" in feats
    return opens and "sanction" in feats and _own_deed(s) and is_concrete(s, True)


def _incident_cuts(sents: list[re.Match[str]]) -> list[int]:
    """Cuts inside a paragraph that lists one-sentence incidents one after another (分别是：
    某县…，受到…处分；某街道…，…受到…处分；): before each, when two or more follow each other."""
    if len(sents) < 2 or _cr().patterns["group_ref"].search(sents[0].group(0)):
        return []  # one incident's culprits one by one (上述涉案人员…。其中，…；…)
    flags = [_incident(s.group(0)) for s in sents]
    out = []
    for k, s in enumerate(sents):
        if k and flags[k] and (flags[k - 1] or (k + 1 < len(sents) and flags[k + 1])):
            out.append(s.start() + len(s.group(0)) - len(s.group(0).lstrip()))
    return out


def _new_place(before: str, sent: str) -> bool:
    """The sentence's first place name (巴马县) is not one the text before mentions."""
    m = _cr().patterns["place"].search(sent)
    return m is not None and m.group(0) not in before


def _unnamed_incident_elsewhere(before: str, sent: str) -> bool:
    """After a case, a sentence that is a whole incident of its own told of an unnamed post or
    unit (再往前推，2016年8月，安徽一粮站副站长连收…红包…被开除党籍), in a place the case did not name."""
    if sum(1 for m in _SENT.finditer(sent.strip()) if m.group(0).strip()) != 1:
        return False  # (one sentence: a unit of several is judged as a whole elsewhere)
    told = _skip_time(_SHORT_OPENER.sub("", sent, count=1)) if _SHORT_OPENER.match(sent) else sent
    # (its deed told, not only its sanction: 断崖式降级三年后，某省部级领导干部被“双开” is a teaser)
    return _incident(told) and bool({"misconduct", "money"} & set(concreteness(told)[1])) and _elsewhere(before, told)


def _elsewhere(before: str, sent: str) -> bool:
    """The sentence names a place (a province, city, county, township or village of the
    gazetteer: 安徽, 某县) the text before does not."""
    from extractors.regions import extract_regions

    return any(r.name not in before and r.normalized not in before for r in extract_regions(sent))


def _strip_lead(text: str, a: int, b: int) -> int:
    """Start of a unit after its leading news-lead / statistics / preamble sentences."""
    p = _cr().patterns
    pos = a
    for s in _SENT.finditer(text, a, b):
        sent = s.group(0)
        if not sent.strip():
            continue
        if p["ordinal_case"].match(sent.strip()):
            break  # 第一起发生在某县。: the story's own opening, no statistic
        lead = p["lead"].search(sent) or p["statistic"].search(sent)
        given = p["sanction_specific"].search(sent) and not p["sanction_statistic"].search(sent)
        if lead and not p["named"].search(sent) and not p["money"].search(sent) \
                and not given and not _subject_names(sent):
            pos = s.end()
            continue
        # A roundup's lead naming each culprit (通报3起…，涉及甲、乙、丙): not a case, and its
        # names must not pull the cases after it into one.
        if lead and p["several"].search(sent) and len(_names(sent)) >= 2 \
                and not p["money"].search(sent) and not given:
            pos = s.end()
            continue
        # "…另外3起案件分别是:" inside a sentence: the case starts after the colon (and a
        # paragraph ending on it, 分别是：, only introduces the list after it)
        m = p["list_intro"].search(sent)
        if m and s.start() + m.end() <= b:
            pos = s.start() + m.end()
        break
    while pos < b and text[pos] in " \n：:，,":
        pos += 1
    return pos


@lru_cache(maxsize=4096)
def _people_of(text: str, rules: CaseRules) -> tuple[tuple[str, str], ...]:
    """(name, post) of the people a fragment names; cached, since splitting asks again and
    again of the same paragraphs and sentences (and a statistical NER is slow)."""
    from extractors.people import extract_people

    return tuple((p.name, p.position) for p in extract_people(text, rules=rules.people))


# The people the whole document names (set by split_cases): a fragment's names are read in
# their light. A pseudonym said once in a paragraph (锁定了…的唐某刚) may be cut to 唐某 there,
# while the document, which says 唐某刚 again and again, tells the full name; and a bare full
# name LAC finds in the document is a name in each fragment that holds it.
_DOC_PEOPLE: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("leian_doc_people", default=())


def _people_in(text: str) -> tuple[tuple[str, str], ...]:
    """(name, post) of the people a fragment names, completed by the document's names."""
    local = _people_of(text, _cr())
    doc = _DOC_PEOPLE.get()
    if not doc:
        return local
    out: dict[str, str] = {}
    for name, post in local:
        longer = [n for n, _ in doc if len(n) > len(name) and n.startswith(name) and n in text]
        out[max(longer, key=len) if longer else name] = post
    for name, post in doc:
        if name in text and not any(name in n for n in out):
            # named here without a post: not a principal by this fragment alone — unless the post
            # the document found for the name stands right before it here (副局长高峰分管…)
            out[name] = post if post and post + name in text else ""
    return tuple(out.items())


def _names(text: str) -> set[str]:
    return {n for n, _ in _people_in(text)}


def _names_before(text: str, start: int) -> set[str]:
    """The names mentioned before `start`: the document's people found there (no second
    people pass over the whole text before a case), else a pass over that text."""
    doc = _DOC_PEOPLE.get()
    if not doc:
        return _names(text[:start])
    before = text[:start]
    return {n for n, _ in doc if n in before}


def _mentioned(text: str, name: str, names: set[str]) -> bool:
    """`name` stands in the text other than inside a longer name of `names` (蓝某 is not
    mentioned by 蓝某平)."""
    longer = [m for m in names if name in m and m != name]
    compound = _cr().people.lexicon.compound_set
    for occ in re.finditer(re.escape(name), text):
        if any(text.startswith(m, occ.start() - m.index(name)) for m in longer if occ.start() >= m.index(name)):
            continue
        if "某" in name and text[max(0, occ.start() - 1):occ.start() + 1] in compound:
            continue  # 马某 inside 司马某: a compound surname's pseudonym, someone else
        return True
    return False


def _subject_names(text: str) -> set[str]:
    """Names introduced with a post (the case's principals), not bystanders (村民王某)."""
    plain = _cr().people.lexicon.plain_people
    return {n for n, pos in _people_in(text) if pos and pos not in plain}


def _opening_names(unit: str, names: set[str]) -> set[str]:
    """Names a paragraph opens on as its subject, maybe after a time, a quotation or a short
    adverbial (孙某曾是… / 2019年，葛某… / “……”面对审查人员，王某懊悔不已): in a feature telling
    officials' stories one per paragraph, the post often comes later."""
    raw = _LEAD_MARKER.sub("", _OPENING_QUOTE.sub("", unit.lstrip()))  # (■纪某，某乡原党委书记，…)
    out: set[str] = set()
    # (the time clause may hold the subject itself: 周某被指在2013年至2021年，…)
    for head in {raw, _skip_time(raw)}:
        clause = _SHORT_OPENER.match(head)
        out |= {n for n in names if (head.startswith(n) and head[len(n):len(n) + 1] not in ("：", ":"))
                or (clause is not None and head.startswith(n, clause.end()))}  # (孟某：… labels a speaker)
    return out


# A paragraph may open on a quotation (“我以为……”) and a short adverbial (面对审查调查人员，)
# before its subject.
_OPENING_QUOTE = re.compile(r"^[“「][^”」\n]{0,200}[”」][。！？!?，,]?")
_SHORT_OPENER = re.compile(r"^[^，,。；;！？!?“”\n]{1,12}[，,]")


_LABEL = re.compile(r"^[\s\u3000]*([\u4e00-\u9fff·]{2,8})[：:](?=\S)")


_QUESTION = re.compile(r"^\s*(?:问|答|提问|读者问|解答)[：:]")


def _only_cyclic_pseudonyms(text: str) -> bool:
    """The text names people by 某甲, 某乙… and by no other 某-form."""
    from extractors.people import CYCLIC_PSEUDONYM

    return bool(CYCLIC_PSEUDONYM.search(text)) and all(
        CYCLIC_PSEUDONYM.fullmatch(n) for n in _names(text) if "某" in n)


def _hypothetical(unit: str) -> bool:
    """A reader's question about people called 某甲, 某乙 (问：某甲系某局副局长，…), or its
    answer: a made-up situation a Q&A answers, not a case."""
    return bool(_QUESTION.match(unit)) and _only_cyclic_pseudonyms(unit)


def _unlabelled(unit: str) -> str:
    """A paragraph without its interview speaker label (孟某：总的看，…): what someone answers,
    read as words said, not with the speaker as its subject."""
    m = _LABEL.match(unit)
    if m and (m.group(1) in ("记者", "问", "答", "主持人") or m.group(1) in _names(m.group(0))):
        return unit[m.end():]
    return unit


_LINK_BOX = re.compile(r"^\s*【?(?:相关阅读|延伸阅读|推荐阅读|相关新闻|新闻推荐|热点推荐|相关链接)】?\s*$")
_LINK_LINE = re.compile(r"^\s*[·•◆●▪▶►>》\-]")


def _box_inside(text: str, seg: str, end: int) -> bool:
    """A box of related headlines set inside the article (相关阅读 / · headline / · headline),
    the story going on after it: not where the article ends."""
    if not _LINK_BOX.match(seg):
        return False
    for a, b in _paragraphs(text[end:end + 3000]):
        line = text[end + a:end + b]
        if _LINK_LINE.match(line) or not line.strip():
            continue
        if _is_junk(line) or _cr().patterns["tail_stop"].match(line.strip()):
            return False
        if len(line.strip()) >= 30 and "。" in line:
            return True  # (a subheading before it, 监管失守，主任被问责, is passed over)
    return False


# A paragraph opening on the problem just told (这样一个“窟窿”…, 这一问题…, 上述问题…).
_BACK_TO_PROBLEM = re.compile(r"^(?:[^，,。；;]{0,12}[，,])?\s*(?:这样(?:一个|的)|这个|这一|这些|此类?|上述|该)"
                              r"[^，,。；;]{0,12}(?:问题|窟窿|漏洞|情况|事情?|乱象|现象|行为)")
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」")
# First-person narration (我收受…, 送给我…), not the institutional 我省/我市/我们.
_NOT_SELF = "(?![国省市县区州旗镇乡村委们院局校])"
_FIRST_PERSON = re.compile(rf"(?:(?:^|[，,。；;：:“])\s*|(?:给|送|找|帮|让))我{_NOT_SELF}")


def _running(text: str, inspection: bool, announced: bool = False) -> list[CaseSpan]:
    p = _cr().patterns
    units = _units(text, inspection)
    cases: list[list[int]] = []  # [start, end]
    names_in_case: set[str] = set()
    pending_heading: int | None = None
    heading_names: set[str] = set()  # the principals the pending heading names
    case_names: list[set[str]] = []  # the names of each case before the current one
    named_heading = -1  # where the heading line naming them starts
    # A paragraph that introduces a culprit (…调查组很快锁定了时任村文书的唐某刚。) but tells
    # no deed yet: the case about that person, when it follows, starts there.
    intro: tuple[int, set[str]] | None = None
    first_case = True
    # A paragraph telling an incident with no one named yet (一家民营医院以“免费体检”为诱饵…骗取
    # 医保基金142万元), then the next one naming the culprits: one story, from the first.
    nameless: int | None = None
    # A case's paragraph ending on a colon that announces what follows (…作出如下处理：): the
    # whole next paragraph goes on with that case, whoever it names (the officials sanctioned).
    announced_until = -1
    in_box = False
    heading_since = False  # a subheading stood since the current case last grew
    openers: set[str] = set()  # the one official each paragraph of the current case opened on
    for a, b in units:
        told_before, nameless = nameless, None  # only the unit right before counts
        seg = text[a:b]
        if cases and a <= announced_until and a >= cases[-1][1]:
            cases[-1][1] = b
            names_in_case |= _names(seg)
            continue
        if in_box and _LINK_LINE.match(seg):
            continue  # a headline of the related-reading box inside the article
        in_box = False
        if _is_furniture(seg) or p["tail_stop"].match(seg.strip()):
            if _box_inside(text, seg, b):
                in_box = True
            elif p["tail_stop"].match(seg.strip()) and cases:
                break
            continue
        body = _strip_lead(text, a, b)
        if body >= b:
            pending_heading = None
            continue
        sub = _unlabelled(text[body:b])
        if _hypothetical(sub):
            pending_heading = None
            continue
        announcing = bool(p["announce_colon"].search(sub.rstrip())) and not _announces_list(sub)  # …处理如下：
        # a heading holds no sentence end (…处分。另有2起典型案例如下： is two sentences, no title);
        # a headline may ask (“小村官”缘何成“大蛀虫”？佛山三起村官违纪违法案件透视)
        is_heading = len(sub.strip()) <= 60 and not re.search(r"[。；;]", sub.strip()) \
            and not announcing and not _LIST_COLON.search(sub.rstrip()[-8:]) \
            and not sub.rstrip().endswith(("、", "，", ","))  # (…的具体情况是： / a part of an enumeration)
        if inspection:
            process = p["inspection_process"].search(sub) and not p["finding"].search(sub)
            # the inspectors' requirements and recommendations, the leads handed on, an intro
            # announcing the problems (具体如下：) are no problems
            first = _SENT.match(sub.strip())
            aside = bool(p["recommendations"].match(sub.strip())
                         or (first is not None and p["clue_transfer"].search(first.group(0)))
                         or re.search(r"如下[：:]\s*$", sub) or _announces_problems(sub))
            # (a summary opening that goes on to state the problems with their facts — 2022年轮换出库
            # 玉米1260吨未按规定…, sums, names — in one paragraph is that report's one case)
            summary = bool(p["report_summary"].match(sub)) and not (len(sub) > 100 and _has_facts(sub))
            if p["problem"].search(p["rectification_object"].sub("", sub)) and not is_heading and not summary and not process \
                    and not aside:
                cases.append([body, b])
            continue
        if is_heading:
            heading_since = True
            if pending_heading is None:
                pending_heading = a
                heading_names = set()
            # a headline naming someone new (◎某局原局长魏某接受审查调查): the story under it is theirs
            named = _subject_names(sub) | _opening_names(_LEAD_MARKER.sub("", sub), _names(sub))
            if named - names_in_case:
                heading_names, named_heading = heading_names | named, a
            continue
        concrete = is_concrete(sub, announced)
        unnamed_elsewhere = bool(cases) and not _names(sub) \
            and _unnamed_incident_elsewhere(text[cases[-1][0]:cases[-1][1]], sub)
        concrete = concrete or unnamed_elsewhere
        if announcing and cases and not concrete:  # 处理如下： on a line of its own
            cases[-1][1] = b
            announced_until = _announced_paragraph(text, b)
            pending_heading = None
            continue
        if not (_has_facts(sub) or concrete) \
                or (_is_closing(sub) and not p["named"].search(sub) and not concrete):
            newcomers = _names(sub) - names_in_case
            if _introduces(sub, newcomers) and not concrete and not _is_closing(sub):
                intro = (_intro_start(pending_heading, first_case, body), newcomers)
            elif cases and not newcomers and not _is_closing(sub) and not heading_since \
                    and not _OPENING_QUOTE.match(sub) \
                    and _opening_names(sub, names_in_case | _names(sub)) & names_in_case:
                # the story of the case's official goes on (一方面，张某的起点很好… / 在单位，张某负责…);
                # what someone says (“我明白了……”张某说) is no more of it
                cases[-1][1] = b
            # a case's title (一、某卫生服务站倒卖医保药品案) still heads the case its findings lead to
            pending_heading = pending_heading if _case_title(text, pending_heading) else None
            continue
        # Statistics, quoted rules, speeches and work reports never open a case, nor join one
        # unless they speak of someone of the case (王某共收受…12次).
        feats = concreteness(sub)[1]
        generic = not concrete and bool({"statistic", "quotation", "speech", "reported_speech", "oversight_work"}
                                        & set(feats))
        told = "misconduct" in feats and "money" in feats and "statistic" not in feats and not _names(sub)
        if generic and not (cases and any(n in sub for n in names_in_case)):
            nameless = body if told else None
            # …通报的8起案例中，某厅副厅长钱某华是唯一的厅级干部。: a statistics phrase, but its
            # subject is one official introduced with his post — his case, if it follows, starts here.
            newcomers = _subject_names(sub) - names_in_case
            if len(newcomers) == 1 and not concrete and len(_names(sub) - names_in_case) == 1:
                intro = (_intro_start(pending_heading, first_case, body), newcomers)
            pending_heading = None
            continue
        names = _names(sub)
        subjects = _subject_names(sub)
        # A closing paragraph giving the decisions on the people of several cases (日前，甲、乙分别
        #受到…；丙受到…): the notice's, not the last case's (each case finds its own in it).
        if names and len([k for k in case_names[:-1] + [names_in_case] if k & names]) >= 2 \
                and not (subjects - set().union(names_in_case, *case_names)):
            pending_heading = None
            continue
        # someone of the case before, unless only compared with (与陈某不同，…) or only named
        # as the case the new one was found in (在查办赵某某案过程中，…一并查处了…孙某…问题)
        uncontrasted = p["contrast"].sub("", sub)
        known = {n for n in names_in_case if _mentioned(uncontrasted, n, names)}
        if known and all(_only_as_case(sub, n) for n in known) and (subjects - names_in_case) \
                and p["sanction_specific"].search(sub):
            known = set()
        # after a subheading, a new official named with his post before anyone of the case before
        # (监管者为何“失明” / …副局长高峰…接受司马国栋安排的宴请): his own story
        fresh = subjects - names_in_case
        if known and fresh and heading_since \
                and min(sub.find(n) for n in fresh) < min(sub.find(n) for n in known) \
                and _sanctioned_ahead(text, body, fresh):
            known = set()
        # a paragraph naming someone of the case before only in passing (付晓光被点名曝光一年之后，
        # 中纪委通报了…副主任王建鸣…的案例。…给予王建鸣党内警告处分): the new official's case
        if known and fresh and _sanctioned_ahead(text, body, fresh) and _in_passing(sub, known):
            known = set()
        # a lead naming several officials, then a paragraph for each opening on his name (段某的…。
        # / 龙某的行径…): the second one's paragraph is his own case, not the first one's
        opens = _opening_names(sub, names)
        # (not the briber's part, 张某送给王某…, which names the official; not 张某 after 张某某)
        own_story = bool(known and openers and len(opens) == 1 and len(sub) >= 80
                         and not any(o in sub or o.startswith(x) or x.startswith(o) for o in openers for x in opens)
                         and _named_together(text, cases[-1][0] if cases else a, opens | openers)
                         and (concrete or p["violation"].search(sub) or p["sanction_specific"].search(sub)))
        if own_story:
            known = set()
        headed = pending_heading is not None and bool((heading_names - names_in_case) & names)
        # someone new, just introduced — named again, or taken up as 这位…的女干部 / 她…
        introduced = intro is not None and (bool(intro[1] & names) or bool(_TAKEN_UP.match(sub)))
        continues = bool(cases) and not headed and (
            bool(known)
            or (p["anaphora"].match(sub) is not None and not (subjects - names_in_case) and not introduced)
            # a story's lead that names no one yet, then its culprit introduced: one story
            or (introduced and not names_in_case and len(cases) == 1)
            # the one official's own words, told unquoted (his 忏悔书: 有个老板巴某…送给我50万元): his
            # story still (a quotation opening a story — “我以为…”吴某懊悔不已 — is someone else's)
            or (len(cases) == 1 and bool(_FIRST_PERSON.search(_QUOTED.sub("", sub))))
            # who let the problem just told happen (让人深思的是，这样一个“窟窿”存在多年，…主任刘某华
            # …监督流于形式…受到诫勉): the same case
            or (bool(_BACK_TO_PROBLEM.match(sub)) and bool(_DUTY_FAILURE.search(sub)) and not p["money"].search(sub))
            # the decision of the body that investigated or regulates, on the unit or person just
            # told (某市医保部门已解除该卫生服务站医保服务协议，追回… / 县纪委监委给予其…)
            or (_oversight_decision(sub) and not (subjects - names_in_case))
            # the second point of a list the case opened (…一是冒用医师名义…。/ 二是纵容无资质人员…)
            or bool(_NEXT_POINT.match(sub))
            # the court's judgment on the unit just told, naming its defendants (法院判决该诊所犯诈骗罪，
            # 被告人张某某…): a case told without names gets them here
            or (not names_in_case and bool(names) and all("被告人" + n in sub for n in names))
        )
        # A unit that is a whole incident of its own (a unit or a post as subject, a deed, a
        # consequence) opens a case even with no personal name (某国有企业总经理用公款…，受到…).
        new_subject = own_story or bool(subjects - names_in_case) or bool(p["org_subject"].match(sub)) \
            or bool(_opening_names(sub, names) - names_in_case) or headed \
            or bool(p["titled_sentence"].match(sub)) \
            or (concrete and "post_subject" in concreteness(sub)[1]) or introduced \
            or unnamed_elsewhere
        if continues and not (p["titled_sentence"].match(sub) and not known):
            heading_since = False
            cases[-1][1] = b
            names_in_case |= names
            openers |= opens if len(opens) == 1 else set()
            intro = None
            announced_until = _announced_paragraph(text, b)
        elif cases and not new_subject and not p["date_start"].match(sub):
            heading_since = False
            cases[-1][1] = b
            names_in_case |= names
            intro = None
            announced_until = _announced_paragraph(text, b)
        elif not concrete:  # no subject, deed and evidence enough to be a case of its own
            # (an incident told of a group with no one named — 某村8名村干部编造虚假资料，骗取…51.8万元 —
            # opens the story of the next paragraph, which names whom it held to account)
            nameless = body if told and not cases else None
            if _introduces(sub, names - names_in_case):
                intro = (_intro_start(pending_heading, first_case, body), names - names_in_case)
            # (a case's title above that incident still heads the story: 案例1：某诊所…骗取医保基金案)
            pending_heading = pending_heading if nameless is not None and _case_title(text, pending_heading) else None
            continue
        else:
            start = body
            intro_names = intro[1] if intro is not None else set()
            if introduced and intro is not None:
                start, pending_heading = intro[0], None
            elif told_before is not None and not known:
                start = told_before
            intro = None
            # A heading opens the first case (the story's title) and any case it names as an
            # item of a roundup (【违规收取费用】 before the case).
            if pending_heading is not None and (first_case or headed or p["item_heading"].match(text[pending_heading:a])
                                                or _case_title(text, pending_heading)):
                start = named_heading if headed else pending_heading
            if cases and _hook_of(text[cases[-1][0]:cases[-1][1]], sub, names_in_case):
                start = cases.pop()[0]  # the story's hook, picked up by this case's opening (这位村民说的镇干部…)
            elif cases:
                case_names.append(names_in_case)
            cases.append([start, b])
            heading_since = False
            names_in_case = set(names) | (intro_names if introduced else set())
            openers = set(opens) if len(opens) == 1 else set()
            first_case = False
            announced_until = _announced_paragraph(text, b)
        pending_heading = None
    # A case tells of misconduct: a violation or a sanction (a meeting report naming officials is not one).
    if not inspection:
        from extractors.categories import extract_categories

        # a commentary summing up the cases before it (…指出，上述案例中，有的…；有的…) is none
        cases = [c for c in cases if not (p["summing_up"].match(text[c[0]:c[1]].strip())
                                          and not _subject_names(text[c[0]:c[1]]))]
        cases = [c for c in cases if is_concrete(text[c[0]:c[1]], announced)
                 or p["violation"].search(text, c[0], c[1])
                 or p["sanction_specific"].search(text, c[0], c[1])
                 or extract_categories(text[c[0]:c[1]], doc_type="", categorizer=_cr().categorizer)]
    spans = [_titled(text, s, _rstrip_span(text, s, _drop_trailing_measures(text, s, e)), title_end=e)
             for s, e in cases]
    return spans if inspection else _protagonist_leads(text, _merge_accountability(text, _story_announcements(text, spans)))


_ANNOUNCES_STORY = re.compile(r"^[^。！？!?]{0,30}(?:一起|一件|这起|另一起|又一起)[^。！？!?]{0,30}(?:案件|案例|案子|问题)"
                              r"[^。！？!?]{0,16}[。！？!?]$")


def _story_announcements(text: str, spans: list[CaseSpan]) -> list[CaseSpan]:
    """A sentence that only announces the story after it (在某市，一起虚列补助的案件同样引人深思。),
    naming no one and stating no sum or sanction, is that story's lead: it joins the case right
    after it in the same paragraph, or is no case."""
    p = _cr().patterns
    out: list[CaseSpan] = []
    for k, c in enumerate(spans):
        seg = text[c.start:c.end].strip()
        if _ANNOUNCES_STORY.match(seg) and not _names(seg) and not p["money"].search(seg) \
                and not p["sanction_specific"].search(seg):
            nxt = spans[k + 1] if k + 1 < len(spans) else None
            if nxt is not None and "\n" not in text[c.end:nxt.start]:
                nxt.start = c.start
            continue
        out.append(c)
    return out


# (…or the money the hook spoke of — 老刘说的这笔钱，原本是…补偿款 — group "sum": the hook may state its sum)
_PICKS_UP = re.compile(r"^(?:[^，,。；;]{0,12}[，,])?这(?:位|名|个|些)[^，,。；;]{0,16}[，,]?(?:是|就是|名叫|叫)"
                       r"|^[^，,。；;]{0,10}这(?:(?P<sum>笔)|件|起)[^，,。；;]{0,8}[，,]?(?:原本|正是|就是|原来|是)")


def _hook_of(before: str, unit: str, names_before: set[str]) -> bool:
    """A feature's hook — an anecdote naming no one and stating no sum or sanction (日前，一位村民得知
    曾向自己索要“辛苦费”的镇干部被严肃处理) — whose subject a later paragraph picks up and names
    (这位村民说的镇干部，是…邓某): part of that story, not a case of its own."""
    p = _cr().patterns
    picks = _PICKS_UP.match(unit.strip())
    return picks is not None and not names_before and not (p["money"].search(before) and not picks.group("sum")) \
        and not p["sanction_specific"].search(before) and bool(_subject_names(unit) or _names(unit))


def _protagonist_leads(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """A feature introduces a case's protagonist in a short paragraph just before the
    subheading that opens the case (这场“风波”的主角，是村里原报账员韦某芬。/ 一个报账员的
    “生意经”): that paragraph is the case's lead and belongs to it."""
    prev_end = 0
    paras: list[tuple[int, int]] = []
    ends: list[int] = []
    for c in cases:
        line_end = text.find("\n", c.start, c.end)
        heading = text[c.start:line_end].strip() if line_end > 0 else ""
        if heading and len(heading) <= 24 and not re.search(r"[。；;！？!?，,]", heading):
            if not paras:  # the paragraphs, once, only when some case opens on a subheading
                paras = [(a, b) for a, b in _paragraphs(text) if text[a:b].strip()]
                ends = [b for _, b in paras]
            k = bisect.bisect_right(ends, c.start) - 1
            if k >= 0:
                a, b = paras[k]
                para = text[a:b].strip()
                named = _subject_names(para)
                if a >= prev_end and len(para) <= 60 and named \
                        and any(n in text[line_end:c.end] for n in named):
                    c.start = a + (len(text[a:b]) - len(text[a:b].lstrip()))
        prev_end = c.end
    return cases


def _drop_trailing_measures(text: str, start: int, end: int) -> int:
    """End of a case told inside a work report's paragraph, before the sentences after it that
    go back to the report's measures and figures (…给予其留党察看二年处分。组织开展“三资”专项
    清理，收回资金1970万元。): they open on a measure verb and name no one."""
    p = _cr().patterns
    sents = [m for m in _SENT.finditer(text, start, end) if m.group(0).strip()]
    cut = end
    for m in reversed(sents[1:]):
        sent = m.group(0).strip()
        if "\n" in text[m.start():cut].rstrip() or _names(sent) or not p["measure_item"].match(sent):
            break
        if p["sanction_specific"].search(sent):
            break
        cut = m.start()
    return cut


def _announced_paragraph(text: str, end: int) -> int:
    """When the text before `end` ends a paragraph on a colon that announces what follows
    (…作出如下处理：/ 处理如下：/ 决定如下：), the end of the paragraph after it; else -1."""
    tail = text[max(0, end - 60):end].rstrip()
    if not _cr().patterns["announce_colon"].search(tail) or _announces_list(tail):
        return -1
    stop, listed = end, True
    while listed:  # the paragraph after it, or the numbered list after it ((一)给予…；(二)对…)
        nxt = stop
        while nxt < len(text) and text[nxt] in " \n\t\u3000":
            nxt += 1
        found = text.find("\n", nxt)
        first = stop == end
        stop = len(text) if found < 0 else found
        listed = found >= 0 and bool(_LEAD_MARKER.match(text[nxt:stop])) and (
            first or bool(_LEAD_MARKER.match(text[stop:].lstrip())))
    return stop


def _only_as_case(unit: str, name: str) -> bool:
    """Every mention of `name` in the unit is the name of a case (赵某某案), not the person."""
    return all(unit.startswith("案", m.end()) for m in re.finditer(re.escape(name), unit))


# A paragraph taking up the person just introduced without his name (这位分管民政的女干部… / 她…).
_TAKEN_UP = re.compile(r"(?:这位|这名|该名|此人|他|她)(?![们])")


def _introduces(unit: str, newcomers: set[str]) -> bool:
    """A paragraph that introduces one culprit (or a pair) before his case; a standfirst
    naming every culprit of a roundup (甲、乙、丙等3人被查) introduces no one case."""
    p = _cr().patterns
    if newcomers and _ONE_STORYS_PEOPLE.search(unit):
        return True  # (该事件主要涉及三人：…王某、魏某、祝某: the people of one story, introduced together)
    # (与前两人不同，…: a comparison with the stories before counts no one)
    return 0 < len(newcomers) <= 2 and not p["several"].search(p["contrast"].sub("", unit))


_ONE_STORYS_PEOPLE = re.compile(r"(?:该|此|这一?|本)(?:事件|事|案|案件|起案件)[^。；;，,]{0,6}涉及(?:\d+|[两二三四五六七八九十])(?:人|名)")


def _intro_start(pending_heading: int | None, first_case: bool, body: int) -> int:
    """Where a case introduced by a paragraph starts: the story's title before it when it is
    the first case, else the paragraph itself."""
    return pending_heading if pending_heading is not None and first_case else body


def _unit_blocks(text: str, chains: list[list[_Marker]], cases: list[CaseSpan]) -> list[CaseSpan] | None:
    """One case per 一是…二是… chain when a line naming a unit heads each (某区康骨医院。 /
    区卫生健康委员会党组存在的主要问题): the unit's problems are its case's parts."""
    heads = [_unit_heading_before(text, c[0].start) for c in chains]
    if not chains or any(h is None for h in heads):
        return None
    out = []
    for k, (chain, head) in enumerate(zip(chains, heads)):
        limit = chains[k + 1][0].start if k + 1 < len(chains) else len(text)
        inside = [c for c in cases if chain[0].start <= c.start < limit]
        if inside and head is not None:
            out.append(_titled(text, head, inside[-1].end, title_from=head))
    return out or None


def _unit_heading_before(text: str, at: int) -> int | None:
    """Where the line before `at` starts when it only names a unit (某区康骨医院。), maybe as the
    owner of the problems after it (区卫生健康委员会党组存在的主要问题), the heading of the case whose
    problems follow as 一是…二是…; else None."""
    line_end = text.rfind("\n", 0, at)
    if line_end < 0 or text[line_end:at].strip():
        return None
    start = text.rfind("\n", 0, line_end) + 1
    line = _cr().patterns["unit_problems"].sub("", text[start:line_end].strip().rstrip("。:："))
    if not line or len(line) > 30 or re.search(r"[，,；;、“”]", line):
        return None
    m = _cr().patterns["org_subject"].match(line)
    return start if m is not None and len(line) - m.end() <= 4 else None


def _is_case_list(text: str, cases: list[CaseSpan], labelled: bool = False) -> bool:
    """A numbered list outside an inspection report is a list of cases only if most of its
    items tell concrete cases; a list of measures, requirements, principles or generic
    problems (一、提高政治站位… / （二）监督手段相对单一…) is not, whatever its numbering.
    Items labelled as cases (案例1：…骗取医保基金案) also count when their title names a case,
    however little their body says of it (a regulator's list: the title, then the decisions)."""
    if not cases:
        return False
    announced = announces_cases(text[:cases[0].start])
    concrete = sum(is_concrete(text[c.start:c.end], announced) or (labelled and _names_a_case(text, c))
                   for c in cases)
    # (a list its preamble announces — 现将…3起典型问题通报如下 — holds cases even when half of its
    # items tell less than a case does: an item cut short, a duty failure told without a name)
    return concrete * 2 > len(cases) or (announced and concrete * 2 == len(cases))


_CASE_LABEL = re.compile(rf"\s*(?:【\s*)?(?:典型)?案例\s*(?:{_N}|\d{{1,2}})\s*(?:】|[:：、.．])?\s*")


def _names_a_case(text: str, case: CaseSpan) -> bool:
    """The item's first line, after its 案例N label, is a case's title (…骗取医保基金案)."""
    end = text.find("\n", case.start, case.end)
    return _case_title_line(text[case.start:end if end >= 0 else case.end])


def _case_title_line(line: str) -> bool:
    """A line that is a case's title, after any 案例N label (案例二 某市赵某等3人倒卖医保药品骗保案)."""
    m = _CASE_LABEL.match(line)
    return bool(_cr().patterns["case_title"].fullmatch(line[m.end() if m else 0:].strip()))


def _is_inspection(text: str) -> bool:
    """An inspection report or feedback: inspection words throughout, and an opening that makes
    the inspection the document's subject (a news story about one is an article)."""
    p = _cr().patterns
    if len(p["inspection"].findall(text)) < 2:
        return False
    lines = [text[a:b] for a, b in _paragraphs(text[:1500])
             if not _is_junk(text[a:b]) and not _DOC_NUMBER_LINE.match(text[a:b])
             and not p["masthead_line"].match(text[a:b])][:3]
    if lines and p["research_title"].search(lines[0].strip()):
        return False  # 做实巡察整改“后半篇文章”的思考: a study of inspection work
    # a title wrapped over two lines (…关于对城西湖乡沣东村党总支 / 巡察情况的反馈意见) is one line
    head = lines[0] if lines else ""
    for k in range(1, len(lines)):
        wrapped = len(lines[k - 1].strip()) <= 30 and not re.search(r"[。！？!?；;：:，,]\s*$", lines[k - 1])
        if k == 2 and not wrapped:
            break
        head += ("" if wrapped else "\n") + lines[k]
    return bool(p["inspection_head"].search(head[:600]))


# A document number on a line of its own (霍巡办〔2021〕19号), under the issuer's name.
_DOC_NUMBER_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{1,10}\s*[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号\s*$")


def doc_type_of(text: str, n_cases: int, enumerated: bool) -> str:
    """case_notice | inspection_report | article, from cues and the case count."""
    p = _cr().patterns
    head = text[:600]
    inspection_cues = len(p["inspection"].findall(text))
    sanctions = len(p["sanction_specific"].findall(text))
    if inspection_cues >= 2 and _is_inspection(text) and sanctions <= max(1, n_cases // 3):
        return "inspection_report"
    title = next((ln.strip() for ln in head.splitlines() if ln.strip()), "")
    if p["inspection_title"].search(title):  # …巡察反馈意见整改进展情况的通报: a report, whatever it reports
        return "inspection_report"
    return _genre(text, n_cases, enumerated)


def _genre(text: str, n_cases: int, enumerated: bool) -> str:
    """case_notice | article: journalism (bylines, reported speech, questions, analysis) makes
    an article however many cases it recounts; a discipline body reporting what it found and
    did makes a notice, even of one case."""
    g, notice, article = _cr().genre
    if n_cases == 0:
        return "article"
    head = text[:int(g["head_chars"])]
    density = len(article.findall(text)) * 1000 / max(len(text), 1)
    head_a, head_n = len(article.findall(head)), len(notice.findall(head))
    if (density >= float(g["article_density"]) and head_a >= int(g["article_head"])) \
            or (head_n == 0 and density > 0):
        return "article"
    title = next((ln.strip() for ln in head.splitlines() if ln.strip()), "")
    # Several cases make a notice when numbered or announced as such (通报/曝光/典型案例);
    # a work report that gives two examples is an article.
    announced = bool(_cr().patterns["notice"].search(text))
    if (n_cases >= 2 and (enumerated or announced)) or (enumerated and n_cases == 1) \
            or re.match(g["notice_title"], title):
        return "case_notice"
    if head_n >= int(g["single_notice_head"]) and density < float(g["single_article_density"]):
        return "case_notice"
    return "article"


# Cells of a table row as readers write them: tab-separated (DOCX, HTML) or between pipes
# (| 1 | 某医院 | 1352.55 |, as pages converted to text lay tables out; a full-width bar ｜
# always parts cells).
_COUNT_HEADER = re.compile(r"[（(](?:个|件|人|起|次|户|人次|家)[)）]")
_NUMBER_CELL = re.compile(r"[-+]?\d[\d,，.]*\s*(?:%|％|万元|元|人|件|个|起|户|次)?")


def _cells(text: str, a: int, b: int) -> list[tuple[int, str]]:
    """The non-empty cells of the table row text[a:b], each with where it starts."""
    out, pos = [], a
    for sep in [*_CELL_SEP.finditer(text[a:b]), None]:
        stop = a + sep.start() if sep else b
        cell = text[pos:stop]
        if cell.strip():
            out.append((pos + len(cell) - len(cell.lstrip()), cell.strip()))
        pos = a + sep.end() if sep else b
    return out


_CELL_SEP = re.compile(r"\t|｜|(?<!\S)\|(?!\S)|(?<=\S)\|(?=\s)|(?<=\s)\|(?=\S)|^\||\|$", re.M)


def _table_blocks(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Tables the readers wrote as tab-separated rows (DOCX, HTML): (start, end, rows) of each
    run of at least three lines with three or more cells whose first line is a header."""
    header = _cr().patterns["table_header"]
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    blocks = []
    run: list[tuple[int, int]] = []
    for a, b in lines + [(len(text), len(text))]:
        if len(_CELL_SEP.findall(text, a, b)) >= 2:
            run.append((a, b))
            continue
        if len(run) >= 3 and len(header.findall(text, run[0][0], run[0][1])) >= 2:
            blocks.append((run[0][0], run[-1][1], run[1:]))
        run = []
    return blocks


def _table_cases(text: str) -> tuple[list[CaseSpan], str]:
    """Cases that are rows of a table (查处情况表: 姓名 | 职务 | 主要问题 | 处理结果), and the text
    with those tables blanked out (same length, so offsets hold) for the other rules."""
    from extractors.categories import extract_categories

    cases: list[CaseSpan] = []
    masked = text
    blocks = _table_blocks(text)
    # a report's table of the problems fed back: every row that states a problem is one
    report = bool(blocks) and _is_inspection(text)
    for start, end, rows in blocks:
        # a table of statistics: its header counts things (发现问题（个） 立案（件） 处分（人）)
        head_lo = text.rfind("\n", 0, max(0, start - 1)) + 1  # the header may stand on the line above
        counts = bool(rows) and bool(_COUNT_HEADER.search(text[head_lo:rows[0][1]]))
        for a, b in rows:
            row = text[a:b]
            cells = _cells(text, a, b)
            if counts and sum(1 for _, c in cells if _NUMBER_CELL.fullmatch(c)) * 2 > len(cells) and not _names(row):
                continue  # a row of statistics (农村集体“三资”领域 861 553 517 4016.2)
            if _has_facts("，".join(c for _, c in cells)) or any(c in _names(row) for _, c in cells) \
                    or extract_categories(row, doc_type="", categorizer=_cr().categorizer) \
                    or (report and bool(_cr().patterns["problem"].search(row))):
                at, title = max(cells, key=lambda c: len(c[1])) if cells else (-1, "")
                cases.append(CaseSpan(a, _rstrip_span(text, a, b), title[:40], title_at=at))
        masked = masked[:start] + re.sub(r"[^\n]", " ", masked[start:end]) + masked[end:]
    return cases, masked


_CLAUSE = re.compile(r"[^。！？!?；;，,\n]+")
_TIME_LEAD = re.compile(r"(?<=[。！？!?；;，,\n])[ \t]*(?:[\d.\-]{1,10}|[今去前同当次]|一周后的|时隔不久的|同年|[年月日号天上中下旬初底])+[，,]\s*$")


def _roundup_officials(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """Officials a roundup reports fallen one clause each (…原局长刘青被开除公职。当天还有曾担任…书记的
    陈光勋被开除党籍 / 6月，某区医保局局长王传师主动交代问题；4月，…局长郑寿庆投案) are a case each:
    an article recounting several officials' cases has one case per official (gold-format), even
    when it gives each no more than a clause. A clause starts a case when it introduces officials
    with a post right before their names, none named before in the case, as the subject of their
    own fallen verb (configured `fallen_report`) — and the case before it has someone named."""
    p = _cr().patterns
    if _of_one_incident(text):
        return cases  # (everyone held to account for “7·15”事故 is the incident's one case)
    out: list[CaseSpan] = []
    for case in cases:
        start = case.start
        sent = _SENT.match(text, case.start)
        opening = _LEAD_MARKER.sub("", sent.group(0).strip()) if sent else ""
        if p["titled_sentence"].match(opening) or p["case_title"].match(opening):
            out.append(case)  # a notice's item titled as one case (1.某镇…敷衍应付问题。): its 被免职 is an outcome
            continue
        for m in _CLAUSE.finditer(text, case.start, case.end):
            clause = m.group(0)
            if m.start() <= start:
                continue
            verb = p["fallen_report"].search(clause)
            if verb is None:
                continue
            near = text[max(case.start, m.start() - 80):m.start()]
            if p["group_ref"].search(near) and "其中" in near:
                continue  # (上述涉案人员均被判刑。其中，…马某某…；…牛某某…: a group's members, told together)
            if p["outcome_listed_before"].search(text, max(start, m.start() - 60), m.start()):
                continue  # …受到党内警告处分；分管副院长邓某某被免职: the outcomes of one case, listed
            head = clause[:verb.start()].strip()
            if p["roundup_not_subject"].match(head) or p["reporting_subject"].match(head):
                continue
            names = [n for n in _names(clause) if 0 <= clause.find(n) < verb.start()]
            if not names or any(n in text[case.start:m.start()] for n in names):
                continue
            at = min(clause.find(n) for n in names)
            if at > 40 or not _cr().post_end.search(clause[:at]):
                continue
            if not _names(text[start:m.start()]):
                continue
            cut = m.start()
            lead = _TIME_LEAD.search(text[start:cut])  # (4月，…局长郑寿庆投案: the date goes with its clause)
            if lead is not None and lead.start() > 0:
                cut = start + lead.start()
            end = _rstrip_span(text, start, cut)
            out.append(CaseSpan(start, end, case.title, case.section, case.title_at) if start == case.start
                       else _titled(text, start, end, case.section))
            start = cut
        out.append(case if start == case.start else _titled(text, start, case.end, case.section))
    return out


_UNIT_RUN = re.compile(r"[\u4e00-\u9fff]{2,8}$")  # the characters of a unit's name before its unit word


def _unit_terms(text: str) -> set[str]:
    """The units a text names, each as the 4–6 characters up to its unit word (…州文体局, …专业合作社),
    leaving out the bodies that find and judge every case alike (医保局, 纪委, 法院)."""
    p = _cr().patterns
    out: set[str] = set()
    for m in p["story_unit"].finditer(text):
        run = _UNIT_RUN.search(text, max(0, m.start() - 8), m.start())
        if run:
            term = (run.group(0) + m.group(0))[-6:]
            if len(term) >= 4 and not p["story_regulator"].search(term):
                out.add(term)
    return out


def _continued_story(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """An article's pieces that go on with the story before them are one case with it: a piece
    that brings in no official of its own (with a post, not named before) and comes back to the
    person or the unit the piece before was about (…横禾联社… / 调查期间，横禾联社进入了调查组的视野),
    or names no one, no unit and no place (the same case's next step). Not a piece under its own
    heading or bullet, nor one singling out one of several officials named before (…董铮、陈永亮
    也在今日宣判 / 董铮被控受贿…: his own case)."""
    if len(cases) < 2:
        return cases
    from extractors.regions import extract_regions

    p = _cr().patterns
    out = [cases[0]]
    for case in cases[1:]:
        prev = out[-1]
        piece = text[case.start:case.end]
        before = text[prev.start:prev.end]
        opening = piece.lstrip()
        line_end = opening.find("\n")
        if _LEAD_MARKER.match(opening) or (0 < line_end < 40 and "。" not in opening[:line_end]):
            out.append(case)
            continue
        if any(n not in before for n in _subject_names(piece)):
            out.append(case)
            continue
        names = _names(piece)
        principals = _subject_names(before)
        if len(principals) >= 2 and names & principals and not principals <= names:
            out.append(case)
            continue
        units = _unit_terms(piece)
        # (the gazetteer's places: the suffix pattern reads 根据东城区, 文明城区 as places)
        places = {r.name for r in extract_regions(piece)}
        shared = any(n in before for n in names) or (
            any(u in before for u in units) and all(pl in before for pl in places))
        bare = (not names and not places and not p["story_unit"].search(piece)
                and not piece.rstrip().endswith(("；", ";")))  # (a list's item names its unit: its own case)
        if shared or bare:
            out[-1] = CaseSpan(prev.start, case.end, prev.title, prev.section, prev.title_at)
        else:
            out.append(case)
    return out


def _one_protagonist(text: str, cases: list[CaseSpan], article: bool) -> list[CaseSpan]:
    """Paragraphs of a feature that tell one official's story by turns (the clue, the village's
    background, what he did with the passbooks) are one case, not one per paragraph with a fact:
    when every piece that names an official names the same one (陈某 … 陈某 and his accomplices),
    and the pieces between name no one but villagers, the story runs from the first piece to the
    last. In an article one piece naming the official is enough: the others tell his story's
    complaint and background (村民黄某来到纪委… / 2010年，民族村获得45个水柜指标…)."""
    if len(cases) < 2:
        return cases
    named = [_subject_names(text[c.start:c.end]) for c in cases]
    pieces = [n for n in named if n]
    plain = _cr().people.lexicon.plain_people
    if len(pieces) < (1 if article else 2) or any(
            not n and any(not post or post not in plain for _name, post in _people_in(text[c.start:c.end]))
            for n, c in zip(named, cases)):
        return cases  # (a piece naming someone other than villagers, 村民黄某, is someone else's case)
    same_paragraph = any("\n" not in text[x.end:y.start] for x, y in zip(cases, cases[1:]))
    if article and len(pieces) < 2 and same_paragraph and any(
            not n and {"sanction", "misconduct"} <= set(concreteness(text[c.start:c.end])[1])
            for n, c in zip(named, cases)):
        return cases  # (…青石县14名村干部…截留挪用…受到党纪处分。白水县村委会副主任吕某…, in one
        # paragraph: an unnamed group's case of its own, cut from the next by sentence)
    lead = set.intersection(*pieces)
    if not lead:
        return cases
    for n, c in zip(named, cases):
        for newcomer in n - lead:  # (…村委主任胡土金和村支书王井苟…: an accomplice, named beside him)
            if not any(newcomer in cl.group(0) and any(x in cl.group(0) for x in lead)
                       for cl in _CLAUSE.finditer(text, c.start, c.end)):
                return cases
    first = cases[0]
    return [CaseSpan(first.start, cases[-1].end, first.title, first.section, first.title_at)]


def split_cases(text: str, rules: CaseRules | None = None) -> Split:
    """Cases of a normalised document text and the document's type (`rules`: default, the
    shipped ones)."""
    r = rules or case_rules()
    rules_token = _RULES.set(r)
    token = _DOC_PEOPLE.set(_people_of(text, r))
    try:
        return _split_cases(text)
    finally:
        _DOC_PEOPLE.reset(token)
        _RULES.reset(rules_token)


def _split_cases(text: str) -> Split:
    table, masked = _table_cases(text)
    if table:
        rest = _split_text(masked)
        # Beside a table of cases, the paragraphs are its opening and closing words: a case
        # there must name its subject (a closing call that mentions 移送 and a reward is none).
        extra = [c for c in rest.cases if _subject_names(text[c.start:c.end])]
        # …unless the table only sums up the cases the text told (附件：典型问题处理情况一览表):
        # its rows name no one the text's cases do not
        told = set().union(*(_names(text[c.start:c.end]) for c in extra)) if extra else set()
        summed = [r for r in table if (nm := _names(text[r.start:r.end])) and all(
            any(n.startswith(k) or k.startswith(n) for k in told) for n in nm)]
        if told and len(summed) * 2 >= len(table):
            table = [r for r in table if r not in summed]
        cases = sorted(table + extra, key=lambda c: c.start)
        return Split(doc_type_of(text, len(cases), True), cases, "table" + (f"+{rest.mode}" if extra else ""))
    split = _split_text(text)
    shaped = _report_shaped(text) if not split.mode.startswith("enumerated") else True
    if split.mode == "running" and not shaped:
        split = Split(split.doc_type, _one_protagonist(text, split.cases, split.doc_type == "article"), split.mode)
        if split.doc_type == "article":
            split = Split(split.doc_type, _continued_story(text, split.cases), split.mode)
    if len(split.cases) >= 2 and not shaped and _inspection_news(text):
        paras = _story_paragraphs(text)
        if paras:  # a reporter's story of one inspection find, told through what people said
            split = Split(_genre(text, 1, False), [CaseSpan(paras[0][0], paras[-1][1], "")], "story")
    if len(split.cases) <= 1 and not shaped:
        story = _single_story(text, split.cases)
        if story is not None:
            doc_type = split.doc_type if split.doc_type != "inspection_report" else _genre(text, 1, False)
            split = Split(doc_type, [story], "story")
    if split.mode not in ("charges", "parts") and split.doc_type != "inspection_report":
        split = Split(split.doc_type, _roundup_officials(text, split.cases), split.mode)
    if any(_hypothetical(text[a:b]) for a, b in _paragraphs(text)):
        # a Q&A about 某甲 and 某乙: its analysis of the made-up situation is no case either
        kept = [c for c in split.cases if not _only_cyclic_pseudonyms(text[c.start:c.end])]
        split = Split(split.doc_type, kept, split.mode)
    return split


def _split_sections(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """A numbered item that is a section (a bare heading line, then paragraphs) and recounts
    several officials' cases in prose holds one case per official, as running text does."""
    out: list[CaseSpan] = []
    for c in cases:
        line_end = text.find("\n", c.start, c.end)
        heading = text[c.start:line_end].strip() if line_end > 0 else ""
        if not heading or len(heading) > 40 or re.search(r"[。；;！？!?]", heading) \
                or _heading_names_subject(heading):
            out.append(c)  # an item titled by its subject (某县文旅局违规…的问题) is one case
            continue
        # the section's body alone, at its own offsets (everything else blanked)
        masked = re.sub(r"[^\n]", " ", text[:line_end]) + text[line_end:c.end] \
            + re.sub(r"[^\n]", " ", text[c.end:])
        inner = _examples_joined(text, _merge_back_references(text, _merge_accountability(text, _running(masked, False))))
        if len(inner) < 2:
            out.append(c)
            continue
        inner[0].start = c.start  # the heading opens the first case of its section
        for k in inner:
            k.section = heading[:40]
        out.extend(inner)
    return out


_EXAMPLE_OPEN = re.compile(r"^\s*(?:如|例如|比如|譬如)[，,：:]")


def _examples_joined(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """An example (如，某小学原校长颜某某…) after a statement of the problem that names no one
    (一是部分学校食堂管理混乱…): the statement's illustration, one case with it."""
    out: list[CaseSpan] = []
    for c in cases:
        if out and _EXAMPLE_OPEN.match(text[c.start:c.end]) and not _subject_names(text[out[-1].start:out[-1].end]):
            out[-1].end = c.end
        else:
            out.append(c)
    return out


def _heading_names_subject(heading: str) -> bool:
    """A section heading that names its subject, a unit or an official (某县文旅局违规公款旅游
    的问题 / 某局原副局长吴某新违规…问题): the title of one case, not a category of several
    (一、借“代办”之名吃拿卡要 / 违反中央八项规定精神问题)."""
    h = _LEAD_MARKER.sub("", heading.strip())
    label = _CASE_LABEL.match(h)
    if label is not None and len(h) > label.end() + 4:
        return True  # 案例一：西宁某门诊部违规使用医保基金案: a labelled case's own title
    # a unit given with its place (某县文旅局 / 东阿县刘集镇), not a field (乡村振兴 / 基层站所)
    unit = bool(_cr().patterns["org_subject"].match(h) and _cr().patterns["place_start"].match(h))
    return bool(unit or _subject_names(h))


def _merge_back_references(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """Inside a numbered item, a later paragraph is a separate case only when it tells a
    complete incident of its own; one that refers back to the incident before (…参加上述活动
    / 该局…), speaks of officials of the same unit (某县林业局… then 县林业局党委书记甲…), or
    has no anchor of its own (a date, a sum, a new place, an opening on a place: 某镇…) tells
    that incident's decision and the officials responsible: it joins the case before."""
    out: list[CaseSpan] = []
    for c in cases:
        if out and not _separate_incident(text[out[-1].start:out[-1].end], text[c.start:c.end]):
            out[-1].end = c.end
        else:
            out.append(c)
    return out


def _separate_incident(before: str, unit: str) -> bool:
    """The unit tells an incident apart from the case before it (see _merge_back_references)."""
    p = _cr().patterns
    first = next((s.group(0) for s in _SENT.finditer(unit) if s.group(0).strip()), "")
    if p["group_ref"].search(first) or p["anaphora"].match(first.strip()):
        return False
    opens_on_place = bool(p["place_start"].match(_LEAD_MARKER.sub("", unit.strip())))  # 某镇… / 东阿县…
    if not (p["date"].search(unit) or p["money"].search(unit) or _new_place(before, unit) or opens_on_place):
        return False
    return not any(u in before for u in _units_of_posts(unit))


def _units_of_posts(text: str) -> set[str]:
    """The units of the posts of the people a text names (县林业局党委书记 → 县林业局), without
    any anonymised place before them (某县林业局 → 林业局): at least three characters, so a
    bare place (某镇) says nothing."""
    out = set()
    for _, post in _people_in(text):
        m = _cr().post_heads.search(post)
        unit = re.sub(r"^(?:原|时任|现任)", "", post[:m.start()] if m else "")
        unit = re.split(r"某[\u4e00-\u9fff]", unit)[-1].rstrip("、，,原")
        unit = re.sub(r"(?:机关)?(?:党委|党组|党工委|党总支|党支部|支部|委员会)$", "", unit)  # 县林业局党委 → 县林业局
        if len(unit) >= 3:
            out.add(unit)
    return out


def _merge_accountability(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """A case of its own tells a misconduct or a sum; a unit that only gives someone's
    sanction (副局长乙负有领导责任，受到诫勉) belongs to the case before it."""
    out: list[CaseSpan] = []
    for c in cases:
        unit = text[c.start:c.end]
        feats = concreteness(unit)[1]
        # one sentence holding someone to account (；乡民政办主任张某林因审核把关不严受到诫勉)
        # names a duty failure, which counts as misconduct, yet tells no deed of its own
        after_semicolon = text[:c.start].rstrip().endswith(("；", ";"))
        sentences = len([x for x in re.split(r"[。！？!?；;]", unit) if x.strip()])
        # (乡长某某对财政所长期监管缺位，受到政务警告处分: a duty failure, no deed of his own)
        one_clause = after_semicolon and sentences <= 1
        held_to_account = one_clause and bool(_SUPERVISION.search(unit))
        # (an official of their own reported as fallen — …原工会主席张某被通报接受审查调查 — is no one's
        # accountability in the case before)
        fallen = bool(out) and _falls(unit) and bool(_subject_names(unit) - _names(text[out[-1].start:out[-1].end]))
        if out and ("misconduct" not in feats or one_clause) and "money" not in feats and not fallen \
                and (held_to_account or not _own_deed(unit)):
            out[-1].end = c.end
        else:
            out.append(c)
    return out


_SUPERVISION = re.compile(r"监管(?:缺位|不力|不到位|失职)|负有(?:主要)?(?:领导|监管|管理)责任|审核把关不严|把关不严|失察|"
                         r"督促不力|管理不严|疏于(?:管理|监管)|(?:管理|监管|日常管理)[^。；;，,]{0,6}履职不力|"
                         r"(?:监督|检查|监管|审核|核查)[^。；;，,]{0,8}(?:敷衍应付|敷衍了事|走过场|流于形式)")
# …and the plainer words of a duty failure a sentence on its own may use (对此不闻不问, 履职不力)
_DUTY_FAILURE = re.compile(_SUPERVISION.pattern + "|不闻不问|失职失责|履职不力")
_CLAUSE = re.compile(r"[^，,；;。！？!?：:\n]+")


def _own_deed(unit: str) -> bool:
    """The unit tells a deed of its own besides a sanction and someone's accountability: a
    clause that is none of a sanction (受到…处分), accountability (对此负有领导责任, 有关责任人
    受到追究), a date, a recovery of the money (违纪所得已收缴), or a subject alone (某县交通局局长 /
    …龚某). 某街道组织干部赴外地召开务虚会
    is a deed, however incomplete the misconduct lexicon is."""
    p = _cr().patterns
    for m in _CLAUSE.finditer(_LEAD_MARKER.sub("", unit.strip())):
        clause = m.group(0).strip(" “”\"")
        if len(clause) < 4 or p["accountability"].search(clause) or p["sanction"].search(clause):
            continue
        if p["oversight_body"].search(clause[:8]):
            continue  # the body that decides (纪检监察机关按程序提请有关部门) does no deed of the case
        if p["date_only"].fullmatch(clause) or p["post_end"].search(clause) or p["recovery"].match(clause):
            continue
        if any(clause.endswith(n) for n in _names(clause)):
            continue
        return True
    return False


def _is_furniture(line: str) -> bool:
    """Page junk, or the site's masthead above the title (某省纪委监委网站　廉洁某省), on every
    line of the paragraph."""
    lines = [ln for ln in line.split("\n") if ln.strip()]
    return bool(lines) and all(_is_junk(ln) or _cr().patterns["masthead_line"].match(ln) for ln in lines)


def _story_lead(text: str, start: int) -> bool:
    """The text before an article's only case is the story's title and lead, not the sections
    of a policy paper or a work report (requirements, statistics, numbered sections)."""
    before = [(a, b) for a, b in _paragraphs(text[:start]) if not _is_furniture(text[a:b])]
    if sum(b - a for a, b in before) > int(_cr().data["scoring"]["story_lead_chars"]):
        return False
    return all(concreteness(text[a:b])[0] > -1.0 and not _LEAD_MARKER.match(text[a:b].strip())
               for a, b in before)


def _story_start(text: str, start: int, article: bool) -> int:
    """Where a one-case document's story begins: its first paragraph that is no page junk (an
    article's headline included), in a notice after any paragraph that only announces the
    case (现将有关情况通报如下：)."""
    paras = [(a, b) for a, b in _paragraphs(text[:start]) if not _is_furniture(text[a:b])]
    first = paras[0][0] if paras else start
    for a, b in paras if not article else []:
        if _strip_lead(text, a, b) >= b and _cr().patterns["lead"].search(text, a, b):
            first = b
    while first < start and text[first] in " \n\t\u3000":
        first += 1
    return first


# A decision's party: its label line (当事人（姓名或名称）：…, 被处分人：…), and how the text names it.
_PARTY = re.compile(r"当事人|被处分人|被处罚人|被调查人")
_PARTY_LINE = re.compile(r"^(?:当事人|被处分人|被处罚人)[^：:\n]{0,12}[：:]")


def _charges_case(text: str, markers: list[_Marker]) -> CaseSpan | None:
    """The one case of a decision that lists one person's charges (经查，方某存在以下违纪问题：
    一、…二、…), from that sentence to the last paragraph that speaks of the person or a sanction."""
    hanging = [c for c in _chains(markers) if len(c) >= 2 and _hangs_from_charges(text, c[0])]
    if len(hanging) > 1:
        return None  # (two parties' charges, each listed — 某银行存在以下违法行为：1.…2.… twice — are two cases)
    for chain in hanging:
        if not _charges_list(text, chain):
            continue
        start = text.rfind("\n", 0, max(chain[0].start - 1, 0)) + 1
        while start > 0 and not text[start:chain[0].start].strip():  # over blank lines to the charges line
            start = text.rfind("\n", 0, start - 1) + 1
        named = _names(text[:chain[0].start])
        # the person's own paragraphs just before (马某，男，回族，1963年生… / 2012年11月，…立案调查)
        before = [(a, b) for a, b in _paragraphs(text[:start])]
        for a, b in reversed(before[-3:]):
            seg = text[a:b].strip()
            if _is_junk(seg) or not any(seg.startswith(n) or n in seg[:40] for n in named) or "。" not in seg:
                break  # (a title naming the person is not his paragraph)
            start = a
        # …or a decision's header of labelled lines naming the party (当事人（姓名或名称）：某卫生院), the
        # findings that follow it told of 当事人
        party = next((a for a, b in before if a >= start - 1500 and _PARTY_LINE.match(text[a:b].strip())), None)
        if party is not None and _PARTY.search(text, party, start):
            start = min(start, party)
        end = chain[-1].start
        for a, b in _paragraphs(text):
            if a < chain[-1].start:
                continue
            seg = text[a:b]
            if _is_junk(seg) or _cr().patterns["tail_stop"].match(seg.strip()):
                break
            if any(n in seg for n in named) or _cr().patterns["sanction_specific"].search(seg) or a == chain[-1].start:
                end = b
        while start < end and text[start] in " \n\t\u3000":
            start += 1
        return _titled(text, start, _rstrip_span(text, start, end), title_end=end)
    return None


def _split_text(text: str) -> Split:
    """Cases of a text without tables: enumerated items, else running paragraphs."""
    markers = _find_markers(text)
    charges = _charges_case(text, markers)
    if charges is not None:
        return Split(doc_type_of(text, 1, False), [charges], "charges")
    p = _cr().patterns
    if markers:  # the article ends where its furniture or study questions begin (【思考题】 1.…？)
        stop = next((a for a, b in _paragraphs(text) if a > markers[0].start and p["tail_stop"].match(text[a:b].strip())),
                    len(text))
        markers = [m for m in markers if m.start < stop]
    inspection = _is_inspection(text)
    if inspection:  # a report's problems as bulleted paragraphs (■党的领导弱化…。一是…二是…)
        markers = sorted(markers + _bullet_markers(text), key=lambda m: m.start)
    valid = _valid_chains(text, markers)
    if valid:
        style, cases = _enumerated(text, valid, inspection, markers)
        # (an item left with nothing but its number once its closing words are cut is none)
        cases = [c for c in cases if len(re.findall(r"[\u4e00-\u9fff]", text[c.start:c.end])) > 3]
        labelled = style in _CASE_STYLES
        if not inspection and _parts_of_one_case(text, cases):
            one = _titled(text, cases[0].start, cases[-1].end)
            return Split(doc_type_of(text, 1, False), [one], "parts")
        if not inspection and (not _is_case_list(text, cases, labelled) or _chapters_of_one_story(text, cases)):
            cases = []  # numbered sections of an article or a policy paper, not a list of cases
        if style == "cn_shi" and cases:
            # 重庆某医院。/ 区卫健委党组存在的主要问题 above each 一是…二是…: one case per unit
            cases = _unit_blocks(text, valid["cn_shi"], cases) or cases
        if not inspection:
            cases = _split_sections(text, cases)
            if cases:  # cases told in prose after the list (its last item stops before them)
                tail = cases[-1].end
                cases += [c.shifted(tail) for c in _running(text[tail:], False)
                          if _subject_names(text[c.start + tail:c.end + tail])]
        # Numbering inside one case of a running-text notice is not the case list: the
        # text before the first item would then hold cases of its own.
        before = _running(text[:cases[0].start], False) if cases and not (
            inspection and _problems_fed_back(text, cases)) else []
        if len(cases) >= 2 and not any(_subject_names(text[c.start:c.end]) and (
                p["sanction_specific"].search(text[c.start:c.end]) or p["money"].search(text[c.start:c.end]))
                for c in before):
            if inspection:
                cases = _problems_only(text, cases)
            # (a report's lists that hold only its requirements and measures — 一是要加强…二是要… —
            # leave to its paragraphs the problems they announce with a colon and list: 问题主要是：…；…)
            if cases or not inspection or not any(_announced_problem_cuts(text, a, b) for a, b in _paragraphs(text)):
                return Split(doc_type_of(text, len(cases), True), _before_analysis(text, cases), f"enumerated:{style}")
    head = "\n".join(text[a:b] for a, b in _paragraphs(text)[:3])
    cases = _running(text, inspection, announces_cases(head))
    if not inspection:
        cases = _finding_before_decisions(text, _one_incident(text, cases))
    mode = "running"
    if not cases:
        mode = "none"
    doc_type = doc_type_of(text, len(cases), False)
    if len(cases) == 1 and not inspection and doc_type != "inspection_report" \
            and _story_lead(text, cases[0].start):
        # One case told as a story: its lead and title are part of it, whether an article or
        # a notice (a discipline body's website tells stories too) — after any notice opening.
        # Not in a report: its opening names the inspectors, not the culprits.
        cases[0].start = min(_story_start(text, cases[0].start, doc_type == "article"), cases[0].start)
        cases[0].end = _story_end(text, cases[0].end)
        mode = "single"
    if inspection:
        cases = _problems_only(text, cases)
    if inspection and cases and doc_type != "inspection_report":
        doc_type = "inspection_report" if not p["sanction_specific"].search(text) else doc_type
    if not inspection:
        listed = _add_incident_lists(text, cases)
        if len(listed) != len(cases):
            cases, mode = listed, ("running" if mode == "none" else mode)
    if not inspection:
        cases = _story_sections(text, _findings_joined(text, _news_lead(text, cases)))
    return Split(doc_type, _linked_cases(text, _before_analysis(text, _one_story_of_the_facts(text, cases))), mode)


def _finding_before_decisions(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """A case that only gives decisions (已对某局分管副局长作出停职检查处理；…) opens with the finding
    told just before it (经调查，学校执行食品安全管理制度不力…): the finding is the case's deed."""
    out = []
    for k, c in enumerate(cases):
        unit = text[c.start:c.end]
        floor = cases[k - 1].end if k else 0
        if not _own_deed(unit) and "money" not in concreteness(unit)[1]:
            for a, b in reversed([(a, b) for a, b in _paragraphs(text[:c.start]) if a >= floor]):
                seg = text[a:b].strip()
                if _cr().patterns["findings_open"].match(seg) and _cr().patterns["violation"].search(seg):
                    c = CaseSpan(a, c.end, c.title, c.section, c.title_at)
                    break
                if _is_junk(seg) or len(seg) > 200:
                    break
        out.append(c)
    return out


def _story_end(text: str, end: int) -> int:
    """Where a one-case document's story ends: its last paragraph that tells facts (a name, a
    sum, a sanction, a dated violation) before the page's furniture — a story told through
    what people said goes on past the paragraph that first reads as a case."""
    p = _cr().patterns
    last = end
    for a, b, feats, told in _story_paragraphs(text):
        if b <= end:
            continue
        seg = text[a:b].strip()
        if p["link_line"].match(seg) or p["tail_stop"].match(seg):
            break  # the page's links to other stories (·最高法：今年前三季度… / 相关新闻)
        if told and not ("exhortation" in feats or "statistic" in feats):
            last = b  # (a closing call, 发现一起查处一起…绝不姑息, or a count over many cases is not the story's)
        if p["story_end_mark"].search(seg):
            break  # a wire story's end mark: (完)
    return last


def _story_paragraphs(text: str) -> list[tuple[int, int, dict[str, float], bool]]:
    """The paragraphs of a running text that tell its story, up to where the page's furniture
    or study questions begin, each with its concreteness features and whether it tells facts
    (a named person, money, a sanction, a dated violation) rather than only a problem found
    (存在…不规范, a violation word); closing calls without money or a date are neither."""
    out = []
    p = _cr().patterns
    for a, b in _paragraphs(text):
        seg = text[a:b]
        if p["tail_stop"].match(seg.strip()):
            break
        if _is_furniture(seg) or _is_junk(seg) or _is_closing(seg):
            continue
        _total, feats = concreteness(seg)
        facts = _has_facts(seg) or "subject_person" in feats
        if facts or p["violation"].search(seg) or p["finding"].search(seg):
            out.append((a, b, feats, facts))
    return out


def _single_story(text: str, cases: list[CaseSpan]) -> CaseSpan | None:
    """A running text that tells one story (an inspection's find in a village, a trial watched
    as warning education, a feature on one official) as one case from its first fact to the
    last paragraph of the problem (the caller has checked it has no numbered sections): its facts are spread over paragraphs none of which is a
    whole case alone, so splitting found none, or only the paragraph where they met. With no
    case found, it needs an official named as a subject, money or a sanction, and no figures
    over many cases. A found case widens over paragraphs that name no one new (another person's
    paragraph may be another story): in a news story about an inspection over the paragraphs
    around the inspectors' words, in an article over its neighbouring paragraphs of facts (the
    news lead, the official's profile 罗某，女，46岁，…) up to one that sums up many cases."""
    if _cr().patterns["interview"].search(text, 0, 300):
        return None  # (an interview with an official about the work)
    paras = _story_paragraphs(text)
    facts = [(a, b, f) for a, b, f, has in paras if has]
    if not facts:
        return None
    if not cases:
        told = set().union(*(set(f) for _a, _b, f, _h in paras))
        # (or a story told of an unnamed official or unit — 已退休的民政所所长虚报冒领… / 6家敬老院
        # 侵占供养金…: a dated misconduct with its money or someone's part in it)
        if not any("subject_person" in f for _a, _b, f in facts) and not (
                {"misconduct", "past_date"} <= told and {"money", "sanction", "other_person"} & told):
            return None
        if not any({"money", "sanction"} & set(f) for _a, _b, f, _h in paras):
            return None
        if any("statistic" in f or "headcount" in f for _a, _b, f, _h in paras):
            return None  # a round-up of figures around its examples
        return CaseSpan(facts[0][0], paras[-1][1], "")
    case = cases[0]
    names = _names(text[case.start:case.end])
    inspection = _is_inspection(text)
    if not inspection:
        later = _decided_later(text, case, names)
        if later is not None:
            return later
    start, end = case.start, case.end
    story = {(a, b): (f, has) for a, b, f, has in paras}
    # (in an article, only the paragraphs right next to the case: a heading between, 【纪法分析】
    # or 案发原因, starts another part of the page)
    allp = _paragraphs(text) if not inspection else [(a, b) for a, b, _f, _h in paras]

    def joins(a: int, b: int) -> bool:
        if (a, b) not in story:
            return False
        f, has = story[(a, b)]
        named = _names(text[a:b])
        # (…告知了被告人胡某享有的诉讼权利…: a paragraph on the case's own official is its story too)
        return not named - names and (inspection or ((has or bool(named)) and not _SUMMING & set(f)))

    for a, b in reversed([q for q in allp if q[1] <= case.start]):
        if not joins(a, b) or not (inspection or "。" in text[a:b]):
            break  # (not back over a title line: 关于给予某某开除党籍处分的决定)
        start = a
    for a, b in [q for q in allp if q[0] >= case.end]:
        if not joins(a, b):
            break
        end = b
    if (start, end) == (case.start, case.end):
        return None
    return CaseSpan(start, end, case.title, case.section, case.title_at)


# A paragraph that sums up many cases (全省共主动上交、清退礼金168笔… / 处理…53人) ends an article's
# one story: its figures are not the case's.
_SUMMING = frozenset({"statistic", "headcount"})


def _decided_later(text: str, case: CaseSpan, names: set[str]) -> CaseSpan | None:
    """An article's one case, told up to the problem, whose outcome comes paragraphs later after
    the rectification (…对相关责任人立案审查调查 / 负有直接责任的村党支部书记…受到党纪政务处分): up to
    the last such paragraph, when nothing between names anyone new or counts cases."""
    p = _cr().patterns
    end = case.end
    for a, b in _paragraphs(text):
        if a < case.end:
            continue
        seg = text[a:b]
        if p["tail_stop"].match(seg.strip()) or _is_furniture(seg) or _names(seg) - names:
            break
        feats = concreteness(seg)[1]
        if "statistic" in feats or "headcount" in feats:
            break
        if p["sanction_specific"].search(seg) and not p["sanction_statistic"].search(seg):
            end = b
    return CaseSpan(case.start, end, case.title, case.section, case.title_at) if end > case.end else None


_QUOTE_OPENING = re.compile(r"^\s*[“「]")


def _inspection_news(text: str) -> bool:
    """A news story about an inspection's find (巡察专员心中充满疑惑…) in a text without numbered
    sections: inspection words and paragraphs opening on what someone said (two at least)."""
    if not _is_inspection(text):
        return False
    return sum(bool(_QUOTE_OPENING.match(text[a:b])) for a, b in _paragraphs(text)) >= 2


def _report_shaped(text: str) -> bool:
    """A report's shape: numbered sections or problem items, not paragraphs of prose."""
    return bool(_valid_chains(text, _find_markers(text)))


_INCIDENT_LEAD_CHARS = 400


def _of_one_incident(text: str) -> bool:
    """The text opens on an incident named by its date code (“7·15”较大坍塌事故) and names no other,
    or on an incident and the count of those held to account for it (山体滑坡…8人被问责)."""
    p = _cr().patterns
    incident = p["incident_code"]
    codes = {(m.group(1), m.group(2)) for m in incident.finditer(text)}
    lead = min(len(text), _INCIDENT_LEAD_CHARS)
    if len(codes) == 1 and incident.search(text, 0, lead):
        return True
    # (or one problem whose accountability the opening counts: 云南文山州追责问责4个单位16名干部)
    return not codes and bool(p["accountability_count"].search(text, 0, lead)) \
        and bool(p["incident_noun"].search(text, 0, lead)) and not p["several_problems"].search(text, 0, lead)


def _one_incident(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """A story of one incident named by its date code in its opening (山西公布“11·16”重大火灾事故调查
    报告，42名公职人员被问责), and no other code anywhere: everyone held to account in it — the
    fallen, the sanctioned, the units — is one case, the incident's."""
    if len(cases) < 2 or not _of_one_incident(text):
        return cases
    first = cases[0]
    return [CaseSpan(first.start, cases[-1].end, first.title, first.section, first.title_at)]


_SUBHEAD_BULLET = re.compile(r"[\s\u3000◆■●▲★☆◇□○◎▶►·•]*")
_HEAD_END = re.compile(r"[。！？!?；;，,：:、]$")
# numbered headings are a list, which the enumerated split has judged already
_NUMBERED_HEAD = re.compile(r"(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．])")


def _subheadings(text: str) -> list[tuple[int, bool]]:
    """Short lines standing alone between prose paragraphs (a feature's 小标题 “土地书记”的致富经 /
    ◆冒领“死人钱”八年 / 第一集 …, or a closing 镜鉴 / 记者手记): (start, whether prose follows)."""
    paras = _paragraphs(text)
    out = []
    seen_prose = False
    for k, (a, b) in enumerate(paras):
        line = _SUBHEAD_BULLET.sub("", text[a:b]).strip()
        if "。" in line or len(line) > 30:
            seen_prose = seen_prose or "。" in line
            continue
        if not seen_prose or not line or _HEAD_END.search(line) or _is_junk(line) or _NUMBERED_HEAD.match(line) \
                or _cr().patterns["tail_stop"].match(line):
            continue
        follows = k + 1 < len(paras) and "。" in text[paras[k + 1][0]:paras[k + 1][1]]
        out.append((a, follows))
    return out


def _story_sections(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """A feature telling officials' stories under subheadings: each section that holds a case
    is one case from its subheading on (the story's briber, relative or subordinate, and the
    sanction told last, stay in it), ending where the next subheading begins; an official of
    his own in the section keeps his case (_one_story_per_official). Other cases stay, but
    for a lead before the stories that names only their officials."""
    heads = _subheadings(text)
    if len(heads) < 2 or not cases:
        return cases
    bounds = [a for a, _ in heads] + [len(text)]
    sections = []
    for k, (a, follows) in enumerate(heads):
        # (a case running on from the section before is cut at the subheading: what follows it
        # is commentary, or the next story, which a case starting there tells)
        inside = [c for c in cases if a <= c.start < bounds[k + 1] or (k == 0 and c.start < a < c.end)]
        if follows and inside:
            sections.append((a, bounds[k + 1], inside))
    p = _cr().patterns
    # each story ends on its official's sanction; a report investigated under subheadings
    # (■补贴面积“长”出四百多亩 / ■县纪委介入…) does not, and is left as running text found it
    if len(sections) < 2 or not all(p["sanction_specific"].search(text, a, b) for a, b, _ in sections):
        return cases
    # chapters of one official's story (each names him, other than to compare): not split here
    contrast = _cr().patterns["contrast"]
    if set.intersection(*[_names(contrast.sub("", text[a:b])) for a, b, _ in sections]):
        return cases
    later = _names(text[sections[0][0]:])
    held = {id(c) for _, _, inside in sections for c in inside}
    out = []
    for c in cases:
        named = _names(text[c.start:c.end])
        if id(c) not in held and not (c.end <= sections[0][0] and named and named <= later):
            out.append(c)
    for k, (a, b, inside) in enumerate(sections):
        if k == 0:  # a protagonist introduced before the first subheading (这场风波的主角，是…) opens his
            # story — not a lead naming the officials of several stories
            for c in inside:
                lead = _names(text[c.start:heads[0][0]])
                if c.start < a < c.end and len(lead) == 1 and lead <= _names(text[a:b]):
                    a = c.start
        out.extend(_one_story_per_official(text, a, b, [c for c in inside if c.start >= a or c.start < a < c.end]))
    out.sort(key=lambda c: c.start)
    return out


def _one_story_per_official(text: str, a: int, b: int, inside: list[CaseSpan]) -> list[CaseSpan]:
    """The cases of one subheaded section [a, b): the first from the subheading on; a later one
    stays apart only when it brings a sanctioned official not named in the section before it
    (与邓志勇…不同，某村原会计向红梅… / 面对审查调查人员，王晓东懊悔不已), else it is a part of
    the story before (the briber, the money's path, the sanction told last)."""
    p = _cr().patterns
    out: list[list[int]] = []
    for c in sorted(inside, key=lambda c: c.start):
        start, end = max(c.start, a), min(c.end, _rstrip_span(text, a, b))
        told = _names(p["contrast"].sub("", text[a:start]))
        fresh = _names(p["contrast"].sub("", text[start:end])) - told
        if out and not (fresh and p["sanction_specific"].search(text, start, end)):
            out[-1][1] = max(out[-1][1], end)
            continue
        out.append([a if not out else start, end])
    return [_titled(text, s, _rstrip_span(text, s, e), title_from=_skip_bullet(text, s) if s == a else None)
            for s, e in out]


def _skip_bullet(text: str, at: int) -> int:
    """Where a subheading's words start, after its bullet (◆冒领“死人钱”八年)."""
    m = _SUBHEAD_BULLET.match(text, at)
    return m.end() if m else at


def _linked_cases(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """A 以案说纪 piece's linked case (【案例链接】 after the discussion of its made-up or told
    case): the cases before end at the heading, the section's own are found in it alone."""
    paras = _paragraphs(text)
    heads = [a for a, b in paras if _cr().patterns["case_link_heading"].match(text[a:b])]
    if not heads:
        return cases
    h = heads[0]
    before = []
    for c in cases:
        if c.start < h:
            c.end = min(c.end, _rstrip_span(text, c.start, h))
            before.append(c)
    masked = re.sub(r"[^\n]", " ", text[:h]) + text[h:]
    linked = [c for c in _running(masked, False) if c.start >= h]
    return [c for c in before if c.end > c.start] + linked


_LIST_HEAD = re.compile(r"[^。！？!?；;\n…]+")


def _incident_list(text: str, a: int, b: int) -> list[CaseSpan]:
    """Items of a paragraph that opens on incidents joined by 、, each a place and what was done
    there (某村党支部副书记花钱请人代为履职、某镇政府集体公款旅游、某乡福利院虚报套取……), as
    articles sum up what an inspection found: one case per item. Every item must open on a
    place name and two or more must name misconduct (a list of problem kinds has no places)."""
    from extractors.regions import extract_regions

    m = _LIST_HEAD.match(text, a, b)
    if m is None:
        return []
    parts, pos = [], m.start()
    for piece in m.group(0).split("、"):
        parts.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    if len(parts) < 2 or any(not 6 <= y - x <= 80 for x, y in parts):
        return []
    viol = _cr().patterns["violation"]
    for x, y in parts:
        regions = extract_regions(text[x:y])
        if not regions or regions[0].start != 0:
            return []
    if sum(1 for x, y in parts if viol.search(text, x, y)) < 2:
        return []
    return [CaseSpan(x, y, text[x:y], title_at=x) for x, y in parts]


def _add_incident_lists(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """`cases` with the items of incident lists (`_incident_list`) in paragraphs that no case
    holds or that are a case by themselves (the list's items are then the cases), and the units
    listed line by line under a problem (`_units_under_a_problem`)."""
    out = list(cases)
    for a, b in _paragraphs(text):
        held = [c for c in out if c.start < b and a < c.end]
        if any(c.start < a or c.end > b for c in held):
            continue  # part of a longer case
        items = _incident_list(text, a, b)
        if items:
            out = [c for c in out if c not in held] + items
    for items in _units_under_a_problem(text) + _sanctioned_lines(text):
        lo, hi = items[0].start, items[-1].end
        held = [c for c in out if c.start < hi and lo < c.end]
        if all(lo <= c.start and c.end <= hi for c in held):
            out = [c for c in out if c not in held] + items
    return sorted(out, key=lambda c: c.start)


_UNIT_LINE_MAX = 100


def _sanctioned_lines(text: str) -> list[list[CaseSpan]]:
    """Officials listed one per line with what they got (哈尔滨市副市长陈某某：政务记过 / 某县原副县长
    李某某：党内严重警告，被免职), as a notice's names are restated: three or more such lines in a row,
    each a named official before a colon and sanctions after it, are a case each."""
    sanction = _cr().patterns["sanction_specific"]
    runs: list[list[CaseSpan]] = []
    run: list[CaseSpan] = []
    for a, b in _paragraphs(text) + [(len(text), len(text))]:
        line = text[a:b].strip()
        m = _NAME_COLON.match(line)
        if m and len(line) <= _UNIT_LINE_MAX and sanction.search(line, m.end()) and _names(m.group(1)):
            start = a + len(text[a:b]) - len(text[a:b].lstrip())
            run.append(CaseSpan(start, _rstrip_span(text, start, b), line[:40], title_at=start))
            continue
        if len(run) >= 3:
            runs.append(run)
        run = []
    return runs


# A line opening on an official's designation and name, then a colon.
_NAME_COLON = re.compile(r"([^：:\n。；;]{3,60})[：:]")


def _units_under_a_problem(text: str) -> list[list[CaseSpan]]:
    """Units listed one per line under a line that states their problem and ends on a colon
    (8个单位存在违规使用公务用车问题： / 某集团车牌号为…的公务车； / 某委车牌号为…的公务车；): each
    line a case — the problem is said once, for all of them. Two or more lines, each short, each
    opening on a unit and naming no one."""
    p = _cr().patterns
    paras = _paragraphs(text)
    out: list[list[CaseSpan]] = []
    k = 0
    while k < len(paras):
        a, b = paras[k]
        head = text[a:b].strip()
        if not (head.endswith(("：", ":")) and p["violation"].search(head) and p["problem"].search(head)):
            k += 1
            continue
        items: list[CaseSpan] = []
        j = k + 1
        while j < len(paras):
            x, y = paras[j]
            line = _LEAD_MARKER.sub("", text[x:y].strip())
            if len(line) > _UNIT_LINE_MAX or not line.endswith(("；", ";", "。")) \
                    or not p["unit_opening"].match(line) or p["reporting_subject"].match(line) or _names(line):
                break
            items.append(CaseSpan(x, _rstrip_span(text, x, y), text[x:y].strip(), head, title_at=x))
            j += 1
        if len(items) >= 2:
            out.append(items)
        k = max(j, k + 1)
    return out


def _parts_of_one_case(text: str, cases: list[CaseSpan]) -> bool:
    """Numbered sections titled as the parts of one case's file (一、线索来源 / 二、调查过程 /
    三、查实情况 / 四、处理结果), two or more and most of them: one case, not a list."""
    rx = _cr().patterns["case_file_heading"]
    parts = sum(bool(rx.match(_LEAD_MARKER.sub("", text[c.start:c.end].lstrip()))) for c in cases)
    return parts >= 2 and parts * 2 > len(cases)


def _chapters_of_one_story(text: str, cases: list[CaseSpan]) -> bool:
    """Numbered sections that are chapters of one official's story (a 警示录: 一、放松学习… /
    二、交友不慎… / 三、家风败坏…): the lead before them names the official, and every section that
    names anyone names that official, in two or more sections — one case, told as a story."""
    if len(cases) < 2:
        return False
    lead = _names(text[:cases[0].start])
    named = [n for n in (_names(text[c.start:c.end]) for c in cases) if n]
    if len(named) < 2:
        return False
    common = set.intersection(*named) & lead
    return bool(common)


_TITLE_SENTENCE = re.compile(r"[^。！？!?；;\n]*[。！？!?；;\n]?")


def _sentence_at(text: str, pos: int) -> str:
    """The sentence (or line) of `text` that starts at `pos`, with its closing mark."""
    m = _TITLE_SENTENCE.match(text, pos)
    return m.group(0) if m else ""


# An inline ordinal opening an item (一是, 其二).
_ORDINAL_IS = re.compile(r"^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]+)[，,：:]?")


def _problems_only(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """An inspection text's cases that state a problem in their title (its first sentence; a
    heading line or a …方面 title with the sentence after it) or name a person, a sum or a
    sanction: a work report's method items (一是分类施巡。) and its account of how the inspection
    went are no cases. A text's only case is judged on all of it."""
    from extractors.normalize import to_simplified

    p = _cr().patterns
    kept = []
    for c in cases:
        unit = text[c.start:c.end]
        start = _LEAD_MARKER.match(unit.strip())
        body = unit.strip()[start.end() if start else 0:]
        title = _sentence_at(body, 0)
        if title.endswith("\n") or re.search(r"方面[。：:]?$", title.strip()):
            rest = body[len(title):]
            title += _sentence_at(body, len(title) + len(rest) - len(rest.lstrip()))
        # (a measure stated as the title — 一是提高站位，主动作为抓整改。 — is no problem, however
        # many problems its paragraph goes on to mention)
        simple_title, simple_unit = to_simplified(title), to_simplified(unit)
        head = _ORDINAL_IS.sub("", simple_title.strip())
        if _is_measure(head, 0) and not (p["problem_signal"].search(head) or p["problem"].search(head)):
            continue
        # (a report whose one case is its whole account: 巡察中，巡察组发现…问题 after the opening)
        plain = p["rectification_object"].sub("", simple_unit if len(cases) == 1 else simple_title)
        if (p["problem_signal"].search(plain) or any(m.group(0) != "问题" for m in p["problem"].finditer(plain))
                or _FED_BACK_START.match(plain) or _names(unit) or p["money"].search(unit) or p["sanction"].search(unit)
                or any(w.group(0) != "问题" for m in p["found_problems"].finditer(simple_unit)
                       for w in p["problem"].finditer(m.group("found")))):
            kept.append(c)
    return kept


def _news_lead(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """A news story's opening that sums it up (贵州某县水务局一名副局长因超标接待被免职 / 某区纪委
    通报一起…，该区5名镇村干部因…) read as a case of its own: it opens the story told after it,
    which names the people it counted. Only the text's opening (the first paragraphs after the
    page's furniture), only when it names no one the story does not."""
    if len(cases) < 2:
        return cases
    first, second = cases[0], cases[1]
    before = [(a, b) for a, b in _paragraphs(text[:first.start]) if not _is_furniture(text[a:b])]
    opening = text.rfind("\n", 0, first.start) + 1  # (a lead sentence cut off before the case counts)
    lead = text[first.start:first.end]
    if len(before) > 2:
        return cases
    named = _names(lead)
    # an opening that counts its culprits names none of them; a notice of one case may
    p = _cr().patterns
    counted = None if named else p["story_summary"].search(text, opening, first.end)
    if not (p["story_notice"].search(text, opening, first.end) or counted):
        return cases
    # the story: the next two cases at most (a long text's other stories are not read)
    later = text[second.start:cases[min(2, len(cases) - 1)].end]
    told = _names(later)
    # (a name set aside in the story — 除上述…艾某外，还有… — is not the story's)
    if not told or not all(n in p["contrast"].sub("", later) for n in named):
        return cases
    if counted and not p["story_notice"].search(text, opening, first.end) and len(told) < cn_to_int(counted.group(1).replace("两", "二")):
        return cases  # (某县14名村干部…均受到处分。 then 某县副主任吕某…: a group of its own, not his story)
    merged = CaseSpan(first.start, second.end, first.title, first.section, first.title_at)
    return [merged] + cases[2:]


def _findings_joined(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """What an investigation found (经查，该局副局长甲…) after an incident told of a unit alone
    (某局在接待中先后4次…), and what a paragraph opening on 该案/此案 says of it: the same case,
    which they name the people of."""
    p = _cr().patterns
    out: list[CaseSpan] = []
    for c in cases:
        if not out:
            out.append(c)
            continue
        # (not a 上述 inside a name set aside, 除上述…艾某外，还有…: the story of someone else)
        line_end = text.find("\n", c.start)
        line = text[c.start:line_end if line_end >= 0 else len(text)]
        back = bool(p["case_back_reference"].match(p["contrast"].sub("", line))) \
            and not _LEAD_MARKER.match(text[c.start:c.start + 8].lstrip())
        before = text[out[-1].start:out[-1].end]
        # (…周口市房地产交易管理处服务意识差…问题 then 通报指出，该管理处原主任王某受到…处分: the unit
        # told of before, now with whom it held to account)
        unit = p["back_reference"].search(_sentence_at(text, c.start))
        unit_back = unit is not None and unit.group("head") in before \
            and not _LEAD_MARKER.match(text[c.start:c.start + 8].lstrip())
        # (the people pass over the case before only when one of them asks: a long text has many)
        if back or ((unit_back or p["findings_open"].match(text, c.start)) and not _names(before)):
            out[-1] = CaseSpan(out[-1].start, c.end, out[-1].title, out[-1].section, out[-1].title_at)
        else:
            out.append(c)
    return out


def _one_story_of_the_facts(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """Under a case-facts heading (【案情回顾】, 【基本案情】) of a 以案说纪 piece, the facts up to the
    analysis are one case, however many people they name (the culprit, his accomplice, the
    official who failed to check)."""
    p = _cr().patterns
    paras = _paragraphs(text)
    heads = [k for k, (a, b) in enumerate(paras) if p["facts_heading"].match(text[a:b])]
    if len(heads) != 1:
        return cases
    start = paras[heads[0]][1]
    end = next((a for a, b in paras[heads[0] + 1:] if p["analysis_heading"].match(text[a:b])
                or p["case_link_heading"].match(text[a:b])), len(text))
    inside = [c for c in cases if c.start < end and c.end > start]
    if len(inside) < 2:
        return cases
    merged = CaseSpan(inside[0].start, max(c.end for c in inside), inside[0].title, inside[0].section, inside[0].title_at)
    return sorted([c for c in cases if c not in inside] + [merged], key=lambda c: c.start)


_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|Part\s*\d{1,2})\s*$")


def _discussion_end(text: str, start: int, heads: list[int]) -> int:
    """Where a case's discussion (二、分歧意见 …) ends: at the next analysis heading, the page's
    furniture or the text's end — its reasoning is no closing commentary to cut."""
    end = next((a for a in heads if a > start), len(text))
    for a, b in _paragraphs(text):
        if start < a < end and (_is_junk(text[a:b]) or _cr().patterns["tail_stop"].match(text[a:b])):
            end = a
            break
    return _rstrip_span(text, start, end)


def _before_analysis(text: str, cases: list[CaseSpan]) -> list[CaseSpan]:
    """Each case ends before a section of analysis or comment inside it (【纪法分析】, 【点评】)."""
    paras = _paragraphs(text)
    heads = [a for a, b in paras if _cr().patterns["analysis_heading"].match(text[a:b])]
    # a section number on its own line over the heading (02 / 以案释法) goes with it
    numbers = [(a, b) for a, b in paras if _SECTION_NUMBER.match(text[a:b])]
    heads = [next((a for a, b in numbers if b < h and not text[b:h].strip()), h) for h in heads]
    parts = [a for a, b in paras if _cr().patterns["case_part_heading"].match(text[a:b])]
    prev: CaseSpan | None = None
    for c in cases:
        if prev is not None and any(a <= c.start and not text[a:c.start].strip() for a in parts):
            prev.end, c.end = _discussion_end(text, c.start, heads), c.start  # an item discussing the case
            continue
        if any(a <= c.start and not text[a:c.start].strip() for a in heads) \
                and not (prev is None and _subject_names(text[c.start:c.end])):
            c.end = c.start  # an item that is the analysis itself (四、纪法分析) — not a heading over the
            continue         # first case, naming its culprits (小纪问答 … 案例分析 / 某公司原总经理钱某…)
        inside = [a for a in heads if a < c.start]
        if prev is not None and inside and inside[-1] >= prev.end and _names(text[c.start:c.end]) \
                and _names(text[c.start:c.end]) <= _names_before(text, inside[-1]):
            c.end = c.start  # a paragraph of the analysis that speaks of the cases again (案例一中，张某某…)
            continue
        prev = c
        cut = next((a for a in heads if c.start < a < c.end), None)
        if cut is not None:
            c.end = _rstrip_span(text, c.start, cut)
    return [c for c in cases if c.end > c.start]


__all__ = ["CaseRules", "CaseSpan", "Split", "build_case_rules", "case_rules", "cn_to_int", "commentary_blanked",
           "doc_type_of", "split_cases"]
