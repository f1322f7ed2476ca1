"""Corrections on the embedded store (mixed into search.backends.sqlite.store.SqliteStore).

Tables (schema version 5)
- `corrections`: the append-only history (search.corrections.Correction as JSON), with the
  columns it is looked up by: the case it applies to now (`attached_to`, "" when no case
  matches any more) and its document (`attached_doc`);
- `case_extracted`: the case as extracted, for every case with an active correction, and
  whether it is withheld ("not a case").

The `cases` row of a corrected case holds the corrected case, with its filter and facet
values computed from it, so search, facets, classes and summaries read corrected values
without knowing about corrections; a withheld case has no `cases` row (only its extracted
copy). A document stored again (re-ingestion, reindex, a changed file at the same path)
gets its corrections attached to its new cases and applied in the same transaction.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

import numpy as np

from config.errors import CorrectionError, UnknownCorrection
from extractors.model import Case, Document
from search.corrections import (CaseState, Changes, Correction, active, apply, attach_grouped, new_correction,
                                revert_of, state_of, with_extracted)
from search.indexing import case_date, facet_values, prepare_case


class SqliteCorrections:
    """add_correction, revert_correction, corrections and case_state of the embedded store."""

    if TYPE_CHECKING:  # what the mixin uses of SqliteStore (search/backends/sqlite/store.py)
        @property
        def con(self) -> sqlite3.Connection: ...
        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def get_document(self, doc_id: str) -> Document | None: ...
        def _delete_case_rows(self, con: sqlite3.Connection, rows: list) -> int: ...
        @staticmethod
        def _set_fields(con: sqlite3.Connection, rowid: int, fields: set[tuple[str, str]]) -> None: ...
        def _insert_case(self, con: sqlite3.Connection, doc: Document, case: Case, date: str, seg: str,
                         fields: set[tuple[str, str]], sig: np.ndarray | None) -> None: ...

    # ------------------------------------------------------------------ reading
    @staticmethod
    def _history(con: sqlite3.Connection, where: str, params: list) -> list[Correction]:
        rows = con.execute(f"SELECT data, attached_doc, attached_to FROM corrections WHERE {where}"
                           " ORDER BY at, id", params)
        return [Correction.model_validate_json(d).model_copy(update={"attached_doc": doc, "attached_to": to})
                for d, doc, to in rows]

    def corrections(self, case_id: str | None = None) -> list[Correction]:
        if case_id is None:
            return self._history(self.con, "1", [])
        return self._history(self.con, "attached_to=? OR case_id=?", [case_id, case_id])

    @staticmethod
    def _extracted(con: sqlite3.Connection, case_id: str) -> tuple[Case, bool] | None:
        """The case as extracted and whether it is withheld; None for an unknown case."""
        row = con.execute("SELECT data, withheld FROM case_extracted WHERE case_id=?", (case_id,)).fetchone()
        if row:
            return Case.model_validate_json(row[0]), bool(row[1])
        row = con.execute("SELECT data FROM cases WHERE id=?", (case_id,)).fetchone()
        return (Case.model_validate_json(row[0]), False) if row else None

    def case_state(self, case_id: str) -> CaseState | None:
        con = self.con
        return state_of(self._extracted(con, case_id), lambda: self._history(con, "attached_to=?", [case_id]))

    def extracted_document(self, doc_id: str) -> Document | None:
        doc = self.get_document(doc_id)
        if doc is None:
            return None
        kept = {c.id: c for c in (Case.model_validate_json(d) for (d,) in self.con.execute(
            "SELECT data FROM case_extracted WHERE doc_id=?", (doc_id,)))}
        return with_extracted(doc, kept)

    # ------------------------------------------------------------------ writing
    def import_corrections(self, history: list[Correction]) -> None:
        with self._write() as con:
            for c in history:
                if not con.execute("SELECT 1 FROM corrections WHERE id=?", (c.id,)).fetchone():
                    self._insert_correction(con, c)

    @staticmethod
    def _insert_correction(con: sqlite3.Connection, c: Correction) -> None:
        con.execute("INSERT INTO corrections(id, at, case_id, reverts, attached_doc, attached_to, data)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (c.id, c.at, c.case_id, c.reverts, c.attached_doc, c.attached_to,
                     c.model_dump_json(exclude={"attached_doc", "attached_to"})))

    def add_correction(self, case_id: str, changes: Changes, user: str, note: str = "") -> Correction:
        with self._write() as con:
            found = self._extracted(con, case_id)
            if found is None:
                raise UnknownCorrection(f"no case {case_id} in the store")
            corr = new_correction(found[0], changes, user, note)
            self._insert_correction(con, corr)
            self._reapply(con, found[0])
        return corr

    def revert_correction(self, correction_id: str, user: str, note: str = "") -> Correction:
        with self._write() as con:
            got = self._history(con, "id=?", [correction_id])
            if not got:
                raise UnknownCorrection(f"no correction {correction_id} in the store")
            if self._history(con, "reverts=?", [correction_id]):
                raise CorrectionError(f"correction {correction_id} is already reverted")
            rev = revert_of(got[0], user, note)
            self._insert_correction(con, rev)
            found = self._extracted(con, rev.attached_to) if rev.attached_to else None
            if found:
                self._reapply(con, found[0])
        return rev

    def _reapply(self, con: sqlite3.Connection, extracted: Case) -> None:
        """Rewrite one case from its extraction and its active corrections: its `cases` row
        (data, amount, filter and facet values), removed when withheld, back when not."""
        history = self._history(con, "attached_to=?", [extracted.id])
        corrected, withheld = apply(extracted, history)
        if active(history):
            con.execute("INSERT OR REPLACE INTO case_extracted(case_id, doc_id, withheld, data) VALUES (?,?,?,?)",
                        (extracted.id, extracted.doc_id, int(withheld), extracted.model_dump_json()))
        else:
            con.execute("DELETE FROM case_extracted WHERE case_id=?", (extracted.id,))
        row = con.execute("SELECT rowid, id FROM cases WHERE id=?", (extracted.id,)).fetchone()
        doc = self._doc_meta(con, extracted.doc_id)
        if row and withheld:
            self._delete_case_rows(con, [tuple(row)])
        elif row:
            date = case_date(corrected, doc)
            con.execute("UPDATE cases SET data=?, amount=? WHERE rowid=?",
                        (corrected.model_dump_json(), corrected.total_amount, row[0]))
            self._set_fields(con, row[0], facet_values(corrected, doc, date))
        elif not withheld:
            self._insert_case(con, doc, *prepare_case(corrected, doc))

    @staticmethod
    def _doc_meta(con: sqlite3.Connection, doc_id: str) -> Document:
        """A stored document's fields that a case's facets read (no text, no cases)."""
        row = con.execute("SELECT path, doc_type, issuer, date FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None:
            return Document(id=doc_id, path="", text="")
        return Document(id=doc_id, path=row[0], doc_type=row[1] or "case_notice", issuer=row[2], date=row[3], text="")

    def _corrected(self, con: sqlite3.Connection, doc: Document, prepared: list, replaced: str) -> Iterator[tuple]:
        """The prepared cases of a document being stored, with the corrections of this document
        (and of the one it replaces at its path) attached and applied: a corrected case comes
        out corrected with its facet values recomputed, a withheld one not at all."""
        docs = [doc.id] + ([replaced] if replaced else [])
        history = self._history(con, f"attached_doc IN ({','.join('?' * len(docs))})", docs)
        if not history:
            yield from prepared
            return
        where, by_case = attach_grouped(doc, doc.cases, history)
        for c in history:
            to = where[c.id]
            # one that matches nothing stays with its document (it may come back), attached to no case
            con.execute("UPDATE corrections SET attached_doc=?, attached_to=? WHERE id=?",
                        (doc.id if to else c.attached_doc, to, c.id))
        for case, date, seg, fields, sig in prepared:
            mine = by_case.get(case.id, [])
            if not active(mine):
                yield case, date, seg, fields, sig
                continue
            corrected, withheld = apply(case, mine)
            con.execute("INSERT OR REPLACE INTO case_extracted(case_id, doc_id, withheld, data) VALUES (?,?,?,?)",
                        (case.id, doc.id, int(withheld), case.model_dump_json()))
            if not withheld:
                yield corrected, date, seg, facet_values(corrected, doc, date), sig


__all__ = ["SqliteCorrections"]
