"""People named in a case, with the post given right before or after them.

Two sources, combined:
  - statistical: Baidu LAC's PER spans (extractors.ner, run once per document by the
    leian_ner component). It finds names with no post before them — in prose (这位名叫…的),
    opening a sentence, in lists joined by 、 — and pseudonyms such as 吴某新.
  - rules, for what the model lacks: a name after a post title (…村党支部书记鐘臘平, 村民王某,
    局长革命), after an organisation name (…管委会赵长文从事), 某-forms anywhere (张某某,
    朱某, 梁某东), lists after a known name, X等人, a name opening a clause with its post
    after it (郑某时任村党支部书记), table cells, dotted transliterated names.
Then people who are not case people are dropped: bylines and credits (记者/通讯员/摄/作者, a
signature line), people speaking or quoted (…指出/强调/表示, a leader's 重要讲话), people
at a meeting being reported (主持会议/参加会议), names in photo captions, places LAC read as
names (古云村), a surname with a post (柯支书). A name mentioned again later is the same
person (merged, first position kept). scripts/compare_people.py measures rules, LAC and the
combination side by side.

Input is NORMALISED text (simplified, half-width ASCII); offsets are relative to it.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from config import load_yaml
from extractors.minority_names import NameParts, name_length
from extractors.minority_names import is_name as is_minority_name
from extractors.model import Person
from extractors.normalize import SENTENCE_END
from extractors.ner import NerSpan, tokens

_HAN = "\u4e00-\u9fff"
_FUNC_CHARS = frozenset("等和与及在于被将把向对从为因受则却")  # (刘勇则通过…: 刘勇, then 则)
_MARKER_RE = re.compile(r"^(?:[0-9]{1,2}[.、．]|[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十0-9]+[)）]|[①-⑳])")
_PLACE_END = frozenset("镇村县乡市区省局厅处科办站所院组队社部委会司室校")
# Characters of unit and place words (村, 镇, 局, 组…) that given names hardly ever contain:
# 和村支 (镇长和村支书), 任村主 are a function word and the start of a post, not names.
_UNIT_CHARS = frozenset("村镇乡县局厅处办站所组队委")
# The suffixes of administrative divisions: never a name's first given character (安区原)
_ADMINISTRATIVE = frozenset("省县区镇乡州旗盟")
_CLAUSE_END = "，,。；;：:！？!?（()）“”\"\n「」『』【】[]《》"


@dataclass(frozen=True)
class PeopleLexicon:
    """The people lexicons of config/people.yaml, compiled once."""

    common: frozenset[str]
    ambiguous: frozenset[str]
    compound: tuple[str, ...]
    compound_set: frozenset[str]
    post_re: re.Pattern[str]
    org_re: re.Pattern[str]
    followers_re: re.Pattern[str]
    post_start_re: re.Pattern[str]
    post_end_re: re.Pattern[str]
    cut_re: re.Pattern[str]
    generic_heads: frozenset[str]
    anon_re: re.Pattern[str]
    list_re: re.Pattern[str]
    intro_re: re.Pattern[str]
    subject_follow_re: re.Pattern[str]
    etal_re: re.Pattern[str]
    byline_re: re.Pattern[str]
    not_names: frozenset[str]
    plain_people: frozenset[str]
    minority: NameParts = NameParts.of(())  # syllables of Tibetan and Mongolian names
    legal_terms: tuple[str, ...] = ()  # 国家工作人员…: a category of people in a law, not a post
    # the followers of two or more characters (先后, 利用, 多次): a clause's words, never a given name
    follower_words: frozenset[str] = frozenset()


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class PeopleRules:
    """Everything config/people.yaml says, compiled: the rules' lexicons and what tells the
    statistical model's candidates."""

    lexicon: PeopleLexicon
    candidates: CandidateLexicon


@lru_cache(maxsize=1)
def people_rules() -> PeopleRules:
    """The shipped people rules (config/people.yaml), built once."""
    return PeopleRules(lexicon(), candidate_lexicon())


def build_people_rules(cfg: dict[str, Any]) -> PeopleRules:
    """PeopleRules from the parsed config/people.yaml."""
    return PeopleRules(build_people_lexicon(cfg), build_candidate_lexicon(cfg))


@lru_cache(maxsize=1)
def lexicon() -> PeopleLexicon:
    """Compile config/people.yaml (loaded once)."""
    return build_people_lexicon(load_yaml("people.yaml"))


def build_people_lexicon(cfg: dict[str, Any]) -> PeopleLexicon:
    """A PeopleLexicon from the parsed config/people.yaml."""
    sn = cfg["surnames"]
    common = frozenset(sn["common"].split())
    ambiguous = frozenset(sn["ambiguous"].split()) - common
    compound = tuple(sorted(sn["compound"].split(), key=len, reverse=True))
    heads = list(cfg["post_heads"])
    orgs = list(cfg["org_suffixes"])
    surname_chars = "".join(sorted(common | ambiguous))
    post_re = re.compile(f"(?:{_alt(heads)})(?:[（(][^（()）\\n]{{1,12}}[）)])?(?=[{_HAN}])")
    org_re = re.compile(f"(?:{_alt(orgs)})(?=[{_HAN}])")
    followers_re = re.compile(f"(?:{_alt(cfg['followers'])}|[{re.escape(_CLAUSE_END)}、]|\\d|$)")
    post_start_re = re.compile(f"(?:{_alt([w for w in heads + orgs if len(w) > 1])}|党[内外委组员]|原[党副正]|时任|现任)")
    anon_re = re.compile(f"(?:{_alt(list(compound))}|[{surname_chars}])某某?(?!{_NOT_AFTER_ANON.pattern})")
    name_body = f"(?:{_alt(list(compound))}|[{surname_chars}])[{_HAN}]{{1,2}}"
    list_re = re.compile(f"[、和与及]({name_body})")
    intro_re = re.compile(f"(?:^|(?<=[。；;\\n：:】]))\\s*((?:{_alt(list(compound))}|[{surname_chars}])[{_HAN}]{{1,3}})[，,（(]", re.M)
    etal_re = re.compile(f"(?<![{_HAN}])({name_body})等(?:人|\\d|[一二两三四五六七八九十]+人)")
    # a label (审核：, 编辑 王某) needs its separator: 负有审核责任的股长童某 is no byline
    labels = cfg.get("byline_labels") or []
    # (记者 inside 党委书记者永平 is the post and a Yi surname, no byline)
    # (a mirror page's bar: 编辑|杜杜)
    byline_re = re.compile(f"(?:(?:{_alt(labels)})[/:：|｜\\s]+|(?<!书)(?:{_alt([m for m in cfg['byline_markers'] if m not in labels])})[/:：|｜\\s]*)"
                           if labels else f"(?<!书)(?:{_alt(cfg['byline_markers'])})[/:：|｜\\s]*")
    if cfg.get("byline_openers"):
        byline_re = re.compile("|".join([byline_re.pattern] + [f"(?:{o})" for o in cfg["byline_openers"]]))
    not_names = frozenset(w for w in cfg["not_names"] if len(w) >= 2)
    post_end_re = re.compile(f"(?:{_alt(heads)})$")
    cut_re = re.compile(_alt(cfg["position_cuts"]))
    return PeopleLexicon(common, ambiguous, compound, frozenset(compound), post_re, org_re, followers_re, post_start_re, post_end_re,
                         cut_re, frozenset(cfg["generic_heads"]),
                         anon_re, list_re, intro_re, re.compile(_alt(cfg["subject_followers"])), etal_re, byline_re, not_names, frozenset(cfg["plain_people"]),
                         NameParts.of(cfg.get("minority_name_parts") or ()), tuple(cfg.get("legal_terms") or ()),
                         frozenset(w for w in cfg["followers"] if len(w) >= 2))


@lru_cache(maxsize=1)
def _freq() -> dict[str, int]:
    from extractors.segment import _tokenizer

    return _tokenizer().FREQ


def _common_word(w: str) -> bool:
    """A frequent jieba dictionary word (names are rare in it: 王建军 5, 张明 0, 安排 7836)."""
    return (_freq().get(w) or 0) >= COMMON_WORD_FREQ


COMMON_WORD_FREQ = 300
# A clause opener with no post seen twice (rule 8), or LAC's name, is no name when it is a word
# this frequent (廉洁 211; names that are words, 李强 159, 方正 144, stay; 黎明 670 needs a post
# right before it and a second mention).
OPENER_WORD_FREQ = 200
# A dotted candidate whose first part is a word this common (观点, 新闻, 图片) is page furniture.
DOTTED_WORD_FREQ = 1000


def _surname_len(text: str, i: int, lex: PeopleLexicon, *, strict: bool) -> int:
    """Length of the surname starting at i (0 when none)."""
    if text[i:i + 2] in lex.compound_set:
        return 2
    ch = text[i:i + 1]
    if ch in lex.common or (not strict and ch in lex.ambiguous):
        return 1
    return 0


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _given_he(text: str, end: int, lex: PeopleLexicon) -> bool:
    """和 ending a three-character name (张万和侵占, 李德和违规): what follows it is a word that
    follows names (a deed), not what a conjunction joins (another name, a post, 时任)."""
    return (text[end - 1] == "和" and end < len(text) and _is_han(text[end])
            and bool(lex.followers_re.match(text, end)) and not lex.post_start_re.match(text, end)
            and text[end] not in _CONJUNCTIONS)


def _name_at(text: str, i: int, lex: PeopleLexicon, *, strict: bool,
             boundaries: frozenset[int] = frozenset(), need_follow: bool = False) -> int:
    """Length of a personal name starting at i, or 0.

    Surname (1–2 chars) + 1–2 given characters; 某/某某 forms; the length is told by what
    follows (a follower word or punctuation ends a name) and, failing that, by jieba's
    token boundaries.
    """
    minority = name_length(text, i, lex.minority)
    if minority and (lex.followers_re.match(text, i + minority) or text.count(text[i:i + minority]) >= 2
                     or text.startswith("案", i + minority) or text[i + minority:i + minority + 1] in ("\t", "\n")):  # (…原旗长额尔敦毕力格案: the case named after him)
        return minority  # 副市长洛桑丹增尼玛严重违纪 (no Han surname); 那日松公车私用 … 那日松擅自
    if CYCLIC_PSEUDONYM.match(text, i) and lex.followers_re.match(text, i + 2):
        return 2  # 股长某乙、工作人员某丙: a pseudonym with no surname at all
    s = _surname_len(text, i, lex, strict=strict)
    if not s:
        return 0
    j = i + s
    if text.startswith("某某", j):
        return s + 2
    if text.startswith("某", j):
        return _pseudonym_length(text, i, s + 1, lex)
    if lex.post_start_re.match(text, i) or lex.post_start_re.match(text, j):
        return 0  # 董事长, 干部, 原书记: a post, not a name; 任组长, 王主任: a surname and a post

    given = 0
    while given < 2 and j + given < len(text) and _is_han(text[j + given]) and text[j + given] != "某":
        given += 1
    if given == 0:
        return 0
    if text[i:i + 2] in lex.not_names:
        return 0
    if _common_word(text[i:i + s + 1] if s == 2 else text[i:i + 2]) and not lex.subject_follow_re.match(text, i + 2):
        return 0  # 安排的, 明知村民, 管理不善: an ordinary word, not a name (司马 is a surname: 司马立群)
    cands = [s + g for g in range(given, 0, -1)]  # prefer the longer name
    cands = [n for n in cands if text[i:i + n] not in lex.not_names and text[i + n - 1] not in _PLACE_END
             and not (n == s + 2 and text[i + n - 1] in _FUNC_CHARS and not _given_he(text, i + n, lex))  # 黄涛向组织报告: 黄涛
             and not any(c in _UNIT_CHARS or c in _ADMINISTRATIVE for c in text[i + s:i + n])]  # 镇长和村支书: not 和村支
    if not cands:
        return 0
    # 1st: a follower word right after the name, at a jieba word boundary (when known)
    for n in cands:
        if lex.followers_re.match(text, i + n) and (not boundaries or (i + n) in boundaries):
            return n
    # 2nd: a follower word alone
    for n in cands:
        if lex.followers_re.match(text, i + n):
            return n
    if need_follow:
        return 0
    # 3rd: jieba's token boundaries decide (a name is followed by a word)
    for n in cands:
        if (i + n) in boundaries and (i + n + 1) not in boundaries:
            return n
    return cands[0]


