"""Typical cases of a class: 3–5 incidents that show it best — central to it (alike to the
others), fully stated (amount, sanction, people) and different from each other — each with
its source documents and the reason it was chosen."""
from __future__ import annotations

from collections.abc import Mapping, Sequence, Set as AbstractSet

from search.classes import category_label
from search.incidents import Incident
from search.posts import posts_of
from search.summary.figures import amount_of, money_of, place_line, subjects
from search.summary.model import KIND_CASE, KIND_FINDING, DocRef, TypicalCase, Tally, What, Who
from search.summary.prose import ReasonContext, excerpt_of, headline_of, reason_for
from search.summary.tables import severity
from search.text import official
from search.vectors import TermMatrix, case_terms


TYPICAL_MIN, TYPICAL_MAX = 3, 5


def typical_cases(incs: Sequence[Incident], documents: Mapping[str, DocRef], doc_of: Mapping[str, str],
             top_categories: list[str], findings: AbstractSet[str] = frozenset(),
             ctx: ReasonContext | None = None) -> list[TypicalCase]:
    """3–5 incidents that show the class best: central to it (alike to the others), fully
    stated (amount, sanction, people), and different from each other (other documents,
    other wording), chosen greedily."""
    if not incs:
        return []
    ctx = ctx or ReasonContext(What(pattern="", behaviours=[], terms=[], categories=[], domains=[]),
                          Who(people=0, case_ids=[], posts=[], without_post=Tally(key="", count=0), units=[]),
                          money_of(incs, findings))
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
        amount = amount_of(c)
        people = []
        for p in subjects(c):
            ps = posts_of(p.position)
            people.append(p.name + (f"（{'、'.join(ps)}）" if ps else ""))
        reason = reason_for(inc, amount, ctx, KIND_FINDING if inc.id in findings else KIND_CASE)
        src = documents.get(c.doc_id) or DocRef(id=c.doc_id)
        copies = []
        for cid in inc.copies[1:]:
            doc_id = doc_of.get(cid, "")
            if doc_id and doc_id != c.doc_id and doc_id in documents and documents[doc_id] not in copies:
                copies.append(documents[doc_id])
        out.append(TypicalCase(
            case_id=c.id, kind=KIND_FINDING if inc.id in findings else KIND_CASE, headline=official(headline_of(c)),
            excerpt=official(excerpt_of(c)), region=place_line(c), people=[official(p) for p in people],
            amount=amount.value if amount else 0.0, amount_text=official(amount.text) if amount else "",
            sanctions=sorted(dict.fromkeys(s.label for s in c.sanctions), key=lambda x: -severity(x)),
            categories=[category_label(x) for x in dict.fromkeys(k2.code for k2 in c.categories)],
            source=src, copies=copies, reason=reason,
            similarity=round(float(central[k]), 4) if sim is not None and n > 1 else None))
    return out
