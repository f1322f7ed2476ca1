"""`leian corrections export DIR`: analysts' corrections as gold annotations.

One NAME.gold.json per corrected document (/work/shared/spec/gold-format.md) with every case
of the document as the store holds it — corrected cases corrected, the others as extracted,
cases marked "not a case" left out — so the file is a complete gold for that document; the
document text beside it as NAME.txt, the corpus layout `leian eval DIR` and score.py read.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from extractors.model import Case, Document
from search.corrections import active
from search.store import CaseStore

log = logging.getLogger(__name__)

ANCHOR_MIN, ANCHOR_MAX = 8, 40  # characters (whitespace not counted)
_WS = re.compile(r"\s")
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass
class GoldExport:
    documents: int = 0
    cases: int = 0
    corrected_cases: int = 0
    unattached: list[str] = field(default_factory=list)  # ids of corrections no case matches
    problems: list[str] = field(default_factory=list)  # one line each: what check_gold would refuse
    files: list[Path] = field(default_factory=list)

    def summary_line(self) -> str:
        line = (f"exported {self.documents} documents ({self.cases} cases, {self.corrected_cases} corrected)")
        if self.unattached:
            line += f"; {len(self.unattached)} corrections match no stored case (leian corrections list --unattached)"
        if self.problems:
            line += f"; {len(self.problems)} problems to fix before the gold is complete"
        return line


def anchor(case: Case, doc_text: str) -> str:
    """A short verbatim piece of the case text found once in the document (whitespace
    ignored, as check_gold.py compares): the shortest from the case's start, else from a
    later position; "" when the case text repeats elsewhere in whole."""
    keep = [i for i, ch in enumerate(case.text) if not _WS.match(ch)]
    flat = "".join(case.text[i] for i in keep)
    whole = _WS.sub("", doc_text)
    for start in range(0, max(1, len(flat) - ANCHOR_MIN + 1)):
        for length in range(ANCHOR_MIN, min(ANCHOR_MAX, len(flat) - start) + 1):
            piece = flat[start:start + length]
            if whole.count(piece) == 1:
                return case.text[keep[start]:keep[start + length - 1] + 1]
    return ""


def gold_case(case: Case, doc_text: str) -> dict:
    """One case in the gold format."""
    return {
        "anchor": anchor(case, doc_text),
        "people": [{"name": p.name, "position": p.position} for p in case.people],
        "amounts": [{"text": a.text, "value": a.value} for a in case.amounts],
        "sanctions": list(dict.fromkeys(s.label for s in case.sanctions)),
        "categories": list(dict.fromkeys(c.code for c in case.categories)),
    }


def gold_document(doc: Document) -> tuple[dict, list[str]]:
    """The gold of a stored document and the problems check_gold.py would report in it."""
    cases = [gold_case(c, doc.text) for c in doc.cases]
    problems = []
    for c, g in zip(doc.cases, cases):
        if not g["anchor"]:
            problems.append(f"case {c.id}: its text occurs more than once in the document; no anchor")
        if not g["categories"]:
            problems.append(f"case {c.id}: no category (leian corrections add {c.id} --categories CODE)")
    return {"doc_type": doc.doc_type, "cases": cases}, problems


def _name(doc: Document, taken: set[str]) -> str:
    stem = _UNSAFE.sub("_", Path(doc.path).stem).strip("._") or "document"
    name = stem if stem not in taken else f"{stem}-{doc.id[:12]}"
    taken.add(name)
    return name


def export_gold(store: CaseStore, out_dir: Path) -> GoldExport:
    """Write NAME.txt and NAME.gold.json for every document with an active correction."""
    report = GoldExport()
    history = store.corrections()
    live = active(history)
    report.unattached = [c.id for c in live if not c.attached_to]
    corrected = {c.attached_to for c in live if c.attached_to}
    doc_ids = sorted({c.attached_doc for c in live if c.attached_to})
    out_dir.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    for doc_id in doc_ids:
        doc = store.get_document(doc_id)
        if doc is None:
            log.warning("corrections export: document %s is not in the store", doc_id)
            continue
        gold, problems = gold_document(doc)
        name = _name(doc, taken)
        (out_dir / f"{name}.txt").write_text(doc.text, encoding="utf-8")
        gold_path = out_dir / f"{name}.gold.json"
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        report.files.append(gold_path)
        report.documents += 1
        report.cases += len(doc.cases)
        report.corrected_cases += sum(1 for c in doc.cases if c.id in corrected)
        report.problems.extend(f"{name}: {p}" for p in problems)
    return report


__all__ = ["GoldExport", "anchor", "export_gold", "gold_document"]
