"""Corrections on the Elasticsearch store (mixed into search.backends.elastic.store.ElasticStore).

Index `<prefix>-corrections` (config/es/corrections.json) holds, apart from the cases:
- kind `correction`: one entry of the append-only history (search.corrections.Correction),
  with the case it applies to now (`attached_to`, "" when no case matches) and its document;
- kind `extracted` (id `X-<case id>`): the case as extracted, for every case with an active
  correction, and whether it is withheld ("not a case").

The cases index holds corrected cases (their facet fields computed from the corrected values)
and no withheld ones, as the embedded store does (search/backends/sqlite/corrections.py); a document
stored again gets its corrections attached and applied before its cases are indexed, and
`reindex()` copies the corrected cases as they are.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Set as AbstractSet
from typing import TYPE_CHECKING, Any, TypeVar

from elasticsearch import Elasticsearch, NotFoundError

from config.errors import CorrectionError, ElasticError, UnknownCorrection
from extractors.model import Case, Document
from search.corrections import (CaseState, Changes, Correction, active, apply, attach_grouped, new_correction,
                                revert_of, state_of, with_extracted)

if TYPE_CHECKING:
    from search.backends.elastic.bulk import BulkResult

T = TypeVar("T")


def _xid(case_id: str) -> str:
    return f"X-{case_id}"


class ElasticCorrections:
    """add_correction, revert_correction, corrections and case_state of the Elasticsearch store."""

    corrections_index: str

    if TYPE_CHECKING:  # what the mixin uses of ElasticStore (search/backends/elastic/store.py)
        url: str
        es: Elasticsearch
        cases: str
        _dirty: bool
        def _fresh(self) -> None: ...
        def _call(self, what: str, fn: Callable[[], T], *, ok_status: tuple[int, ...] = ()) -> T: ...
        def _walk(self, index: str, query: dict, source: list[str] | bool, key: str = "id",
                  size: int = ..., extra: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]: ...
        def _bulk(self, actions: list[dict[str, Any]]) -> BulkResult: ...
        def _get_case_source(self, case_id: str, fields: list[str] | None = None) -> dict[str, Any] | None: ...
        def get_document(self, doc_id: str) -> Document | None: ...
        def _docs_by_id(self, ids: list[str]) -> dict[str, dict[str, Any]]: ...
        @staticmethod
        def _doc_meta(doc_id: str, info: dict[str, Any]) -> Document: ...
        def _delete_cases(self, ids: list[str]) -> None: ...
        def _prepare(self, case: Case, doc: Document, seq: int | None = None, *,
                     sub: bool | None = None) -> dict[str, Any]: ...
        def _assign_incidents(self, prepared: list[dict[str, Any]]) -> None: ...

    # ------------------------------------------------------------------ reading
    def _history(self, query: dict[str, Any]) -> list[Correction]:
        self._fresh()
        q = {"bool": {"filter": [{"term": {"kind": "correction"}}, query]}}
        out = [Correction.model_validate({**s["entry"], "attached_doc": s["attached_doc"],
                                          "attached_to": s["attached_to"]})
               for s in self._walk(self.corrections_index, q, ["entry", "attached_doc", "attached_to"],
                                   extra={"ignore_unavailable": True})]
        return sorted(out, key=lambda c: (c.at, c.id))

    def corrections(self, case_id: str | None = None) -> list[Correction]:
        if case_id is None:
            return self._history({"match_all": {}})
        return self._history({"bool": {"should": [{"term": {"attached_to": case_id}},
                                                  {"term": {"case_id": case_id}}]}})

    def _extracted(self, case_id: str) -> tuple[Case, bool] | None:
        """The case as extracted and whether it is withheld; None for an unknown case."""
        try:
            res = self._call("read a corrected case", lambda: self.es.get(
                index=self.corrections_index, id=_xid(case_id)), ok_status=(404,))
            if res.get("found"):
                return Case.model_validate(res["_source"]["case"]), bool(res["_source"]["withheld"])
        except NotFoundError:
            pass
        src = self._get_case_source(case_id, ["case"])
        return (Case.model_validate(src["case"]), False) if src else None

    def case_state(self, case_id: str) -> CaseState | None:
        return state_of(self._extracted(case_id), lambda: self._history({"term": {"attached_to": case_id}}))

    def extracted_document(self, doc_id: str) -> Document | None:
        doc = self.get_document(doc_id)
        if doc is None:
            return None
        q = {"bool": {"filter": [{"term": {"kind": "extracted"}}, {"term": {"doc_id": doc_id}}]}}
        kept = {s["case_id"]: Case.model_validate(s["case"])
                for s in self._walk(self.corrections_index, q, ["case_id", "case"], key="case_id",
                                    extra={"ignore_unavailable": True})}
        return with_extracted(doc, kept)

    # ------------------------------------------------------------------ writing
    def import_corrections(self, history: list[Correction]) -> None:
        known = {c.id for c in self._history({"terms": {"id": [c.id for c in history]}})} if history else set()
        self._write_corrections([self._correction_action(c) for c in history if c.id not in known],
                                "copy corrections")

    def _correction_action(self, c: Correction) -> dict[str, Any]:
        return {"_op_type": "index", "_index": self.corrections_index, "_id": c.id, "_source": {
            "kind": "correction", "id": c.id, "at": c.at, "case_id": c.case_id, "doc_id": c.doc_id,
            "reverts": c.reverts, "attached_doc": c.attached_doc, "attached_to": c.attached_to,
            "entry": c.model_dump(mode="json", exclude={"attached_doc", "attached_to"})}}

    def _extracted_action(self, case: Case, withheld: bool) -> dict[str, Any]:
        return {"_op_type": "index", "_index": self.corrections_index, "_id": _xid(case.id), "_source": {
            "kind": "extracted", "case_id": case.id, "doc_id": case.doc_id, "withheld": withheld,
            "case": case.model_dump(mode="json")}}

    def _write_corrections(self, actions: list[dict[str, Any]], what: str) -> None:
        if not actions:
            return
        res = self._bulk(actions)
        if res.failed:
            first = next(iter(res.failed.items()))
            raise ElasticError(f"Elasticsearch at {self.url}: could not {what} ({first[0]}: {first[1]})")

    def add_correction(self, case_id: str, changes: Changes, user: str, note: str = "") -> Correction:
        self._fresh()
        found = self._extracted(case_id)
        if found is None:
            raise UnknownCorrection(f"no case {case_id} in the store")
        corr = new_correction(found[0], changes, user, note)
        history = self._history({"term": {"attached_to": case_id}})
        self._write_corrections([self._correction_action(corr)], "store a correction")
        self._reapply(found[0], history + [corr])
        return corr

    def revert_correction(self, correction_id: str, user: str, note: str = "") -> Correction:
        got = self._history({"term": {"id": correction_id}})
        if not got:
            raise UnknownCorrection(f"no correction {correction_id} in the store")
        if self._history({"term": {"reverts": correction_id}}):
            raise CorrectionError(f"correction {correction_id} is already reverted")
        rev = revert_of(got[0], user, note)
        found = self._extracted(rev.attached_to) if rev.attached_to else None
        history = self._history({"term": {"attached_to": rev.attached_to}}) if found else []
        self._write_corrections([self._correction_action(rev)], "store a revert")
        if found:
            self._reapply(found[0], history + [rev])
        return rev

    def _reapply(self, extracted: Case, history: list[Correction]) -> None:
        """Rewrite one case from its extraction and its history (active corrections applied):
        re-indexed corrected, deleted when withheld, indexed again when no longer withheld."""
        corrected, withheld = apply(extracted, history)
        if active(history):
            self._write_corrections([self._extracted_action(extracted, withheld)], "keep a corrected case")
        else:
            self._write_corrections([{"_op_type": "delete", "_index": self.corrections_index,
                                      "_id": _xid(extracted.id)}], "forget a corrected case")
        current = self._get_case_source(extracted.id, ["incident", "dup_score", "seq", "is_copy"])
        doc = self._doc_meta(extracted.doc_id, self._docs_by_id([extracted.doc_id]).get(extracted.doc_id, {}))
        if current and withheld:
            self._delete_cases([extracted.id])
        elif current:
            p = self._prepare(corrected, doc, seq=current.get("seq"))
            p.update(incident=current["incident"], is_copy=current.get("is_copy", False),
                     dup_score=current.get("dup_score", 1.0))
            self._write_corrections([{"_op_type": "index", "_index": self.cases, "_id": p["id"], "_source": p}],
                                    "re-index a corrected case")
        elif not withheld:
            p = self._prepare(corrected, doc)
            self._assign_incidents([p])
            self._write_corrections([{"_op_type": "index", "_index": self.cases, "_id": p["id"], "_source": p}],
                                    "index a case again")
        self._dirty = True

    def _corrected_cases(self, docs: list[Document], replaced: dict[str, list[str]]) -> dict[str, list[Case]]:
        """{doc id: its cases to index} with the corrections of each document (and of the ones
        it replaces at its path, `replaced`) attached and applied: corrected cases come out
        corrected, withheld ones not at all. Writes the new attachments and extracted copies."""
        wanted = sorted({d.id for d in docs} | {o for olds in replaced.values() for o in olds})
        history = self._history({"terms": {"attached_doc": wanted}}) if wanted else []
        out = {d.id: list(d.cases) for d in docs}
        if not history:
            return out
        actions: list[dict[str, Any]] = []
        for doc in docs:
            mine = [c for c in history if c.attached_doc in {doc.id, *replaced.get(doc.id, [])}]
            if not mine:
                continue
            where, by_case = attach_grouped(doc, doc.cases, mine)
            for c in mine:
                to = where[c.id]
                # one that matches nothing stays with its document (it may come back), attached to no case
                actions.append(self._correction_action(c.model_copy(
                    update={"attached_doc": doc.id if to else c.attached_doc, "attached_to": to})))
            kept = []
            for case in doc.cases:
                if not active(by_case.get(case.id, [])):
                    kept.append(case)
                    continue
                corrected, withheld = apply(case, by_case[case.id])
                actions.append(self._extracted_action(case, withheld))
                if not withheld:
                    kept.append(corrected)
            out[doc.id] = kept
        self._write_corrections(actions, "attach corrections")
        kept_ids = {a["_id"] for a in actions if a["_source"]["kind"] == "extracted"}
        self._forget_extracted({"terms": {"doc_id": wanted}}, keep=kept_ids)
        return out

    def _forget_extracted(self, query: dict[str, Any], keep: AbstractSet[str] = frozenset()) -> None:
        """Delete the extracted copies matching a query, but those in `keep` (walked and
        deleted in bulk: the delete-by-query module is not in every distribution)."""
        self._fresh()
        q = {"bool": {"filter": [{"term": {"kind": "extracted"}}, query]}}
        gone = [_xid(s["case_id"]) for s in self._walk(self.corrections_index, q, ["case_id"], key="case_id",
                                                         extra={"ignore_unavailable": True})
                if _xid(s["case_id"]) not in keep]
        self._write_corrections([{"_op_type": "delete", "_index": self.corrections_index, "_id": i} for i in gone],
                                "forget extracted copies no longer corrected")

    def _detach(self, doc_id: str) -> None:
        """A document is gone: its corrections stay, attached to no case (until it comes back)."""
        mine = [c for c in self._history({"term": {"attached_doc": doc_id}}) if c.attached_to]
        self._write_corrections([self._correction_action(c.model_copy(update={"attached_to": ""})) for c in mine],
                                "detach corrections")
        self._forget_extracted({"term": {"doc_id": doc_id}})


__all__ = ["ElasticCorrections"]