_CONJUNCTIONS = frozenset("和与及或同跟并")
# The financial numerals amounts are written in (陆佰元, 叁仟元): never part of a given name.
_MONEY_NUMERAL = re.compile("[壹贰叁肆伍陆柒捌玖拾佰仟][元角]?$|[佰仟拾][元角]")
# 某甲, 某乙…: people told apart by the cyclic signs, no surname given
CYCLIC_PSEUDONYM = re.compile("某[甲乙丙丁戊己庚辛壬癸]")
# CJK strokes used as separators in headlines (以案说纪丨…), never part of a name.
_SEPARATOR_STROKES = frozenset("丨丶丿乀乁")
# Function words that never stand alone as a one-character given name, so surname + one of
# them is no name (盖个章比登天还难: 章比).
_NOT_GIVEN_ALONE = frozenset("比把被给让的了着过是在")
# Prepositions that are also surnames (由, 向, 于): 由黄德旺的亲戚担任 read as 由黄德.
_PREPOSITION_SURNAMES = frozenset("由向于经将把被对从给让同跟")
_COURT_ROLE = re.compile("^(?:对|由|经)?(?:被告人|犯罪嫌疑人|嫌疑人|被调查人|当事人)")
_MEDIA = re.compile("日报|晚报|时报|报社|报[·•・‧.]|在线|网|新闻|电视|广播|客户端|频道|杂志|之声|传媒|融媒")  # (中国青年报·中青在线: a paper and its site)
_PREPOSITIONS = frozenset("以与和同跟对向被将把给由")
# What follows 某某 in an unnamed unit or thing (某某单位, 某某公司), not a pseudonym.
_NOT_AFTER_ANON = re.compile("单位|公司|企业|酒店|宾馆|饭店|地|处|日|月|年|些|种|个(?!人)|项|村|镇|乡|县|市|区|局|部门"
                             "|小区|银行|学校|医院|商店|店|厂|网站|平台|机构|协会|集团|领导|官员|干部")
_NOT_GIVEN = frozenset("们的了等某及和与或说讲称曾也都已均原现一二两三犯")  # (王某犯玩忽职守罪: 犯, "guilty of")


def _after_preposition(text: str, name: str) -> bool:
    """`name` is a preposition that is also a surname read into the name after it: what
    follows the preposition is said more often without it."""
    return (len(name) >= 3 and name[0] in _PREPOSITION_SURNAMES and name[1] != "某"
            and text.count(name[1:]) > text.count(name))


# What follows 等 after a list of people: a count of them or 人 (等5名, 等13人, 等人)
_ETAL_COUNT = re.compile(r"(?:\d+|[两二三四五六七八九十]+)\s*(?:名|人|位)|人")


_PSEUDONYM_NUMBERS = "123456789"
_COUNTED = "元万千百亿年月日号人名个次件起岁天时分秒户套辆栋间%％.．"


def _pseudonym_length(text: str, i: int, n: int, lex: PeopleLexicon) -> int:
    """Length of the 某-form at i (n: the surname + 某/某某 part): surname + 某 + one given
    character (梁某东, 吴某新) when that character neither starts a word nor is a word
    that follows names (梁某在, 朱某知情, 黄某忏悔), and a word or punctuation follows it."""
    j = i + n
    if text[j:j + 1] in _PSEUDONYM_NUMBERS and not text[j + 1:j + 2].isdigit() \
            and text[j + 1:j + 2] not in _COUNTED:
        return n + 1  # 王某1、王某2: a court's numbered pseudonyms for two people of one surname
    if text[i + n - 2:i + n] == "某某":
        return n
    if j >= len(text) or not _is_han(text[j]) or text[j] in _NOT_GIVEN:
        return n
    if text[j] in "自从于至" and text[j + 1:j + 2].isdigit():
        return n  # 赵某自2018年以来: a preposition before a date, not a given character
    if text[j + 1:j + 2] == "等" and _ETAL_COUNT.match(text, j + 2) and not lex.followers_re.match(text, j):
        return n + 1  # 任某平等5名同志, 刘某平等13人: a given character, then 等 and a count (not 平等)
    freq = _freq()
    if lex.followers_re.match(text, j) or (freq.get(text[j:j + 2]) or 0) >= 20:
        return n
    k = j + 1
    if k >= len(text) or not _is_han(text[k]) or lex.followers_re.match(text, k) or freq.get(text[k:k + 2]):
        return n + 1
    return n


_DOTS = "·•・‧."  # the middle dots of transliterated names (a full stop between two names' parts: 阿迪力.努尔买买提)
# (each part at most eight characters: a dot further on in the sentence is another name's)
_DOTTED = re.compile(rf"[\u4e00-\u9fff]{{1,6}}(?:[{_DOTS}][\u4e00-\u9fff]{{1,8}})+")


def _dotted_length(text: str, i: int, d: re.Match[str], lex: PeopleLexicon) -> int:
    """Length of a dotted name at i: its last part is cut where all its mentions stop agreeing,
    or before the first follower word."""
    head = d.group(0)
    cut = max(head.rfind(c) for c in _DOTS) + 1  # the last part starts here
    stem = head[:cut]
    tails = [text[m.end():m.end() + 12] for m in re.finditer(re.escape(stem), text)]
    tail = head[cut:]
    if len(tails) >= 2:  # the longest start every mention shares
        k = 0
        while k < len(tail) and all(len(t) > k and t[k] == tail[k] for t in tails):
            k += 1
        if k >= 1:
            return cut + k if k <= 8 else 0
    for k in range(2, min(len(tail), 8) + 1):  # (a part is two characters at least: 阿不力孜, not 阿 + 不)
        if lex.followers_re.match(text, i + cut + k) or text[i + cut + k:i + cut + k + 1].isspace():
            return cut + k  # (or the end of a table cell)
    return 0


def _consistent_extension(text: str, name: str, lex: PeopleLexicon) -> str:
    """`name` with the Han characters that follow it at every one of its (two or more)
    mentions, when those are not a follower word; at most six characters in all."""
    if "某" in name or any(c in name for c in _DOTS):
        return name
    while len(name) < 6:
        ends = [m.end() for m in re.finditer(re.escape(name), text)]
        if len(ends) < 2:
            break
        nxt = {text[e:e + 1] for e in ends}
        if len(nxt) != 1:
            break
        ch = nxt.pop()
        if not _is_han(ch) or any(lex.followers_re.match(text, e) for e in ends):
            break
        name += ch
    return name


_ASIDE_BEFORE = re.compile(r"[（(][^（()）\n]{1,12}[)）]$")
_CLAUSE_START = re.compile(
    r"(?:^|(?<=[。；;，,：:\n]))[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d))?",
    re.M)
# A lead that makes the post after it a time clause (当县长时, 任校长时, 担任院长期间): nothing
# else of the clause stands between it and the post.
_SERVING_LEAD = re.compile(r"(?:当|(?<![主责信兼专常])任|担任|出任)[^，,。；;、：:\n“”]{0,10}$")
_SERVING = re.compile(r"(?:在|于)?(?:担任|任职|任)([^，,。；;（(\n]{2,40}?)(?:期间|时|任上|以来)")
# a post given in brackets after a name (韦某某(区农办原党组书记、主任)); the clauses of a sentence
_ASIDE_POST = re.compile(r"[（(]([^（()）\n]{2,30})[)）]")
_CLAUSE = re.compile(r"[^，,]+")
_POST_LEAD = re.compile(r"^(?:现任|时任|曾任|原任|已调任|调任|后调任|系)(?=\S{2})")


def _before_aside(text: str, i: int) -> int:
    """Where a short aside right before index i — （已退休）, （女） — begins, else i."""
    m = _ASIDE_BEFORE.search(text, max(0, i - 14), i)
    return m.start() if m else i


Span = tuple[int, int]
_BULLETS = "■●◆▲★◎□○◇△▶►•▪◼◾◉❖➤✦◈"


def _position_span(text: str, i: int, lex: PeopleLexicon, boundaries: frozenset[int] = frozenset()) -> Span:
    """Where the post phrase right before index i stands: back to the clause start or a
    function word (an empty span at i when there is none).

    A function word (的/对/给予/和…) only cuts where jieba puts a word boundary on both
    sides of it, so 呼和浩特 and 监督管理与应急救援科 stay whole when boundaries are known.
    """
    i = _before_aside(text, i)  # 会计（已退休）郭某: the post is before the aside
    lo = max(0, i - 48)
    seg = text[lo:i]
    cut = 0
    for k in range(len(seg) - 1, -1, -1):
        ch = seg[k]
        if ch in _CLAUSE_END or ch in "—―":  # (a subtitle's dash: ——访…主任孟某)
            cut = k + 1
            break
        if ch == "、" and not lex.post_end_re.search(seg[:k]):
            cut = k + 1  # 钟腊平、张传彪: a list of names, not a compound post
            break
    phrase_lo = lo + cut
    best = phrase_lo
    for m in lex.cut_re.finditer(text, phrase_lo, i):
        if boundaries and not (m.start() in boundaries and m.end() in boundaries):
            continue
        if m.end() < i:
            best = m.end()
    a, b = best, i
    marker = _MARKER_RE.match(text[a:b])
    a += marker.end() if marker else 0
    while a < b and text[a] in _BULLETS:
        a += 1
    if best == phrase_lo and text[phrase_lo - 1:phrase_lo] in ("—", "―"):
        asked = _INTERVIEWED.match(text[a:b])  # ——访省纪委常委孟某: the interviewee's post
        a += asked.end() if asked else 0
    while a < b and text[a] in " ，,":
        a += 1
    while b > a and text[b - 1] in " ，,":
        b -= 1
    return a, b


def _lead_cut(text: str, span: Span | None) -> Span | None:
    """The span without a lead word (现任某县林业局副局长: the post is what follows); None
    when nothing is left."""
    if span is None:
        return None
    a, b = span
    lead = _POST_LEAD.match(text[a:b])
    a += lead.end() if lead else 0
    return (a, b) if b > a else None


_INTERVIEW_VERB = "(?:专访|采访|访问|访谈|访)"
_INTERVIEWED = re.compile("^" + _INTERVIEW_VERB + r"(?=\S{2})")


def _bylines(text: str, lex: PeopleLexicon) -> list[tuple[int, int]]:
    """Spans of bylines: from a marker such as 记者 to the end of its clause or bracket."""
    out = []
    for m in lex.byline_re.finditer(text):
        end = m.end()
        while end < len(text) and text[end] not in "，。；;)）】\n" and end - m.end() < 24:
            end += 1
        out.append((m.start(), end))
    return out


