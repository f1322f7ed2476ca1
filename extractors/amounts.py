"""Money amounts in a case text, normalised to yuan.

Parsed on the raw text with one regular expression (jieba splits `2100余万元` into pieces):
Arabic or Chinese numerals (cn2an), 十/百/千/万/亿 units, 余/多 (and 十几) after the number and
近/约/超/逾 before it (the stated base is kept, `approximate` is set), ranges
(`5000至8000元`, `2至3万元`, `两到三万元`, rough `两三万元` / `3、4万元`: one Amount per end), a
人民币 prefix, thousands separated by commas or (text out of PDFs) spaces.
Only sums ending in 元 (圆, 块钱, or 块 for larger sums) count, so percentages, areas, people and
years never match; 近万元, 万余元, 逾千万元 with no number count as one unit, approximate. Two
narrow exceptions, told by context: a yuan sign (￥5,000.00), and a sum with 万/千/亿 that a money
word marks (给他8万年薪, 索要好处费1万，). Foreign currencies (美元, 港币…) are left out: no rate is
stated to turn them into yuan. Phone-like runs of 11+ digits glued to 元 are no sum.
The role is read from the words around the sum (lexicons in config/amounts.yaml): first
what makes a sum NOT the misconduct's own — a statistic over many cases (a count of cases or a
scope such as 全市…共 earlier in its sentence), a unit rate or fee (每户30元, 30元/亩, 标准为…)
— then recovered / returned / fined, then budget (项目总投资…, 合同金额…) against involved,
the cue nearest the sum winning. Whose sum it is (`Amount.person`) is told later, once people
and their roles are known (extractors.roles).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Literal

import cn2an

from config import load_yaml
from extractors.fullwidth import fold_width
from extractors.model import Amount, AmountRole
from extractors.normalize import SENTENCE_END as _SENTENCE_END

log = logging.getLogger(__name__)

_CN_DIGIT = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖貳參陸"
_CN_NUM = f"[{_CN_DIGIT}十拾百佰千仟万亿点]+"
# thousands grouped by commas (1,234.56) or, in text out of PDFs, by single spaces (1 234)
_AR_NUM = r"\d{1,3}(?:[,，] ?\d{3})+(?!\d)(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.])|\d+(?:\.\d+)?"
_NUM = rf"(?:{_AR_NUM}|{_CN_NUM})"
_UNIT = "(?:千万|百万|十万|万亿|万|亿|千|百)"
# 余/多 after the number (13余万元, 3800多元); 几 after 十 (十几万元, 二十几万元) is the same thing
_APPROX_AFTER = "(?:余|多|(?<=[十拾])几)"
_SEP = r"(?:至|到|--|-|——|—|–|~|〜|～)"


def _core(tag: str) -> str:
    return (
        rf"(?P<{tag}num>{_NUM})\s?(?P<{tag}a1>{_APPROX_AFTER})?(?P<{tag}unit>{_UNIT})?"
        rf"(?P<{tag}a2>{_APPROX_AFTER})?"
    )


_AMOUNT_RE = re.compile(
    rf"(?=人民币|RMB|[¥￥\d{_CN_DIGIT}十拾])"  # cheap first-character test
    r"(?P<pre>人民币|RMB|¥|￥)?\s?"
    r"(?:"
    # 1万2千元 / 3万5000元 / 1亿2千万元: a big unit and the rest
    r"(?P<wan>\d+)(?P<wanunit>亿|万)(?P<rest>\d+)(?P<restunit>千万|百万|十万|万|千|百)?(?P<resta>余|多)?"
    r"|"
    rf"{_core('lo')}\s?(?P<locur>元)?\s?{_SEP}\s?{_core('hi')}"
    r"|"
    rf"{_core('one')}"
    r")"
    r"\s?(?P<cur>元|块钱|块(?=[^\u4e00-\u9fff]|$|钱|是|的|用|给|现金|红包)|圆(?=整|[^\u4e00-\u9fff]|$))"
    r"(?![旦宵素化区里桥路])"
)

# Traditional forms of the characters a sum is made of, one for one (offsets are kept):
# the normaliser converts script first, but raw text must not lose its sums.
_TRAD = str.maketrans("萬億圓塊貳參陸兩", "万亿元块贰叁陆两")
_UNIT_VALUE = {
    "": 1, "百": 100, "千": 1000, "万": 10_000, "十万": 100_000, "百万": 1_000_000,
    "千万": 10_000_000, "亿": 100_000_000, "万亿": 1_000_000_000_000,
}
# A sum after these is in another currency (美元, 港元 after it never match: only 元 right after counts)
_FOREIGN_BEFORE = ("港币", "美金", "台币", "澳币", "欧元", "日元", "英镑", "卢布", "韩元")
# A Chinese numeral run right after these is not a stated number: 数十万元, 几百元, 上万元
_VAGUE_BEFORE = "数几上成"
# A one-character Chinese numeral sum (一元, 两元) is followed by punctuation or one of these
_AFTER_ONE_CN = "的钱整每一/"
_HAN = re.compile(r"[\u4e00-\u9fff]")
# 万余元 / 近万元 / 千余元 with no number before: one 万 (千, 百), approximate
# (近万元, 逾千万元, 达百万元); with neither a word before nor 余/多 after (万元以上, 每万元) no sum
_BARE_RE = re.compile(
    r"(?P<pre>将近|接近|超过|近|约|逾|超|达)?(?P<unit>千万|百万|十万|万|千|百|亿)(?P<after>余|多)?元(?![旦宵素化])"
)
_APPROX_TAIL = ("以上", "左右", "多")
_APPROX_BEFORE = ("大约", "将近", "接近", "超过", "不足", "不到", "近", "约", "超", "逾")
_CLAUSE_END = "，,；;。！？!?\n："
_MAX_DIGITS = 13  # no stated sum reaches 10 万亿 yuan
# Official writing states sums of 100 亿 and more with 万/亿, never as a plain run of 11+ digits
_MAX_PLAIN_DIGITS = 10
_MAX_CN_CHARS = 24
_MAX_VALUE = 1e13
_ROLE_WINDOW = 40
_SENTENCE_WINDOW = 120
_TIME_LEAD = re.compile(r"^[\s\d一二三四五六七八九十〇零年月日今去前上下半以来期间中底初]*$")
_RATE_WINDOW = 10  # 每户 … 30元: the 每 of a rate comes within a few characters of the sum


# A sum with a big unit and no 元 (8万年薪, 好处费1万), or after a yuan sign (￥5,000.00); see _without_yuan
_NO_YUAN_RE = re.compile(
    rf"(?P<sign>[¥￥]\s?)?(?P<num>{_AR_NUM}|{_CN_NUM})(?P<a1>余|多)?(?P<unit>亿|万|千)?(?P<a2>余|多)?(?![元块万亿千百\d])"
)
# Two neighbouring digits before one unit are a rough range (两三万元, 七八千元, 一二十万元, 3、4万元):
# one Amount per end, like 2至3万元.
_PAIR_RE = re.compile(
    r"(?<![\d.、第十百千万亿零〇一二两三四五六七八九])(?P<lo>[一两二三四五六七八九]|\d、)(?P<hi>[二三四五六七八九]|\d)"
    r"(?P<unit>十万|百万|千万|十|百|千|万|亿)(?P<after>余|多)?元"
)
_DIGIT_VALUE = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"两": 2}


@dataclass(frozen=True)
class AmountCues:
    """The word lists of config/amounts.yaml, compiled once: what tells a sum's role, and which
    words make a sum with no 元 money."""

    roles: Mapping[str, tuple[str, ...]]  # role -> cue words, and the statistic/rate/budget lists
    money_after: tuple[str, ...]
    money_before: tuple[str, ...]
    count_re: re.Pattern[str]  # a count of cases or people (see _count_re)
    table_header: re.Pattern[str] | None = None  # a money column's header (涉及金额（元）)


def build_amount_cues(data: dict[str, Any]) -> AmountCues:
    """AmountCues from the parsed config/amounts.yaml."""
    cues = {role: tuple(words) for role, words in data["roles"].items()}
    cues["involved_after"] = tuple(data.get("involved_after", ()))
    for key in ("rate", "budget"):
        for side in ("before", "after"):
            cues[f"{key}_{side}"] = tuple(data.get(key, {}).get(side, ()))
    stat = data.get("statistic", {})
    cues["statistic_before"] = tuple(stat.get("before", ()))
    cues["statistic_scope"] = tuple(stat.get("scope", ()))
    cues["statistic_total"] = tuple(stat.get("total", ()))
    cues["inflating"] = tuple(data.get("budget", {}).get("inflating", ()))
    money = data.get("money_without_yuan", {})
    header = data.get("table_money_header")
    return AmountCues(roles=MappingProxyType(cues), money_after=tuple(money.get("after", ())),
                      money_before=tuple(money.get("before", ())), count_re=_count_re(stat),
                      table_header=re.compile(header) if header else None)


@lru_cache(maxsize=1)
def amount_cues() -> AmountCues:
    """The shipped cues (config/amounts.yaml), built once."""
    return build_amount_cues(load_yaml("amounts.yaml"))


def _count_re(stat: dict[str, Any]) -> re.Pattern[str]:
    """A count of cases or people after a verb of investigating or dealing with them
    (查处…问题12起, 处理38人, 发现问题5个), the count closing its clause: the sentence states a
    statistic over many cases. 在处理3起信访件中 is no count of the cases being reported."""
    verbs = "|".join(re.escape(w) for w in sorted(stat.get("count_verbs", ()), key=len, reverse=True))
    units = "|".join(re.escape(w) for w in sorted(stat.get("count_units", ()), key=len, reverse=True))
    return re.compile(rf"(?:{verbs})[^，,。；;：:]{{0,12}}?(?:\d+|[{_CN_DIGIT}十百千]+)(?:余|多)?(?:{units})(?=[，,。；;、：:（(]|涉及|其中|$)")


def _parse_number(raw: str) -> float | None:
    """Value of one numeral: Arabic (with thousands separators) or Chinese (cn2an).

    None for what is no sum of money: a unit with no number (万元), a run of digits too long
    to be money (an id, a phone number, garbage), a run cn2an cannot read.
    """
    if raw[0].isdigit():
        digits = raw.replace(",", "").replace("，", "").replace(" ", "")
        whole = digits.split(".")[0]
        if len(whole) > _MAX_DIGITS or (len(whole) > 1 and whole[0] == "0"):
            return None  # 000元 / 0123元: a fragment or a code, never a sum as written
        return float(digits)
    if len(raw) > _MAX_CN_CHARS:
        return None
    if not any(ch in _CN_DIGIT for ch in raw) and not raw.startswith(("十", "拾")):
        return None  # 万元, 千元: a unit with no number
    try:
        return float(cn2an.cn2an(raw, "smart"))
    except (ValueError, KeyError, IndexError, TypeError, OverflowError) as exc:
        log.debug("not a Chinese numeral %r: %s", raw, exc)
        return None


def _value(m: re.Match[str], tag: str, unit_default: str = "") -> float | None:
    num = _parse_number(m.group(f"{tag}num"))
    if num is None:
        return None
    unit = m.group(f"{tag}unit") or unit_default
    raw = m.group(f"{tag}num")
    if not unit and raw.isdigit() and len(raw) > _MAX_PLAIN_DIGITS:
        return None  # 13912345678元: a phone number or an id glued to 元, not a sum
    value = round(num * _UNIT_VALUE[unit], 2)
    return value if value <= _MAX_VALUE else None


def _range_ends(m: re.Match[str]) -> tuple[float | None, float | None]:
    """Both ends of a range. The low end shares the high end's unit when it has none of its own and
    sharing keeps it below the high end: 2至3万元, 两到三万元, 一千到两千万元 (low in 万); but
    8500到3万元 and 5000元至1万元 keep the low end as written."""
    high = _value(m, "hi")
    low_plain = _value(m, "lo")
    if high is None or low_plain is None or m.group("locur") or m.group("lounit"):
        return low_plain, high
    shared = m.group("hiunit") or ""
    hi_raw = m.group("hinum")
    if not shared and not hi_raw[0].isdigit() and hi_raw[-1] in "百千万亿":
        shared = hi_raw[-1]  # 三万 / 两千万: the unit is inside the Chinese numeral
    low_shared = _value(m, "lo", shared) if shared else None
    if low_shared is not None and low_plain < low_shared <= high:
        return low_shared, high
    return low_plain, high


def _sentence_before(folded: str, start: int) -> str:
    """The text from the start of the sentence (at most _SENTENCE_WINDOW characters) to `start`."""
    lo = start
    while lo > 0 and start - lo < _SENTENCE_WINDOW and folded[lo - 1] not in _SENTENCE_END:
        lo -= 1
    return folded[lo:start]


def _is_statistic(sentence: str, before: str, ac: AmountCues) -> bool:
    """A figure over many cases or a whole economy, not one case's sum: a count of cases or
    people earlier in the sentence (全市共查处问题12起…涉及金额), a scope over many units opening
    a clause with a word of totalling after it (全市累计…), or an economic figure (产值, 税收).
    累计 or 共计 alone is no statistic: 2019年以来，李某累计收受礼金3万元 is one official's sum."""
    cues = ac.roles
    if any(before.endswith(w) or w in before[-8:] for w in cues["statistic_before"]):
        return True
    if ac.count_re.search(sentence):
        return True
    for scope in cues["statistic_scope"]:
        pos = sentence.find(scope)
        if pos >= 0 and _opens_clause(sentence, pos) \
                and any(t in sentence[pos + len(scope):] for t in cues["statistic_total"]):
            return True
    return False


