"""Class-case summaries as plain steps: choose a class, compute its summary, write the report.

`leian summary` uses these; the `summaries` flow (pipelines/flows/summaries.py) writes each
configured summary with search.summary.write_configured_summary, the same computation.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from extractors.errors import ConfigError
from search.classes import classes_path, select_class
from search.reports import FORMATS, format_for, write_report
from search.store import CaseStore, Filters
from search.summary import Summary, summarize

log = logging.getLogger(__name__)


def make_summary(store: CaseStore, store_location: str, *, class_id: str = "", query: str = "", category: str = "",
                 filters: Filters | None = None, threshold: float | None = None) -> Summary:
    """The summary of the class named by exactly one of class_id, query, category."""
    kw: dict[str, Any] = {} if threshold is None else {"threshold": threshold}
    cd, cases = select_class(store, saved_path=classes_path(store_location), class_id=class_id, query=query,
                             category=category, filters=filters, **kw)
    log.info("summary: class %s (%s) with %d cases", cd.id, cd.name, len(cases))
    return summarize(store, cd, cases)


def write_summary(store: CaseStore, store_location: str, output: Path, *, fmt: str | None = None,
                  class_id: str = "", query: str = "", category: str = "", filters: Filters | None = None,
                  threshold: float | None = None) -> tuple[Summary, list[Path]]:
    """Compute a class's summary and write it as docx/md/json (format from `fmt` or the suffix)."""
    fmt = format_for(Path(output), fmt)
    if fmt not in FORMATS:
        raise ConfigError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
    summary = make_summary(store, store_location, class_id=class_id, query=query, category=category,
                           filters=filters, threshold=threshold)
    return summary, write_report(summary, Path(output), fmt)
