"""Sanctions (处分、组织处理、移送) in a case text, each mapped to one canonical label.

The wording -> label lexicon is data (config/sanctions.yaml). A hit counts only in a clause
that shows a sanction being given (给予/受到/予以/被/处分 ...), never in a sentence stating a
rule (情节较重的，给予……), among a rule's options (警告或者严重警告), after a threat or blanket
rule in its sentence (一律给予…, 将严肃处理, 视情给予…), after a condition (涉嫌犯罪的移送…), or
before a count (给予撤职处分3人 is a statistic). A clause that spells out a decision announced by
the clause before it (给予其党纪政务处分，其中党内严重警告…) needs no cue of its own. A clause that goes on a list of sanctions needs no cue of its
own (……免职处理，调离纪检监察队伍). Coordinated lists (`党内严重警告、行政记大过处分`,
`开除党籍和公职`) give one item per sanction.

Each sanction is linked to who received it: everyone in a `分别给予A、B……` / `A、B分别受到`
clause, else the nearest person named before it in its sentence (with persons joined to that
one by 、/和), else the last person named before it in its paragraph (给予其……), else "". A person named inside
the wording (责令张某作出书面检查) is its recipient. `case_sanctions` reads a whole document for one
case: a closing decision sentence elsewhere that names the case's people counts for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cn2an

from config import load_yaml
from config.errors import ConfigError
from extractors.model import Person, Sanction
from extractors.normalize import SENTENCE_END as _SENTENCE_END

_CLAUSE_END = _SENTENCE_END + "，,："
# between two names that share one sanction: 、/和/及, maybe the second one's post (熊某、报账员王某)
_JOINERS = re.compile(r"^\s*(?:、|和|及|与|以及)[^，,。；;：:（）()“”\n]{0,8}$")


@dataclass(frozen=True)
class SanctionLexicon:
    """config/sanctions.yaml compiled once: one pattern of every wording (a named group per
    entry), the labels of each, and the words that tell a sanction given from a rule or a mention."""

    regex: re.Pattern[str]
    labels: tuple[tuple[str, ...], ...]  # per entry, in group order
    context: tuple[str, ...]
    rule_words: tuple[str, ...]
    negated_before: tuple[str, ...]
    negated_after: tuple[str, ...]
    statistic_after: re.Pattern[str] | None
    lead_in: tuple[str, ...] = ()
    threat_words: tuple[str, ...] = ()
    # an official named by post alone as the subject of a sanction's clause (一原副专员被“双开”)
    unnamed_subject: re.Pattern[str] | None = None
    # a line's head naming an official by post and name before a colon (副市长陈某某：政务记过)
    named_head: re.Pattern[str] | None = None


def build_sanction_lexicon(data: dict[str, Any], taxonomy: dict[str, Any] | None = None) -> SanctionLexicon:
    """A SanctionLexicon from the parsed config/sanctions.yaml, its labels checked against the
    taxonomy (default: the shipped config/taxonomy.yaml); a bad entry raises ConfigError."""
    parts, labels = [], []
    taxonomy = taxonomy if taxonomy is not None else load_yaml("taxonomy.yaml")
    allowed = {label for labels_ in taxonomy["sanctions"].values() for label in labels_}
    for i, entry in enumerate(data["lexicon"]):
        pattern, entry_labels = entry["pattern"], tuple(entry["labels"])
        try:
            groups = re.compile(pattern).groups
        except re.error as exc:
            raise ConfigError(f"config/sanctions.yaml: bad pattern {pattern!r}: {exc}") from exc
        if groups:
            raise ConfigError(f"config/sanctions.yaml: pattern {pattern!r} must use (?:...) groups only")
        unknown = [lab for lab in entry_labels if lab not in allowed]
        if unknown:
            raise ConfigError(f"config/sanctions.yaml: labels {unknown} are not in taxonomy.yaml")
        parts.append(f"(?P<e{i}>{pattern})")
        labels.append(entry_labels)
    posts = "|".join(map(re.escape, data.get("unnamed_subject_posts") or ()))
    return SanctionLexicon(
        regex=re.compile("|".join(parts)),
        labels=tuple(labels),
        context=tuple(data.get("context_words", ())),
        rule_words=tuple(data.get("rule_sentence_words", ())),
        negated_before=tuple(data.get("negated_before", ())),
        negated_after=tuple(data.get("negated_after", ())),
        statistic_after=re.compile(data["statistic_after"]) if data.get("statistic_after") else None,
        lead_in=tuple(data.get("lead_in_endings", ())),
        threat_words=tuple(data.get("threat_words_before", ())),
        unnamed_subject=re.compile(f"(?:{posts})(?:被|受到|遭)?[“\"]?$") if posts else None,
        named_head=re.compile(f"(?:{posts})[\u4e00-\u9fff·]{{2,4}}$") if posts else None,
    )


@lru_cache(maxsize=1)
def sanction_lexicon() -> SanctionLexicon:
    """The shipped lexicon (config/sanctions.yaml), built once."""
    return build_sanction_lexicon(load_yaml("sanctions.yaml"))


_compile = build_sanction_lexicon  # the name tests use


def _bounds(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    lo = start
    while lo > 0 and text[lo - 1] not in stops:
        lo -= 1
    hi = end
    while hi < len(text) and text[hi] not in stops:
        hi += 1
    return lo, hi


def _in_book_title(text: str, start: int) -> bool:
    opened = text.rfind("《", 0, start)
    return opened != -1 and text.rfind("》", opened, start) == -1 and "》" in text[start:start + 40]


def _given(text: str, start: int, end: int, lex: SanctionLexicon, prev_end: int = -1) -> bool:
    """Whether the hit at [start, end) is a sanction actually given, not a rule or a mention.

    `prev_end` is the end of the last sanction accepted before it: a clause that goes on a
    list of sanctions in the same sentence (……免职处理，调离纪检监察队伍) needs no cue of its own.
    """
    c_lo, c_hi = _bounds(text, start, end, _CLAUSE_END)
    clause = text[c_lo:c_hi]
    between = text[prev_end:start] if 0 <= prev_end <= start else ""
    continues = bool(between) and len(between) <= 12 and sum(ch in _CLAUSE_END for ch in between) <= 1 \
        and not any(ch in _SENTENCE_END for ch in between)
    if not continues and not any(w in clause for w in lex.context) and not _fills_cell(text, start, end) \
            and not _after_lead_in(text, c_lo, lex) and not _bare_clause(text, c_lo, c_hi, lex):
        return False
    # A regulation quoted in the sentence (依据…第三十四条“…予以警告、记过或者记大过；…”之规定，
    # 给予其政务记大过处分) does not make the decision outside the quotes a rule: outside a
    # quotation, the sentence is read with quotations blanked (their stops included).
    masked = _unquoted(text)
    scope = masked
    if masked[start] == _BLANK:  # inside a quotation: a quoted rule anywhere in it makes this one of its options
        q_lo, q_hi = start, end
        while q_lo > 0 and masked[q_lo - 1] == _BLANK:
            q_lo -= 1
        while q_hi < len(masked) and masked[q_hi] == _BLANK:
            q_hi += 1
        if any(w in text[q_lo:q_hi] for w in lex.rule_words):
            return False
        scope = text
    s_lo, s_hi = _bounds(scope, start, end, _SENTENCE_END)
    if any(w in scope[s_lo:s_hi] for w in lex.rule_words) or any(w in scope[s_lo:start] for w in lex.threat_words):
        return False
    # (喻某等8人受到了党内严重警告或党内警告处分: an outcome shared out in a group, not a rule's options)
    received = _RECEIVED.search(text, c_lo, start) is not None
    lead = text[max(0, start - 3):start]
    if lead.endswith(lex.negated_before) and not (received and lead.endswith(_OR)):
        return False
    tail = text[end:end + 4].lstrip("处分")
    if (tail.startswith(lex.negated_after) or text[end:end + 2].startswith(lex.negated_after)) \
            and not (received and (tail.startswith(_OR) or text[end:end + 2].startswith(_OR))):
        return False
    if lex.statistic_after is not None and lex.statistic_after.search(text[end:end + 20]) \
            and not _TARGETED.search(clause) and not _in_rectification(text, c_lo) \
            and not _group_accounted(text, start):
        return False  # a count (诫勉谈话120人), unless the clause names whom (对相关责任人诫勉谈话2人)
    return not _in_book_title(text, start)


# What says a sanction was given, right before it in its clause (受到了…, 分别受到…, 被给予…): an "or"
# between two sanctions after it shares the outcome out among a group.
_RECEIVED = re.compile(r"(?:受到了?|分别受到|被给予|分别给予|分别被给予)[^，,。；;]{0,12}$")
_OR = ("或", "或者")


# A clause that says who was sanctioned, by role: the count after the sanction counts them in
# this case (整改情况：…对相关责任人诫勉谈话2人、批评教育3人), it is no statistic.
_TARGETED = re.compile(r"对(?:相关|有关|负有[^，,。；;]{0,6}责任的)?(?:责任人|责任人员|责任单位|人员|干部)")


# A sentence holding a case's responsible people to account by number (对…失职的36名责任人员予以问责。),
# then one breaking it down (其中政务立案12人，予以诫勉13人): the counts are this case's outcomes.
_ACCOUNTED = re.compile(r"\d+名[^，,。；;]{0,8}?(?:责任人员|责任人|人员|干部|公职人员)[^。；;]{0,10}?(?:问责|处理|追责)")
_BREAKDOWN = re.compile(r"\s*其中[，,：:]?")


def _group_accounted(text: str, pos: int) -> bool:
    """The sentence at pos opens on 其中 right after a sentence holding a number of responsible
    people to account (…36名责任人员予以问责。其中…诫勉13人)."""
    lo = max(text.rfind(c, 0, pos) for c in "。！？!?\n") + 1
    if not _BREAKDOWN.match(text, lo) or lo == 0 or text[lo - 1] == "\n":
        return False
    prev_lo = max(text.rfind(c, 0, lo - 1) for c in "。！？!?\n") + 1
    return bool(_ACCOUNTED.search(text, prev_lo, lo)) and not _PERIOD_SCOPE.search(text, prev_lo, lo)


# A period or a whole area as the sentence's scope (今年以来，全市共对360名党员干部…问责): figures
_PERIOD_SCOPE = re.compile(r"以来|全[国省市县区州旗镇乡]|各级")


# A report item's rectification part (整改情况：…立案审查调查相关人员26人，诫勉谈话11人): the counts
# are the decisions taken on this problem, not statistics of a period.
RECTIFICATION_PART = re.compile(r"整改(?:情况|进展|措施|结果|成效|落实情况)[:：]")


def _in_rectification(text: str, pos: int) -> bool:
    """Whether pos lies in a labelled rectification part of the same paragraph."""
    line_start = text.rfind("\n", 0, pos) + 1
    return bool(RECTIFICATION_PART.search(text, line_start, pos))


_BARE_REST = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:处分|处理|岗位|职务)?$")


def _bare_clause(text: str, c_lo: int, c_hi: int, lex: SanctionLexicon) -> bool:
    """Whether the clause [c_lo, c_hi) and every clause after it in its sentence are nothing but
    sanctions, each maybe after its recipient's name (党内严重警告。/ 陈某开除党籍、开除公职，
    移送检察机关；罗某诫勉。): telegraphic notices state decisions without 给予/受到. (A sanction
    amid other measures in prose, 列有追回资金，通报批评，约谈负责人等事项, is a mention.)"""
    if not _only_sanctions(text[c_lo:c_hi], lex):
        return False
    lo = c_lo
    while lo > 1 and text[lo - 1] not in _SENTENCE_END:
        p_lo, _ = _bounds(text, lo - 1, lo - 1, _CLAUSE_END)
        if not _only_sanctions(text[p_lo:lo - 1], lex):
            break
        lo = p_lo
    before = text[:lo].rstrip()
    if before.endswith(("：", ":")) and not (
            lex.named_head is not None and lex.named_head.search(before[before.rfind("\n") + 1:-1])):
        return False  # 处分种类有：警告，…: kinds listed, not decisions (副市长陈某某：政务记过 is one)
    while c_hi < len(text) and text[c_hi] not in _SENTENCE_END:
        lo, c_hi = _bounds(text, c_hi + 1, c_hi + 1, _CLAUSE_END)
        if text[lo:c_hi].strip() and not _only_sanctions(text[lo:c_hi], lex):
            return False
    return True


def _only_sanctions(clause: str, lex: SanctionLexicon) -> bool:
    clause = clause.strip()
    hits = list(lex.regex.finditer(clause))
    if not hits:
        return False
    rest = clause[:hits[0].start()]
    for m, nxt in zip(hits, hits[1:] + [None]):
        rest += re.sub(r"[、和及与\s]", "", clause[m.end():nxt.start() if nxt else len(clause)])
    return len(rest) <= 6 and bool(_BARE_REST.match(rest))


_QUOTED = re.compile(r"(?<=“)[^“”\n]{1,800}(?=”)")
_BLANK = "\u25a1"


@lru_cache(maxsize=64)
def _unquoted(text: str) -> str:
    """The text with what stands inside “…” blanked out (same length)."""
    return _QUOTED.sub(lambda m: _BLANK * len(m.group(0)), text) if "“" in text else text


def _after_lead_in(text: str, c_lo: int, lex: SanctionLexicon) -> bool:
    """Whether the clause starting at `c_lo` spells out a decision announced by the clause before it
    in the same sentence: 给予其党纪政务处分，其中党内严重警告… / 对其作出组织处理，调离岗位."""
    if c_lo < 2 or text[c_lo - 1] in _SENTENCE_END:
        return False
    p_lo, _ = _bounds(text, c_lo - 1, c_lo - 1, _CLAUSE_END)
    prev = text[p_lo:c_lo - 1].rstrip()
    return prev.endswith(lex.lead_in) and any(w in prev for w in lex.context)


_CELL_STOPS = "\t｜\n"  # cell separators as the readers and plain-text tables write them, then the row's end


def _fills_cell(text: str, start: int, end: int) -> bool:
    """Whether the hit is (nearly) a whole cell of a table row (…\t诫勉谈话\t…): in a 处理结果
    column the sanction needs no 受到/给予 to be one that was given."""
    lo = max(text.rfind(ch, 0, start) for ch in _CELL_STOPS) + 1
    nl = text.find("\n", end)
    hi = min([len(text)] + [k for ch in _CELL_STOPS if (k := text.find(ch, end)) >= 0])
    line = text[text.rfind("\n", 0, start) + 1:(nl if nl >= 0 else len(text))]
    if not any(ch in line for ch in _CELL_STOPS[:-1]):
        return False
    # the whole cell, or one item of a cell that lists measures (追回医保基金，通报批评，…)
    c_lo = max([lo] + [text.rfind(ch, lo, start) + 1 for ch in "，,、；;"])
    c_hi = min([hi] + [k for ch in "，,、；;" if 0 <= (k := text.find(ch, end, hi))])
    return len(text[lo:hi].strip()) <= (end - start) + 6 or len(text[c_lo:c_hi].strip()) <= (end - start) + 4


def _placed(text: str, people: list[Person]) -> list[Person]:
    """The persons with spans in `text`: a person whose span does not hold its name here
    (no span, or offsets into another text) is placed at every occurrence of its name."""
    out: list[Person] = []
    for p in people:
        if not p.name:
            continue
        if 0 <= p.start < p.end <= len(text) and text[p.start:p.end] == p.name:
            out.append(p)
            continue
        at = text.find(p.name)
        while at != -1:
            if not (p.name.endswith("某") and text[at + len(p.name):at + len(p.name) + 1] == "某"):
                out.append(p.model_copy(update={"start": at, "end": at + len(p.name)}))  # 朱某 is not 朱某某
            at = text.find(p.name, at + len(p.name))
    seen: set[tuple[int, str]] = set()
    unique = []  # one person per place: a name given twice would break a 、-joined chain
    for p in sorted(out, key=lambda p: p.start):
        inside_longer = any(q.start <= p.start and p.end <= q.end and len(q.name) > len(p.name) for q in out)
        if (p.start, p.name) not in seen and not inside_longer:  # 朱某 inside 朱某某 is not 朱某
            seen.add((p.start, p.name))
            unique.append(p)
    return unique


def _recipients(text: str, start: int, people: list[Person], lex: SanctionLexicon | None = None) -> list[str]:
    """Names of who received the sanction starting at `start` (see the module docstring)."""
    if not people:
        return [""]
    ordered = [p for p in people if p.end <= start]
    c_lo, _ = _bounds(text, start, start, _CLAUSE_END)
    s_lo, _ = _bounds(text, start, start, _SENTENCE_END)
    in_clause = [p for p in ordered if p.start >= c_lo]
    unnamed = lex.unnamed_subject if lex is not None else None
    if not in_clause and unnamed is not None and unnamed.search(text[c_lo:start]):
        return [""]  # …被查，新疆和田一原副专员被“双开”: the clause's own, unnamed, official
    if in_clause and "分别" in text[c_lo:start]:
        return _unique(p.name for p in in_clause)
    in_sentence = [p for p in ordered if p.start >= s_lo]
    if in_sentence:
        chain = [in_sentence[-1]]
        for prev in reversed(in_sentence[:-1]):
            if _JOINERS.match(text[prev.end:chain[-1].start]):
                chain.append(prev)
            else:
                break
        return _unique(p.name for p in reversed(chain))
    para_lo = text.rfind("\n", 0, start) + 1
    in_paragraph = [p for p in ordered if p.start >= para_lo]
    if in_paragraph:
        return [in_paragraph[-1].name]
    return [""]


def _unique(names: Any) -> list[str]:
    out: list[str] = []
    for n in names:
        if n not in out:
            out.append(n)
    return out


def extract_sanctions(text: str, people: list[Person], lexicon: SanctionLexicon | None = None) -> list[Sanction]:
    """Every sanction given in `text`, one canonical label each, linked to its recipient(s).

    `people` are the persons found in the same text (offsets into `text`; a person whose span
    does not fit is looked up by name); pass [] when unknown, and every person is "". `lexicon`
    defaults to the shipped config/sanctions.yaml.
    """
    lex = lexicon or sanction_lexicon()
    people = _placed(text, people)
    hits: list[tuple[int, int, tuple[str, ...], str]] = []
    prev_end = -1
    for m in lex.regex.finditer(text):
        start, end = m.span()
        if not _given(text, start, end, lex, prev_end):
            continue
        prev_end = end
        idx = int(m.lastgroup[1:]) if m.lastgroup else -1
        hits.append((start, end, lex.labels[idx], m.group()))
    respective = _respectively(text, [h[0] for h in hits], people)
    out: list[Sanction] = []
    for k, (start, end, labels, said) in enumerate(hits):
        inside = _unique(p.name for p in people if start <= p.start and p.end <= end)
        names = respective.get(k) or inside or _recipients(text, start, people, lex)
        for label in labels:
            for name in names:
                if any(s.label == label and s.person == name for s in out):
                    continue  # the same sanction said twice (the title of a decision, then its text)
                out.append(Sanction(start=start, end=end, label=label, person=name, text=said))
    return out


def case_sanctions(text: str, cases: list[tuple[int, int, list[Person]]], own: int,
                   lexicon: SanctionLexicon | None = None) -> list[Sanction]:
    """The sanctions of case `own` of a document, offsets relative to that case's start.

    `cases` are every case's (start, end, persons) in `text`, the whole document. Beyond the
    sanctions stated in the case's own text (extract_sanctions), a decision is often stated once
    for several cases, in a closing sentence (……经研究，给予孙某党内警告处分，对钱某立案审查调查)
    that the case split leaves outside every case or inside the last one. So:
    - the other cases' persons are placed too, and a sanction whose recipient is a person of
      another case only (not one of this case's people) is that case's, not this one's;
    - a sentence outside this case (outside every case, or in another case that did not tell of
      the person before it) gives this case the sanctions whose recipient is one of its people.
    Items from elsewhere carry no span (start = end = -1). A 某-name (王某) found in two cases may
    be two people: it takes nothing from elsewhere and is nobody else's.
    """
    lo, hi, people = cases[own]
    mine = {p.name for p in people if p.name}
    elsewhere = [p for k, (_, _, ps) in enumerate(cases) if k != own for p in ps if p.name]
    shared = {p.name for p in elsewhere if "某" in p.name and p.name in mine}
    foreign = {p.name for p in elsewhere if p.name not in mine and "某" not in p.name}
    own_text = text[lo:hi]
    found = [s for s in extract_sanctions(own_text, _unplaced(people, elsewhere, own_text, foreign), lexicon)
             if s.person not in foreign]
    head = _headline_end(own_text)
    if head and any(s.start < head for s in found):
        # a headline's gist of the outcome (接送孩子被警告) restates the body's decision: the
        # body's own sanctions, when it states any
        body = own_text[head:]
        told = [s.model_copy(update={"start": s.start + head, "end": s.end + head})
                for s in extract_sanctions(body, _unplaced(people, elsewhere, body, foreign), lexicon)
                if s.person not in foreign]
        found = told or found
    found += _group_sanctions(text, cases, own, found, lexicon)
    # the case's principals: those it gives a post (a briber or host it names, 接受司马国栋安排的
    # 宴请, takes nothing from another case's decision); all its people when it posts no one
    posted = {p.name for p in people if p.position}
    names = {n for n in mine - shared if len(n) >= 2 and (not posted or n in posted)}
    if not names:
        return found
    for s_lo, s_hi in _sentence_spans(text):
        if lo <= s_lo < hi or lo < s_hi <= hi:
            continue  # the case's own text: read above
        sentence = text[s_lo:s_hi]
        if not any(n in sentence for n in names):
            continue
        # in another case, a person that case told of before this sentence is that case's own;
        # one first named here (a closing decision) is not
        theirs = {p.name for k, (c_lo, c_hi, ps) in enumerate(cases) if k != own and c_lo < s_hi and s_lo < c_hi
                  for p in ps if p.name in text[c_lo:max(c_lo, s_lo)]}
        wanted = names - theirs
        for sn in extract_sanctions(sentence, _unplaced(people, elsewhere, sentence, None), lexicon):
            if sn.person in wanted and not any((o.label, o.person) == (sn.label, sn.person) for o in found):
                found.append(sn.model_copy(update={"start": -1, "end": -1}))
    return found


# An opening that gives one measure to the whole group the notice then tells one by one (自治区纪委监委
# 对5名领导干部严重违纪违法问题进行了立案审查调查。现将有关情况通报如下：).
_GROUP = re.compile(r"对(?:这|该|上述)?(?:(\d+|[一二两三四五六七八九十]+)(?:名|位|人)|以下|下列|上述)")


def _group_sanctions(text: str, cases: list[tuple[int, int, list[Person]]], own: int, found: list[Sanction],
                     lexicon: SanctionLexicon | None) -> list[Sanction]:
    """The sanctions an opening sentence before the first case gives to a group of as many
    people as there are cases (or to 以下/上述 ones; 对这3名…), for this case's first person."""
    first = min(lo for lo, _, _ in cases)
    if len(cases) < 2 or first <= 0:
        return []
    out: list[Sanction] = []
    people = cases[own][2]
    for s_lo, s_hi in _sentence_spans(text):
        if s_hi > first:
            break
        sentence = text[s_lo:s_hi]
        m = _GROUP.search(sentence)
        if not m or (m.group(1) and _count(m.group(1)) != len(cases)):
            continue
        for sn in extract_sanctions(sentence, [], lexicon):
            if not any(o.label == sn.label for o in found + out):
                out.append(sn.model_copy(update={"start": -1, "end": -1, "person": people[0].name if people else ""}))
    return out


def _count(word: str) -> int:
    """A count in digits or Chinese numerals (5, 五, 十二); 0 when unreadable."""
    try:
        return int(cn2an.cn2an(word, "smart"))
    except ValueError:
        return 0


_HEADLINE = re.compile(r"[^\n。！？!?；;]{4,40}\n")


def _headline_end(text: str) -> int:
    """End of the case's headline — a short first line without a sentence end, after a number
    or bullet line maybe (01 / 吃请收卡两不误，所长被调岗) — or 0 when the case opens on its text."""
    pos = 0
    first = text.find("\n")
    if 0 < first <= 4 and text[:first].strip().isdigit():
        pos = first + 1
    m = _HEADLINE.match(text, pos)
    return m.end() if m and text[m.end():].strip() else 0


def _unplaced(people: list[Person], elsewhere: list[Person], text: str, only: set[str] | None) -> list[Person]:
    """Copies without spans (placed by name in `text`) of this case's people and of the other
    cases' people named in `text` (all of them, or those in `only`), one per name."""
    out: dict[str, Person] = {}
    for p in people:
        if p.name and p.name not in out:
            out[p.name] = p.model_copy(update={"start": -1, "end": -1})
    for p in elsewhere:
        if p.name not in out and p.name in text and (only is None or p.name in only):
            out[p.name] = p.model_copy(update={"start": -1, "end": -1})
    return list(out.values())


@lru_cache(maxsize=4)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every sentence of a document, computed once per document."""
    out, lo = [], 0
    for m in re.finditer(f"[{re.escape(_SENTENCE_END)}]", text):
        out.append((lo, m.end()))
        lo = m.end()
    if text[lo:].strip():
        out.append((lo, len(text)))
    return tuple((a, b) for a, b in out if text[a:b].strip())


def _respectively(text: str, starts: list[int], people: list[Person]) -> dict[int, list[str]]:
    """Recipients of sanctions given "respectively" (分别), by hit index: 王某、李某分别受到X、Y处分
    pairs names and sanctions in order; 分别给予王某X处分、李某Y处分 gives each sanction to the
    name right before it. Also 其余3人受到…: others, not the people named before."""
    out: dict[int, list[str]] = {}
    for k, start in enumerate(starts):
        c_lo, _ = _bounds(text, start, start, _CLAUSE_END)
        if re.search(r"(?:其余|其他|另有|另外)\s*[0-9一二三四五六七八九十两]*\s*(?:人|名)", text[c_lo:start]):
            out[k] = [""]  # 其余3人受到批评教育: people not named
    for fb in re.finditer("分别", text):
        _, s_hi = _bounds(text, fb.start(), fb.end(), _SENTENCE_END)
        c_lo, c_hi = _bounds(text, fb.start(), fb.end(), _CLAUSE_END)
        after = [k for k, st in enumerate(starts) if fb.end() <= st < s_hi]
        if not after:
            continue
        named_after = [p for p in people if fb.end() <= p.start and p.end <= starts[after[-1]]]
        if named_after and all(p.end <= starts[after[0]] for p in named_after):
            names = _unique(p.name for p in named_after)  # 分别给予王某和李某X处分和Y处分
            if len(names) == len(after):
                for k, name in zip(after, names):
                    out[k] = [name]
            continue
        if named_after:  # 分别给予王某X处分、李某Y处分
            for k in after:
                earlier = [p for p in named_after if p.end <= starts[k]]
                if earlier:
                    out[k] = [earlier[-1].name]
            continue
        before = _unique(p.name for p in people if c_lo <= p.start and p.end <= fb.start())
        in_clause = [k for k in after if starts[k] < c_hi]
        if len(before) >= 2 and len(in_clause) == len(before):  # 王某、李某分别受到X、Y处分
            for k, who in zip(in_clause, before):
                out[k] = [who]
    return out


__all__ = ["SanctionLexicon", "build_sanction_lexicon", "case_sanctions", "extract_sanctions", "sanction_lexicon"]