def extract_people(text: str, *, boundaries: frozenset[int] = frozenset(),
                   ner: list[NerSpan] | None = None, rules: PeopleRules | None = None) -> list[Person]:
    """People named in a case text (normalised), each once, with post and first span.

    `boundaries`: optional jieba token end offsets (from the spaCy Doc) to help tell
    2- from 3-character names. `ner`: LAC spans inside this text (offsets relative to
    it); when None, LAC runs on the text here (its sentence cache makes that cheap after
    the document-level run). `rules`: default, the shipped config/people.yaml.
    """
    r = rules or people_rules()
    if _MASKED.search(text):
        return _unmasked(text, extract_people(_as_mou(text),
                                              boundaries=boundaries, ner=ner, rules=r))
    if ner is None:
        words = tokens(text)
        ner = [NerSpan(a, b, t, text[a:b]) for a, b, t in words if t in ("PER", "ORG")]
        if not boundaries:  # LAC's words tell name lengths as jieba's tokens would
            boundaries = frozenset([0] + [b for _, b, _ in words])
    people, sources = _rule_people(text, boundaries, r.lexicon, r.candidates)
    return _not_only_a_case_name(text, _combine(text, people, sources, ner, boundaries, r.lexicon, r.candidates))


# A name masked with asterisks (秦*, 唐*生, 王**), as medical-insurance notices print patients and
# doctors: read as the 某 pseudonym it stands for, reported as written.
_MASKED = re.compile(r"(?<=[\u4e00-\u9fff])[*＊]{1,2}")


def _as_mou(text: str) -> str:
    """`text` with each asterisk mask written as 某 (same length: offsets stay)."""
    return _MASKED.sub(lambda m: "某" * len(m.group()), text)


def _unmasked(text: str, people: list[Person]) -> list[Person]:
    """People found in the 某-for-asterisk copy of `text`, named as `text` writes them."""
    for p in people:
        written = text[p.start:p.end]
        if written != p.name and _as_mou(written) == p.name:
            p.name = written
    return people


_NAME_END = frozenset("、，,。；;：:（(等")


def said_whole_elsewhere(doc_text: str, people: list[Person], ner: list[NerSpan]) -> list[Person]:
    """People of one case whose name LAC cut short there (李应|来受贿) and the document says
    whole elsewhere (李应来、文有良等四人): every mention of the short form in the document goes
    on with the same character, and LAC reads the longer form as a name somewhere."""
    whole = {sp.text for sp in ner if sp.label == "PER" and "某" not in sp.text}
    out = []
    for p in people:
        longer = [w for w in whole if len(w) == len(p.name) + 1 and w.startswith(p.name)] \
            if "某" not in p.name and 2 <= len(p.name) <= 3 else []
        if len(longer) == 1 and not any(q.name == longer[0] for q in people):
            ends = [m.end() for m in re.finditer(re.escape(p.name), doc_text)]
            # (said at least twice, and once ending where a name ends: 李应来、 — not 谭海借…, 伍道平和时任)
            if len(ends) >= 2 and all(doc_text[e:e + 1] == longer[0][-1] for e in ends) \
                    and any(doc_text[e + 1:e + 2] in _NAME_END for e in ends):
                p = p.model_copy(update={"name": longer[0], "end": p.end + 1})
        out.append(p)
    return out


def _not_only_a_case_name(text: str, people: list[Person]) -> list[Person]:
    """Without the people the text names only as the name of a case (在查办赵某某案过程中，…
    一并查处了孙某…) while others act in it: that case is another one."""
    def case_name_only(p: Person) -> bool:
        spans = list(re.finditer(re.escape(p.name), text))
        return bool(spans) and all(text.startswith("案", m.end()) for m in spans)

    named = [p for p in people if not case_name_only(p)]
    return named if named else people


def _posts(text: str, lex: PeopleLexicon) -> Iterator[re.Match[str]]:
    """Post titles in the text, left to right; where a longer title overlaps one found first
    (党总[支书]记: 支书, then 书记 ending later), the one that reaches further: the name
    comes after the whole title."""
    pos = 0
    while (m := lex.post_re.search(text, pos)) is not None:
        best = m
        for k in range(m.start() + 1, m.end()):
            longer = lex.post_re.match(text, k)
            if longer and longer.end() > best.end():
                best = longer
        yield best
        pos = max(best.end(), pos + 1)


def _rule_people(text: str, boundaries: frozenset[int], lex: PeopleLexicon | None = None,
                 cl: CandidateLexicon | None = None) -> tuple[list[Person], dict[str, int]]:
    """People the rules find (posts, 某-forms, lists, clause openers, tables), and for each
    name the number of the rule that found it first."""
    lex = lex or lexicon()
    cl = cl or candidate_lexicon()
    found: dict[str, Person] = {}
    order: list[str] = []
    bylines = _bylines(text, lex)

    def in_byline(i: int) -> bool:
        return any(a <= i < b for a, b in bylines)

    sources: dict[str, int] = {}
    rule = 0

    def add(i: int, n: int, post: Span | None) -> None:
        name = text[i:i + n]
        post = _lead_cut(text, post)  # 现任某县林业局副局长: the post is what follows
        if n < 2 or in_byline(i) or name in lex.not_names or _after_preposition(text, name):
            return
        if name[:2] in lex.compound_set and lex.post_end_re.search(text[max(0, i - 7):i + 1]):
            return  # 原处长孙某某: the post's last character, then the surname — not 长孙
        if name[0] in "任兼" and (lex.post_start_re.match(text, i + 1) or name[1] in "第副总常"):
            return  # 校长任第一副组长: 任 "serving as" before a post, no surname
        if name in found:
            if not found[name].position and post:
                found[name].set_post(text, post)
            return
        found[name] = Person(name=name, start=i, end=i + n, anonymised="某" in name)
        found[name].set_post(text, post)
        order.append(name)
        sources[name] = rule

    # 1. after a post title (generic heads such as 干部/党员 need an unambiguous surname)
    rule = 1
    for m in _posts(text, lex):
        i = m.end()
        head = m.group(0)
        if len(head) <= 2 and m.start() > 0 and _common_word(text[m.start() - 1:m.start() + 1]):
            continue  # a post read across a word (公司机关: 司机; 城镇长期: 镇长)
        generic = head in lex.generic_heads
        n = _name_at(text, i, lex, strict=generic, boundaries=boundaries, need_follow=generic)
        if not n and generic and boundaries and i in boundaries:
            # 党员王小明参与…: after a generic head, a name jieba keeps as one word
            n = _name_at(text, i, lex, strict=True, boundaries=boundaries)
            if n and not ((i + n) in boundaries and not any(k in boundaries for k in range(i + 1, i + n))):
                n = 0
        if not generic:
            n = max(n, name_length(text, i, lex.minority))  # 乡党委书记吉克伍各履行…: known syllables after a post
            if n == 3 and text[i:i + 2] in lex.minority.parts and not lex.followers_re.match(text, i + 3):
                n = _clan_name(text, i, lex) or n  # 校长吉克石一落实…: a clan, not the surname 吉
        if not n and not generic:
            n = _one_syllable_name(text, i, lex) or _clan_name(text, i, lex) or _word_name_after_post(text, i, lex)
        if n == 3 and (_freq().get(text[i:i + 3]) or 0) >= 10 and (_freq().get(text[i + 1:i + 3]) or 0) >= 50:
            n = 0  # 护林员花名册: a word (花名册) after a post, its tail a word too
        if generic and n == 2 and (_freq().get(text[i:i + 2]) or 0) >= OPENER_WORD_FREQ \
                and text.count(text[i:i + 2]) < 2:
            n = 0  # 党员索取…: a word after a generic head, said once
        if text[max(0, i - 8):i].endswith(lex.legal_terms):
            n = 0  # 国家工作人员索取、收受…: the law's words, no one's post
        if n and text[i] == "时" and _SERVING_LEAD.search(text, max(0, m.start() - 16), m.start()):
            n = 0  # 当市长时讲书记的话, 任校长时开始…: "when serving as", the post's clause ends at 时
        if n:
            add(i, n, m.span() if head in lex.plain_people else _position_span(text, i, lex, boundaries))
    # 2. after an organisation name: a clear boundary after the name, a word boundary before
    rule = 2
    for m in lex.org_re.finditer(text):
        i = m.end()
        if boundaries and i not in boundaries:
            continue
        n = _name_at(text, i, lex, strict=True, boundaries=boundaries, need_follow=True)
        if n and text[i:i + n] not in found:
            add(i, n, _position_span(text, i, lex, boundaries))
    # 3. anonymised forms anywhere (an ambiguous surname needs a clear left edge)
    rule = 3
    for m in lex.anon_re.finditer(text):
        i = m.start()
        if i > 0 and text[i - 1] == "某":
            continue
        if m.group(0)[:2] in lex.compound_set and lex.post_end_re.search(text[max(0, i - 7):i + 1]):
            m = lex.anon_re.match(text, i + 1) or m  # 原处长孙某某: the post's 长, then 孙, not 长孙
            i = m.start()
        if CYCLIC_PSEUDONYM.match(text, i + 1):
            continue  # 由某乙出资: a preposition before 某乙, no surname
        prev = text[i - 1] if i else ""
        j = _before_aside(text, i)
        after_post = bool(lex.post_end_re.search(text[max(0, j - 8):j]))
        # (已调任某镇党委副书记的马某某: the post, then 的)
        post_de = not after_post and prev == "的" and bool(lex.post_end_re.search(text[max(0, i - 9):i - 1]))
        if text[i] in lex.ambiguous and _is_han(prev) and not (after_post or post_de):
            continue
        if _is_han(prev) and not (after_post or post_de) and boundaries and i not in boundaries:
            continue
        post = _position_span(text, i, lex, boundaries) if after_post else \
            _post_before(text, i, lex, boundaries) if post_de else None
        add(i, _pseudonym_length(text, i, m.end() - i, lex), post)
    #    …and a pseudonym by cyclic signs listed after another (某甲、某乙编造台账)
    for m in re.finditer(f"(?<=某[甲乙丙丁戊己庚辛壬癸][、和与及])某[甲乙丙丁戊己庚辛壬癸](?![{_HAN}]?某)", text):
        add(m.start(), 2, None)
    #    …and X某某 right after a post whatever X is (片长刑某某: a surname the lists lack), or
    #    after a preposition (以普某某为首的…, 与普某某合谋): X is the surname
    for m in re.finditer(f"[{_HAN}]某(?:某|(?={_STRONG_AFTER.pattern}|利用|在|违规|伙同|先后|多次))", text):
        i = m.start()
        n = m.end() - i
        if (i == 0 or text[i - 1] != "某") and text[i] not in _UNIT_CHARS and text[i] not in _NOT_GIVEN \
                and not _NOT_AFTER_ANON.match(text, i + n):
            if lex.post_end_re.search(text[max(0, i - 8):i]):
                add(i, n, _position_span(text, i, lex, boundaries))  # (民政干部妥某利用…)
            elif n == 3 and i and text[i - 1] in _PREPOSITIONS and not _freq().get(text[i - 1:i + 1]):
                add(i, 3, None)  # (和平某某: 和 is no preposition there)
    #    …and a minority name's first syllable + 某/某某 (村文书海来某某, 吉克某): no Han surname
    #    to read; the syllable must be a known one of two or more characters
    for m in re.finditer("某某?", text):
        for size in range(min(lex.minority.longest, 4), 1, -1):
            i = m.start() - size
            if i < 0 or text[i:m.start()] not in lex.minority.parts or (i and text[i - 1] == "某"):
                continue
            after_post = bool(lex.post_end_re.search(text[max(0, i - 8):i]))
            if after_post or not i or not _is_han(text[i - 1]) or (boundaries and i in boundaries):
                end = m.end()
                if not text.startswith("某某", m.start()) and end < len(text) and _is_han(text[end]) \
                        and text[end] not in _NOT_GIVEN:
                    end += 1  # 吉克某伍: one given character after 某
                if text[i:end] not in found:
                    for other in [n for n in found if n in text[i:end] and n != text[i:end]]:
                        found.pop(other)  # 海来 read before as a name of its own
                        order.remove(other)
                    add(i, end - i, _position_span(text, i, lex, boundaries) if after_post else None)
            break
    # 4. a name opening a sentence, its post after it: 王某某，男，…，某村原党支部书记。/ 李红（某乡民政所所长）
    rule = 4
    for m in lex.intro_re.finditer(text):
        i = m.start(1)
        n = _name_at(text, i, lex, strict=True, boundaries=boundaries)
        if not n or text[i + n:i + n + 1] not in "，,（(":
            continue
        if text[i + n] in "（(":
            close = _ASIDE_POST.match(text, i + n)
            if close and lex.post_end_re.search(close.group(1)):
                add(i, n, close.span(1))
            continue
        sent_end = re.search(r"[。；;\n]", text[i + n:])
        clauses = list(_CLAUSE.finditer(text, i + n + 1, i + n + (sent_end.start() if sent_end else 60)))
        posts = [c for c in clauses if lex.post_end_re.search(c.group(0))]
        if posts and (re.match(r"[男女]", clauses[0].group(0)) or clauses[0] in posts):
            add(i, n, posts[-1].span())
    # 5. X等人 / X等N人
    rule = 5
    for m in lex.etal_re.finditer(text):
        i = m.start(1)
        n = _name_at(text, i, lex, strict=True, boundaries=boundaries)
        if n and text[i + n:i + n + 1] == "等":
            add(i, n, None)
    # 6. lists after a known name: 鐘臘平、張傳彪 / 冯正均和吴定勇
    rule = 6
    changed = True
    while changed:
        changed = False
        for name in list(order):
            for occ in re.finditer(re.escape(name), text):
                j = occ.end()
                listed = lex.list_re.match(text, j)
                if not listed:
                    continue
                i = listed.start(1)
                n = _name_at(text, i, lex, strict=True, boundaries=boundaries, need_follow=True)
                if n and text[i:i + n] not in found:
                    add(i, n, None)
                    changed = True
    # 7. table rows (cells split by tabs, as the DOCX and HTML readers write them): a cell
    rule = 7
    #    that is just a name, its post in the next cell when that reads like one
    for row in re.finditer(r"[^\n]*\t[^\n]*", text):
        cells = list(re.finditer(r"[^\t]+", row.group(0)))
        for k, cell in enumerate(cells):
            value = cell.group(0).strip()
            if not value or len(value) > 5:
                continue
            i = row.start() + cell.start() + cell.group(0).index(value)
            n = _name_at(text, i, lex, strict=True, boundaries=frozenset())
            if n != len(value):
                continue
            nxt = cells[k + 1].group(0).strip() if k + 1 < len(cells) else ""
            at = row.start() + cells[k + 1].start() + cells[k + 1].group(0).index(nxt) if nxt else 0
            add(i, n, (at, at + len(nxt)) if nxt and len(nxt) <= 40 and lex.post_end_re.search(nxt) else None)
    # 8. a name opening a clause or an item with no post before it (一、周小平违规… / 经查，周小平在…):
    rule = 8
    #    a clear surname, a follower word after it, and mentioned at least twice
    for m in _CLAUSE_START.finditer(text):
        i = m.end()
        if i >= len(text) or not _is_han(text[i]):
            continue
        n = _name_at(text, i, lex, strict=True, boundaries=boundaries, need_follow=True)
        if n >= 2 and "某" not in text[i:i + n] and text.count(text[i:i + n]) >= 2 \
                and not (n == 2 and (_freq().get(text[i:i + n]) or 0) >= OPENER_WORD_FREQ):  # 廉洁从医…廉洁风险: a word
            add(i, n, None)
    # 10. a name opening a clause with its post said right after it (郑某某时任村党支部书记,
    #     付某是村委会主任, 向某某担任会计、出纳): surname + one or two characters, then the post
    rule = 10
    after_re = cl.post_after_re
    for m in _CLAUSE_START.finditer(text):
        i = m.end()
        s_len = _surname_len(text, i, lex, strict=False)
        if not s_len or lex.post_start_re.match(text, i):
            continue
        for n in (s_len + 2, s_len + 1):
            name = text[i:i + n]
            if text[i + n - 1:i + n + 1] in cl.two_char_leads:
                continue  # 王伟时任…: 时 opens the lead, not the name
            post_after = after_re.match(text, i + n)
            if name[s_len:] in lex.follower_words or name[:2] in lex.follower_words \
                    or (n == 2 and (_freq().get(name) or 0) >= OPENER_WORD_FREQ):
                continue  # 曾先后任…, 利用担任…, 利用其担任…: a clause's words, not a name before its post
            if len(name) == n and all(_is_han(c) for c in name) and "某" not in name[1:] \
                    and name not in lex.not_names and post_after:
                add(i, n, post_after.span(1))
                break
    # 9. transliterated names with a middle dot after a post (买买提·吐尔逊): the last part
    rule = 9
    #    ends where every mention agrees, or at a follower word
    for m in _posts(text, lex):
        d = _DOTTED.match(text, m.end())
        if d:
            n = _dotted_length(text, m.end(), d, lex)
            if n:
                add(m.end(), n, _position_span(text, m.end(), lex, boundaries))
    #    …and opening a clause, a line or a table cell (艾尼瓦尔·买买提，男，… / 1    买买提·吐尔逊    库车市…)
    for m in re.finditer(r"(?:^|(?<=[。；;，,：:\n\t ]))", text):
        d = _DOTTED.match(text, m.end())
        if d and not any(p.start <= m.end() < p.end or (p.name in d.group(0) and any(c in p.name for c in _DOTS))
                         for p in found.values()):
            i = m.end()
            first = re.split(f"[{_DOTS}]", d.group(0))[0]
            lead = [c.end() for c in lex.cut_re.finditer(first) if c.end() <= len(first) - 2]
            role = _COURT_ROLE.match(first)
            if role and role.end() <= len(first) - 2:
                lead.append(role.end())  # 被告人艾尔肯·吐尔逊
            if lead:  # 给予艾尔肯·吐尔逊…: the clause's verb before the name
                i += lead[-1]
                d = _DOTTED.match(text, i)
            n = _dotted_length(text, i, d, lex) if d else 0
            parts = re.split(f"[{_DOTS}]", text[i:i + n])
            if n and all(2 <= len(x) <= 6 for x in parts) and not _MEDIA.search(text, i, i + n):
                add(i, n, None)  # (中·法两国: no name's parts are one character; 湖南日报·华声在线: a masthead)
    # A post said as the time of the misconduct: 周小平在担任县财政局局长期间
    for person in found.values():
        if person.position:
            continue
        for occ in re.finditer(re.escape(person.name), text):
            serving = _SERVING.match(text, occ.end())
            if serving and lex.post_end_re.search(serving.group(1)):
                person.set_post(text, serving.span(1))
                break
    # Names longer than surname + two (Tibetan 次仁多吉, 扎西顿珠): a name whose every mention
    # goes on with the same characters is longer than it looked.
    for name in list(order):
        person = found[name]
        longer = _consistent_extension(text, name, lex)
        if longer != name and longer not in found:
            found[longer] = person.model_copy(update={"name": longer, "end": person.start + len(longer)})
            order[order.index(name)] = longer
            del found[name]
            sources[longer] = sources.pop(name)
    # Posts given only after the name: 韦世品(区农办原党组书记、主任)
    people = [found[n] for n in order]
    people.sort(key=lambda p: p.start)
    return people, sources