def _opens_clause(sentence: str, pos: int) -> bool:
    """Whether the scope word at `pos` opens its clause, a time phrase aside (今年以来，全市共…;
    2023年全县累计…): the scope is the clause's subject, not a place the official acted in."""
    lo = max(sentence.rfind(ch, 0, pos) for ch in _CLAUSE_END) + 1
    return bool(_TIME_LEAD.match(sentence[lo:pos]))


def _is_rate(before: str, after: str, cues: Mapping[str, tuple[str, ...]]) -> bool:
    """A unit rate or fee, not a sum taken: 每户30元, 每人每月200元 (a 每 shortly before the sum),
    标准为500元, 单价…, 30元/亩, 800元一亩, 30元的标准 (right after it)."""
    near = before[-_RATE_WINDOW:]
    near = near[near.rfind("元") + 1:]  # 每户索要6000元共1.8万元: the 每 is the other sum's
    at = max((near.rfind(w) for w in cues["rate_before"]), default=-1)
    if at >= 0 and not any(t in near[at:] for t in cues["statistic_total"]):
        return True  # 每月虚报共计3万元: a total over the months, no rate
    return after.lstrip("多余左右").startswith(cues["rate_after"])


def _nearest(before: str, words: tuple[str, ...]) -> int:
    """Position of the last of `words` in `before`, -1 when none is there."""
    return max((before.rfind(w) for w in words), default=-1)


