"""Analysts' corrections of extracted cases: the model, its checks, and how corrections are
attached to a document's cases and applied to them (backend-neutral; each store keeps the
history and calls `attach` when it stores a document and `apply` when it (re)writes a case).

A correction names its case by what survives re-extraction: the document (sha256), the
case's ordinal and a fingerprint of the case text, with the text itself kept so that a case
whose ordinal or span shifted under a new extractor is found again by the best match of its
text. A correction that no case matches any more stays in the history, unattached, and is
reported (`leian corrections list --unattached`), never dropped.

History is append-only: a revert is a new entry naming the one it undoes. For each field the
latest active correction wins; "not a case" withholds the case from search, facets,
classes and summaries (its extraction is kept, so the mark can be reverted).
"""
from __future__ import annotations

import difflib
import hashlib
import logging
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import TypedDict

from pydantic import BaseModel, Field

from config.errors import CorrectionError, UnknownCorrection
from extractors.model import Amount, Case, Category, Document, Person, Sanction

log = logging.getLogger(__name__)

FIELDS = ("people", "amounts", "sanctions", "categories", "not_a_case")
MATCH_THRESHOLD = 0.6  # least difflib ratio of two case texts for a correction to follow its case
_WS = re.compile(r"\s+")


class PersonFix(BaseModel):
    name: str
    position: str = ""


class AmountFix(BaseModel):
    text: str  # as written in the case text, e.g. 3.2万元
    value: float  # yuan


class SanctionFix(BaseModel):
    label: str  # canonical label (config/taxonomy.yaml)
    person: str = ""


class Changes(BaseModel):
    """What one correction sets; a field left None is not touched by it."""

    people: list[PersonFix] | None = None
    amounts: list[AmountFix] | None = None
    sanctions: list[SanctionFix] | None = None
    categories: list[str] | None = None  # taxonomy codes
    not_a_case: bool | None = None

    def fields(self) -> list[str]:
        """The fields this correction sets, in FIELDS order."""
        return [f for f in FIELDS if getattr(self, f) is not None]


class Correction(BaseModel):
    """One entry of the history: a correction, or the revert of one (`reverts` set)."""

    id: str
    case_id: str  # the case as it was identified when the correction was made
    doc_id: str  # document sha256
    ordinal: int
    fingerprint: str  # of the case text (fingerprint())
    case_text: str
    changes: Changes = Field(default_factory=Changes)
    user: str
    at: str  # ISO timestamp, UTC, microseconds (orders the history)
    note: str = ""
    reverts: str = ""  # id of the correction this entry undoes
    attached_doc: str = ""  # the document it is attached to now (follows a changed file at the same path)
    attached_to: str = ""  # the case id it applies to now; "" when no case matches any more


class CaseState(BaseModel):
    """A case as extracted and as corrected, with its history (for a case page and undo)."""

    extracted: Case
    corrected: Case
    not_a_case: bool = False
    history: list[Correction] = Field(default_factory=list)
    active: list[Correction] = Field(default_factory=list)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    """A short random id an analyst can type (`leian corrections revert ID`)."""
    return uuid.uuid4().hex[:12]


def squash(text: str) -> str:
    return _WS.sub("", text or "")


def fingerprint(text: str) -> str:
    """sha1 of the case text without whitespace (a re-read that only moves line breaks keeps it)."""
    return hashlib.sha1(squash(text).encode("utf-8")).hexdigest()[:20]


@lru_cache(maxsize=1)
def _taxonomy() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """({code: label}, {label: code}, canonical sanction labels) from config/taxonomy.yaml."""
    from config import load_yaml

    tax = load_yaml("taxonomy.yaml")
    labels = {c["code"]: c["label"] for c in tax["categories"]}
    return labels, {v: k for k, v in labels.items()}, frozenset(s for g in tax["sanctions"].values() for s in g)