def _lac_only(text: str, ner: list[NerSpan], boundaries: frozenset[int]) -> list[Person]:
    """LAC PER spans as they are, with the post before them (scripts/compare_people.py
    measures this against the rules and the combination)."""
    lex = lexicon()
    bylines = _bylines(text, lex)
    out: dict[str, Person] = {}
    for sp in ner:
        if sp.label != "PER" or len(sp.text) < 2 or any(a <= sp.start < b for a, b in bylines):
            continue
        if sp.text not in out:
            out[sp.text] = Person(name=sp.text, start=sp.start, end=sp.end, anonymised="某" in sp.text)
            out[sp.text].set_post(text, _post_before(text, sp.start, lex, boundaries))
    return sorted(out.values(), key=lambda p: p.start)


@dataclass(frozen=True)
class CandidateLexicon:
    """What config/people.yaml says about statistical candidates, compiled once."""

    speaker_re: re.Pattern[str]
    caption_re: re.Pattern[str]
    credit_re: re.Pattern[str]
    place_re: re.Pattern[str]
    place_end_re: re.Pattern[str]
    adverbs: frozenset[str]
    post_after_re: re.Pattern[str]
    glued_post_re: re.Pattern[str]
    quoted_re: re.Pattern[str]
    meeting_re: re.Pattern[str]
    two_char_leads: frozenset[str]
    # the second half of a compound noun right after a two-character candidate (纪法意识)
    compound_tail_re: re.Pattern[str] | None = None
    # what stands around a name only compared with (与…不同，): (before, after)
    comparison: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    # words a name span runs on into (罗汉平|等, 陈正清|面前): cut off the candidate
    name_tails: tuple[str, ...] = ()
    # office characters whose surname + character is a short title (吴所 of 吴所长)
    short_title_chars: frozenset[str] = frozenset()
    # an inspector's post right before a name (…巡察组组长方宏波)
    inspector_re: re.Pattern[str] | None = None
    # a post in a discipline body, and the words that show its holder is investigated himself
    investigator_re: re.Pattern[str] | None = None
    investigated_re: re.Pattern[str] | None = None
    # a pledge in a speaker's sentence (…表示，将照单全收、逐条整改): the head of a unit answering
    # for it, however the text names him
    pledge_re: re.Pattern[str] | None = None
    # what someone tells rather than instructs (…表示, …说, …坦言): said by a name anonymised, a case's
    testimony_re: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def candidate_lexicon() -> CandidateLexicon:
    """Compile the candidate part of config/people.yaml (loaded once)."""
    return build_candidate_lexicon(load_yaml("people.yaml"))


def build_candidate_lexicon(cfg: dict[str, Any]) -> CandidateLexicon:
    """A CandidateLexicon from the parsed config/people.yaml."""
    titles, adverbs = _alt(cfg["speaker_titles"]), _alt(cfg["speech_adverbs"])
    # (…省长某某、市委书记某某等领导立即对…作出指示: every name of a list before the verb speaks)
    speaker_re = re.compile(
        f"(?:(?:、[^，,。；;\\n、]{{2,16}}){{0,6}}等(?:领导|同志))?"
        f"(?:[（(][^（()）\\n]{{1,16}}[)）])?(?:{titles})?[，,]?(?:(?:在|接受)[^，,。；;\\n]{{1,24}}?[上中时][，,]?)?"
        f"(?:{adverbs})?(?:对[^，,。；;\\n]{{1,16}}?)?(?:{adverbs})?"
        f"(?:{_alt(cfg['speech_verbs'])})")
    quoted_re = re.compile(f"[^，,。；;！？\\n]{{0,24}}?(?:{_alt(cfg['speech_nouns'])})"
                           f"|(?:[、和][\u4e00-\u9fff]{{2,4}})*(?:{_alt(cfg['exemplar_followers'])})")
    # (未参加会议: someone who did not attend is no attendee)
    meeting_re = re.compile(f"(?<![未没不])(?:{_alt(cfg['meeting_markers'])})")
    caption_re = re.compile(f"(?:{_alt(cfg['caption_markers'])})[:：]?")
    # (…then the line's end, a bracket or a comma; a signature's slash also the date the line goes on with:
    # 傅某河/文 2014年8月)
    credit_re = re.compile(f"[ \t\u3000]*(?:(?:{_alt(cfg['credit_after'])})[ \t\u3000]*(?:$|[\\n）)】\\]|，,。])"
                           f"|[/／][文图][ \t\u3000]*\\d)", re.M)
    place_re = re.compile(_alt(cfg["place_suffixes"]))
    post_after_re = re.compile(
        f"(?:{_alt(cfg['post_after_leads'])})([^，,。；;：:（()）\\n]{{2,30}}?(?:{_alt(cfg['post_heads'])}))"
        f"(?=[，,。；;、（(\\n]|$)")
    glued_post_re = re.compile(f"(?:{_alt(cfg['post_heads'] + cfg['title_words'] + cfg['address_words'])})$")
    return CandidateLexicon(speaker_re, caption_re, credit_re, place_re,
                            re.compile(f"(?:{_alt(cfg['place_endings'])})$"), frozenset(cfg["after_name_adverbs"]),
                            post_after_re, glued_post_re, quoted_re, meeting_re,
                            frozenset(w for w in cfg["post_after_leads"] if len(w) == 2),
                            re.compile(_alt(cfg["compound_tails"])) if cfg.get("compound_tails") else None,
                            (re.compile(f"(?:{_alt(cfg['comparison_before'])})[^，,。；;\\n]{{0,8}}$"),
                             re.compile(f"[^，,。；;\\n]{{0,8}}?(?:{_alt(cfg['comparison_after'])})[，,]"))
                            if cfg.get("comparison_before") else None,
                            tuple(sorted(cfg.get("name_tails") or (), key=len, reverse=True)),
                            frozenset(cfg.get("short_title_chars") or ""),
                            re.compile(cfg["inspector_before"]) if cfg.get("inspector_before") else None,
                            re.compile(cfg["investigator_post"]) if cfg.get("investigator_post") else None,
                            re.compile(cfg["investigated_cue"]) if cfg.get("investigated_cue") else None,
                            re.compile(_alt(cfg["pledge_words"])) if cfg.get("pledge_words") else None,
                            re.compile(f"(?:{_alt(cfg['testimony_verbs'])})$") if cfg.get("testimony_verbs") else None)


