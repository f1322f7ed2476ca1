"""Classes of alike cases (类案): saved queries, taxonomy categories, automatic clusters.

A class is one of
- a **saved class**: a query with filters and a name, kept as data in a JSON file beside the
  store (`classes.json`), so analysts can come back to "低保优亲厚友" every quarter;
- a **category class**: a taxonomy category, optionally crossed with a domain and a region
  (id `false_claims`, `false_claims+dibao`, `false_claims@湖北省`, `false_claims+dibao@湖北省`);
- a **cluster**: alike cases found automatically — within each case's main category, cases
  are grouped by text similarity (tf-idf over jieba terms, average-linkage agglomerative
  clustering on cosine distance; for very large categories, connected components of the
  mutual-nearest-neighbour graph), and named by the dominant category/domain and the
  cluster's distinctive terms. Its id (`k` + 8 hex) is derived from its most central case,
  so it still resolves after new cases arrive.

Near-duplicate copies count once everywhere (search.incidents). Everything here depends only
on the cases and the duplicate groups, so both store backends give the same classes.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field

from config import load_yaml
from config.errors import ClassNotFound, ClassUsageError, ConfigError
from extractors.divisions import case_provinces
from extractors.model import Case
from search.incidents import Incident, incidents
from search.store import CaseStore, DuplicateGroup, Filters, SearchQuery
from search.term_cache import term_cache, warm
from search.vectors import TermMatrix, case_terms, distinctive_terms

log = logging.getLogger(__name__)

ClassKind = Literal["saved", "category", "cluster", "query"]
DEFAULT_THRESHOLD = 0.3  # cosine similarity for two cases to be alike (average linkage)
LINKAGE_LIMIT = 3000  # above this many incidents in one category, use the neighbour graph
UNCATEGORISED = "uncategorised"
_SAVED_ID = re.compile(r"^[A-Za-z0-9_\-\u4e00-\u9fff]{1,64}$")


class ClassDef(BaseModel):
    """One class of alike cases, as listed by `leian classes` and named in a summary."""

    id: str
    name: str
    kind: ClassKind
    query: str = ""
    filters: Filters = Field(default_factory=Filters)
    category: str = ""
    domain: str = ""
    region: str = ""
    cases: int = 0  # cases in the class (copies included)
    incidents: int = 0  # after near-duplicate copies are counted once
    case_ids: list[str] = Field(default_factory=list)  # members (clusters)
    terms: list[str] = Field(default_factory=list)  # distinctive terms
    anchor: str = ""  # a cluster's most central case
    cohesion: float = 0.0  # a cluster's mean pairwise similarity


# --- labels -------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def category_labels() -> dict[str, str]:
    """Taxonomy code → label (config/taxonomy.yaml)."""
    data = load_yaml("taxonomy.yaml")
    labels = {c["code"]: c["label"] for c in data["categories"]}
    labels[UNCATEGORISED] = "未分类"
    return labels


def category_label(code: str) -> str:
    return category_labels().get(code, code)


@lru_cache(maxsize=1)
def _configured_domain_labels() -> dict[str, str]:
    try:
        return {d["code"]: d["label"] for d in load_yaml("domains.yaml")["domains"]}
    except FileNotFoundError:
        return {}


def domain_labels(cases: Sequence[Case]) -> dict[str, str]:
    """Domain code → label: the domain lexicon's (config/domains.yaml), else the first label
    the extractor gave, else the code."""
    configured = _configured_domain_labels()
    out: dict[str, str] = {}
    for c in cases:
        for d in c.domains:
            if d.code in configured:
                out[d.code] = configured[d.code]
            elif d.label and out.get(d.code, d.code) == d.code:
                out[d.code] = d.label
            out.setdefault(d.code, d.code)
    return out


def primary_category(case: Case) -> str:
    """The case's main category: the first the extractor gives."""
    return case.categories[0].code if case.categories else UNCATEGORISED


# --- category classes -----------------------------------------------------------------------
def parse_category_id(class_id: str) -> tuple[str, str, str] | None:
    """`code[+domain][@region]` → (code, domain, region), or None when `code` is no category."""
    m = re.fullmatch(r"([a-z_]+)(?:\+([^@]+))?(?:@(.+))?", class_id)
    if not m or m.group(1) not in category_labels():
        return None
    return m.group(1), m.group(2) or "", m.group(3) or ""


