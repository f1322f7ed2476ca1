"""The class-case summary as data: pydantic models of its parts (scope, who, what, money,
sanctions, typical cases, measures, gaps) and of the source documents it cites.

Every figure carries the ids of the cases behind it (`case_ids`), so a reader — or a test —
can recompute it."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from extractors.model import Document
from search.classes import ClassDef
from search.sources import KINDS, cite, file_name, first_words
from search.summary.chinese import cn_date


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
        meta.append(cn_date(self.date) if self.date else "原文未载明日期")
        return f"{head}（{'，'.join(meta)}）"


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