def _post_before(text: str, i: int, lex: PeopleLexicon, boundaries: frozenset[int]) -> Span | None:
    """Where the post phrase right before index i stands when a post title ends there."""
    j = _before_aside(text, i)
    if j > 0 and text[j - 1] == "的" and lex.post_end_re.search(text[max(0, j - 11):j - 1]):
        i = j - 1  # 现任县财政局国库支付中心主任的韦某: the post, then 的
    elif not lex.post_end_re.search(text[max(0, j - 10):j]):
        return None
    return _lead_cut(text, _position_span(text, i, lex, boundaries))


def _post_after(text: str, name: str, cl: CandidateLexicon, lex: PeopleLexicon) -> Span | None:
    """Where a post said right after a mention of the name stands (郑某时任村党支部书记:
    村党支部书记)."""
    for occ in re.finditer(re.escape(name), text):
        m = cl.post_after_re.match(text, occ.end())
        if m:
            return m.span(1)
        close = _ASIDE_POST.match(text, occ.end(), occ.end() + 32)
        if close and lex.post_end_re.search(close.group(1)):
            return close.span(1)  # 韦某某(区农办原党组书记、主任)
    return None


def _candidate(text: str, sp: NerSpan, lex: PeopleLexicon, cl: CandidateLexicon) -> tuple[int, int] | None:
    """A LAC PER span made a name candidate, or None when it is not one.

    A post glued to the end is cut off (柯支书 → 柯; then only a 某-form or a full name
    stays); the candidate must open with a surname (or be a dotted transliterated name or a
    某-form) and must not be an ordinary dictionary word."""
    a, b = sp.start, sp.end
    for k in (0, 1, 2):  # a post glued on, or begun inside the span (柯支|书)
        m = cl.glued_post_re.search(text, a, b + k)
        if m and a < m.start() < b:
            b = m.start()  # 王某主任 / 柯支书
            break
    # 郑洪|利用其… / 罗汉平|等下沉干部 / 陈正清|面前: LAC runs the clause's verb or the word after into the name
    if b - a == 3 and text[a + 1:b] in lex.follower_words:
        return None  # 陈|担任安徽省委常委, 张|涉嫌…: a surname alone, then the clause's verb
    for w in (*lex.follower_words, *cl.name_tails):
        if text.endswith(w, a, b) and b - a - len(w) >= 2:
            b -= len(w)
            break
    if b - a == 2 and text[b + 1:b + 2] == "案" and _is_han(text[b:b + 1]) and text[b] not in "等某一":
        b += 1  # 何立新案: LAC reads 新案 as a word; a case is named after its person
    while b > a and text[b - 1] in _DOTS:
        b -= 1  # 艾尼瓦尔· | 司马义: LAC's span ends on the dot
    if b - a == 1 and _surname_len(text, a, lex, strict=False) == 1:
        # 于|幼军: LAC tags the surname alone; the rules' three-character name there, when the
        # text says it again (not 连根拔|起)
        n = _name_at(text, a, lex, strict=False)
        if n == 3 and text[a - 1:a] != "之" and text.count(text[a:a + n]) >= 2:
            b = a + n  # (失之于宽、失之于软: no name)
    name = text[a:b]
    if len(name) < 2 or len(name) > 12 or any(c in _SEPARATOR_STROKES for c in name):
        return None
    if name[1:] in ("等", "等人"):
        return None  # 王、魏等人: a surname alone standing for someone named before, with the others
    if any(c.isascii() for c in name):
        return None  # 苏AN2126: a number plate (a name is written in Han characters)
    if len(name) == 2 and name[1] in "媒案":
        return None  # 据陆媒报道 / 港媒, 外媒: the press of a place; 在戴案前后: a case called by a surname
    if any(c in name for c in _DOTS):
        if _dotted_words(name):
            return None
        d = _DOTTED.match(text, a)
        n = _dotted_length(text, a, d, lex) if d else 0
        return (a, a + n) if n > b - a and text[b:a + n].isalpha() else (a, b)  # 艾力·托合 | 提名下: 艾力·托合提
    if name[:2] in lex.compound_set and "某" in name[2:3] and lex.post_end_re.search(text[max(0, a - 7):a + 1]):
        a, name = a + 1, name[1:]  # 原处长孙某某: the post's 长, then 孙
    if name.endswith("某") and text[b:b + 1] == "某" and text[b + 1:b + 2] != "某":
        b, name = b + 1, name + "某"  # 吴某 | 某团伙: LAC stops inside 吴某某
    if "某" in name[1:3]:
        k = name.index("某") + 1
        if len(name) == k + 1:  # a given character after 某 only where the rules agree
            b = a + _pseudonym_length(text, a, k, lex)  # 孙某明知: 孙某; 吴某新违规: 吴某新
        elif name.endswith("某") and text[b:b + 1] in _PSEUDONYM_NUMBERS:
            b = a + _pseudonym_length(text, a, len(name), lex)  # 王某 | 2: a numbered pseudonym
        return a, b  # 吴某新, 刑某某: pseudonyms need no known surname
    if is_minority_name(name, lex.minority) or CYCLIC_PSEUDONYM.fullmatch(name):
        return a, b
    if not _surname_len(text, a, lex, strict=False) and not _named_after_post(text, a, b, lex):
        return None  # (an unlisted surname or a minority name after a post, said again, is a name)
    if (name in lex.not_names or (len(name) == 2 and (_freq().get(name) or 0) >= OPENER_WORD_FREQ)) \
            and not _named_after_post(text, a, b, lex):
        return None
    if len(name) == 2 and name[1] in _NOT_GIVEN_ALONE:
        return None
    if len(name) == 2 and name[1] in cl.short_title_chars and name + "长" in text:
        return None  # 吴所 (吴所长): a title's short form, no name given
    if _inside_idiom(text, a):
        return None
    if len(name) == 3 and name[1] in _ADMINISTRATIVE:
        return None  # 西安市长安区原房管局: LAC's 安区原 is the end of a place and 原
    if name.endswith("儿") and _freq().get(name):  # 那会儿, 这会儿: spoken words, not names
        return None
    if _after_preposition(text, name):
        return None
    if _not_a_name(text, name, cl):
        return None
    if len(name) > 4:
        return None
    return a, b


def _dotted_words(name: str) -> bool:
    """A dotted "name" whose first part is a common word (观点·要闻, 新闻·图片): a page's section
    names joined by a dot, not a transliterated name (艾力·吐尔逊, 穆罕默德·阿里)."""
    parts = re.split(f"[{_DOTS}]", name)
    return len(parts) > 1 and (_freq().get(parts[0]) or 0) >= DOTTED_WORD_FREQ


def _inside_idiom(text: str, a: int) -> bool:
    """The span starts inside a four-character dictionary word that began before it
    (儿孙满堂 → 孙满堂): part of an idiom, not a name."""
    freq = _freq()
    return a >= 0 and any(k <= a and len(text[a - k:a - k + 4]) == 4 and bool(freq.get(text[a - k:a - k + 4])) for k in (1, 2))


def _named_after_post(text: str, a: int, b: int, lex: PeopleLexicon) -> bool:
    """A word LAC reads as a name right after a post (党委副书记黎明), said again in the text
    as a name (黎明驾驶…): a name that is also a word."""
    if not lex.post_end_re.search(text[max(0, a - 8):a]):
        return False
    name = text[a:b]
    if name[0] in "老小阿":
        return False  # 村民老张: a form of address
    return sum(1 for _ in re.finditer(re.escape(name), text)) >= 2


def _is_place(text: str, name: str, cl: CandidateLexicon, lex: PeopleLexicon) -> bool:
    """`name` ends in a place word (姜南社区), or the text also uses it as the first part of
    a place name (古云村 next to 为古云贡献力量). A post after the name (王某县长, 李某村主任)
    is not a place."""
    if cl.place_end_re.search(name):
        return True
    post = lex.post_re
    for m in re.finditer(re.escape(name), text):
        e = m.end()
        if cl.place_re.match(text, e) and not (post.match(text, e) or post.match(text, e + 1)
                                               or text.startswith("村民", e)):
            return True
    return False


def _sentence(text: str, a: int, b: int) -> str:
    """The sentence around [a, b)."""
    lo = max(text.rfind(c, 0, a) for c in SENTENCE_END) + 1
    his = [k for k in (text.find(c, b) for c in SENTENCE_END) if k >= 0]
    return text[lo:min(his) if his else len(text)]


def _is_speaker(text: str, name: str, cl: CandidateLexicon) -> bool:
    """Every mention of `name` is someone speaking, quoted (…指出, …总书记强调, …表示,
    …时的重要讲话精神), held up as an example (…精神, …等先进典型) or at a meeting being
    reported (…主持会议, …参加会议, 表态发言), labels the answers of an interview (a line
    opening with 孟和巴雅尔：…), or follows an inspector's post (巡察组组长…)."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    anonymised = "某" in name

    def speaks(s: int, e: int) -> bool:
        # (干部覃某表示…, 会计许某参加会议后…: a name anonymised telling what happened, or at a
        # meeting, is a case's — unless the sentence pledges: 镇党委书记程某表示，将照单全收)
        def told() -> bool:
            return anonymised and not (cl.pledge_re is not None and cl.pledge_re.search(_sentence(text, s, e)))

        said = cl.speaker_re.match(text, e)
        if said is not None:
            return not (cl.testimony_re is not None and cl.testimony_re.search(said.group(0)) and told())
        if cl.meeting_re.search(_sentence(text, s, e)):
            return not told()
        return bool(cl.quoted_re.match(text, e) or _speaker_label(text, s, e) or _interviewee(text, s)
                    or _inspector(text, s, cl))

    return bool(spans) and all(speaks(s, e) for s, e in spans)


def _inspector(text: str, s: int, cl: CandidateLexicon) -> bool:
    """The mention at `s` follows an inspector's post (区委第二巡察组组长方宏波): the one who reports."""
    return cl.inspector_re is not None and bool(cl.inspector_re.search(text, max(0, s - 12), s))