def _role(folded: str, start: int, end: int, ac: AmountCues) -> AmountRole:
    """The role of a sum, told by the words before it in its clause (or right after it);
    what makes a sum no misconduct of the case (statistic, rate) is told first."""
    lo = start
    while lo > 0 and start - lo < _ROLE_WINDOW and folded[lo - 1] not in _CLAUSE_END:
        lo -= 1
    before = folded[lo:start]
    cues = ac.roles
    hi = end
    while hi < len(folded) and hi - end < 12 and folded[hi] not in _CLAUSE_END:
        hi += 1
    after = folded[end:hi]
    if _is_statistic(_sentence_before(folded, start), before, ac):
        return "statistic"
    if _is_rate(before, after, cues):
        return "rate"
    best_role: AmountRole = ""
    best_pos = -1
    role: AmountRole
    for role in ("fined", "recovered", "returned"):
        for word in cues.get(role, ()):
            pos = before.rfind(word)
            if pos > best_pos:
                best_role, best_pos = role, pos
    if best_role:
        return best_role
    involved = _nearest(before, cues.get("involved", ()))
    budget = _budget_cue(before, cues)
    if budget > involved:
        return "budget"
    if involved >= 0:
        return "involved"
    if any(after.startswith(w) or w in after[:8] for w in cues["budget_after"]):
        return "budget"
    for role in ("recovered", "returned"):
        if any(word in after for word in cues.get(role, ())):
            return role
    if any(word in after for word in cues.get("involved_after", ())):
        return "involved"
    if after.startswith("被") and any(word in after for word in cues.get("involved", ())):
        return "involved"  # the passive: 4.2万元被村主任截留
    return ""


