"""Rectification measures and institutional gaps of a class (config/rectification.yaml):
those of its categories and domains, each with the cases it answers, and the gaps read from
the cases' words and from their extracted fields."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from search.incidents import Incident
from search.posts import posts_of
from search.summary.figures import subjects
from search.summary.model import Gap, Measure, MeasureKind, Tally
from search.summary.tables import rectification
from search.text import simplify


def _says(texts: Mapping[str, str], ids: Sequence[str], cues: Sequence[str] | None) -> list[str]:
    """The ids whose (simplified) text says one of the cues; all of them when no cues are set."""
    if not cues:
        return list(ids)
    words = [simplify(c) for c in cues]
    return [i for i in ids if any(w in texts[i] for w in words)]


def measures_of(incs: Sequence[Incident], categories: list[Tally]) -> list[Measure]:
    """Measures of the categories and domains present in the class, each with the cases it
    answers: a measure or a domain with `when` cues answers only the cases whose text says one
    of them (a fee a village charged its villagers calls for no measure on fees charged to
    enterprises), `unless` cues exclude cases; a measure that answers no case is left out."""
    conf = rectification()
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


def gaps_of(incs: Sequence[Incident], categories: list[Tally]) -> list[Gap]:
    conf = rectification()
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
    conf = rectification().get("computed_gaps", {})
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