def category_code(value: str) -> str:
    """A category given by code or Chinese label, as its code; CorrectionError when unknown."""
    labels, codes, _ = _taxonomy()
    v = value.strip()
    if v in labels:
        return v
    if v in codes:
        return codes[v]
    raise CorrectionError(f"category {value!r} is not in the taxonomy (see `leian codes categories`)")


def validate(changes: Changes, case: Case) -> Changes:
    """The changes checked against the taxonomy and the case text (names and amount texts must
    occur in it, as gold-format.md asks); categories given by label become codes. One-line
    CorrectionError naming the first problem."""
    if not changes.fields():
        raise CorrectionError("the correction changes nothing: give people, amounts, sanctions, categories "
                              "or not-a-case")
    _, _, sanctions = _taxonomy()
    text = squash(case.text)
    out = changes.model_copy(deep=True)
    for p in out.people or []:
        p.name, p.position = p.name.strip(), p.position.strip()
        if not p.name:
            raise CorrectionError("a person needs a name")
        if squash(p.name) not in text:
            raise CorrectionError(f"person {p.name!r} does not occur in the text of case {case.id}")
    for a in out.amounts or []:
        a.text = a.text.strip()
        if not a.text:
            raise CorrectionError("an amount needs its text as written, e.g. 3.2万元")
        if not (a.value >= 0 and a.value < float("inf")):
            raise CorrectionError(f"amount {a.text!r}: value {a.value!r} is not a sum in yuan")
        if squash(a.text) not in text:
            raise CorrectionError(f"amount {a.text!r} does not occur in the text of case {case.id}")
    for s in out.sanctions or []:
        if s.label.strip() not in sanctions:
            raise CorrectionError(f"sanction {s.label!r} is not a canonical label (see `leian codes sanctions`)")
        s.label = s.label.strip()
    if out.categories is not None:
        out.categories = list(dict.fromkeys(category_code(c) for c in out.categories))
    return out


def active(history: Iterable[Correction]) -> list[Correction]:
    """The corrections that apply: not reverts and not reverted, oldest first."""
    entries = sorted(history, key=lambda c: (c.at, c.id))
    reverted = {c.reverts for c in entries if c.reverts}
    return [c for c in entries if not c.reverts and c.id not in reverted]


def _span(case: Case, needle: str) -> tuple[int, int]:
    """Document offsets of a text's first occurrence in the case, (-1, -1) when absent."""
    i = case.text.find(needle)
    return (case.start + i, case.start + i + len(needle)) if i >= 0 else (-1, -1)


class _Span(TypedDict):
    start: int
    end: int


def _span_of(case: Case, needle: str) -> _Span:
    """_span as the start/end keywords of an extracted item."""
    start, end = _span(case, needle)
    return {"start": start, "end": end}


def apply(case: Case, corrections: Sequence[Correction]) -> tuple[Case, bool]:
    """The case with the active corrections applied (latest per field wins) and whether it is
    marked not a case. Items found in the case text get their offsets (for highlighting)."""
    fields = Changes()
    for c in active(corrections):
        fields = fields.model_copy(update={f: getattr(c.changes, f) for f in c.changes.fields()})
    if not fields.fields():
        return case, False
    upd: dict[str, object] = {}
    if fields.people is not None:
        upd["people"] = [Person(name=p.name, position=p.position, role="subject", **_span_of(case, p.name))
                         for p in fields.people]
    if fields.amounts is not None:
        upd["amounts"] = [Amount(text=a.text, value=a.value, role="involved", **_span_of(case, a.text))
                          for a in fields.amounts]
    if fields.sanctions is not None:
        upd["sanctions"] = [Sanction(label=s.label, person=s.person, text=s.label, **_span_of(case, s.label))
                            for s in fields.sanctions]
    if fields.categories is not None:
        labels = _taxonomy()[0]
        upd["categories"] = [Category(code=code, label=labels.get(code, ""), evidence="analyst correction")
                             for code in fields.categories]
    return case.model_copy(update=upd, deep=True), bool(fields.not_a_case)