def repeats_category(code: str, domain: str, domain_label: str = "") -> bool:
    """Whether a domain only says its category again: the same code (collective_assets in
    collective_assets), one code the other's stem (allowances, allowances_benefits), or the
    domain's label inside the category's (公务用车 in 公车私用或违规配备使用公务用车)."""
    if not domain:
        return False
    if domain == code or domain.startswith(code + "_") or code.startswith(domain + "_"):
        return True
    label = domain_label or _configured_domain_labels().get(domain, "")
    return bool(label) and label in category_label(code)


def category_class(code: str, domain: str = "", region: str = "", domain_label: str = "") -> ClassDef:
    """The class of one category, optionally crossed with a domain and a region; a domain that
    repeats the category is not named twice."""
    cid = code + (f"+{domain}" if domain else "") + (f"@{region}" if region else "")
    shown = "" if repeats_category(code, domain, domain_label) else (domain_label or domain)
    name = category_label(code) + (f"·{shown}" if shown else "") + (f"·{region}" if region else "")
    filters = Filters(category=[code] if code != UNCATEGORISED else [], domain=[domain] if domain else [],
                      region=[region] if region else [])
    return ClassDef(id=cid, name=name, kind="category", category=code, domain=domain, region=region, filters=filters)


def category_classes(cases: Sequence[Case], groups: Sequence[DuplicateGroup], min_incidents: int = 2) -> list[ClassDef]:
    """Every category with its size, and its crossings with a domain and with a province
    that hold at least `min_incidents` incidents; largest first."""
    incs = incidents(cases, groups)
    dlabels = domain_labels(cases)
    counts: dict[tuple[str, str, str], list[Incident]] = {}
    for inc in incs:
        c = inc.case
        cats = list(dict.fromkeys(x.code for x in c.categories))
        doms = list(dict.fromkeys(d.code for d in c.domains))
        # provinces as the region filter reads them (extractors.divisions: 仙桃市 is in 湖北省)
        provs = sorted(case_provinces(c) or {(r.normalized or r.name) for r in c.regions if r.level == "province"})
        for cat in cats:
            counts.setdefault((cat, "", ""), []).append(inc)
            for d in doms:
                if not repeats_category(cat, d, dlabels.get(d, "")):  # no collective_assets+collective_assets
                    counts.setdefault((cat, d, ""), []).append(inc)
            for p in provs:
                counts.setdefault((cat, "", p), []).append(inc)
    out = []
    for (cat, dom, reg), items in counts.items():
        if (dom or reg) and len(items) < min_incidents:
            continue
        cd = category_class(cat, dom, reg, dlabels.get(dom, ""))
        cd.incidents = len(items)
        cd.cases = sum(len(i.copies) for i in items)
        cd.terms = [t for t, _, _ in distinctive_terms([case_terms(i.case) for i in items], k=5)]
        out.append(cd)
    out.sort(key=lambda c: (bool(c.domain or c.region), -c.incidents, c.id))
    return out


