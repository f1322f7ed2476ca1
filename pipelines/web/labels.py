"""Chinese labels of codes, and the facet lists of the search page (each value a link that
sets or clears its filter)."""
from __future__ import annotations

from typing import Any

import math
from functools import lru_cache

from pipelines.web.params import SearchParams
from search.store import FacetValue, amount_bands

FACET_TITLES = {"category": "问题类别", "domain": "领域", "region": "地区", "year": "年份", "post": "职务",
                "sanction": "处分", "amount": "金额", "doc_type": "文件类型"}
DOC_TYPES = {"case_notice": "通报", "inspection_report": "巡察报告", "article": "新闻报道"}
SORTS = {"relevance": "相关度", "date": "日期（新→旧）", "amount": "金额（大→小）"}


@lru_cache(maxsize=1)
def _domains() -> dict[str, str]:
    from config import load_yaml

    return {d["code"]: d["label"] for d in load_yaml("domains.yaml")["domains"]}


def category(code: str) -> str:
    from search.classes import category_labels

    return category_labels().get(code, code)


def category_choices() -> list[tuple[str, str]]:
    from search.classes import category_labels

    return sorted(category_labels().items())


def domain(code: str) -> str:
    return _domains().get(code, code)


def domain_choices() -> list[tuple[str, str]]:
    return sorted(_domains().items())


def doc_type(code: str) -> str:
    return DOC_TYPES.get(code, code)


def yuan(value: float) -> str:
    from pipelines.cli_store import _yuan

    return _yuan(value)


def _label(field: str, value: str) -> str:
    return {"category": category, "domain": domain, "doc_type": doc_type}.get(field, str)(value)


def _band_bounds(label: str) -> tuple[str, str] | None:
    for lo, hi, name in amount_bands():
        if name == label:
            return f"{lo:.0f}", ("" if math.isinf(hi) else f"{hi:.0f}")
    return None


def facets(p: SearchParams, facets: dict[str, list[FacetValue]], shown: int | None = None) -> list[dict]:
    """[{field, title, values: [{label, count, url, active}]}] for the facet column (the first
    `shown` values of each field; all by default)."""
    out = []
    adding = p.url_adding()
    for field, values in facets.items():
        rows: list[dict[str, Any]] = []
        for v in values:
            if shown is not None and len(rows) == shown:
                break
            if field == "year":
                active = p.date_from == v.value and p.date_to == v.value
                url = (_replace(p, date_from="", date_to="") if active
                       else p.url(add=[("from", v.value), ("to", v.value)]))
            elif field == "amount":
                bounds = _band_bounds(v.value)
                if bounds is None:
                    continue
                lo, hi = bounds
                active = p.min_amount == lo and p.max_amount == hi
                add = [("min_amount", lo)] + ([("max_amount", hi)] if hi else [])
                url = _replace(p, min_amount="", max_amount="") if active else p.url(add=add)
            else:
                active = v.value in getattr(p, field, [])
                url = p.url(drop=(field, v.value)) if active else adding(field, v.value)
            rows.append({"label": _label(field, v.value), "count": v.count, "url": url, "active": active})
        if rows:
            out.append({"field": field, "title": FACET_TITLES.get(field, field), "values": rows})
    return out


def _replace(p: SearchParams, **changes: str) -> str:
    """The URL of this search with some fields changed, back on page 1."""
    return SearchParams(**{**p.__dict__, **changes, "page": 1}).url()


def active_filters(p: SearchParams) -> list[dict]:
    """The filters set, each with the link that clears it."""
    out = []
    for field in ("category", "domain", "region", "sanction", "post", "doc_type"):
        for v in getattr(p, field):
            out.append({"title": FACET_TITLES[field], "label": _label(field, v), "url": p.url(drop=(field, v))})
    for name, key, title in (("date_from", "from", "起始日期"), ("date_to", "to", "截止日期"),
                             ("min_amount", "min_amount", "最低金额"), ("max_amount", "max_amount", "最高金额")):
        value = getattr(p, name)
        if value:
            out.append({"title": title, "label": value, "url": p.url(drop=(key, value))})
    return out