def _budget_cue(before: str, cues: Mapping[str, tuple[str, ...]]) -> int:
    """Position of the last budget or project-value word before the sum (总投资, 合同金额, 预算);
    -1 when none, or when the word is what was inflated (虚报工程造价 is a sum of the misconduct)."""
    best = -1
    for w in cues["budget_before"]:
        pos = before.rfind(w)
        if pos > best and not any(w in before[max(0, pos - 6):pos] for w in cues["inflating"]):
            best = pos
    return best


_CELL_NUMBER = re.compile(r"\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*")
_HEADER_UNIT: dict[str, float] = {"元": 1.0, "万元": 1e4, "亿元": 1e8}


def column_amounts(text: str, start: int, end: int, cues: AmountCues | None = None) -> list[Amount]:
    """Sums in the cells of a money column of a tab-separated table (a header cell such as
    涉及金额（元） above the rows) within text[start:end]: bare numbers whose unit is in the
    header. Offsets are into `text`; a cell that states its own unit is left to
    extract_amounts."""
    ac = cues or amount_cues()
    if ac.table_header is None or "\t" not in text[start:end]:
        return []
    header_end = text.rfind("\n", 0, start)
    columns: dict[int, float] = {}
    width = 0
    pos = header_end
    while pos > 0 and not columns:  # the nearest line above with a money column, within tables
        line_start = text.rfind("\n", 0, pos) + 1
        cells = text[line_start:pos].split("\t")
        if len(cells) < 2:
            break
        width = len(cells)
        columns = {k: _HEADER_UNIT[m.group(1)] for k, c in enumerate(cells) if (m := ac.table_header.search(c))}
        pos = line_start - 1
    out: list[Amount] = []
    if not columns:
        return out
    for m in re.finditer(r"[^\n]+", text[start:end]):
        cells = m.group().split("\t")
        if len(cells) != width:
            continue
        at = start + m.start()
        for k, cell in enumerate(cells):
            num = _CELL_NUMBER.fullmatch(cell)
            if k in columns and num:
                a = at + num.start(1)
                out.append(Amount(text=num.group(1), value=float(num.group(1).replace(",", "")) * columns[k],
                                  start=a, end=a + len(num.group(1))))
            at += len(cell) + 1
    return out


