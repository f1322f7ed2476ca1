"""The class-case rectification summary (类案整改分析) as data.

From a class of alike cases — its Case objects and the store's near-duplicate groups, and
nothing else, so both store backends give the same summary — compute:
scope (cases, incidents, documents, time span, regions), who (posts counted, units), what
(the common pattern in the cases' own phrases, distinctive terms, categories, domains),
money (total, median, largest; recovered where stated), sanctions (distribution and the
量纪参考 table: which sanctions precedents got at which amounts and posts), 3–5 typical
cases with their source documents, rectification measures per category
(config/rectification.yaml) and the institutional gaps the cases point at.

Every figure carries the ids of the cases behind it (`case_ids`), so a reader — or a test —
can recompute it. Near-duplicate copies count once: figures are over incidents
(search.incidents), each represented by its richest copy.

Only what the extraction marks as the misconduct's counts: people are the case's subjects
(`Person.role`; villagers, bribers and beneficiaries are left out of the counts of people and
posts), money is the involved sums (rates, statistics, budgets never count), and in 量纪参考
each sanctioned person carries the sums attributed to them (`Amount.person`), not the whole
case's. A problem found by an inspection (a case of an inspection report) is no sanctioned
case: it is counted apart (scope.findings, money.findings) and never taken as the largest case.
"""
from __future__ import annotations

import logging
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence, Set as AbstractSet
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from config import load_yaml
from extractors.divisions import case_divisions, resolve
from extractors.model import INVOLVED_ROLES, Amount, Case, Document, Person
from search.classes import ClassDef, category_label, domain_labels
from search.incidents import Incident, incidents
from search.posts import posts_of, unit_of
from search.sources import KINDS, cite, file_name, first_words
from search.store import CaseStore, DuplicateGroup, Filters
from search.text import clauses, official, sentences, simplify
from search.vectors import TermMatrix, case_terms, distinctive_terms

log = logging.getLogger(__name__)

TYPICAL_MIN, TYPICAL_MAX = 3, 5
AMOUNT_BANDS: tuple[tuple[float, float, str], ...] = (
    (0.0, 10_000.0, "1万元以下"),
    (10_000.0, 50_000.0, "1万—5万元"),
    (50_000.0, 100_000.0, "5万—10万元"),
    (100_000.0, 500_000.0, "10万—50万元"),
    (500_000.0, 1_000_000.0, "50万—100万元"),
    (1_000_000.0, float("inf"), "100万元以上"),
)
NO_AMOUNT = "未载明金额"


# --- the data object ------------------------------------------------------------------------
class Tally(BaseModel):
    """A counted value and the cases behind the count."""

    key: str
    label: str = ""
    count: int
    case_ids: list[str] = Field(default_factory=list)


class Figure(BaseModel):
    """A number and the cases it is computed from."""

    value: float
    approximate: bool = False  # some amount behind it was stated with 余/多/约
    case_ids: list[str] = Field(default_factory=list)


class DocRef(BaseModel):
    """A source document as a report cites it: title, issuing body and date (its fields where
    they are good, else what its text states, search.sources), in simplified script; the file's
    name only, never its folder; for an untitled document its opening words."""

    id: str
    file: str = ""  # the file's name, no folder
    title: str = ""
    date: str = ""
    issuer: str = ""
    doc_type: str = ""
    opening: str = ""  # the first words of its body, when it states no title
    case_ids: list[str] = Field(default_factory=list)

    @classmethod
    def of(cls, doc: Document) -> DocRef:
        title, issuer, date = cite(doc.title, doc.issuer, doc.date, doc.text)
        return cls(id=doc.id, file=file_name(doc.path), title=title, date=date, issuer=issuer,
                   doc_type=doc.doc_type, opening="" if title else first_words(doc.text))

    def citation(self) -> str:
        """《title》（issuer，date） — or, untitled, the issuer's 通报/报道 with its opening
        words; a missing date said once (原文未载明日期)."""
        kind = KINDS.get(self.doc_type, "文件")
        if self.title:
            head = f"《{self.title}》"
            meta = [self.issuer] if self.issuer else []
        else:
            head = f"{self.issuer}{kind}" if self.issuer else f"未载明标题和发布机关的{kind}"
            if self.opening:
                head += f"“{self.opening}”"
            meta = []
        meta.append(_cn_date(self.date) if self.date else "原文未载明日期")
        return f"{head}（{'，'.join(meta)}）"


def _cn_date(value: str) -> str:
    """2019-07-15 → 2019年7月15日; partial dates likewise."""
    parts = [p for p in value.split("-") if p.isdigit()]
    if not parts:
        return value
    out = f"{parts[0]}年"
    if len(parts) > 1:
        out += f"{int(parts[1])}月"
    if len(parts) > 2:
        out += f"{int(parts[2])}日"
    return out


class Scope(BaseModel):
    cases: int
    case_ids: list[str]
    incidents: int
    incident_ids: list[str]
    copies: list[list[str]] = Field(default_factory=list)  # incidents published more than once
    documents: int
    doc_ids: list[str]
    date_from: str = ""
    date_from_case_ids: list[str] = Field(default_factory=list)
    date_to: str = ""
    date_to_case_ids: list[str] = Field(default_factory=list)
    years: list[Tally] = Field(default_factory=list)
    regions: dict[str, list[Tally]] = Field(default_factory=dict)  # level → regions by incidents
    # incidents that are problems found by inspections (巡察/巡视 reports), not sanctioned cases
    findings: int = 0
    finding_ids: list[str] = Field(default_factory=list)


class Who(BaseModel):
    people: int  # the subjects named across the incidents (officials and units at issue)
    case_ids: list[str]
    posts: list[Tally]  # people per canonical post (one holding two posts counts under each)
    without_post: Tally
    units: list[Tally]  # incidents per unit
    # the others named (bribers, beneficiaries, relatives, villagers): listed, never counted above
    others: Tally = Field(default_factory=lambda: Tally(key="其他涉及人员", count=0))


class Behaviour(BaseModel):
    """A wording of misconduct shared by cases of the class, with examples in their words."""

    cue: str
    count: int
    case_ids: list[str]
    examples: list[dict[str, str]] = Field(default_factory=list)  # {case_id, text}


