"""Class-case summaries as plain steps: choose a class, compute its summary, write the report.

`leian summary` uses `write_summary`; the `summaries` flow (pipelines/flows/summaries.py)
uses `run_configured_summaries`, which writes each configured entry with
`write_configured_summary` — one computation (search.summary) for both.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from config.errors import ConfigError
from config.settings import Settings
from search.reports import FORMATS, format_for, write_report
from search.store import CaseStore, Filters
from search.summary import Summary, summary_of_class


def make_summary(store: CaseStore, classes_file: Path, *, class_id: str = "", query: str = "", category: str = "",
                 filters: Filters | None = None, threshold: float | None = None) -> Summary:
    """The summary of the class named by exactly one of class_id, query, category (saved
    classes in `classes_file`, Settings.classes_file)."""
    return summary_of_class(store, classes_file, class_id=class_id, query=query, category=category,
                            filters=filters, threshold=threshold)


def write_summary(store: CaseStore, classes_file: Path, output: Path, *, fmt: str | None = None,
                  class_id: str = "", query: str = "", category: str = "", filters: Filters | None = None,
                  threshold: float | None = None) -> tuple[Summary, list[Path]]:
    """Compute a class's summary and write it as docx/md/json (format from `fmt` or the suffix)."""
    fmt = format_for(Path(output), fmt)
    if fmt not in FORMATS:
        raise ConfigError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
    summary = make_summary(store, classes_file, class_id=class_id, query=query, category=category,
                           filters=filters, threshold=threshold)
    return summary, write_report(summary, Path(output), fmt)


def write_configured_summary(store: CaseStore, classes_file: Path, entry: Mapping, output: Path | str) -> Path:
    """Write the summary one configured entry asks for (settings.summaries: a name and one of
    `class`, `query`, `category`, optional `filters` and `format`) to `output`. The entry's
    name labels the file; the report is titled by its class. Returns the report file written."""
    output = Path(output)
    summary = summary_of_class(store, classes_file, class_id=str(entry.get("class") or ""),
                               query=str(entry.get("query") or ""), category=str(entry.get("category") or ""),
                               filters=Filters.model_validate(entry.get("filters") or {}))
    return write_report(summary, output, format_for(output, entry.get("format")))[0]


def _slug(text: str) -> str:
    return re.sub(r"[^\w\u4e00-\u9fff-]+", "-", text).strip("-") or "summary"


def run_configured_summaries(store: CaseStore, settings: Settings) -> list[Path]:
    """Write every summary listed in the settings (`summaries:` entries with a name and one of
    class / query / category, optional filters, format and output; default output
    `summaries_dir/<name>.<format>`). Used by the `summaries` flow, one entry per task."""
    written: list[Path] = []
    for k, spec in enumerate(settings.summaries):
        if not isinstance(spec, dict):
            raise ConfigError(f"summaries[{k}] must be a mapping with name and class, query or category")
        fmt = str(spec.get("format") or "docx")
        if fmt not in FORMATS:
            raise ConfigError(f"summaries[{k}]: format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        name = spec.get("name") or spec.get("class") or spec.get("category") or spec.get("query") or f"summary-{k + 1}"
        output = Path(spec.get("output") or Path(settings.summaries_dir) / f"{_slug(str(name))}.{fmt}")
        written.append(write_configured_summary(store, settings.classes_file(), {**spec, "format": fmt}, output))
    return written
