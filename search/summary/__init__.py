"""The class-case rectification summary (类案整改分析) as data.

From a class of alike cases — its Case objects and the store's near-duplicate groups, and
nothing else, so both store backends give the same summary — compute scope, who, what
(the common pattern in the cases' own phrases), money, sanctions (with 量纪参考), 3–5
typical cases with their source documents, rectification measures and institutional gaps.

  model.py     the Summary and its parts (pydantic), every figure with its case_ids
  figures.py   the figures, computed over incidents (near-duplicate copies count once)
  prose.py     the words: the common pattern, a typical case's headline and reason, the notes
  typical.py   choosing the typical cases
  measures.py  measures and gaps (config/rectification.yaml)
  tables.py    the tables read from config/ (summary.yaml, taxonomy.yaml, rectification.yaml)
  chinese.py   numbers, sums and dates written in Chinese
  build.py     build_summary (pure) and summarize (from a store)
  select.py    summary_of_class: the class named by id, query or category

Writing reports is search.reports (DOCX, Markdown, JSON, XLSX); writing the configured
summaries to files is pipelines.summary_steps.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from search.summary.build import build_summary, summarize
    from search.summary.chinese import cn_count, cn_date, cn_number, fmt_yuan
    from search.summary.model import (KIND_CASE, KIND_FINDING, AmountBand, Behaviour, CaseAmount, DocRef, Figure,
                                      Gap, Measure, Money, Precedent, SanctionReference, Sanctions, SanctionTally,
                                      Scope, Summary, Tally, Term, TypicalCase, What, Who)
    from search.summary.select import summary_of_class

__all__ = ["KIND_CASE", "KIND_FINDING", "AmountBand", "Behaviour", "CaseAmount", "DocRef", "Figure", "Gap", "Measure",
           "Money", "Precedent", "SanctionReference", "SanctionTally", "Sanctions", "Scope", "Summary", "Tally", "Term",
           "TypicalCase", "What", "Who", "build_summary", "cn_count", "cn_date", "cn_number", "fmt_yuan", "summarize",
           "summary_of_class"]
# Those names are imported on first use: `search.summary.chinese` alone (the CLI's sums of
# money) must not load the figures, the term vectors and the class selection.
_HOME = {"build_summary": "build", "summarize": "build", "summary_of_class": "select",
         **dict.fromkeys(("cn_count", "cn_date", "cn_number", "fmt_yuan"), "chinese")}


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module(f"search.summary.{_HOME.get(name, 'model')}"), name)
    raise AttributeError(f"module 'search.summary' has no attribute {name!r}")