class Term(BaseModel):
    term: str
    score: float
    count: int
    case_ids: list[str]


class What(BaseModel):
    pattern: str  # the common pattern in plain words
    behaviours: list[Behaviour]
    terms: list[Term]
    categories: list[Tally]
    domains: list[Tally]


class CaseAmount(BaseModel):
    case_id: str
    value: float
    text: str = ""
    approximate: bool = False
    region: str = ""


class Money(BaseModel):
    cases_with_amount: int
    case_ids: list[str]
    total: Figure
    median: Figure
    largest: Figure
    per_case: list[CaseAmount]  # the involved amount of each incident behind total/median/largest
    recovered: Figure  # 挽回损失/追回 where stated
    recovered_per_case: list[CaseAmount] = Field(default_factory=list)
    returned: Figure  # 退缴/收缴
    returned_per_case: list[CaseAmount] = Field(default_factory=list)
    # the involved sums of problems found by inspections, apart from the cases above
    findings: Figure = Field(default_factory=lambda: Figure(value=0.0))
    findings_per_case: list[CaseAmount] = Field(default_factory=list)


class SanctionTally(BaseModel):
    label: str
    kind: str  # 党纪处分 / 政务处分 / 组织处理及其他
    incidents: int
    people: int
    case_ids: list[str]


class SanctionReference(BaseModel):
    """量纪参考: how precedents of this class were dealt with under one sanction."""

    label: str
    precedents: int
    case_ids: list[str]
    amount_min: Figure | None = None
    amount_median: Figure | None = None
    amount_max: Figure | None = None
    posts: list[Tally] = Field(default_factory=list)


class AmountBand(BaseModel):
    band: str
    low: float
    high: float | None
    counts: dict[str, int]  # sanction label → precedents in the band
    case_ids: list[str]


class Precedent(BaseModel):
    """One sanctioned person of one incident."""

    case_id: str
    person: str = ""
    posts: list[str] = Field(default_factory=list)
    amount: float = 0.0  # the sums attributed to this person (the case's when the text does not split them)
    approximate: bool = False
    sanctions: list[str]
    categories: list[str] = Field(default_factory=list)
    region: str = ""
    year: int | None = None


class Sanctions(BaseModel):
    distribution: list[SanctionTally]
    without_sanction: Tally
    reference: list[SanctionReference]
    bands: list[AmountBand]
    precedents: list[Precedent]


KIND_CASE, KIND_FINDING = "通报案例", "巡察发现问题"


class TypicalCase(BaseModel):
    case_id: str
    kind: str = KIND_CASE  # 通报案例, or 巡察发现问题 for a case of an inspection report
    headline: str
    excerpt: str
    region: str = ""
    people: list[str] = Field(default_factory=list)  # "name（post、post）"
    amount: float = 0.0
    amount_text: str = ""
    sanctions: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    source: DocRef
    copies: list[DocRef] = Field(default_factory=list)  # other documents that republished it
    reason: str = ""  # why it is typical, in words
    similarity: float | None = None  # its mean text similarity to the rest of the class


MeasureKind = Literal["category", "domain", "general"]


class Measure(BaseModel):
    title: str
    detail: str
    basis: str = ""
    kind: MeasureKind = "category"
    scope: str  # the category label, domain name or 通用
    case_ids: list[str] = Field(default_factory=list)


class Gap(BaseModel):
    gap: str
    scope: str  # category label, or 共性 for gaps computed from the fields
    cues: list[str] = Field(default_factory=list)  # the words of the cases that show it
    count: int
    case_ids: list[str]


class Summary(BaseModel):
    """A class-case rectification summary (类案整改分析)."""

    title: str
    generated_at: str
    class_def: ClassDef
    scope: Scope
    who: Who
    what: What
    money: Money
    sanctions: Sanctions
    typical: list[TypicalCase]
    measures: list[Measure]
    gaps: list[Gap]
    documents: list[DocRef]
    notes: list[str] = Field(default_factory=list)


# --- helpers --------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _rectification() -> dict:
    return load_yaml("rectification.yaml")


@lru_cache(maxsize=1)
def sanction_order() -> tuple[tuple[str, str], ...]:
    """Canonical sanction labels from mildest to most severe within each kind, with their kind."""
    s = load_yaml("taxonomy.yaml")["sanctions"]
    return tuple([(x, "党纪处分") for x in s["party"]] + [(x, "政务处分") for x in s["government"]]
                 + [(x, "组织处理及其他") for x in s["other"]])


_SEVERITY = {  # for ordering precedents: higher is heavier
    "开除党籍": 100, "政务开除": 99, "移送检察机关": 98, "留置": 97, "留党察看": 90, "政务撤职": 89,
    "撤销党内职务": 85, "政务降级": 80, "党内严重警告": 75, "政务记大过": 74, "政务记过": 70,
    "党内警告": 65, "政务警告": 64, "免职": 60, "停职": 55, "调离": 50, "立案审查调查": 45, "诫勉": 40,
    "责令检查": 30, "通报批评": 25, "批评教育": 20,
}


def severity(label: str) -> int:
    return _SEVERITY.get(label, 0)


def _kind(label: str) -> str:
    return dict(sanction_order()).get(label, "组织处理及其他")


def _sanction_sort_key(label: str) -> tuple[int, int, str]:
    order = [x for x, _ in sanction_order()]
    kinds = ["党纪处分", "政务处分", "组织处理及其他"]
    return (kinds.index(_kind(label)), order.index(label) if label in order else len(order), label)


def _tallies(mapping: Mapping[str, Sequence[str]], labels: Mapping[str, str] | None = None,
             count_of: Mapping[str, int] | None = None) -> list[Tally]:
    """Tallies from key → case ids, largest first (ties by key)."""
    out = [Tally(key=k, label=(labels or {}).get(k, k), count=(count_of or {}).get(k, len(set(ids))),
                 case_ids=sorted(set(ids))) for k, ids in mapping.items()]
    out.sort(key=lambda t: (-t.count, t.key))
    return out


def _region_name(r) -> str:
    return simplify(r.normalized or r.name)


