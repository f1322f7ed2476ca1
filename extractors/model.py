"""The data model shared by every part of leian: Document, Case and extracted items.

Every extracted item carries `start`/`end`: character offsets into the *document* text
(`Document.text`), so it can be highlighted and checked against its source.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, PrivateAttr

DocType = Literal["case_notice", "inspection_report", "article"]
RegionLevel = Literal["province", "city", "county", "township", "village"]
# What a sum is: the sum of the misconduct (involved), money recovered from or returned by the
# people, a fine, a unit rate or fee (每户30元), a statistic over many cases (全市共查处…涉及金额…),
# a budget or project value (项目总投资…); "" when the text does not tell.
AmountRole = Literal["", "involved", "recovered", "returned", "fined", "rate", "statistic", "budget"]
# Who a person is in a case: the official or unit whose conduct is at issue (subject), or anyone
# else named (briber, beneficiary, relative, villager, victim, witness, complainant).
PersonRole = Literal["", "subject", "other"]


INVOLVED_ROLES = ("", "involved")


class Item(BaseModel):
    """Anything found in the text: its character span in the document text."""

    start: int = -1
    end: int = -1

    def shift(self, by: int) -> None:
        """Offsets moved by `by` (a case's text to the whole document's); -1 stays unplaced."""
        if self.start >= 0:
            self.start += by
            self.end += by


class Person(Item):
    name: str
    position: str = ""
    organisation: str = ""
    region: str = ""
    anonymised: bool = False  # 张某某、朱某
    role: PersonRole = ""  # extractors.roles; "" before roles are assigned
    # where `position` is said, in the same text as start/end, while extraction runs: mapped
    # onto the original text with the name (never stored; None when no post was found)
    _post: tuple[int, int] | None = PrivateAttr(default=None)

    @property
    def post_span(self) -> tuple[int, int] | None:
        """The [start, end) of `position` in the text the offsets refer to, if known."""
        return self._post

    def set_post(self, text: str, span: tuple[int, int] | None) -> None:
        """`position` := text[span] (or "" for None), its span kept."""
        self._post = span
        self.position = text[span[0]:span[1]] if span else ""

    def take_post(self, other: Person) -> None:
        """The post of `other` (the same person found twice), span and all."""
        self.position, self._post = other.position, other._post

    def shift(self, by: int) -> None:
        super().shift(by)
        if self._post is not None:
            self._post = (self._post[0] + by, self._post[1] + by)


class Amount(Item):
    text: str  # as written, e.g. "2100余万元"
    value: float  # in yuan; for a range, one Amount per end
    approximate: bool = False  # 余/多/近/约
    role: AmountRole = ""
    range_part: Literal["", "low", "high"] = ""
    # whose sum it is: a subject's name (joint actors joined by 、) or a unit, "" when unattributed
    person: str = ""


class Sanction(Item):
    label: str  # canonical label from the taxonomy
    person: str = ""  # who received it, when it can be told
    text: str = ""  # as written


class Category(Item):
    code: str
    label: str = ""
    evidence: str = ""  # the text that signalled it


class Domain(Item):
    code: str
    label: str = ""
    text: str = ""


class Region(Item):
    name: str
    level: RegionLevel
    normalized: str = ""  # simplified-script form


class DateMention(Item):
    text: str
    value: str  # ISO, possibly partial: "2019", "2019-07", "2019-07-15"
    end_value: str = ""  # for a period "2015年10月至2019年6月"


class Case(BaseModel):
    id: str  # document sha256[:16] + "-" + ordinal
    doc_id: str
    ordinal: int
    title: str = ""
    text: str  # the case's own text, in the original script
    start: int = 0  # span of the case in the document text
    end: int = 0
    people: list[Person] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    sanctions: list[Sanction] = Field(default_factory=list)
    categories: list[Category] = Field(default_factory=list)
    domains: list[Domain] = Field(default_factory=list)
    regions: list[Region] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)

    @property
    def total_amount(self) -> float:
        """Largest sum of the misconduct stated in the case (ranges count by their high end):
        rates, statistics, budgets and sums recovered, returned or fined never count; a sum
        whose role the text does not tell ("") counts, as most bare sums in a case are its own."""
        values = [a.value for a in self.amounts if a.role in INVOLVED_ROLES and a.range_part != "low"]
        return max(values, default=0.0)

    @property
    def year(self) -> int | None:
        """Year of the latest date mentioned in the case, if any."""
        years = [int(d.value[:4]) for d in self.dates if d.value[:4].isdigit()]
        return max(years, default=None)


class Document(BaseModel):
    id: str  # sha256 of the file's bytes
    path: str
    title: str = ""
    doc_type: DocType = "case_notice"
    issuer: str = ""
    date: str = ""  # ISO, possibly partial
    text: str  # the document text as read, original script
    warnings: list[str] = Field(default_factory=list)
    ocr_pages: list[int] = Field(default_factory=list)  # pages (1-based) whose text was read by OCR
    ocr_confidence: float | None = None  # their mean word confidence (0-100), when any
    extractor_version: str = ""
    cases: list[Case] = Field(default_factory=list)

    def contract(self) -> dict:
        """The `leian extract --json` contract of gold-format.md, with the richer fields."""
        return self.model_dump(mode="json")


def case_id(doc_id: str, ordinal: int) -> str:
    """Stable case id: the document's sha256 prefix and the case's ordinal."""
    return f"{doc_id[:16]}-{ordinal:03d}"


__all__ = [
    "INVOLVED_ROLES", "Amount", "AmountRole", "Case", "Category", "DateMention", "Document", "Domain", "Item",
    "Person", "PersonRole", "Region", "Sanction", "case_id", "date",
]