_INTERVIEW_SUBTITLE = re.compile(r"^\s*[—―\-]{1,2}\s*" + _INTERVIEW_VERB)


_FORMER = re.compile("原|^前|时任|時任|曾任")


def _investigator(text: str, name: str, cl: CandidateLexicon) -> bool:
    """`name` follows a post in a discipline body held now (镇纪委书记徐某用身边案例告诫…, 第三纪检监察室
    主任程某介绍) and no sentence naming him, other than what he says, speaks of misconduct or a
    sanction: the investigator who tells the case, not one of its people."""
    if cl.investigator_re is None or cl.investigated_re is None:
        return False
    posted = False
    for m in re.finditer(re.escape(name), text):
        if not cl.speaker_re.match(text, m.end()) and cl.investigated_re.search(_sentence(text, m.start(), m.end())):
            return False  # (what he says of the case — 周某介绍，黄某退缴了违纪款 — is not about him)
        before = text[max(0, m.start() - 20):m.start()]
        before = before[max(before.rfind(c) for c in "，,。；;\n") + 1:]
        posted = posted or bool(cl.investigator_re.search(before) and not _FORMER.search(before))
    return posted


def not_investigators(doc_text: str, people: list[Person], rules: PeopleRules | None = None) -> list[Person]:
    """The people of a case less those the whole document shows to be investigators (_investigator):
    a case's text may name him again without his post."""
    cl = (rules or people_rules()).candidates
    return [p for p in people if not _investigator(doc_text, p.name, cl)]


def _interviewee(text: str, s: int) -> bool:
    """The mention at s is in an interview's subtitle (——访省纪委常委孟某): the one who answers."""
    return bool(_INTERVIEW_SUBTITLE.match(text, text.rfind("\n", 0, s) + 1))


def _speaker_label(text: str, s: int, e: int) -> bool:
    """The mention [s, e) opens its line and a colon follows it: who speaks in an interview."""
    return text[e:e + 1] in ("：", ":") and not text[text.rfind("\n", 0, s) + 1:s].strip()


_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{0,6}[〔\[［【]\d{4}[〕\]］】]")


def _credited(text: str, name: str, cl: CandidateLexicon) -> bool:
    """A name that is a credit or a signature, not a case person: in every mention a credit
    (王芳 摄), a name on a line of its own (the author under an article) or a name in a photo
    caption; or, in any mention, the start of a document number (武纪文〔2015〕20号,
    岳楼医保行决字〔2025〕)."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    if not spans or any(_DOC_NUMBER.match(text, b, b + 14) for _, b in spans):
        return bool(spans)
    # (王湘 摄 with the space gone in normalisation: 王湘摄 read as one name, the credit its last character)
    return all(_credit_at(text, a, b, cl) or (len(name) >= 3 and cl.credit_re.match(text, b - 1) is not None)
               for a, b in spans)


_BRACKET_LINE = re.compile(r"\s*[（(][^（()）\n]{2,24}[)）]\s*")


def _credit_at(text: str, a: int, b: int, cl: CandidateLexicon) -> bool:
    """The mention [a, b) is a credit, a line of its own, or in a caption."""
    if cl.credit_re.match(text, b):
        return True
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    le = len(text) if le < 0 else le
    if not text[ls:a].strip() and not text[b:le].strip():
        return True
    if _BRACKET_LINE.fullmatch(text, ls, le):
        return True  # (a line that is a bracket alone — （戴某受审）, （林某） — captions a photo or credits one)
    sent = max(text.rfind(c, 0, a) for c in "。！？\n") + 1
    return bool(cl.caption_re.search(text, sent, a))


def _compared_only(text: str, name: str, cl: CandidateLexicon) -> bool:
    """Every mention of `name` is someone only compared with (与陈某不同，…): a person of
    another case, told of before."""
    if cl.comparison is None:
        return False
    before, after = cl.comparison
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    return bool(spans) and all(before.search(text, max(0, a - 12), a) and after.match(text, b) for a, b in spans)


def _longer_is_name(short: str, long: str, text: str, lac_names: set[str], cl: CandidateLexicon,
                    lex: PeopleLexicon, others: tuple[str, ...] = (), names: Iterable[str] = ()) -> bool:
    """Of two candidate names, one the start of the other (梁某 / 梁某东, 高冲 / 高冲均,
    潘某 / 潘某接), whether the longer one is the name.

    The longer one when every mention of the shorter one is part of it, unless LAC never
    reads the longer form as a name and what it adds is an adverb after a list of names
    (甲、乙均受到; _after_a_list), starts a dictionary word with the next character (潘毓接受: 接受), or is a
    word that follows names where LAC ends the name (王刚说). A 某-form said once that LAC
    ends at 某 stays short (邓某吃拿卡要). Mentions of the shorter one inside `others`, other
    longer names it starts (张某某 and his brother 张某良), are theirs."""
    n_short = len(re.findall(re.escape(short), text)) - sum(len(re.findall(re.escape(o), text)) for o in others)
    if not n_short or n_short != len(re.findall(re.escape(long), text)):
        return False
    if long in lac_names or (long == short + "某" and short.endswith("某")):
        return True  # (陈某某个人保管: LAC reads 某个, but a 某某 pseudonym is whole)
    if "某" in short and short in lac_names and n_short < 2 and _word_after(text, long, len(short)):
        return False  # 邓某吃拿卡要 (said once): LAC ends the pseudonym at 某, a word starts there
    # …but a 某-form said two or more times, always with the same character after 某
    # (吴某新违规…吴某新先后…吴某新受到), has that character as its given name, whatever LAC says
    k = len(short)
    if long[k] in cl.adverbs and _after_a_list(text, long, names):
        return False
    if long[k] == "和" and all(_given_he(text, m.end(), lex) for m in re.finditer(re.escape(long), text)):
        return True  # 张万和侵占: 和 before a deed ends the name, it joins nothing
    if short in lac_names and long[k] not in cl.adverbs and any(lex.followers_re.match(text, m.start() + k)
                                  for m in re.finditer(re.escape(long), text)):
        return False  # 主任王刚说，: LAC ends the name before a word that follows names
    for m in re.finditer(re.escape(long), text):
        # 周立新政务警告: 新政 is a word, but what follows the longer form (政务) follows names
        if _common_word(text[m.start() + k:m.start() + k + 2]) and not lex.followers_re.match(text, m.end()):
            return False
    return True


def _after_a_list(text: str, long: str, names: Iterable[str]) -> bool:
    """Some mention of `long` closes a list of names (甲、乙均受到 / 村主任甲和会计乙都…): what
    follows the last name is an adverb for all of them. After one person alone (乡长王建均对…)
    it is more likely the end of a three-character name."""
    others = [n for n in names if n != long and not long.startswith(n) and not n.startswith(long)]
    for m in re.finditer(re.escape(long), text):
        before = re.split(r"[，,。；;：:！？!?\n]", text[max(0, m.start() - 16):m.start()])[-1]
        if any(n in before for n in others):
            return True
    return False


def _word_after(text: str, long: str, k: int) -> bool:
    """A dictionary word of two to four characters starts at the k-th character of a mention
    of `long` (邓某吃拿卡要: 吃拿卡要), so that character is not a given name (何某军违规: none)."""
    freq = _freq()
    return any((freq.get(text[m.start() + k:m.start() + k + n]) or 0) > 0
               for m in re.finditer(re.escape(long), text) for n in (2, 3, 4))


def _both_named(short: str, long: str, text: str, lac_names: set[str]) -> bool:
    """Two pseudonyms of two people, one the start of the other (张某 / 张某某, 刘某 / 刘某某):
    LAC reads both as names and the shorter one also stands on its own."""
    if "某" not in short or short not in lac_names or long not in lac_names:
        return False
    alone = len(re.findall(re.escape(short) + "(?!某)", text))
    return alone > 0 and long.endswith("某") and long.count("某") > short.count("某")


def _resolve_prefixes(found: dict[str, Person], text: str, lac_names: set[str], cl: CandidateLexicon,
                      lex: PeopleLexicon) -> None:
    """Keep one of two names where one starts the other (see _longer_is_name)."""
    for short in sorted(found, key=len):
        if short not in found:
            continue
        longs = [n for n in found if n != short and n.startswith(short)]
        for long in longs:
            others = tuple(o for o in longs if o != long and not o.startswith(long) and not long.startswith(o))
            if _both_named(short, long, text, lac_names):
                continue  # 张某 and his son 张某某, 刘某 and 刘某某: two people
            if _longer_is_name(short, long, text, lac_names, cl, lex, others, tuple(found)):
                p = found.pop(short)
                q = found[long]
                if not q.position:
                    q.take_post(p)
                break
            q = found.pop(long)
            if not found[short].position:
                found[short].take_post(q)


def _nickname(text: str, name: str) -> bool:
    """Every mention of the name is quoted on its own (以“黄毛”为首的涉恶团伙): a nickname, not
    a person's name."""
    spans = [m.span() for m in re.finditer(re.escape(name), text)]
    return bool(spans) and all(text[a - 1:a] in "“「\"" and text[b:b + 1] in "”」\"" for a, b in spans)


def _complete_pseudonyms(found: dict[str, Person], text: str) -> None:
    """A name read without the 某某 that always follows it (阿苦 in 阿苦某某: a clan name the
    surname lists lack) is the pseudonym with it."""
    for name in [n for n, p in found.items() if not p.anonymised and len(n) == 2]:
        mentions = [m.end() for m in re.finditer(re.escape(name), text)]
        if mentions and all(text.startswith("某某", e) for e in mentions) and name + "某某" not in found:
            p = found.pop(name)
            found[name + "某某"] = Person(name=name + "某某", start=p.start, end=p.start + len(name) + 2, anonymised=True)
            found[name + "某某"].take_post(p)


_STRONG_AFTER = re.compile("对此负有|负有|受到|被给予|被免|涉嫌")
_SANCTION_AFTER = re.compile("党内|行政|政务|诫勉|撤销|留党|开除|警告|记过|记大过|降级|撤职")
_SUBJECT_AGAIN = re.compile("受到|被|在|利用|违规|多次|先后|私自|擅自|未|将|对|收受|伙同|担任|因")


def _word_name_after_post(text: str, i: int, lex: PeopleLexicon) -> int:
    """Length of a name that is also a word (高峰, 向前进) right after a post: said again as the
    subject of a clause (，高峰受到… / 2022年3月，向前进在…)."""
    pair = text[i:i + 2]
    if len(pair) == 2 and all(_is_han(c) for c in pair) and _STRONG_AFTER.match(text, i + 2) \
            and _surname_len(pair, 0, lex, strict=False) and pair not in lex.not_names:
        return 2  # 局长高峰对此负有主要领导责任: what follows is said of a person
    for n in (3, 2):
        w = text[i:i + n]
        if len(w) < n or not all(_is_han(c) for c in w) or not _surname_len(w, 0, lex, strict=False) \
                or w in lex.not_names or "某" in w:
            continue
        for m in re.finditer(re.escape(w), text):
            if m.start() == i:
                continue
            opens = m.start() == 0 or text[m.start() - 1] in "，,。；;：:\n"
            if opens and _SUBJECT_AGAIN.match(text, m.end()):
                return n
            if text.endswith("给予", 0, m.start()) and _SANCTION_AFTER.match(text, m.end()):
                return n  # 县监察局给予高明行政记过处分: the sanction's recipient
    return 0


