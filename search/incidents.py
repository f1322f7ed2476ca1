"""Incidents: near-duplicate copies of one case count once.

The same incident is often republished by a county, a city and a province notice. The store
finds those groups (CaseStore.duplicates); within any set of cases, each group's members
become one incident, represented by the copy that states the most (people, amounts,
sanctions), so that no figure counts an incident twice.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel, Field

from extractors.model import Case
from search.store import DuplicateGroup


class Incident(BaseModel):
    """One incident among a set of cases: the copy that represents it and all its copies."""

    case: Case
    copies: list[str] = Field(default_factory=list)  # every case id of it in the set, rep first

    @property
    def id(self) -> str:
        return self.case.id


def _richness(case: Case) -> tuple[int, int]:
    return (len(case.people) + len(case.amounts) + len(case.sanctions) + len(case.categories), len(case.text))


def incidents(cases: Sequence[Case], groups: Iterable[DuplicateGroup]) -> list[Incident]:
    """The incidents of a set of cases, in the order of the cases' ids.

    Only group members inside the set are joined; a group with one member inside the set
    is a plain case. Within a group the richest copy represents it (ties: the group's order).
    """
    by_id = {c.id: c for c in cases}
    owner: dict[str, int] = {}
    members: list[list[str]] = []
    for g in groups:
        inside = [cid for cid in dict.fromkeys(g.case_ids) if cid in by_id and cid not in owner]
        if len(inside) < 2:
            continue
        for cid in inside:
            owner[cid] = len(members)
        members.append(inside)
    out: list[Incident] = []
    seen_groups: set[int] = set()
    for cid in sorted(by_id):
        if cid not in owner:
            out.append(Incident(case=by_id[cid], copies=[cid]))
            continue
        gi = owner[cid]
        if gi in seen_groups:
            continue
        seen_groups.add(gi)
        ids = members[gi]
        rep = max(ids, key=lambda i: (_richness(by_id[i]), -ids.index(i)))
        out.append(Incident(case=by_id[rep], copies=[rep] + [i for i in ids if i != rep]))
    out.sort(key=lambda inc: inc.id)
    return out