def extract_amounts(text: str, cues: AmountCues | None = None) -> list[Amount]:
    """Every sum of money in `text`, in yuan, with its span; a range gives two items.

    `cues` are the role and money word lists (default: the shipped config/amounts.yaml)."""
    ac = cues or amount_cues()
    folded = fold_width(text).translate(_TRAD)
    out: list[Amount] = []
    for m in _AMOUNT_RE.finditer(folded):
        start, end = m.start(), m.end()
        if not m.group("pre"):
            start = m.start("wan") if m.group("wan") else m.start("lonum") if m.group("lonum") else m.start("onenum")
        first_num = m.group("wan") or m.group("lonum") or m.group("onenum")
        if folded[max(0, start - 2):start] in _FOREIGN_BEFORE:
            continue  # 港币两千元: no rate to yuan is stated
        if not first_num[0].isdigit() and start > 0 and folded[start - 1] in _VAGUE_BEFORE:
            continue
        if m.group("onenum") and len(first_num) == 1 and not first_num.isdigit() and not m.group("oneunit") \
                and not (m.group("onea1") or m.group("onea2")) and _HAN.match(folded[end:end + 1]) \
                and folded[end] not in _AFTER_ONE_CN:
            continue  # 刘一元借款, 陈三元说: a name, not one yuan
        if first_num[0].isdigit() and start > 0 and (folded[start - 1].isdigit() or folded[start - 1] == "."):
            continue
        approximate = folded[max(0, start - 2):start].endswith(_APPROX_BEFORE)
        span_text = text[start:end]
        role = _role(folded, start, end, ac)
        if m.group("wan"):
            big = _UNIT_VALUE[m.group("wanunit")]
            rest_unit = _UNIT_VALUE[m.group("restunit") or ""]
            if rest_unit >= big:
                continue
            if len(m.group("wan")) > _MAX_DIGITS or len(m.group("rest")) > _MAX_DIGITS:
                continue
            value = float(m.group("wan")) * big + float(m.group("rest")) * rest_unit
            out.append(Amount(start=start, end=end, text=span_text, value=value,
                              approximate=approximate or bool(m.group("resta")), role=role))
            continue
        if m.group("lonum"):
            low, high = _range_ends(m)
            if low is None or high is None:
                continue
            lo_approx = approximate or bool(m.group("loa1") or m.group("loa2"))
            hi_approx = approximate or bool(m.group("hia1") or m.group("hia2"))
            out.append(Amount(start=start, end=end, text=span_text, value=low, approximate=lo_approx,
                              role=role, range_part="low"))
            out.append(Amount(start=start, end=end, text=span_text, value=high, approximate=hi_approx,
                              role=role, range_part="high"))
            continue
        one_value = _value(m, "one")
        if one_value is None:
            continue
        if m.group("cur") == "块" and one_value < 100 and not (m.group("oneunit") or m.group("onea1") or m.group("onea2")):
            continue  # 分成3块: pieces, not money (块 alone says money only for larger sums)
        approx = approximate or bool(m.group("onea1") or m.group("onea2"))
        approx = approx or folded[end:end + 2].startswith(_APPROX_TAIL)
        out.append(Amount(start=start, end=end, text=span_text, value=one_value, approximate=approx, role=role))
    taken = [(a.start, a.end) for a in out]
    for m in _BARE_RE.finditer(folded):
        if not (m.group("pre") or m.group("after")):
            continue
        start = m.start()
        if start > 0 and (folded[start - 1] in _VAGUE_BEFORE or folded[start - 1] in _CN_DIGIT
                          or folded[start - 1].isdigit() or folded[start - 1] in "十百千万亿点."):
            continue
        if any(s < m.end() and start < e for s, e in taken):
            continue
        out.append(Amount(start=start, end=m.end(), text=text[start:m.end()], approximate=True,
                          value=float(_UNIT_VALUE[m.group("unit")]), role=_role(folded, start, m.end(), ac)))
    out.extend(_without_yuan(text, folded, [(a.start, a.end) for a in out], ac))
    pairs = _pairs(text, folded, [(a.start, a.end) for a in out], ac)
    if pairs:  # 3、4万元: the pair replaces the 4万元 read from its tail
        out = [a for a in out if not any(p.start <= a.start and a.end <= p.end for p in pairs)] + pairs
    out.sort(key=lambda a: (a.start, a.range_part != "low"))
    return out