def _clan_name(text: str, i: int, lex: PeopleLexicon) -> int:
    """Length of a Yi or Tibetan name after a post whose first syllable is known and whose
    second is not (主任俄木日各商量…俄木日各受到…): the four characters, said again or with a
    follower word right after them (校长吉克石一落实…, 主任才让东主违规…)."""
    for size in (3, 2):
        if text[i:i + size] in lex.minority.parts and all(_is_han(c) for c in text[i + size:i + size + 2]) \
                and "某" not in text[i + size:i + size + 2] \
                and (text.count(text[i:i + size + 2]) >= 2 or (
                    lex.followers_re.match(text, i + size + 2) and not lex.followers_re.match(text, i + size)
                    and not lex.followers_re.match(text, i + size + 1))):  # (宝音图严重违纪: 宝音图)
            return size + 2
    return 0


def _one_syllable_name(text: str, i: int, lex: PeopleLexicon) -> int:
    """Length of a Tibetan or Mongolian name of one known syllable at i, right after a post
    (村会计旦正，…旦正受到… / 副主任其其格在…): a clause end or follower word after it."""
    for size in range(min(lex.minority.longest, 4), 1, -1):
        w = text[i:i + size]
        if w not in lex.minority.parts:
            continue
        if lex.followers_re.match(text, i + size):
            return size  # (right after a post, then a follower word: 副主任其其格在…, 局长尕藏违规…)
        # an Amdo Tibetan name ending on a common last syllable (旦正加, 多杰太, 才让本)
        if text[i + size:i + size + 1] in _AMDO_LAST and lex.followers_re.match(text, i + size + 1):
            return size + 1
    return 0


_AMDO_LAST = frozenset("加杰吉措太本")


def _join_adjacent(found: dict[str, Person], text: str) -> None:
    """Two names that always stand side by side with nothing between (孟和 + 巴雅尔: a Mongolian
    name read as two) are one name."""
    names = [n for n, p in found.items() if not p.anonymised]
    by_first: dict[str, list[str]] = {}
    for n in names:
        by_first.setdefault(n[0], []).append(n)
    for a in names:
        ends = [m.end() for m in re.finditer(re.escape(a), text)]
        # only names that do stand right after a somewhere (the others cannot be its half)
        for b in {b for e in ends for b in by_first.get(text[e:e + 1], ()) if text.startswith(b, e)}:
            if a == b or a not in found or b not in found or len(a) + len(b) > 8:
                continue
            ab = a + b
            n_ab = text.count(ab)
            if n_ab and n_ab == len(ends) == text.count(b):
                first = found.pop(a)
                found.pop(b)
                found[ab] = Person(name=ab, start=first.start, end=first.start + len(ab), anonymised=False)
                found[ab].take_post(first)


def _combine(text: str, people: list[Person], sources: dict[str, int], ner: list[NerSpan],
             boundaries: frozenset[int], lex: PeopleLexicon, cl: CandidateLexicon) -> list[Person]:
    """The rules' people together with LAC's names.

    LAC candidates are cleaned (_candidate), places and dictionary words dropped (_is_place,
    _wordlike); where one name starts another (梁某 / 梁某东, 高冲 / 高冲均) one is kept
    (_longer_is_name). Then people who are only quoted, speaking or at a meeting, credited
    (摄, a signature line, a caption) or called by title alone are dropped, and a post said
    after the name is taken when none came before it."""
    bylines = _bylines(text, lex)
    per = [sp for sp in ner if sp.label == "PER"]
    lac_names = {sp.text for sp in per}
    lac_starts = {sp.start for sp in per}
    found: dict[str, Person] = {}
    words = _LacWords(text)  # LAC's words, read once and only when a rule's name needs them
    for p in people:
        if _inside_idiom(text, p.start) or _dotted_words(p.name):
            continue  # 儿孙满堂, 观点·要闻: an idiom or a page's section names, whoever read them as a name
        p = _lac_boundary(text, p, per)
        if not _lac_agrees(text, p.name, lac_starts):
            if _not_a_name(text, p.name, cl):
                continue
            if "某" not in p.name and len(p.name) <= 3 and not _after_a_post(text, p.name, lex) \
                    and _lac_reads_words(text, p.name, words):
                continue  # 王立科|曾|想|让, 27名|高管, 包联|责任: LAC reads words there, not a name
            if "某" not in p.name and len(p.name) <= 3 and _function_then_verb(text, p.name, words):
                continue  # 支书|都|没有, 主任|和|包工头, 副站长|连|收: an adverb or conjunction, then a verb
            if sources.get(p.name) in WEAK_RULES:
                continue  # a weak rule's name that LAC does not read as a name either
            if sources.get(p.name) in POST_RULES and _word_start(text, p.name, lex):
                continue  # 教师周末…, 主任周密安排: a word after a post, and LAC sees no name
        found[p.name] = p
    covered: dict[int, int] = {}  # character -> start of the found name's mention over it

    def cover(name: str) -> None:
        for m in re.finditer(re.escape(name), text):
            for k in range(m.start(), m.end()):
                covered.setdefault(k, m.start())

    for name in found:
        cover(name)
    for sp in per:
        c = _candidate(text, sp, lex, cl)
        if c is None or any(x <= c[0] < y for x, y in bylines):
            continue
        a, b = c
        name = text[a:b]
        if name in found or _wordlike(text, name, lex) or (
                _is_place(text, name, cl, lex) and not _named_like_a_place(text, name, cl, lex)):
            continue
        tail = name[1:]
        if tail in found and _surname_len(name, 0, lex, strict=False) == 1 \
                and len(re.findall(re.escape(name), text)) == len(re.findall(re.escape(tail), text)):
            # 总经理助理于洪涛: the rules read 于 as "at" and kept 洪涛; LAC reads 于洪涛, and 洪涛
            # never stands without 于 before it, so 于 is the surname
            old_p = found.pop(tail)
            first = text.find(name)
            found[name] = Person(name=name, start=first, end=first + len(name), anonymised="某" in name)
            post = _post_before(text, first, lex, boundaries)
            if post:
                found[name].set_post(text, post)
            else:
                found[name].take_post(old_p)
            cover(name)
            continue
        if any(covered.get(k, a) != a for k in range(a, b)):
            continue  # 买提·吐尔逊 inside 买买提·吐尔逊: a piece of a name already found
        found[name] = Person(name=name, start=a, end=b, anonymised="某" in name)
        found[name].set_post(text, _post_before(text, a, lex, boundaries))
        cover(name)
    _resolve_prefixes(found, text, lac_names, cl, lex)
    _join_adjacent(found, text)
    _complete_pseudonyms(found, text)
    out = []
    for p in [_except_cut(text, _kin_cut(p)) for p in found.values()]:
        if _is_speaker(text, p.name, cl) or _credited(text, p.name, cl) or _is_title(p.name, lex, cl) \
                or _compared_only(text, p.name, cl) or _nickname(text, p.name) \
                or _surname_then_word(p, found, lex) or _family_or_place(p.name) \
                or _called_again(p, found, text, lex) or _function_given(p.name) \
                or (p.name[0] in _CONJUNCTIONS and len(p.name) >= 3 and _is_place(text, p.name[1:], cl, lex)) \
                or _joins_another_post(text, p.name, lex, lac_names) \
                or _unit_before_its_head(text, p.name, cl):
            continue  # (…副部长和陇南市宕昌县县委书记: 和 and a place)
        if not p.position:
            p.set_post(text, _post_after(text, p.name, cl, lex))
        out.append(p)
    out.sort(key=lambda p: p.start)
    return out


# Rules whose names stand only when LAC also reads a name there. Measured on dev: rule 8
# (a clause opener with no post, 农庄负责人…) gains precision this way; rules 2, 5 and 6 lose
# nothing either way and stay as they are (they cover names LAC misses).
WEAK_RULES = frozenset({8})


# Rules that take the characters after a post or an organisation name (1, 2) or after a
# name in a list (6): their false names are ordinary words there.
POST_RULES = frozenset({1, 2, 6})
WORD_START_FREQ = 20


# Characters that open a clause's next word, not a given name (李因病去世, 翟也未受到影响, 在胡之前).
_FUNCTION_START = frozenset("因在于被将把对向从也还又就便都等之的了却仍已")
_POST_SHORT = frozenset({"局", "总", "董", "处", "科", "所", "院", "部"})
_KIN = re.compile("其(?:子|女|妻|夫|父|母|弟|兄|姐|妹|儿子|女儿|妻子|丈夫)$")


def _joins_another_post(text: str, name: str, lex: PeopleLexicon, lac_names: set[str]) -> bool:
    """`name` opens on a conjunction and every mention of it runs into another post within the
    clause (副校长和交警中队中队长, 客车司机和货车司机): two posts joined, no surname 和 there —
    unless LAC reads the name."""
    if name[0] not in _CONJUNCTIONS or name in lac_names:
        return False
    spans = [m.start() for m in re.finditer(re.escape(name), text)]
    return bool(spans) and all(
        (post := lex.post_re.search(text, s + 1, s + 10)) is not None
        and not any(c in _CLAUSE_END for c in text[s:post.start()]) for s in spans)


def _unit_before_its_head(text: str, name: str, cl: CandidateLexicon) -> bool:
    """Every mention of `name` runs into a unit and its head (林管站站长, 农经所所长): the unit's
    name (林管站), not a person's."""
    spans = [m.end() for m in re.finditer(re.escape(name), text)]
    return bool(spans) and all(
        e + 2 < len(text) and text[e] in cl.short_title_chars and text[e + 1] == text[e] and text[e + 2] == "长"
        for e in spans)


def _surname_then_word(p: Person, found: dict[str, Person], lex: PeopleLexicon) -> bool:
    """A person called by the surname alone, read with what follows as a name (翟振峰 … 翟也未受到
    影响; 李治保 … 李因病去世): another person of the text has the surname, this one has no post,
    and what follows the surname starts with a function character or is a post's short form.
    A name holding 的 is never one (判处付的前任)."""
    name = p.name
    if "的" in name[1:]:
        return True
    rest = name[1:]
    if name[0] == "曾" and len(name) == 2 and rest[0] in _FUNCTION_START:
        return True  # 科长曾对…提出异议: the adverb "once", not the surname
    if rest == "曾" and any(q != name and q[0] == name[0] and len(q) >= 3 and "某" not in q for q in found):
        return True  # 孙建勇 … 孙曾担任…行长: the surname alone, then 曾 "once" (the post that follows is his)
    if p.position or "某" in name or len(name) > 3 or _surname_len(name, 0, lex, strict=False) != 1:
        return False
    if not any(q != name and q[0] == name[0] and len(q) >= 2 for q in found):
        return False
    # (a given name may be a word itself, 李建国, 陆浩: only function characters and the short
    # forms of a post, 翟局, 王总, tell a surname alone)
    return rest[0] in _FUNCTION_START or rest in _POST_SHORT


def _called_again(p: Person, found: dict[str, Person], text: str, lex: PeopleLexicon) -> bool:
    """Someone named in full, later called by surname and 某 (麦振宇 … 麦某, 司马振东 … 司马某) or
    by the given name alone (冼丽芳 … 丽芳授意, 谢文斌 … 文斌), as features do: the same person.
    Only when the full name comes first and this form is given no post."""
    name = p.name
    if p.position:
        return False
    k = _surname_len(name, 0, lex, strict=False)
    by_surname = bool(k) and name == name[:k] + "某"
    first: int | None = None  # the name's first mention, looked up once a candidate needs it
    for q, other in found.items():
        if q == name or other.anonymised or "·" in q:
            continue
        surname_form = by_surname and q.startswith(name[:k]) and len(q) > k + 1
        given_form = not p.anonymised and 2 <= len(name) == len(q) - 1 and q.endswith(name) \
            and _surname_len(q, 0, lex, strict=False) == 1
        if not (surname_form or given_form):
            continue
        first = text.find(name) if first is None else first
        full = text.find(q)
        if not (-1 < full < first or full <= first < full + len(q)):
            continue  # (the full name must come first, or hold the first mention: 谢文斌 ⊃ 文斌)
        if given_form or not _role_before(text, name):
            return True
    return False


