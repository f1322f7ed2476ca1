"""The figures of a summary, computed from its incidents: scope, who (people, posts, units),
what (categories, domains, shared wordings, distinctive terms), money and sanctions (with the
量纪参考 tables). Near-duplicate copies count once: figures are over incidents
(search.incidents), each represented by its richest copy.

Only what the extraction marks as the misconduct's counts: people are the case's subjects
(`Person.role`; villagers, bribers and beneficiaries are left out of the counts of people and
posts), money is the involved sums (rates, statistics, budgets never count), and in 量纪参考
each sanctioned person carries the sums attributed to them (`Amount.person`), not the whole
case's. A problem found by an inspection (a case of an inspection report) is no sanctioned
case: it is counted apart (scope.findings, money.findings) and never taken as the largest case.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence, Set as AbstractSet

from extractors.divisions import case_divisions, resolve
from extractors.model import INVOLVED_ROLES, Amount, Case, Document, Person
from search.classes import category_label, domain_labels
from search.incidents import Incident
from search.posts import posts_of, unit_of
from search.summary.model import (AmountBand, Behaviour, CaseAmount, DocRef, Figure, Money, Precedent, SanctionReference,
                                  Sanctions, SanctionTally, Scope, Tally, Term, What, Who)
from search.summary.tables import amount_bands, category_cues, kind_of, no_amount, sanction_sort_key, severity
from search.text import clauses, official, simplify
from search.vectors import case_terms, distinctive_terms


def tallies(mapping: Mapping[str, Sequence[str]], labels: Mapping[str, str] | None = None,
             count_of: Mapping[str, int] | None = None) -> list[Tally]:
    """Tallies from key → case ids, largest first (ties by key)."""
    out = [Tally(key=k, label=(labels or {}).get(k, k), count=(count_of or {}).get(k, len(set(ids))),
                 case_ids=sorted(set(ids))) for k, ids in mapping.items()]
    out.sort(key=lambda t: (-t.count, t.key))
    return out


def region_name(r) -> str:
    return simplify(r.normalized or r.name)


def case_places(case: Case, ref: DocRef | None = None) -> list[tuple[str, str]]:
    """(level, full name) of a case's places: its province/city/county chains from
    extractors.divisions (so 仙桃市 counts 湖北省 too; a case naming no place, its issuer's),
    then townships, villages and the names the data does not know, as extracted."""
    doc = Document(id=case.doc_id, path="", text="", issuer=ref.issuer) if ref and ref.issuer else None
    chains = case_divisions(case, doc)
    known = {n for d in chains for n in d.names}
    out = [(lv, n) for d in chains for lv, n in zip(("province", "city", "county"), d) if n]
    out += [(r.level, region_name(r)) for r in case.regions
            if r.level in ("township", "village") or (region_name(r) not in known and resolve(region_name(r)) is None)]
    return list(dict.fromkeys(out))


def place_line(case: Case) -> str:
    """The case's places from province down, e.g. 湖北省仙桃市陈场镇黄湾村."""
    order = ["province", "city", "county", "township", "village"]
    names: list[str] = []
    for lv in order:
        for r in case.regions:
            n = region_name(r)
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


def involved_amounts(case: Case) -> list[Amount]:
    return [a for a in case.amounts if a.role in INVOLVED_ROLES and a.range_part != "low" and a.value > 0]


def person_amount(case: Case, name: str) -> tuple[float, bool]:
    """The involved sum of one person of a case, and whether it is approximate: the largest sum
    attributed to them (alone or jointly, X伙同Y); when the text attributes none to them, the
    largest sum attributed to no person of the case (unattributed, or a unit's); else nothing.
    So a cashier who pocketed 8511元 carries 8511元, not the 65.53万元 the committee shared out."""
    want = simplify(name)
    involved = involved_amounts(case)
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


def amount_of(case: Case) -> CaseAmount | None:
    value = case.total_amount
    if value <= 0:
        return None
    src = [a for a in involved_amounts(case) if a.value == value]
    return CaseAmount(case_id=case.id, value=value, text=official(src[0].text) if src else "",
                      approximate=any(a.approximate for a in src), region=place_line(case))


def role_amount(case: Case, role: str) -> CaseAmount | None:
    seen: dict[float, str] = {}
    approx = False
    for a in case.amounts:
        if a.role == role and a.range_part != "low" and a.value > 0 and a.value not in seen:
            seen[a.value] = official(a.text)
            approx = approx or a.approximate
    if not seen:
        return None
    return CaseAmount(case_id=case.id, value=sum(seen), text="、".join(seen.values()), approximate=approx,
                      region=place_line(case))


def figure(items: Sequence[CaseAmount]) -> Figure:
    return Figure(value=round(sum(i.value for i in items), 2), approximate=any(i.approximate for i in items),
                  case_ids=sorted(i.case_id for i in items))


def median(items: Sequence[CaseAmount]) -> Figure:
    if not items:
        return Figure(value=0.0)
    vals = sorted(items, key=lambda i: (i.value, i.case_id))
    med = statistics.median(i.value for i in vals)
    n = len(vals)
    mids = [vals[n // 2]] if n % 2 else [vals[n // 2 - 1], vals[n // 2]]
    return Figure(value=round(float(med), 2), approximate=any(i.approximate for i in mids),
                  case_ids=sorted(i.case_id for i in mids))


def largest(items: Sequence[CaseAmount]) -> Figure:
    if not items:
        return Figure(value=0.0)
    top = max(items, key=lambda i: (i.value, [-ord(ch) for ch in i.case_id]))
    return Figure(value=top.value, approximate=top.approximate, case_ids=[top.case_id])


def sanctioned_people(case: Case) -> list[tuple[str, list[str], list[str]]]:
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


def scope_of(cases: Sequence[Case], incs: Sequence[Incident], findings: AbstractSet[str],
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
        for level, name in case_places(inc.case, (docs or {}).get(inc.case.doc_id)):
            regions[level][name].append(inc.id)
    level_order = ["province", "city", "county", "township", "village"]
    return Scope(
        cases=len(cases), case_ids=sorted(c.id for c in cases),
        incidents=len(incs), incident_ids=[i.id for i in incs],
        copies=[i.copies for i in incs if len(i.copies) > 1],
        documents=len({c.doc_id for c in cases}), doc_ids=sorted({c.doc_id for c in cases}),
        date_from=date_from, date_from_case_ids=sorted({i for v, i in dates if v == date_from}),
        date_to=date_to, date_to_case_ids=sorted({i for v, i in dates if v == date_to}),
        years=sorted(tallies(years), key=lambda t: t.key),
        regions={lv: tallies(regions[lv]) for lv in level_order if lv in regions},
        findings=sum(1 for i in incs if i.id in findings), finding_ids=[i.id for i in incs if i.id in findings],
    )


def who_of(incs: Sequence[Incident]) -> Who:
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
                unit = next((region_name(r) for r in c.regions if r.level == "village"), "")
            if unit:
                case_units.add(unit)
        # 李庄村 says nothing more than 高朗乡李庄村 in the same case
        case_units = {u for u in case_units if not any(o != u and o.endswith(u) for o in case_units)}
        for u in case_units:
            units[u].append(inc.id)
    post_counts = {k: len(v) for k, v in posts.items()}
    return Who(people=people, case_ids=sorted(people_cases),
               posts=tallies(posts, count_of=post_counts),
               without_post=Tally(key="未载明职务", count=len(no_post), case_ids=sorted(set(no_post))),
               units=tallies(units), others=Tally(key="其他涉及人员", count=len(others), case_ids=sorted(set(others))))


def example_clause(case: Case, cue: str) -> str:
    """The shortest clause of the case body (its heading left out) that says the cue."""
    original = clauses(case.text)
    candidates = [o for o in original if cue in simplify(o)]
    body = [o for o in candidates if not re.search(r"问题$|問題$", o)] or candidates
    if not body:
        return ""
    best = min(body, key=lambda o: (len(o) < len(cue) + 4, len(o)))
    best = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[、.．)）]\s*", "", best)
    return best[:60]


def behaviours_of(incs: Sequence[Incident]) -> list[Behaviour]:
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
            cues.extend(category_cues().get(cat.code, ()))
        for cue in dict.fromkeys(cues):
            if cue and cue in text:
                found[cue][inc.id] = official(example_clause(c, cue))
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


def what_of(incs: Sequence[Incident], cases: Sequence[Case]) -> What:
    """Categories, domains, shared wordings and distinctive terms (the pattern in words is
    search.summary.prose.pattern_of)."""
    cats: dict[str, list[str]] = defaultdict(list)
    doms: dict[str, list[str]] = defaultdict(list)
    for inc in incs:
        for code in dict.fromkeys(x.code for x in inc.case.categories):
            cats[code].append(inc.id)
        for code in dict.fromkeys(x.code for x in inc.case.domains):
            doms[code].append(inc.id)
    cat_labels = {k: category_label(k) for k in cats}
    categories = tallies(cats, cat_labels)
    domains = tallies(doms, domain_labels(cases))
    term_lists = [case_terms(i.case) for i in incs]
    terms = [Term(term=t, score=s, count=len(idx), case_ids=sorted(incs[i].id for i in idx))
             for t, s, idx in distinctive_terms(term_lists, k=12)]
    behaviours = behaviours_of(incs)
    return What(pattern="",
                behaviours=behaviours, terms=terms, categories=categories, domains=domains)


def money_of(incs: Sequence[Incident], findings: AbstractSet[str]) -> Money:
    """Involved sums of the sanctioned cases (total, median, largest), recovered and returned
    sums; the involved sums of inspection findings apart, never the largest case."""
    cases = [i for i in incs if i.id not in findings]
    per_case = [a for a in (amount_of(i.case) for i in cases) if a]
    per_case.sort(key=lambda a: (-a.value, a.case_id))
    found = [a for a in (amount_of(i.case) for i in incs if i.id in findings) if a]
    found.sort(key=lambda a: (-a.value, a.case_id))
    recovered = [a for a in (role_amount(i.case, "recovered") for i in cases) if a]
    returned = [a for a in (role_amount(i.case, r) for i in cases for r in ("returned",)) if a]
    return Money(cases_with_amount=len(per_case), case_ids=sorted(a.case_id for a in per_case),
                 total=figure(per_case), median=median(per_case), largest=largest(per_case), per_case=per_case,
                 recovered=figure(recovered), recovered_per_case=recovered,
                 returned=figure(returned), returned_per_case=returned,
                 findings=figure(found), findings_per_case=found)


def sanctions_of(incs: Sequence[Incident], findings: AbstractSet[str]) -> Sanctions:
    """Sanctions of the sanctioned cases (inspection findings left out: they state no sanction
    yet) and 量纪参考 over the sanctioned people, each with the sums attributed to them."""
    incs = [i for i in incs if i.id not in findings]
    label_cases: dict[str, set[str]] = defaultdict(set)
    label_people: Counter[str] = Counter()
    label_posts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    label_amounts: dict[str, list[CaseAmount]] = defaultdict(list)  # per sanctioned person
    precedents: list[Precedent] = []
    none: list[str] = []
    amounts = {i.id: (amount_of(i.case) or CaseAmount(case_id=i.id, value=0.0)) for i in incs}
    for inc in incs:
        c = inc.case
        sp = sanctioned_people(c)
        if not sp:
            none.append(inc.id)
            continue
        cats = [category_label(x) for x in dict.fromkeys(k.code for k in c.categories)]
        for who, posts, labels in sp:
            value, approx = person_amount(c, who) if who else (amounts[inc.id].value, amounts[inc.id].approximate)
            precedents.append(Precedent(case_id=inc.id, person=who, posts=posts, amount=value, approximate=approx,
                                        sanctions=labels, categories=cats, region=place_line(c), year=latest_year(c)))
            for lab in labels:
                label_people[lab] += 1
                label_cases[lab].add(inc.id)
                if value > 0:
                    label_amounts[lab].append(CaseAmount(case_id=inc.id, value=value, approximate=approx))
                for post in posts:
                    label_posts[lab][post].append(inc.id)
    labels = sorted(label_cases, key=sanction_sort_key)
    distribution = [SanctionTally(label=lab, kind=kind_of(lab), incidents=len(label_cases[lab]),
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
            amount_median=median(with_amount) if with_amount else None,
            amount_max=Figure(value=hi.value, approximate=hi.approximate, case_ids=[hi.case_id]) if hi else None,
            posts=tallies(lab_posts, count_of={k: len(v) for k, v in lab_posts.items()})[:5],
        ))
    bands = []
    for low, high, name in amount_bands():
        ids = [i.id for i in incs if low <= amounts[i.id].value < high and amounts[i.id].value > 0]
        counts = {lab: sum(1 for cid in ids if cid in label_cases[lab]) for lab in labels}
        bands.append(AmountBand(band=name, low=low, high=None if high == float("inf") else high,
                                counts={k: v for k, v in counts.items() if v}, case_ids=sorted(ids)))
    ids = [i.id for i in incs if amounts[i.id].value <= 0]
    bands.append(AmountBand(band=no_amount(), low=0.0, high=0.0,
                            counts={k: v for k, v in ((lab, sum(1 for cid in ids if cid in label_cases[lab])) for lab in labels) if v},
                            case_ids=sorted(ids)))
    precedents.sort(key=lambda p: (-max((severity(s) for s in p.sanctions), default=0), -p.amount, p.case_id, p.person))
    return Sanctions(distribution=distribution,
                     without_sanction=Tally(key="未载明处理结果", count=len(none), case_ids=sorted(none)),
                     reference=reference, bands=[b for b in bands if b.case_ids], precedents=precedents)