def _without_yuan(text: str, folded: str, taken: list[tuple[int, int]], ac: AmountCues) -> list[Amount]:
    """Sums written with 万/千/亿 but no 元, as quoted speech and plain prose do (给他8万年薪,
    索要好处费1万，): money only when a money word comes right after the sum, or comes before it in
    its clause and the sum closes the clause; 8万人, 1.6万亩 never qualify."""
    out: list[Amount] = []
    for m in _NO_YUAN_RE.finditer(folded):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in taken):
            continue
        if not m.group("sign") and start > 0 and (
                folded[start - 1] in _VAGUE_BEFORE or folded[start - 1].isdigit()
                or folded[start - 1] in "." + _CN_DIGIT + "十百千万亿点"):
            continue
        after = folded[end:end + 4]
        closes = end == len(folded) or folded[end] in _CLAUSE_END or after.startswith(("的", "给", "用于"))
        lo = start
        while lo > 0 and start - lo < 12 and folded[lo - 1] not in _CLAUSE_END:
            lo -= 1
        said_after = after.startswith(ac.money_after) or after.lstrip("的").startswith(ac.money_after)
        said_before = closes and any(w in folded[lo:start] for w in ac.money_before)
        if m.group("sign"):
            start = m.start("sign")
        elif not m.group("unit") or not (said_after or said_before):
            continue
        num = _parse_number(m.group("num"))
        if num is None:
            continue
        value = round(num * _UNIT_VALUE[m.group("unit") or ""], 2)
        approx = bool(m.group("a1") or m.group("a2")) or folded[max(0, start - 2):start].endswith(_APPROX_BEFORE)
        out.append(Amount(start=start, end=end, text=text[start:end], value=value, approximate=approx,
                          role=_role(folded, start, end, ac)))
    return out