def state_of(found: tuple[Case, bool] | None, history: Callable[[], list[Correction]]) -> CaseState | None:
    """A case as extracted, as corrected and its corrections (None when the store has no such
    case); both stores' `case_state`, given what they found and how to read its history."""
    if found is None:
        return None
    hist = history()
    corrected, withheld = apply(found[0], hist)
    return CaseState(extracted=found[0], corrected=corrected, not_a_case=withheld, history=hist,
                     active=active(hist))


def attach(cases: Sequence[Case], corrections: Iterable[Correction]) -> dict[str, str]:
    """{correction id: the case id it applies to ("" when none matches)}: the case with the
    same text fingerprint (the same ordinal first), else the case whose text is most like
    the corrected one (difflib ratio ≥ MATCH_THRESHOLD, ties to the nearer ordinal)."""
    by_fp: dict[str, list[Case]] = {}
    for c in cases:
        by_fp.setdefault(fingerprint(c.text), []).append(c)
    out: dict[str, str] = {}
    memo: dict[str, str] = {}
    for corr in corrections:
        key = f"{corr.fingerprint}:{corr.ordinal}"
        if key not in memo:
            same = by_fp.get(corr.fingerprint, [])
            if same:
                memo[key] = min(same, key=lambda c: abs(c.ordinal - corr.ordinal)).id
            else:
                memo[key] = _best_match(cases, corr)
        out[corr.id] = memo[key]
    return out


def warn_unattached(corrections: Iterable[Correction], where: dict[str, str], doc: Document) -> None:
    """Log each active correction that no case of a document being stored matches any more."""
    for c in active(corrections):
        if not where.get(c.id) and c.attached_to:
            log.warning("correction %s of case %s (by %s) matches no case of %s any more; kept unattached "
                        "(leian corrections list --unattached)", c.id, c.attached_to, c.user, doc.path)


def attach_grouped(doc: Document, cases: Sequence[Case], history: Sequence[Correction]
                   ) -> tuple[dict[str, str], dict[str, list[Correction]]]:
    """`attach` the corrections of a document being stored (warning of those that match no
    case): where each goes (correction id → case id, "" for none) and each case's corrections."""
    where = attach(cases, history)
    warn_unattached(history, where, doc)
    by_case: dict[str, list[Correction]] = {}
    for c in history:
        by_case.setdefault(where[c.id], []).append(c)
    return where, by_case


def _best_match(cases: Sequence[Case], corr: Correction) -> str:
    old = squash(corr.case_text)
    best, best_key = "", (MATCH_THRESHOLD, 0)
    for c in cases:
        m = difflib.SequenceMatcher(None, old, squash(c.text), autojunk=False)
        if m.real_quick_ratio() < MATCH_THRESHOLD or m.quick_ratio() < MATCH_THRESHOLD:
            continue
        key = (m.ratio(), -abs(c.ordinal - corr.ordinal))
        if key >= best_key:
            best, best_key = c.id, key
    return best


def with_extracted(doc: Document, extracted: dict[str, Case]) -> Document:
    """A stored document with its corrected cases replaced by their extracted copies and its
    withheld cases put back, in case order."""
    cases = {c.id: c for c in doc.cases} | extracted
    return doc.model_copy(update={"cases": sorted(cases.values(), key=lambda c: (c.ordinal, c.id))})


_SEP = re.compile(r"[,，;；]")


def _items(text: str) -> list[str]:
    return [t.strip() for t in _SEP.split(text) if t.strip()]


def _pair(item: str) -> tuple[str, str]:
    """'A:B' (or full-width ：) → (A, B); 'A' → (A, '')."""
    a, _, b = item.replace("：", ":").partition(":")
    return a.strip(), b.strip()