def _case_places(case: Case, ref: DocRef | None = None) -> list[tuple[str, str]]:
    """(level, full name) of a case's places: its province/city/county chains from
    extractors.divisions (so 仙桃市 counts 湖北省 too; a case naming no place, its issuer's),
    then townships, villages and the names the data does not know, as extracted."""
    doc = Document(id=case.doc_id, path="", text="", issuer=ref.issuer) if ref and ref.issuer else None
    chains = case_divisions(case, doc)
    known = {n for d in chains for n in d.names}
    out = [(lv, n) for d in chains for lv, n in zip(("province", "city", "county"), d) if n]
    out += [(r.level, _region_name(r)) for r in case.regions
            if r.level in ("township", "village") or (_region_name(r) not in known and resolve(_region_name(r)) is None)]
    return list(dict.fromkeys(out))


def _most_specific_region(case: Case) -> str:
    levels = ["village", "township", "county", "city", "province"]
    for lv in levels:
        for r in case.regions:
            if r.level == lv:
                return _region_name(r)
    return ""


def _place_line(case: Case) -> str:
    """The case's places from province down, e.g. 湖北省仙桃市陈场镇黄湾村."""
    order = ["province", "city", "county", "township", "village"]
    names: list[str] = []
    for lv in order:
        for r in case.regions:
            n = _region_name(r)
            if r.level == lv and n not in names:
                names.append(n)
                break
    return "".join(names)


def latest_year(case: Case) -> int | None:
    """Year of the latest date a case mentions, the end of a period included."""
    years = [int(v[:4]) for d in case.dates for v in (d.value, d.end_value) if v[:4].isdigit()]
    return max(years, default=None)


def subjects(case: Case) -> list[Person]:
    """The people whose conduct is at issue: every person but the others (villagers, bribers,
    beneficiaries, relatives); a person with no role (cases extracted before roles) counts."""
    return [p for p in case.people if p.role != "other"]


def is_finding(case: Case, documents: Mapping[str, DocRef]) -> bool:
    """Whether the case is a problem found by an inspection (a case of an inspection report)."""
    ref = documents.get(case.doc_id)
    return bool(ref and ref.doc_type == "inspection_report")


def _involved(case: Case) -> list[Amount]:
    return [a for a in case.amounts if a.role in INVOLVED_ROLES and a.range_part != "low" and a.value > 0]


def person_amount(case: Case, name: str) -> tuple[float, bool]:
    """The involved sum of one person of a case, and whether it is approximate: the largest sum
    attributed to them (alone or jointly, X伙同Y); when the text attributes none to them, the
    largest sum attributed to no person of the case (unattributed, or a unit's); else nothing.
    So a cashier who pocketed 8511元 carries 8511元, not the 65.53万元 the committee shared out."""
    want = simplify(name)
    involved = _involved(case)
    names = {simplify(p.name) for p in case.people if p.name}

    def owners(a: Amount) -> set[str]:
        return {simplify(n) for n in a.person.split("、") if n}

    own = [a for a in involved if want and want in owners(a)]
    if not own:
        own = [a for a in involved if not owners(a) & names]
    if not own:
        return 0.0, False
    top = max(a.value for a in own)
    return top, any(a.approximate for a in own if a.value == top)


def _amount_of(case: Case) -> CaseAmount | None:
    value = case.total_amount
    if value <= 0:
        return None
    src = [a for a in _involved(case) if a.value == value]
    return CaseAmount(case_id=case.id, value=value, text=official(src[0].text) if src else "",
                      approximate=any(a.approximate for a in src), region=_place_line(case))


def _role_amount(case: Case, role: str) -> CaseAmount | None:
    seen: dict[float, str] = {}
    approx = False
    for a in case.amounts:
        if a.role == role and a.range_part != "low" and a.value > 0 and a.value not in seen:
            seen[a.value] = official(a.text)
            approx = approx or a.approximate
    if not seen:
        return None
    return CaseAmount(case_id=case.id, value=sum(seen), text="、".join(seen.values()), approximate=approx,
                      region=_place_line(case))


def _figure(items: Sequence[CaseAmount]) -> Figure:
    return Figure(value=round(sum(i.value for i in items), 2), approximate=any(i.approximate for i in items),
                  case_ids=sorted(i.case_id for i in items))


