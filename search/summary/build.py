"""The whole summary: build_summary from a class's cases, the store's near-duplicate groups
and the source documents; summarize fetches those from a store. Both store backends give the
same summary, since nothing else is read."""
from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from extractors.model import Case
from search.classes import ClassDef
from search.incidents import incidents
from search.store import CaseStore, DuplicateGroup
from search.summary.figures import is_finding, money_of, sanctions_of, scope_of, what_of, who_of
from search.summary.measures import gaps_of, measures_of
from search.summary.model import DocRef, Summary
from search.summary.prose import NOTES, ReasonContext, pattern_of
from search.summary.typical import typical_cases

log = logging.getLogger(__name__)


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
    scope = scope_of(cases, incs, findings, docs)
    who = who_of(incs)
    money = money_of(incs, findings)
    what = what_of(incs, cases)
    what.pattern = pattern_of(len(incs), class_def.name, what, who, money)
    sanctions = sanctions_of(incs, findings)
    typical = typical_cases(incs, docs, {c.id: c.doc_id for c in cases}, [t.key for t in what.categories], findings,
                            ReasonContext(what, who, money))
    return Summary(
        title=f"{class_def.name}类案分析与整改建议",
        generated_at=generated_at or datetime.now(UTC).replace(microsecond=0).isoformat(),
        class_def=class_def, scope=scope, who=who, what=what, money=money, sanctions=sanctions,
        typical=typical, measures=measures_of(incs, what.categories), gaps=gaps_of(incs, what.categories),
        documents=[docs[d] for d in sorted(docs) if d in set(scope.doc_ids)], notes=list(NOTES),
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