def parse_amount(item: str) -> AmountFix:
    """'3.2万元' (value read as the extractor reads it) or '3.2万元=32000'."""
    text, _, value = item.partition("=")
    text = text.strip()
    if value.strip():
        try:
            return AmountFix(text=text, value=float(value.strip()))
        except ValueError:
            raise CorrectionError(f"amount {item!r}: {value.strip()!r} is not a number of yuan") from None
    from extractors.amounts import extract_amounts

    found = [a for a in extract_amounts(text) if a.start == 0 and a.end == len(text)]
    if not found:
        raise CorrectionError(f"amount {text!r}: cannot read a sum of money; write it as TEXT=YUAN, e.g. 15万=150000")
    return AmountFix(text=text, value=found[0].value)


def changes_from_text(*, people: str | None = None, amounts: str | None = None, sanctions: str | None = None,
                      categories: str | None = None, not_a_case: bool | None = None) -> Changes:
    """Changes from the one-line syntax the CLI and the web form share: lists separated by
    , ， ; or ；, an empty string clears the field, None leaves it alone.
    people `张某某:城关镇东坝村党支部书记, 李某`; amounts `3.2万元, 15万=150000`;
    sanctions `党内警告:王某, 诫勉`; categories `bribery, 违规收送礼品礼金` (codes or labels)."""
    return Changes(
        people=None if people is None else [PersonFix(name=n, position=p) for n, p in map(_pair, _items(people))],
        amounts=None if amounts is None else [parse_amount(i) for i in _items(amounts)],
        sanctions=None if sanctions is None else [SanctionFix(label=lab, person=who)
                                                  for lab, who in map(_pair, _items(sanctions))],
        categories=None if categories is None else _items(categories),
        not_a_case=not_a_case)


def describe(c: Correction) -> str:
    """One line of what a correction sets (`leian corrections list`, the web history)."""
    ch = c.changes
    parts = []
    if ch.people is not None:
        parts.append("people=" + ("，".join(p.name + (f"({p.position})" if p.position else "") for p in ch.people) or "∅"))
    if ch.amounts is not None:
        parts.append("amounts=" + ("，".join(f"{a.text}({a.value:g})" for a in ch.amounts) or "∅"))
    if ch.sanctions is not None:
        parts.append("sanctions=" + ("，".join(s.label + (f"({s.person})" if s.person else "") for s in ch.sanctions) or "∅"))
    if ch.categories is not None:
        parts.append("categories=" + (",".join(ch.categories) or "∅"))
    if ch.not_a_case is not None:
        parts.append("not a case" if ch.not_a_case else "a case after all")
    return "; ".join(parts)


def new_correction(case: Case, changes: Changes, user: str, note: str = "") -> Correction:
    """A correction of a case as it was extracted (changes validated against its text)."""
    if not user.strip():
        raise CorrectionError("who makes the correction? give --user or set $USER")
    return Correction(id=new_id(), case_id=case.id, doc_id=case.doc_id, ordinal=case.ordinal,
                      fingerprint=fingerprint(case.text), case_text=case.text, changes=validate(changes, case),
                      user=user.strip(), at=now(), note=note, attached_doc=case.doc_id, attached_to=case.id)


def revert_of(target: Correction, user: str, note: str = "") -> Correction:
    """The history entry undoing `target` (attached where the target is)."""
    if target.reverts:
        raise CorrectionError(f"{target.id} is itself a revert; add the correction again instead")
    if not user.strip():
        raise CorrectionError("who reverts the correction? give --user or set $USER")
    return target.model_copy(update={"id": new_id(), "changes": Changes(), "user": user.strip(), "at": now(),
                                     "note": note, "reverts": target.id})


__all__ = ["AmountFix", "CaseState", "Changes", "Correction", "CorrectionError", "FIELDS", "PersonFix",
           "SanctionFix", "UnknownCorrection", "active", "apply", "attach", "attach_grouped", "category_code",
           "changes_from_text", "describe", "fingerprint", "new_correction", "revert_of", "state_of", "validate",
           "warn_unattached", "with_extracted"]