def _median(items: Sequence[CaseAmount]) -> Figure:
    if not items:
        return Figure(value=0.0)
    vals = sorted(items, key=lambda i: (i.value, i.case_id))
    med = statistics.median(i.value for i in vals)
    n = len(vals)
    mids = [vals[n // 2]] if n % 2 else [vals[n // 2 - 1], vals[n // 2]]
    return Figure(value=round(float(med), 2), approximate=any(i.approximate for i in mids),
                  case_ids=sorted(i.case_id for i in mids))


def _largest(items: Sequence[CaseAmount]) -> Figure:
    if not items:
        return Figure(value=0.0)
    top = max(items, key=lambda i: (i.value, [-ord(ch) for ch in i.case_id]))
    return Figure(value=top.value, approximate=top.approximate, case_ids=[top.case_id])


def _sanctioned_people(case: Case) -> list[tuple[str, list[str], list[str]]]:
    """(person, posts, sanction labels) for each sanctioned person of a case; a sanction whose
    person cannot be told goes to the case's only subject, or to an unnamed ''."""
    people = {simplify(p.name): p for p in subjects(case) if p.name}
    by_person: dict[str, list[str]] = defaultdict(list)
    for s in case.sanctions:
        who = simplify(s.person)
        if not who and len(people) == 1:
            who = next(iter(people))
        if s.label not in by_person[who]:
            by_person[who].append(s.label)
    out = []
    for who in sorted(by_person, key=lambda w: (w == "", w)):
        p = people.get(who)
        posts = posts_of(p.position) if p else []
        out.append((who, posts, sorted(by_person[who], key=lambda x: -severity(x))))
    return out


def fmt_yuan(value: float, approximate: bool = False) -> str:
    """Money as analysts write it: 2100万元, 13.5万余元, 8600元, 1.2亿元."""
    more = "余" if approximate else ""

    def num(x: float) -> str:
        return f"{x:.2f}".rstrip("0").rstrip(".")

    if value >= 100_000_000:
        return f"{num(value / 100_000_000)}亿{more}元"
    if value >= 10_000:
        return f"{num(value / 10_000)}万{more}元"
    return f"{num(value)}{more}元"


# --- the parts ------------------------------------------------------------------------------
def _scope(cases: Sequence[Case], incs: Sequence[Incident], findings: AbstractSet[str],
           docs: Mapping[str, DocRef] | None = None) -> Scope:
    dates: list[tuple[str, str]] = []
    for inc in incs:
        for d in inc.case.dates:
            for v in (d.value, d.end_value):
                if v and v[:4].isdigit():
                    dates.append((v, inc.id))
    date_from = min((v for v, _ in dates), default="")
    date_to = max((v for v, _ in dates), default="")
    years: dict[str, list[str]] = defaultdict(list)
    for inc in incs:
        year = latest_year(inc.case)
        if year:
            years[str(year)].append(inc.id)
    regions: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for inc in incs:
        for level, name in _case_places(inc.case, (docs or {}).get(inc.case.doc_id)):
            regions[level][name].append(inc.id)
    level_order = ["province", "city", "county", "township", "village"]
    return Scope(
        cases=len(cases), case_ids=sorted(c.id for c in cases),
        incidents=len(incs), incident_ids=[i.id for i in incs],
        copies=[i.copies for i in incs if len(i.copies) > 1],
        documents=len({c.doc_id for c in cases}), doc_ids=sorted({c.doc_id for c in cases}),
        date_from=date_from, date_from_case_ids=sorted({i for v, i in dates if v == date_from}),
        date_to=date_to, date_to_case_ids=sorted({i for v, i in dates if v == date_to}),
        years=sorted(_tallies(years), key=lambda t: t.key),
        regions={lv: _tallies(regions[lv]) for lv in level_order if lv in regions},
        findings=sum(1 for i in incs if i.id in findings), finding_ids=[i.id for i in incs if i.id in findings],
    )


def _who(incs: Sequence[Incident]) -> Who:
    posts: dict[str, list[str]] = defaultdict(list)  # post → one case id per person holding it
    units: dict[str, list[str]] = defaultdict(list)
    no_post: list[str] = []
    people = 0
    people_cases: set[str] = set()
    others: list[str] = []  # one case id per other person
    for inc in incs:
        c = inc.case
        others.extend(inc.id for _ in {simplify(p.name) for p in c.people if p.role == "other"})
        seen: set[str] = set()
        case_units: set[str] = set()
        for p in subjects(c):
            key = simplify(p.name) or f"#{p.start}"
            if key in seen:
                continue
            seen.add(key)
            people += 1
            people_cases.add(inc.id)
            ps = posts_of(p.position)
            if not ps:
                no_post.append(inc.id)
            for post in ps:
                posts[post].append(inc.id)
            unit = unit_of(p.position, p.organisation)
            if not unit and ps and ps[0].startswith("村"):
                unit = next((_region_name(r) for r in c.regions if r.level == "village"), "")
            if unit:
                case_units.add(unit)
        # 李庄村 says nothing more than 高朗乡李庄村 in the same case
        case_units = {u for u in case_units if not any(o != u and o.endswith(u) for o in case_units)}
        for u in case_units:
            units[u].append(inc.id)
    post_counts = {k: len(v) for k, v in posts.items()}
    return Who(people=people, case_ids=sorted(people_cases),
               posts=_tallies(posts, count_of=post_counts),
               without_post=Tally(key="未载明职务", count=len(no_post), case_ids=sorted(set(no_post))),
               units=_tallies(units), others=Tally(key="其他涉及人员", count=len(others), case_ids=sorted(set(others))))


@lru_cache(maxsize=1)
def _category_cues() -> dict[str, tuple[str, ...]]:
    cats = load_yaml("taxonomy.yaml")["categories"]
    return {c["code"]: tuple(c.get("cues") or ()) for c in cats}


def _example_clause(case: Case, cue: str) -> str:
    """The shortest clause of the case body (its heading left out) that says the cue."""
    original = clauses(case.text)
    candidates = [o for o in original if cue in simplify(o)]
    body = [o for o in candidates if not re.search(r"问题$|問題$", o)] or candidates
    if not body:
        return ""
    best = min(body, key=lambda o: (len(o) < len(cue) + 4, len(o)))
    best = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[、.．)）]\s*", "", best)
    return best[:60]


def _behaviours(incs: Sequence[Incident]) -> list[Behaviour]:
    """Wordings of misconduct the cases share: each category's evidence as the extractor found
    it and the taxonomy's cue words, counted by incidents, with the clause each case says it in."""
    found: dict[str, dict[str, str]] = defaultdict(dict)  # cue → case id → clause
    for inc in incs:
        c = inc.case
        text = simplify(c.text)
        cues: list[str] = []
        for cat in c.categories:
            if cat.evidence and len(cat.evidence) <= 8:
                cues.append(simplify(cat.evidence))
            cues.extend(_category_cues().get(cat.code, ()))
        for cue in dict.fromkeys(cues):
            if cue and cue in text:
                found[cue][inc.id] = official(_example_clause(c, cue))
    out = [Behaviour(cue=cue, count=len(by_case), case_ids=sorted(by_case),
                     examples=[{"case_id": cid, "text": by_case[cid]} for cid in sorted(by_case)[:3]])
           for cue, by_case in found.items()]
    out.sort(key=lambda b: (-b.count, -len(b.cue), b.cue))
    # one wording per family: 虚报 and 虚报冒领 say the same thing; the more frequent one stays
    kept: list[Behaviour] = []
    for b in out:
        if any(b.cue in k.cue or k.cue in b.cue for k in kept):
            continue
        kept.append(b)
    return kept


def _what(incs: Sequence[Incident], cases: Sequence[Case], who: Who, money: Money, class_name: str) -> What:
    cats: dict[str, list[str]] = defaultdict(list)
    doms: dict[str, list[str]] = defaultdict(list)
    for inc in incs:
        for code in dict.fromkeys(x.code for x in inc.case.categories):
            cats[code].append(inc.id)
        for code in dict.fromkeys(x.code for x in inc.case.domains):
            doms[code].append(inc.id)
    cat_labels = {k: category_label(k) for k in cats}
    categories = _tallies(cats, cat_labels)
    domains = _tallies(doms, domain_labels(cases))
    term_lists = [case_terms(i.case) for i in incs]
    terms = [Term(term=t, score=s, count=len(idx), case_ids=sorted(incs[i].id for i in idx))
             for t, s, idx in distinctive_terms(term_lists, k=12)]
    behaviours = _behaviours(incs)
    return What(pattern=_pattern(len(incs), class_name, categories, domains, behaviours, terms, who, money),
                behaviours=behaviours, terms=terms, categories=categories, domains=domains)


def _pattern(n: int, class_name: str, categories: list[Tally], domains: list[Tally], behaviours: list[Behaviour],
             terms: list[Term], who: Who, money: Money) -> str:
    """The common pattern in plain words, built from the figures and the cases' own phrases."""
    if not n:
        return "本类未检索到案例。"
    # 为主, 集中, 多为 and 常见 say "most of several": never of counts of 1
    parts = [f"本类共{n}起问题"]
    if categories:
        main = [t for t in categories[:3] if t.count >= 2]
        if main and n > 1:
            parts.append("，问题类型以" + "、".join(f"{t.label}{t.count}起" for t in main) + "为主")
        else:
            parts.append("，问题类型为" + "、".join(t.label for t in categories[:3]) + ("等" if len(categories) > 3 else ""))
    if domains:
        main = [t for t in domains[:3] if t.count >= 2]
        if main and n > 1:
            parts.append("，集中在" + "、".join(t.label for t in main) + "领域")
        else:
            parts.append("，涉及" + "、".join(t.label for t in domains[:3]) + "领域")
    parts.append("。")
    shared = [b for b in behaviours if b.count >= 2]
    if shared:
        items = []
        for b in shared[:3]:
            ex = b.examples[0]["text"] if b.examples else ""
            items.append(f"{b.cue}（{b.count}起" + (f"，如“{official(ex)}”" if ex else "") + "）")
        parts.append("常见情形是" + "；".join(items) + "。")
    elif behaviours:
        b = behaviours[0]
        ex = b.examples[0]["text"] if b.examples else ""
        parts.append(f"具体情形如{b.cue}" + (f"（“{official(ex)}”）" if ex else "") + "。")
    if who.posts:
        many = [t for t in who.posts[:3] if t.count >= 2]
        if many:
            parts.append("涉及人员多为" + "、".join(f"{t.key}（{t.count}人）" for t in many) + "。")
        else:
            parts.append("涉及人员有" + "、".join(t.key for t in who.posts[:3]) + ("等" if len(who.posts) > 3 else "") + "。")
    if money.cases_with_amount:
        parts.append(f"{money.cases_with_amount}起载明涉案金额，合计{fmt_yuan(money.total.value, money.total.approximate)}。")
    if terms:
        parts.append("高频词：" + "、".join(t.term for t in terms[:6]) + "。")
    return "".join(parts)


def _money(incs: Sequence[Incident], findings: AbstractSet[str]) -> Money:
    """Involved sums of the sanctioned cases (total, median, largest), recovered and returned
    sums; the involved sums of inspection findings apart, never the largest case."""
    cases = [i for i in incs if i.id not in findings]
    per_case = [a for a in (_amount_of(i.case) for i in cases) if a]
    per_case.sort(key=lambda a: (-a.value, a.case_id))
    found = [a for a in (_amount_of(i.case) for i in incs if i.id in findings) if a]
    found.sort(key=lambda a: (-a.value, a.case_id))
    recovered = [a for a in (_role_amount(i.case, "recovered") for i in cases) if a]
    returned = [a for a in (_role_amount(i.case, r) for i in cases for r in ("returned",)) if a]
    return Money(cases_with_amount=len(per_case), case_ids=sorted(a.case_id for a in per_case),
                 total=_figure(per_case), median=_median(per_case), largest=_largest(per_case), per_case=per_case,
                 recovered=_figure(recovered), recovered_per_case=recovered,
                 returned=_figure(returned), returned_per_case=returned,
                 findings=_figure(found), findings_per_case=found)


def _sanctions(incs: Sequence[Incident], findings: AbstractSet[str]) -> Sanctions:
    """Sanctions of the sanctioned cases (inspection findings left out: they state no sanction
    yet) and 量纪参考 over the sanctioned people, each with the sums attributed to them."""
    incs = [i for i in incs if i.id not in findings]
    label_cases: dict[str, set[str]] = defaultdict(set)
    label_people: Counter[str] = Counter()
    label_posts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    label_amounts: dict[str, list[CaseAmount]] = defaultdict(list)  # per sanctioned person
    precedents: list[Precedent] = []
    none: list[str] = []
    amounts = {i.id: (_amount_of(i.case) or CaseAmount(case_id=i.id, value=0.0)) for i in incs}
    for inc in incs:
        c = inc.case
        sp = _sanctioned_people(c)
        if not sp:
            none.append(inc.id)
            continue
        cats = [category_label(x) for x in dict.fromkeys(k.code for k in c.categories)]
        for who, posts, labels in sp:
            value, approx = person_amount(c, who) if who else (amounts[inc.id].value, amounts[inc.id].approximate)
            precedents.append(Precedent(case_id=inc.id, person=who, posts=posts, amount=value, approximate=approx,
                                        sanctions=labels, categories=cats, region=_place_line(c), year=latest_year(c)))
            for lab in labels:
                label_people[lab] += 1
                label_cases[lab].add(inc.id)
                if value > 0:
                    label_amounts[lab].append(CaseAmount(case_id=inc.id, value=value, approximate=approx))
                for post in posts:
                    label_posts[lab][post].append(inc.id)
    labels = sorted(label_cases, key=_sanction_sort_key)
    distribution = [SanctionTally(label=lab, kind=_kind(lab), incidents=len(label_cases[lab]),
                                  people=label_people[lab], case_ids=sorted(label_cases[lab])) for lab in labels]
    reference = []
    for lab in sorted(labels, key=lambda x: (-severity(x), x)):
        with_amount = label_amounts[lab]
        lo = min(with_amount, key=lambda a: (a.value, a.case_id)) if with_amount else None
        hi = max(with_amount, key=lambda a: (a.value, [-ord(ch) for ch in a.case_id])) if with_amount else None
        lab_posts = label_posts[lab]
        reference.append(SanctionReference(
            label=lab, precedents=len(label_cases[lab]), case_ids=sorted(label_cases[lab]),
            amount_min=Figure(value=lo.value, approximate=lo.approximate, case_ids=[lo.case_id]) if lo else None,
            amount_median=_median(with_amount) if with_amount else None,
            amount_max=Figure(value=hi.value, approximate=hi.approximate, case_ids=[hi.case_id]) if hi else None,
            posts=_tallies(lab_posts, count_of={k: len(v) for k, v in lab_posts.items()})[:5],
        ))
    bands = []
    for low, high, name in AMOUNT_BANDS:
        ids = [i.id for i in incs if low <= amounts[i.id].value < high and amounts[i.id].value > 0]
        counts = {lab: sum(1 for cid in ids if cid in label_cases[lab]) for lab in labels}
        bands.append(AmountBand(band=name, low=low, high=None if high == float("inf") else high,
                                counts={k: v for k, v in counts.items() if v}, case_ids=sorted(ids)))
    ids = [i.id for i in incs if amounts[i.id].value <= 0]
    bands.append(AmountBand(band=NO_AMOUNT, low=0.0, high=0.0,
                            counts={k: v for k, v in ((lab, sum(1 for cid in ids if cid in label_cases[lab])) for lab in labels) if v},
                            case_ids=sorted(ids)))
    precedents.sort(key=lambda p: (-max((severity(s) for s in p.sanctions), default=0), -p.amount, p.case_id, p.person))
    return Sanctions(distribution=distribution,
                     without_sanction=Tally(key="未载明处理结果", count=len(none), case_ids=sorted(none)),
                     reference=reference, bands=[b for b in bands if b.case_ids], precedents=precedents)


def _headline(case: Case) -> str:
    if case.title:
        return case.title.strip()
    first = sentences(case.text)
    head = first[0] if first else case.text
    head = re.sub(r"^[\s（(]*[一二三四五六七八九十\d]+[、.．)）]\s*", "", head)
    return head[:60] + ("…" if len(head) > 60 else "")


def _excerpt(case: Case, limit: int = 260) -> str:
    """The case's account without its heading line, cut at `limit` characters."""
    text = re.sub(r"\s+", "", case.text)
    first = sentences(text)
    if len(first) > 1 and re.search(r"问题$|問題$", first[0]):
        text = text[text.index(first[0]) + len(first[0]):].lstrip("。；;：:")
    return text[:limit] + ("…" if len(text) > limit else "")


class _Context:
    """What a typical case's reason compares it with: the class's categories, wordings, posts
    and amounts."""

    def __init__(self, what: What, who: Who, money: Money):
        self.categories = what.categories
        self.behaviours = what.behaviours
        self.posts = who.posts
        self.amounts = sorted((a.value for a in money.per_case), reverse=True)


def _reason(inc: Incident, amount: CaseAmount | None, ctx: _Context, kind: str) -> str:
    """Why a case is typical, in words: its sum (and its rank in the class), its sanction,
    and what it shares with the class (its category, its wording, its posts)."""
    c = inc.case
    parts: list[str] = []
    if amount:
        text = f"{'涉及' if kind == KIND_FINDING else '涉案'}金额{fmt_yuan(amount.value, amount.approximate)}"
        if kind != KIND_FINDING and len(ctx.amounts) >= 3 and amount.value in ctx.amounts:
            rank = ctx.amounts.index(amount.value) + 1
            text += f"，在本类载明金额的{len(ctx.amounts)}起问题中居第{cn_number(rank)}位" if rank <= 3 else \
                ("，高于本类中位数" if amount.value > statistics.median(ctx.amounts) else "")
        parts.append(text)
    sp = _sanctioned_people(c)
    if sp:
        heaviest = max((lab for _, _, labs in sp for lab in labs), key=severity)
        named = [w for w, _, _ in sp if w]
        if len(named) > 1:
            parts.append(f"{cn_count(len(named))}人受到处理，最重为{heaviest}")
        else:
            who = official(named[0]) if named else "当事人"
            parts.append(f"{who}受到{heaviest}处分" if _kind(heaviest) != "组织处理及其他" else f"{who}被{heaviest}")
    elif kind == KIND_FINDING:
        parts.append("为巡察发现的问题，尚未载明处理结果")
    codes = list(dict.fromkeys(x.code for x in c.categories))
    top = next((t for t in ctx.categories if t.key in codes), None)
    if top and top.count >= 2:
        parts.append(f"属本类{'最多见' if top is ctx.categories[0] else '多见'}的“{top.label}”问题（{top.count}起）")
    shared = next((b for b in ctx.behaviours if inc.id in b.case_ids and b.count >= 2), None)
    if shared:
        parts.append(f"“{shared.cue}”的做法另见于本类{shared.count - 1}起问题")
    posts = {p for s in subjects(c) for p in posts_of(s.position)}
    common = [t.key for t in ctx.posts[:3] if t.key in posts and t.count >= 2]
    if common:
        parts.append(f"当事人为{'、'.join(common)}，是本类涉及最多的职务")
    if len(inc.copies) > 1:
        parts.append(f"被{cn_count(len(inc.copies))}份文件通报")
    return "；".join(parts)


_CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一 (up to 99; larger numbers in digits)."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    out = ("" if tens == 1 else _CN_DIGITS[tens]) + "十" if tens else ""
    return out + (_CN_DIGITS[ones] if ones else "")


def cn_count(n: int) -> str:
    """A count of people or documents in a sentence: 两 for 2, else the number."""
    return "两" if n == 2 else str(n)


def _typical(incs: Sequence[Incident], documents: Mapping[str, DocRef], doc_of: Mapping[str, str],
             top_categories: list[str], findings: AbstractSet[str] = frozenset(),
             ctx: _Context | None = None) -> list[TypicalCase]:
    """3–5 incidents that show the class best: central to it (alike to the others), fully
    stated (amount, sanction, people), and different from each other (other documents,
    other wording), chosen greedily."""
    if not incs:
        return []
    ctx = ctx or _Context(What(pattern="", behaviours=[], terms=[], categories=[], domains=[]),
                          Who(people=0, case_ids=[], posts=[], without_post=Tally(key="", count=0), units=[]),
                          _money(incs, findings))
    tm = TermMatrix([case_terms(i.case) for i in incs])
    n = len(incs)
    sim = tm.similarity() if n <= 3000 else None
    if sim is not None and n > 1:
        central = (sim.sum(axis=1) - 1.0) / (n - 1)
    else:
        central = [0.0] * n
    base = []
    for k, inc in enumerate(incs):
        c = inc.case
        score = float(central[k])
        score += 0.15 * bool(c.total_amount) + 0.15 * bool(c.sanctions) + 0.1 * bool(subjects(c))
        score += 0.1 * any(x.code in top_categories[:1] for x in c.categories)
        score += 0.05 * (len(inc.copies) > 1)
        base.append(score)
    want = min(TYPICAL_MAX, n) if n >= TYPICAL_MIN else n
    want = min(want, max(TYPICAL_MIN, min(TYPICAL_MAX, n)))
    chosen: list[int] = []
    while len(chosen) < want:
        def gain(k: int) -> tuple[float, str]:
            penalty = 0.0
            if chosen:
                if sim is not None:
                    penalty += 0.5 * max(float(sim[k, j]) for j in chosen)
                penalty += 0.2 * any(incs[k].case.doc_id == incs[j].case.doc_id for j in chosen)
            return (round(base[k] - penalty, 9), incs[k].id)
        rest = [k for k in range(n) if k not in chosen]
        best = sorted(rest, key=lambda k: (-gain(k)[0], gain(k)[1]))[0]
        chosen.append(best)
    out = []
    for k in chosen:
        inc = incs[k]
        c = inc.case
        amount = _amount_of(c)
        people = []
        for p in subjects(c):
            ps = posts_of(p.position)
            people.append(p.name + (f"（{'、'.join(ps)}）" if ps else ""))
        reason = _reason(inc, amount, ctx, KIND_FINDING if inc.id in findings else KIND_CASE)
        src = documents.get(c.doc_id) or DocRef(id=c.doc_id)
        copies = []
        for cid in inc.copies[1:]:
            doc_id = doc_of.get(cid, "")
            if doc_id and doc_id != c.doc_id and doc_id in documents and documents[doc_id] not in copies:
                copies.append(documents[doc_id])
        out.append(TypicalCase(
            case_id=c.id, kind=KIND_FINDING if inc.id in findings else KIND_CASE, headline=official(_headline(c)),
            excerpt=official(_excerpt(c)), region=_place_line(c), people=[official(p) for p in people],
            amount=amount.value if amount else 0.0, amount_text=official(amount.text) if amount else "",
            sanctions=sorted(dict.fromkeys(s.label for s in c.sanctions), key=lambda x: -severity(x)),
            categories=[category_label(x) for x in dict.fromkeys(k2.code for k2 in c.categories)],
            source=src, copies=copies, reason=reason,
            similarity=round(float(central[k]), 4) if sim is not None and n > 1 else None))
    return out


def _says(texts: Mapping[str, str], ids: Sequence[str], cues: Sequence[str] | None) -> list[str]:
    """The ids whose (simplified) text says one of the cues; all of them when no cues are set."""
    if not cues:
        return list(ids)
    words = [simplify(c) for c in cues]
    return [i for i in ids if any(w in texts[i] for w in words)]


def _measures(incs: Sequence[Incident], categories: list[Tally]) -> list[Measure]:
    """Measures of the categories and domains present in the class, each with the cases it
    answers: a measure or a domain with `when` cues answers only the cases whose text says one
    of them (a fee a village charged its villagers calls for no measure on fees charged to
    enterprises), `unless` cues exclude cases; a measure that answers no case is left out."""
    conf = _rectification()
    texts = {i.id: simplify(i.case.text) for i in incs}
    out: list[Measure] = []
    by_title: dict[str, Measure] = {}

    def add(m: dict, kind: MeasureKind, scope: str, ids: list[str]) -> None:
        ids = _says(texts, ids, m.get("when"))
        if m.get("unless"):
            ids = [i for i in ids if i not in set(_says(texts, ids, m["unless"]))]
        if not ids:
            return
        title = m["title"]
        if title in by_title:
            by_title[title].case_ids = sorted(set(by_title[title].case_ids) | set(ids))
            return
        mm = Measure(title=title, detail=m["detail"], basis=m.get("basis", ""), kind=kind, scope=scope,
                     case_ids=sorted(ids))
        by_title[title] = mm
        out.append(mm)

    for t in categories:
        entry = conf["categories"].get(t.key) or conf["categories"]["other"]
        for m in entry["measures"]:
            add(m, "category", t.label, t.case_ids)
    for dom in conf.get("domains", []):
        keys = [simplify(k).lower() for k in dom["match"]]
        ids = [i.id for i in incs if any(_domain_matches(d, keys) for d in i.case.domains)]
        ids = _says(texts, ids, dom.get("when"))
        if dom.get("unless"):
            ids = [i for i in ids if i not in set(_says(texts, ids, dom["unless"]))]
        if ids:
            for m in dom["measures"]:
                add(m, "domain", dom["name"], ids)
    all_ids = [i.id for i in incs]
    if all_ids:
        for m in conf.get("general", []):
            add(m, "general", "通用", all_ids)
    return out


def _domain_matches(d, keys: list[str]) -> bool:
    code = d.code.lower()
    words = simplify(f"{d.label} {d.text}")
    return any(k == code or (not k.isascii() and k in words) for k in keys)


def _gaps(incs: Sequence[Incident], categories: list[Tally]) -> list[Gap]:
    conf = _rectification()
    texts = {i.id: simplify(i.case.text) for i in incs}
    out: list[Gap] = []
    for t in categories:
        entry = conf["categories"].get(t.key) or conf["categories"]["other"]
        for g in entry.get("gaps", []):
            hits: dict[str, list[str]] = defaultdict(list)
            for cid in t.case_ids:
                for cue in g["cues"]:
                    if simplify(cue) in texts[cid]:
                        hits[cue].append(cid)
            ids = sorted({cid for v in hits.values() for cid in v})
            if ids:
                cues = sorted(hits, key=lambda k: (-len(hits[k]), k))
                out.append(Gap(gap=g["gap"], scope=t.label, cues=cues, count=len(ids), case_ids=ids))
    out.extend(_computed_gaps(incs))
    out.sort(key=lambda g: (-g.count, g.scope, g.gap))
    return out


def _computed_gaps(incs: Sequence[Incident]) -> list[Gap]:
    """Gaps read from the extracted fields rather than from words (config: computed_gaps)."""
    conf = _rectification().get("computed_gaps", {})
    found: dict[str, list[str]] = defaultdict(list)
    for inc in incs:
        c = inc.case
        people = subjects(c)
        posts_per_person = [posts_of(p.position) for p in people]
        if any({"村党支部书记", "村委会主任"} <= set(ps) for ps in posts_per_person):
            found["one_shoulder"].append(inc.id)
        flat = [p for ps in posts_per_person for p in ps]
        if any(re.search("会计|出纳|报账员", p) for p in flat) and len(people) >= 2:
            found["finance_staff"].append(inc.id)
        if len({simplify(p.name) for p in people if p.name}) >= 3:
            found["many_people"].append(inc.id)
        for d in c.dates:
            if d.end_value and d.value[:4].isdigit() and d.end_value[:4].isdigit() \
                    and int(d.end_value[:4]) - int(d.value[:4]) >= 2:
                found["long_running"].append(inc.id)
                break
    out = []
    for key, ids in found.items():
        if key in conf:
            out.append(Gap(gap=conf[key], scope="共性", count=len(ids), case_ids=sorted(ids)))
    return out


# --- the whole summary ----------------------------------------------------------------------
def build_summary(cases: Sequence[Case], groups: Sequence[DuplicateGroup], documents: Mapping[str, DocRef],
                  class_def: ClassDef, *, generated_at: str = "") -> Summary:
    """The rectification summary of a class from its cases, the store's duplicate groups and
    the source documents' references. Deterministic: the same inputs give the same summary."""
    cases = sorted({c.id: c for c in cases}.values(), key=lambda c: c.id)
    incs = incidents(cases, groups)
    docs = dict(documents)
    for c in cases:
        ref = docs.setdefault(c.doc_id, DocRef(id=c.doc_id))
        if c.id not in ref.case_ids:
            ref.case_ids = sorted(set(ref.case_ids) | {c.id})
    findings = {i.id for i in incs if is_finding(i.case, docs)}
    scope = _scope(cases, incs, findings, docs)
    who = _who(incs)
    money = _money(incs, findings)
    what = _what(incs, cases, who, money, class_def.name)
    sanctions = _sanctions(incs, findings)
    typical = _typical(incs, docs, {c.id: c.doc_id for c in cases}, [t.key for t in what.categories], findings,
                       _Context(what, who, money))
    notes = [
        "同一问题被多份通报转载的，按一起计算（见“范围”中的转载情况），数字均按去重后的问题计。",
        "涉案金额按每起问题载明的最大涉案金额计，“余”“多”按所载基数计；收费标准、统计数字、项目投资或预算不计入，"
        "挽回损失、退缴金额单列。",
        "人员只计问题所涉的公职人员和单位，行贿人、受益人、亲属、村民等不计入人数和职务。",
        "职务按人计，一人兼任多个职务的分别计入；处分按问题计，同一问题多人受同一处分的计一起。",
        "量纪参考中的金额为受处理人员本人名下的涉案金额；原文未区分到人的，按该起问题的涉案金额计。",
        "巡察（巡视）报告中发现的问题不是已处理的案件，单独计数，不计入涉案金额合计和最大一起。",
        "每个数字背后的案例编号见 JSON 版本（case_ids）。",
    ]
    return Summary(
        title=f"{class_def.name}类案分析与整改建议",
        generated_at=generated_at or datetime.now(UTC).replace(microsecond=0).isoformat(),
        class_def=class_def, scope=scope, who=who, what=what, money=money, sanctions=sanctions,
        typical=typical, measures=_measures(incs, what.categories), gaps=_gaps(incs, what.categories),
        documents=[docs[d] for d in sorted(docs) if d in set(scope.doc_ids)], notes=notes,
    )


def summarize(store: CaseStore, class_def: ClassDef, cases: Sequence[Case], *, generated_at: str = "") -> Summary:
    """The summary of a class of a store's cases: fetches the duplicate groups and the source
    documents' references, then build_summary."""
    groups = list(store.duplicates())
    documents: dict[str, DocRef] = {}
    for doc_id in sorted({c.doc_id for c in cases}):
        doc = store.get_document(doc_id)
        if doc is None:
            log.warning("summary: document %s of a case in the class is not in the store", doc_id)
            documents[doc_id] = DocRef(id=doc_id)
        else:
            documents[doc_id] = DocRef.of(doc)
    return build_summary(cases, groups, documents, class_def, generated_at=generated_at)


def summary_of_class(store: CaseStore, store_location: str, *, class_id: str = "", query: str = "",
                     category: str = "", filters: Filters | None = None, threshold: float | None = None) -> Summary:
    """The summary of the class named by exactly one of class_id, query, category (content
    terms from the term cache beside the saved classes)."""
    from search.classes import classes_path, select_class, terms_cache_path
    from search.term_cache import term_cache

    kw = {} if threshold is None else {"threshold": threshold}
    saved = classes_path(store_location)
    with term_cache(terms_cache_path(saved)):
        cd, cases = select_class(store, saved_path=saved, class_id=class_id, query=query, category=category,
                                 filters=filters, **kw)
        log.info("summary: class %s (%s) with %d cases", cd.id, cd.name, len(cases))
        return summarize(store, cd, cases)


def write_configured_summary(store: CaseStore, entry: Mapping, output: Path | str) -> Path:
    """Write the summary one configured entry asks for (settings.summaries: a name and one of
    `class`, `query`, `category`, optional `filters` and `format`) to `output`; the entry point
    of the `summaries` flow. The entry's name labels the file; the report is titled by its
    class. Returns the report file written."""
    from search.reports import format_for, write_report

    output = Path(output)
    location = str(getattr(store, "path", "") or getattr(store, "location", "") or "./leian-data/leian.db")
    summary = summary_of_class(store, location, class_id=str(entry.get("class") or ""),
                               query=str(entry.get("query") or ""), category=str(entry.get("category") or ""),
                               filters=Filters.model_validate(entry.get("filters") or {}))
    return write_report(summary, output, format_for(output, entry.get("format")))[0]
