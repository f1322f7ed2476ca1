"""Incidents: near-duplicate copies of one case count once.

The same incident is often republished by a county, a city and a province notice. Both
store backends decide which incident a case joins when it is indexed with `choose_incident`
and list one hit per incident with `one_per_incident`; the store then reports those groups
(CaseStore.duplicates). Within any set of cases, each group's members become one incident
(`incidents`), represented by the copy that states the most (people, amounts, sanctions), so
that no figure counts an incident twice.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import numpy as np
from pydantic import BaseModel, Field

from extractors.model import Case
from search import dedup
from search.store import DuplicateGroup

T = TypeVar("T")


def choose_incident(sig: np.ndarray, text: str, candidates: Iterable[tuple[np.ndarray, str, T]],
                    text_of: Callable[[T], str],
                    representative: Callable[[str], tuple[np.ndarray, T] | None]) -> tuple[str, float] | None:
    """The incident a new case joins, and its estimated Jaccard similarity; None for a case of
    its own. `candidates` are (signature, incident, payload) of the cases of other documents
    that share an LSH band key with it; the most similar one (≥ dedup.THRESHOLD, ties to the
    smaller incident) whose stated numbers agree wins, provided the case also matches that
    incident's representative (`representative(incident)`: its signature and payload, None
    when unknown), so that groups do not drift through chains of slightly different texts.
    `text_of` reads a payload's text only when it is needed."""
    scored = sorted(((dedup.jaccard(sig, other), incident, payload) for other, incident, payload in candidates),
                    key=lambda t: (-t[0], t[1]))
    for j, incident, payload in scored:
        if j < dedup.THRESHOLD:
            break
        if not dedup.same_numbers(text, text_of(payload)):
            continue
        rep = representative(incident)
        if rep is not None and (dedup.jaccard(sig, rep[0]) < dedup.THRESHOLD
                                or not dedup.same_numbers(text, text_of(rep[1]))):
            continue
        return incident, j
    return None


def one_per_incident(items: Iterable[T], incident_of: Callable[[T], str], k: int) -> list[T]:
    """The first `k` items of distinct incidents, in the given order: copies of an incident
    already listed add nothing (similar cases)."""
    picked: list[T] = []
    seen: set[str] = set()
    for item in items:
        incident = incident_of(item)
        if incident in seen:
            continue
        seen.add(incident)
        picked.append(item)
        if len(picked) == k:
            break
    return picked


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