_BEFORE_REFERENCE = frozenset("给对向与和同把被让令使由是将及跟在")


def _role_before(text: str, name: str) -> bool:
    """Some mention of the name follows a word for who the person is (胞弟田某, 矿工吴某, 经销商
    刘某): someone of his own, not the official called again by surname (送给麦某, 。麦某却…)."""
    for m in re.finditer(re.escape(name), text):
        before = text[m.start() - 1:m.start()]
        if before and _is_han(before) and before not in _BEFORE_REFERENCE:
            return True
    return False


def _family_or_place(name: str) -> bool:
    """A surname and 家 or 氏 (戴家咀, 郭家窑, 他们郭家, 姜氏家族): a family or a place, not a person."""
    return len(name) == 2 and name[1] in "家氏"


_ADVERB_END = frozenset("已也又还便却仍借充被把将在因从对于")  # (not 都, 就, 和, 利, 为: 李志都, 张万和, 王建利)
_CALLED = re.compile("^(?:名叫|叫做|叫)(?=[\u4e00-\u9fff]{2})")


def _except_cut(text: str, p: Person) -> Person:
    """A name read together with the 外 that closes 除…外 (除已被追究刑事责任的县委原书记王斌外，…):
    the name alone."""
    if len(p.name) not in (3, 4) or not p.name.endswith("外") or "某" in p.name:
        return p
    at = text.find(p.name)
    if at < 0 or "除" not in text[max(0, at - 40):at]:
        return p
    return _trimmed(p, 0, len(p.name) - 1)


def _trimmed(p: Person, a: int, b: int) -> Person:
    """`p` named by the characters [a, b) of its name, its post kept."""
    short = Person(name=p.name[a:b], start=p.start + a, end=p.start + b, anonymised=p.anonymised)
    short.take_post(p)
    return short


def _kin_cut(p: Person) -> Person:
    """A name read together with the kin word after it (陈坪其子结婚), the adverb after it (蔡武已
    被…) or the verb that introduces it before (一个叫古丽米热·阿不都热依木的干部): the name alone."""
    m = _KIN.search(p.name)
    lead = _CALLED.match(p.name)
    a = lead.end() if lead else 0
    b = m.start() if m and m.start() >= a + 2 else len(p.name)
    if b - a == 3 and p.name[a + 2] in _ADVERB_END and "某" not in p.name and "·" not in p.name:
        b -= 1  # 蔡武已被…: the adverb after a two-character name, or the verb or preposition
        # that opens the clause after it (谭海借操办母亲丧事, 阎鸿充当保护伞)
    if b - a == 4 and p.name[a + 3] in "和与及" and p.name[a:a + 2] not in lexicon().compound_set \
            and "某" not in p.name and "·" not in p.name and not is_minority_name(p.name[a:b], lexicon().minority):
        b -= 1  # 伍道平和时任…会计叶月萍: a three-character name and the conjunction after it
    return p if (a, b) == (0, len(p.name)) else _trimmed(p, a, b)


# Function words that are never a one-character given name: a surname-like character before
# them is a word of the clause (干部易被“围猎”, 三任县委书记都因…被查处).
_FUNCTION_GIVEN = frozenset("被把在因从对也又还便却仍已都就")


def _function_given(name: str) -> bool:
    """A two-character name whose given name is a function word (易被, 都因)."""
    return len(name) == 2 and "某" not in name and name[1] in _FUNCTION_GIVEN


def _word_start(text: str, name: str, lex: PeopleLexicon) -> bool:
    """A two-character name that is a dictionary word (周末, 江河, 华丽; jieba frequency ≥ 20)
    no mention of which is followed by a word that marks a subject (局长革命进行诫勉谈话 keeps
    革命). Longer names stay (高明亮: 高明 is a word, the name is not)."""
    if len(name) != 2 or "某" in name or (_freq().get(name) or 0) < WORD_START_FREQ:
        return False
    return not any(lex.subject_follow_re.match(text, m.end()) for m in re.finditer(re.escape(name), text))


# LAC's tags of words that are no part of a name: function words, verbs, adjectives, numbers,
# places and times (its proper-noun tags, PER and nz, are not among them).
_WORD_TAGS = frozenset({"d", "p", "c", "u", "v", "vd", "vn", "a", "ad", "an", "f", "m", "q", "r", "w", "xc",
                        "s", "t", "TIME", "LOC"})


def _named_like_a_place(text: str, name: str, cl: CandidateLexicon, lex: PeopleLexicon) -> bool:
    """A surname and one character that also ends place names (刘乡, 王镇), read as a name by LAC
    and said right after a post (县委原书记刘乡在…): the official, not a township."""
    return len(name) == 2 and _surname_len(name, 0, lex, strict=True) == 1 \
        and bool(cl.place_end_re.search(name)) and _after_a_post(text, name, lex) \
        and not any(cl.place_re.match(text, m.end()) for m in re.finditer(re.escape(name), text))


def _after_a_post(text: str, name: str, lex: PeopleLexicon) -> bool:
    """Some mention of `name` follows a post (局长革命, 主任向玉): a name, whatever else its
    characters spell."""
    return any(lex.post_end_re.search(text[max(0, m.start() - 8):m.start()]) for m in re.finditer(re.escape(name), text))


class _LacWords:
    """LAC's words of a text with their starts, computed on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: list[tuple[int, int, str]] | None = None
        self.starts: list[int] = []

    def get(self) -> list[tuple[int, int, str]]:
        if self._words is None:
            self._words = tokens(self.text)
            self.starts = [a for a, _b, _t in self._words]
        return self._words


def _lac_reads_words(text: str, name: str, words: _LacWords) -> bool:
    """At every mention of a rule's `name`, LAC reads ordinary words: the mention starts inside
    a word of LAC's, takes in a function word, verb or number (王立科|曾|想|让), or is one common
    noun (27名|高管). The model's segmentation outvotes a rule's reading of a surname there."""
    toks = words.get()
    starts = words.starts
    for m in re.finditer(re.escape(name), text):
        k = bisect.bisect_right(starts, m.start()) - 1
        over = []
        while 0 <= k < len(toks) and toks[k][0] < m.end():
            over.append(toks[k])
            k += 1
        if not over or any(t in ("PER", "nr", "nz", "ORG") for _a, _b, t in over):
            return False
        if len(over) == 1 and over[0][:2] == (m.start(), m.end()):
            if not (len(name) == 2 and over[0][2] == "n"):
                return False  # one word of LAC's, the name's own length (向又华 as p): a name it misread
            continue  # one common noun (27名|高管)
        inside_word = over[0][0] < m.start()
        if not (inside_word or any(t in _WORD_TAGS for _a, _b, t in over)):
            return False
    return True


# LAC's tags of an adverb, preposition or conjunction standing alone, and of the verbal words
# that may follow one inside a clause.
_FUNCTION_TAGS = frozenset({"d", "p", "c"})
_VERBAL_TAGS = frozenset({"v", "vd", "vn", "d", "ad", "a", "p"})


def _function_then_verb(text: str, name: str, words: _LacWords) -> bool:
    """At every mention of a rule's `name`, LAC reads its first character as a function word of
    its own and the word after it as a verb or adverb, or as a word running past the name's end
    (四任支书|都|没有, 副站长|连|收, 村主任|和|包工头): the clause goes on after the post, no surname
    stands there. A given name LAC reads as a noun (书记|和|志强) or a verb no dictionary holds
    (局长|曾|献平) stays."""
    toks = words.get()
    starts = words.starts
    found = False
    for m in re.finditer(re.escape(name), text):
        k = bisect.bisect_left(starts, m.start())
        if k + 1 >= len(toks) or toks[k][0] != m.start():
            return False
        first, nxt = toks[k], toks[k + 1]
        if first[1] - first[0] != 1 or first[2] not in _FUNCTION_TAGS \
                or not (nxt[2] in _VERBAL_TAGS or nxt[1] > m.end()) \
                or (_freq().get(text[nxt[0]:nxt[1]]) or 0) < WORD_START_FREQ:
            return False  # (局长|曾|献平: LAC's "verb" is a given name no dictionary holds)
        found = True
    return found


# What may stand before a name and be read into it by a rule: a preposition or conjunction
# (法定代表人由杨学仁变更为…, 与王某…)
_LEAD_FUNCTION = frozenset("由与和及同给让叫请被把将对向从在")


def _lac_boundary(text: str, p: Person, per: list[NerSpan]) -> Person:
    """A rule's name that takes in the preposition before LAC's name at the same mention
    (法定代表人由杨学仁变更为… → 杨学仁, not 由杨学). Not a name's last character that might open
    the next word: 张艺|工作 is like 马德胜|负 (LAC reads 马德 and 胜负), which is a name."""
    if "某" in p.name or "*" in p.name or len(p.name) < 3:
        return p
    for sp in per:
        if not (sp.start < p.end and p.start < sp.end) or len(sp.text) < 2 or sp.text == p.name:
            continue
        if sp.start == p.start + 1 and sp.end >= p.end and text[p.start] in _LEAD_FUNCTION \
                and sp.end - sp.start <= 3:
            return _renamed(p, sp)
    return p


def _renamed(p: Person, sp: NerSpan) -> Person:
    """LAC's name at its span, with the post the rule found for its own reading."""
    out = Person(name=sp.text, start=sp.start, end=sp.end, anonymised=False)
    out.take_post(p)
    return out


def _lac_agrees(text: str, name: str, lac_starts: set[int]) -> bool:
    """LAC starts a name where some mention of `name` starts."""
    return any(m.start() in lac_starts for m in re.finditer(re.escape(name), text))


def _is_title(name: str, lex: PeopleLexicon, cl: CandidateLexicon) -> bool:
    """A surname and a post or a form of address (柯支书, 王主任, 张大爷): someone called by
    title, no name given."""
    m = cl.glued_post_re.search(name)
    return m is not None and 0 < m.start() <= 2 and _surname_len(name, 0, lex, strict=False) == m.start()


WORDLIKE_FREQ = 100


def _not_a_name(text: str, name: str, cl: CandidateLexicon) -> bool:
    """A conjunction and a word (老板和下属: not the surname 和), an amount in financial
    numerals (陆佰元), or the first half of a compound noun wherever it stands (纪法意识, 党纪观念)."""
    if name[0] in _CONJUNCTIONS and _common_word(name[1:]):
        return True
    if _MONEY_NUMERAL.search(name[1:]):
        return True  # 陆佰元: an amount in financial numerals (陆 is also a surname)
    return len(name) == 2 and cl.compound_tail_re is not None and all(
        cl.compound_tail_re.match(text, m.end()) for m in re.finditer(re.escape(name), text))


def _wordlike(text: str, name: str, lex: PeopleLexicon) -> bool:
    """A two-character dictionary word LAC read as a name (严明纪律) that no mention shows
    as a name: none has a post right before it or punctuation or a follower word after it."""
    if len(name) != 2 or (_freq().get(name) or 0) < WORDLIKE_FREQ:
        return False
    if _after_a_post(text, name, lex):
        return False
    for m in re.finditer(re.escape(name), text):
        nxt = text[m.end():m.end() + 1]
        if nxt and not nxt.isdigit() and lex.followers_re.match(text, m.end()):
            return False
    return True


def mentions(text: str, people: list[Person]) -> list[tuple[int, int, str]]:
    """Every occurrence (start, end, name) of the given people's names in the text."""
    out = []
    for p in people:
        for m in re.finditer(re.escape(p.name), text):
            out.append((m.start(), m.end(), p.name))
    out.sort()
    return out


__all__ = ["CandidateLexicon", "PeopleLexicon", "PeopleRules", "build_people_rules", "extract_people", "lexicon",
           "said_whole_elsewhere",
           "not_investigators",
           "mentions", "people_rules"]