def _pairs(text: str, folded: str, taken: list[tuple[int, int]], ac: AmountCues) -> list[Amount]:
    """Rough ranges written as two neighbouring digits (两三万元, 3、4万元): low and high ends."""
    out: list[Amount] = []
    for m in _PAIR_RE.finditer(folded):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in taken) and not _only_tail_taken(m, taken):
            continue
        lo_ch, hi_ch = m.group("lo").rstrip("、"), m.group("hi")
        low = int(lo_ch) if lo_ch.isdigit() else _DIGIT_VALUE[lo_ch]
        high = int(hi_ch) if hi_ch.isdigit() else _DIGIT_VALUE[hi_ch]
        if lo_ch.isdigit() != hi_ch.isdigit() or not low < high <= low + 2:
            continue
        if lo_ch.isdigit() and not _HAN.match(folded[start - 1:start]):
            continue  # 1、2万元用于… at the head of a line: an item number, then 2万元
        unit = _UNIT_VALUE.get(m.group("unit")) or 10  # 十 is the one unit not in _UNIT_VALUE
        role = _role(folded, start, end, ac)
        part: Literal["low", "high"]
        for part, n in (("low", low), ("high", high)):
            out.append(Amount(start=start, end=end, text=text[start:end], value=float(n * unit),
                              approximate=True, role=role, range_part=part))
    return out


def _only_tail_taken(m: re.Match[str], taken: list[tuple[int, int]]) -> bool:
    """Whether the sums already found over this pair only cover its second digit (3、4万元 gave 4万元)."""
    hi = m.start("hi")
    overlapping = [(s, e) for s, e in taken if s < m.end() and m.start() < e]
    return all(s >= hi for s, _ in overlapping)


__all__ = ["AmountCues", "amount_cues", "build_amount_cues", "extract_amounts"]