# --- clusters -------------------------------------------------------------------------------
def _cluster_labels(tm: TermMatrix, rows: list[int], threshold: float) -> np.ndarray:
    """Cluster index of each of the rows: average linkage cut at 1 - threshold (cosine distance)."""
    n = len(rows)
    if n == 1:
        return np.zeros(1, dtype=int)
    sub = tm.matrix[rows]
    if n <= LINKAGE_LIMIT:
        from scipy.cluster.hierarchy import fcluster, linkage
        from scipy.spatial.distance import squareform

        sim = np.clip((sub @ sub.T).toarray(), 0.0, 1.0)
        dist = 1.0 - sim
        np.fill_diagonal(dist, 0.0)
        z = linkage(squareform(dist, checks=False), method="average")
        return fcluster(z, t=1.0 - threshold, criterion="distance") - 1
    # Large groups: components of the mutual top-10 neighbour graph (no chaining through hubs).
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    nbrs = TermMatrix.from_matrix(sub).top_neighbours(k=10, threshold=threshold)
    sets = [{j for j, _ in row} for row in nbrs]
    src, dst = [], []
    for i, row in enumerate(nbrs):
        for j, _ in row:
            if i in sets[j]:
                src.append(i)
                dst.append(j)
    graph = sparse.coo_matrix((np.ones(len(src)), (src, dst)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels


def cluster_id(anchor_case_id: str) -> str:
    """A cluster's id, from its most central case."""
    return "k" + hashlib.sha1(anchor_case_id.encode("utf-8")).hexdigest()[:8]


def find_clusters(cases: Sequence[Case], groups: Sequence[DuplicateGroup], *, threshold: float = DEFAULT_THRESHOLD,
                  min_size: int = 2) -> list[ClassDef]:
    """Alike-case clusters of at least `min_size` incidents, largest first.

    Term weights (idf) come from all the incidents given, so a word common to a whole
    category (低保 among 低保 cases) still tells it from others; clustering then runs within
    each main category."""
    incs = incidents(cases, groups)
    if not incs:
        return []
    dlabels = domain_labels(cases)
    warm([i.case for i in incs])  # the terms of every incident, from the cache or in one batch
    terms = [case_terms(i.case) for i in incs]
    tm = TermMatrix(terms)
    by_cat: dict[str, list[int]] = {}
    for k, inc in enumerate(incs):
        by_cat.setdefault(primary_category(inc.case), []).append(k)
    out: list[ClassDef] = []
    for cat in sorted(by_cat):
        rows = by_cat[cat]
        if len(rows) < min_size:
            continue
        members: dict[int, list[int]] = {}  # cluster label -> incident indices, in one pass
        for i, lab in enumerate(_cluster_labels(tm, rows, threshold).tolist()):
            members.setdefault(lab, []).append(rows[i])
        for lab in sorted(members):
            idx = members[lab]
            if len(idx) >= min_size:
                out.append(_cluster_def(cat, [incs[i] for i in idx], [terms[i] for i in idx], tm, idx, dlabels))
    out.sort(key=lambda c: (-c.incidents, c.id))
    return out


def _cluster_def(cat: str, members: list[Incident], terms: list[list[str]], tm: TermMatrix, idx: list[int],
                 dlabels: dict[str, str]) -> ClassDef:
    sub = tm.matrix[idx]
    block = np.clip((sub @ sub.T).toarray(), 0.0, 1.0)
    n = len(idx)
    mean_sim = (block.sum(axis=1) - block.diagonal()) / max(n - 1, 1)
    best = sorted(range(n), key=lambda i: (-round(float(mean_sim[i]), 9), members[i].id))[0]
    anchor = members[best].id
    cohesion = float((block.sum() - block.diagonal().sum()) / (n * (n - 1))) if n > 1 else 1.0
    dom_counts = Counter(d for m in members for d in dict.fromkeys(x.code for x in m.case.domains))
    dom = ""
    if dom_counts:
        top, cnt = sorted(dom_counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if cnt * 2 >= n:
            dom = top
    top_terms = [t for t, _, _ in distinctive_terms(terms, k=5)]
    name = category_label(cat) + (f"·{dlabels.get(dom, dom)}" if dom and not repeats_category(cat, dom, dlabels.get(dom, "")) else "")
    if top_terms:
        name += "：" + "、".join(top_terms[:3])
    case_ids = sorted(cid for m in members for cid in m.copies)
    return ClassDef(id=cluster_id(anchor), name=name, kind="cluster", category=cat, domain=dom,
                    cases=len(case_ids), incidents=n, case_ids=case_ids, terms=top_terms, anchor=anchor,
                    cohesion=round(cohesion, 4))


# --- saved classes --------------------------------------------------------------------------
# (where the file lives is a setting: config.settings.Settings.classes_file)
def load_saved(path: Path) -> list[ClassDef]:
    """The saved classes in a classes file ([] when there is none yet)."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [ClassDef.model_validate({**row, "kind": "saved"}) for row in data.get("classes", [])]
    except (ValueError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a classes file ({exc})") from exc


def _write_saved(path: Path, classes: list[ClassDef]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [c.model_dump(mode="json", include={"id", "name", "query", "filters"}) for c in classes]
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps({"classes": rows}, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)  # never a half-written file


def save_class(path: Path, class_id: str, name: str, query: str, filters: Filters) -> ClassDef:
    """Save (or replace) a class: a query with filters and a name."""
    if not _SAVED_ID.match(class_id) or parse_category_id(class_id) or re.fullmatch(r"k[0-9a-f]{8}", class_id):
        raise ClassUsageError(f"bad class id {class_id!r}: use letters, digits, - or _, not a category code or k+hex")
    if not query and filters == Filters():
        raise ClassUsageError("a saved class needs a query or at least one filter")
    saved = [c for c in load_saved(path) if c.id != class_id]
    cd = ClassDef(id=class_id, name=name or class_id, kind="saved", query=query, filters=filters)
    _write_saved(path, saved + [cd])
    return cd


def delete_class(path: Path, class_id: str) -> None:
    saved = load_saved(path)
    if not any(c.id == class_id for c in saved):
        raise ClassNotFound(f"no saved class {class_id!r} in {path}")
    _write_saved(path, [c for c in saved if c.id != class_id])


# --- from a class to its cases --------------------------------------------------------------
MAX_QUERY_CASES = 10_000  # a search engine pages through at most this many hits (ES max_result_window)


def query_cases(store: CaseStore, text: str, filters: Filters, page_size: int = 200,
                limit: int = MAX_QUERY_CASES) -> list[Case]:
    """Every case a query with filters finds (all pages, the `limit` most relevant at most),
    or every case the filters match."""
    if not text.strip():
        return sorted(store.iter_cases(filters), key=lambda c: c.id)
    out: dict[str, Case] = {}
    page = 1
    total = 0
    while len(out) < limit:
        size = min(page_size, limit - (page - 1) * page_size)
        if size <= 0:
            break
        res = store.search(SearchQuery(text=text, filters=filters, page=page, size=page_size, facets=False))
        total = res.total
        for hit in res.hits[:size]:
            out.setdefault(hit.case.id, hit.case)
        if not res.hits or len(out) >= res.total:
            break
        page += 1
    if total > len(out):
        log.warning("query %r finds %d cases; the class keeps the %d most relevant", text, total, len(out))
    return sorted(out.values(), key=lambda c: c.id)


def store_groups(store: CaseStore) -> list[DuplicateGroup]:
    return list(store.duplicates())


def resolve_class(store: CaseStore, class_id: str, saved_path: Path, *,
                  threshold: float = DEFAULT_THRESHOLD) -> tuple[ClassDef, list[Case]]:
    """A class id (saved, category, or cluster) → its definition and its cases."""
    for cd in load_saved(saved_path):
        if cd.id == class_id:
            return cd, query_cases(store, cd.query, cd.filters)
    parsed = parse_category_id(class_id)
    if parsed:
        code, dom, reg = parsed
        cd = category_class(code, dom, reg)
        cases = query_cases(store, "", cd.filters)
        if code == UNCATEGORISED:
            cases = [c for c in cases if not c.categories]
        if dom:
            cd.name = category_class(code, dom, reg, domain_labels(cases).get(dom, "")).name
        return cd, cases
    if re.fullmatch(r"k[0-9a-f]{8}", class_id):
        all_cases = sorted(store.iter_cases(), key=lambda c: c.id)
        for cd in find_clusters(all_cases, store_groups(store), threshold=threshold):
            if cd.id == class_id or cluster_id_matches(class_id, cd):
                ids = set(cd.case_ids)
                return cd, [c for c in all_cases if c.id in ids]
    raise ClassNotFound(f"no class {class_id!r}: run `leian classes` to list them")


def _narrow(store: CaseStore, cases: list[Case], filters: Filters) -> list[Case]:
    """Keep the cases that also match the filters (the store decides what a filter means)."""
    if filters == Filters():
        return cases
    allowed = {c.id for c in store.iter_cases(filters)}
    return [c for c in cases if c.id in allowed]


def describe_filters(filters: Filters) -> str:
    """Filters in words, for a class name: 地区=湖北省；职务含村党支部书记."""
    parts = []
    names = {"category": "类别", "domain": "领域", "region": "地区", "sanction": "处理", "post": "职务",
             "doc_type": "文种"}
    for field, name in names.items():
        values = getattr(filters, field)
        if values:
            parts.append(f"{name}={'/'.join(category_label(v) if field == 'category' else v for v in values)}")
    if filters.date_from or filters.date_to:
        parts.append(f"时间{filters.date_from or '…'}至{filters.date_to or '…'}")
    if filters.amount_min is not None or filters.amount_max is not None:
        lo = f"{filters.amount_min:g}" if filters.amount_min is not None else "…"
        hi = f"{filters.amount_max:g}" if filters.amount_max is not None else "…"
        parts.append(f"金额{lo}至{hi}元")
    return "；".join(parts)


def select_class(store: CaseStore, *, saved_path: Path, class_id: str = "", query: str = "", category: str = "",
                 filters: Filters | None = None, threshold: float = DEFAULT_THRESHOLD) -> tuple[ClassDef, list[Case]]:
    """The class a summary is about — by id, by an ad-hoc query, or by category — narrowed by
    any further filters; with its cases."""
    filters = filters or Filters()
    chosen = [x for x in (class_id, query, category) if x]
    if len(chosen) != 1:
        raise ClassUsageError("name the class with exactly one of --class ID, --query Q or --category CODE")
    if class_id:
        cd, cases = resolve_class(store, class_id, saved_path, threshold=threshold)
        narrowed = _narrow(store, cases, filters)
        if len(narrowed) != len(cases):
            cd = cd.model_copy(update={"name": f"{cd.name}（{describe_filters(filters)}）"})
        return cd, narrowed
    if query:
        desc = describe_filters(filters)
        name = f"“{query}”" + (f"（{desc}）" if desc else "")
        cd = ClassDef(id="query", name=name, kind="query", query=query, filters=filters)
        return cd, query_cases(store, query, filters)
    if category not in category_labels():
        raise ClassUsageError(f"unknown category {category!r}: use a taxonomy code such as false_claims "
                         f"({', '.join(sorted(category_labels()))})")
    domain = filters.domain[0] if len(filters.domain) == 1 else ""
    region = filters.region[0] if len(filters.region) == 1 else ""
    rest = filters.model_copy(update={"category": [], "domain": [] if domain else filters.domain,
                                      "region": [] if region else filters.region})
    cd, cases = resolve_class(store, category_class(category, domain, region).id, saved_path, threshold=threshold)
    narrowed = _narrow(store, cases, rest)
    if rest != Filters():
        cd = cd.model_copy(update={"name": f"{cd.name}（{describe_filters(rest)}）", "filters": filters})
    return cd, narrowed


def cluster_id_matches(class_id: str, cd: ClassDef) -> bool:
    """A cluster still answers to an earlier id when that id's anchor case is now a member
    (its centre moved as cases were added)."""
    return any(cluster_id(cid) == class_id for cid in cd.case_ids)


class ClassListing(BaseModel):
    """Everything `leian classes` shows."""

    cases: int
    incidents: int
    saved: list[ClassDef]
    categories: list[ClassDef]
    clusters: list[ClassDef]


def terms_cache_path(saved_path: Path) -> Path:
    """The term cache (search.term_cache) beside the saved classes."""
    return Path(saved_path).with_name("terms.db")


def list_classes(store: CaseStore, saved_path: Path, *, threshold: float = DEFAULT_THRESHOLD,
                 min_size: int = 2) -> ClassListing:
    """Saved classes (sized by running them), category classes and clusters of a store."""
    with term_cache(terms_cache_path(saved_path)):
        return _list_classes(store, saved_path, threshold=threshold, min_size=min_size)


def _list_classes(store: CaseStore, saved_path: Path, *, threshold: float, min_size: int) -> ClassListing:
    all_cases = sorted(store.iter_cases(), key=lambda c: c.id)
    groups = store_groups(store)
    # every term needed below, in one batch; terms of texts no longer in the store are dropped
    incs = incidents(all_cases, groups)
    warm([i.case for i in incs], prune=True)
    saved = []
    for cd in load_saved(saved_path):
        cases = query_cases(store, cd.query, cd.filters)
        cd.cases = len(cases)
        cd.incidents = len(incidents(cases, groups))
        saved.append(cd)
    return ClassListing(
        cases=len(all_cases),
        incidents=len(incs),
        saved=saved,
        categories=category_classes(all_cases, groups, min_incidents=min_size),
        clusters=find_clusters(all_cases, groups, threshold=threshold, min_size=min_size),
    )
