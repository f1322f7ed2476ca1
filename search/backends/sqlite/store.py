"""The embedded store: one SQLite file with FTS5, no server.

Tables
- `documents` (one row per distinct file content, keyed by sha256) and `document_paths`
  (every path that content was seen at; identical copies share one document);
- `cases`: the Case as JSON plus columns for sorting/filtering (latest date, year, total
  amount, doc_type, near-duplicate incident id);
- `case_keys`: a narrow copy of the columns search sorts and groups on (date, amount,
  incident), kept in step by triggers: a search touching 10,000 matches reads a few
  hundred small pages instead of 10,000 rows that each fill a page with JSON;
- `case_fields` (field, value, case): normalised filter/facet values for every FACET_FIELDS
  field — one indexed lookup per filter; `facet_values` numbers each (field, value) and
  `case_facets` holds each case's numbers packed in a blob, so facet counts over thousands
  of matches are one narrow read and a numpy bincount — or, in a long-lived process, a gather
  from an in-memory copy of the table (facet_index.py) while the store is unchanged;
- `cases_fts`: FTS5 over jieba-segmented, simplified-script text (tokens joined by spaces,
  `unicode61`), bm25 ranking: column `seg` holds the words (phrases, adjacency), column
  `sub` their sub-words (`search.query.subwords`: the suffixes of longer words, so `冒领`
  finds `虚报冒领`), weighted SUB_WEIGHT in bm25; `cases_vocab` (fts5vocab, per column)
  gives the words' document frequencies;
- `case_minhash` / `case_bands`: MinHash signatures and LSH band keys for near-duplicates;
- `ledger`: one row per file seen by ingestion; `meta`: the schema version.

Every write is one `BEGIN IMMEDIATE` transaction (a document with all its cases, or one
ledger row), the journal is WAL, and `busy_timeout` makes concurrent writers wait their
turn instead of failing, so two ingest processes can share a store and a killed process
leaves it consistent.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import lru_cache
from datetime import datetime, UTC
from pathlib import Path

import numpy as np

from config.errors import QuerySyntaxError, StoreError
from extractors.divisions import case_region_names
from extractors.model import Case, Document
from search import dedup, similar as sim
from search.backends.sqlite.corrections import SqliteCorrections
from search.backends.sqlite.facet_index import FacetIndex, Loaded
from search.backends.sqlite.page_order import Page, best_page, page_of
from search.highlight import Needles, snippet
from search.incidents import choose_incident, one_per_incident
from search.indexing import prepare_document, segmented
from search.locks import file_lock
from search.normalize import normalize, region_filter_values, to_simplified
from search.query import (SUB_WEIGHT, Node, analyse, is_pure_negation, negated_fts5, positive_terms, query_tokens,
                          subwords, to_fts5)
from search.wal import set_wal
from search.store import (AMOUNT_FACET, FACET_FIELDS, CaseStore, DuplicateGroup, FacetValue, Filters, Hit, LedgerEntry,
                          LedgerStatus, SearchQuery, SearchResult, SimilarHit, amount_bands)

log = logging.getLogger(__name__)

SCHEMA_VERSION = 6
BUSY_TIMEOUT_MS = 120_000
FACET_LIMIT = 20
_RID_SCORE = np.dtype([("rid", np.int64), ("score", np.float64)])
# matches whose scores a relevance search fetches (page_order.best_page): TOP_FETCH, or
# FETCH_PER_HIT for each hit up to the end of the page asked for (later pages, copies skipped)
TOP_FETCH = 100
FETCH_PER_HIT = 4

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
    doc_type TEXT NOT NULL DEFAULT '', issuer TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL, warnings TEXT NOT NULL DEFAULT '[]', extractor_version TEXT NOT NULL DEFAULT '',
    stored_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS document_paths (path TEXT PRIMARY KEY, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS document_paths_doc ON document_paths(doc_id);
CREATE TABLE IF NOT EXISTS cases (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    date TEXT NOT NULL DEFAULT '', year INTEGER, amount REAL NOT NULL DEFAULT 0,
    doc_type TEXT NOT NULL DEFAULT '', incident TEXT NOT NULL, dup_score REAL NOT NULL DEFAULT 1,
    data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS cases_doc ON cases(doc_id);
CREATE INDEX IF NOT EXISTS cases_date ON cases(date);
CREATE INDEX IF NOT EXISTS cases_amount ON cases(amount);
CREATE INDEX IF NOT EXISTS cases_incident ON cases(incident);
CREATE TABLE IF NOT EXISTS case_fields (
    field TEXT NOT NULL, value TEXT NOT NULL, case_rowid INTEGER NOT NULL,
    PRIMARY KEY (field, value, case_rowid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS case_fields_case ON case_fields(case_rowid, field);
CREATE TABLE IF NOT EXISTS facet_values (
    id INTEGER PRIMARY KEY, field TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (field, value));
CREATE TABLE IF NOT EXISTS case_facets (case_rowid INTEGER PRIMARY KEY, ids BLOB NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS cases_fts USING fts5(seg, sub, tokenize='unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS cases_vocab USING fts5vocab(cases_fts, 'col');
CREATE TABLE IF NOT EXISTS case_minhash (case_rowid INTEGER PRIMARY KEY, sig BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS case_bands (
    band INTEGER NOT NULL, key INTEGER NOT NULL, case_rowid INTEGER NOT NULL,
    PRIMARY KEY (key, band, case_rowid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS case_bands_case ON case_bands(case_rowid);
CREATE TABLE IF NOT EXISTS ledger (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL DEFAULT '', size INTEGER NOT NULL DEFAULT 0,
    mtime REAL NOT NULL DEFAULT 0, status TEXT NOT NULL, error TEXT NOT NULL DEFAULT '',
    extractor_version TEXT NOT NULL DEFAULT '', doc_id TEXT NOT NULL DEFAULT '',
    cases INTEGER NOT NULL DEFAULT 0, seconds REAL NOT NULL DEFAULT 0, updated_at TEXT NOT NULL,
    ocr_pages INTEGER NOT NULL DEFAULT 0, ocr_confidence REAL);
CREATE INDEX IF NOT EXISTS ledger_status ON ledger(status);
""" + """
CREATE TABLE IF NOT EXISTS corrections (
    id TEXT PRIMARY KEY, at TEXT NOT NULL, case_id TEXT NOT NULL, reverts TEXT NOT NULL DEFAULT '',
    attached_doc TEXT NOT NULL, attached_to TEXT NOT NULL DEFAULT '', data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS corrections_doc ON corrections(attached_doc);
CREATE INDEX IF NOT EXISTS corrections_case ON corrections(attached_to);
CREATE TABLE IF NOT EXISTS case_extracted (
    case_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, withheld INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS case_extracted_doc ON case_extracted(doc_id);
""" + """
CREATE TABLE IF NOT EXISTS case_keys (
    rowid INTEGER PRIMARY KEY, date TEXT NOT NULL, amount REAL NOT NULL, incident TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS case_keys_insert AFTER INSERT ON cases BEGIN
    INSERT OR REPLACE INTO case_keys(rowid, date, amount, incident)
    VALUES (new.rowid, new.date, new.amount, new.incident); END;
CREATE TRIGGER IF NOT EXISTS case_keys_update AFTER UPDATE OF date, amount, incident ON cases BEGIN
    UPDATE case_keys SET date = new.date, amount = new.amount, incident = new.incident
    WHERE rowid = new.rowid; END;
CREATE TRIGGER IF NOT EXISTS case_keys_delete AFTER DELETE ON cases BEGIN
    DELETE FROM case_keys WHERE rowid = old.rowid; END;
"""

# Schema changes of earlier versions, applied in order when an older store is opened (each a
# script; `leian_subwords(seg)` is search.query.subwords, registered on the connection).
_MIGRATIONS: dict[int, str] = {
    2: """INSERT OR REPLACE INTO case_keys(rowid, date, amount, incident)
          SELECT rowid, date, amount, incident FROM cases""",
    # 3: the full-text index gets the sub-word column: rebuilt in place from the stored words
    # (no re-segmentation), the vocabulary table now counts per column.
    3: """CREATE TEMP TABLE fts_v2 AS SELECT rowid AS rid, seg FROM main.cases_fts;
          DROP TABLE main.cases_vocab;
          DROP TABLE main.cases_fts;
          CREATE VIRTUAL TABLE main.cases_fts USING fts5(seg, sub, tokenize='unicode61');
          INSERT INTO main.cases_fts(rowid, seg, sub) SELECT rid, seg, leian_subwords(seg) FROM temp.fts_v2;
          CREATE VIRTUAL TABLE main.cases_vocab USING fts5vocab(cases_fts, 'col');
          DROP TABLE temp.fts_v2""",
    # 4: every case's province/city/county (extractors.divisions) become region values:
    # recomputed from the stored case JSON by _recompute_regions (a Python step, below)
    4: "",
    # 5: analysts' corrections (`corrections`, `case_extracted`): new tables from _SCHEMA
    5: "",
    # 6: the ledger records how many pages of a file were OCR'd and at what confidence
    # (columns added by _add_ledger_ocr, below)
    6: "",
}


def _recompute_regions(con: sqlite3.Connection) -> None:
    """Schema 4: add the division names of every stored case to its region values (case_fields,
    facet_values, case_facets), from the stored case JSON and its document's issuer."""
    issuers = dict(con.execute("SELECT id, issuer FROM documents"))
    rows = con.execute("SELECT rowid, doc_id, data FROM cases").fetchall()
    for rowid, doc_id, data in rows:
        case = Case.model_validate_json(data)
        doc = Document(id=doc_id, path="", text="", issuer=issuers.get(doc_id, ""))
        new = {("region", n) for n in case_region_names(case, doc)}
        have = {tuple(r) for r in con.execute("SELECT field, value FROM case_fields WHERE case_rowid=?", (rowid,))}
        if new <= have:
            continue
        fields = sorted(have | new)
        con.executemany("INSERT OR IGNORE INTO case_fields(field, value, case_rowid) VALUES (?,?,?)",
                        [(f, v, rowid) for f, v in new])
        con.executemany("INSERT OR IGNORE INTO facet_values(field, value) VALUES (?, ?)", sorted(new))
        ids = [con.execute("SELECT id FROM facet_values WHERE field=? AND value=?", fv).fetchone()[0] for fv in fields]
        con.execute("INSERT OR REPLACE INTO case_facets(case_rowid, ids) VALUES (?, ?)",
                    (rowid, np.asarray(ids, dtype="<u4").tobytes()))


def _add_ledger_ocr(con: sqlite3.Connection) -> None:
    """Schema 6: the ledger's OCR columns (pages read by OCR, their mean confidence)."""
    have = {row[1] for row in con.execute("PRAGMA table_info(ledger)")}
    if "ocr_pages" not in have:
        con.execute("ALTER TABLE ledger ADD COLUMN ocr_pages INTEGER NOT NULL DEFAULT 0")
    if "ocr_confidence" not in have:
        con.execute("ALTER TABLE ledger ADD COLUMN ocr_confidence REAL")


_PY_MIGRATIONS = {4: _recompute_regions, 6: _add_ledger_ocr}


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of a script (triggers keep the semicolons of their bodies)."""
    stmt = ""
    for piece in script.split(";"):
        stmt += piece + ";"
        if sqlite3.complete_statement(stmt):
            if stmt.strip(" \n;"):
                yield stmt
            stmt = ""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SqliteStore(SqliteCorrections, CaseStore):
    """CaseStore on one SQLite file (created with its folder when missing)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            try:
                Path(self.path).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder of store {self.path}: {exc}") from exc
        self._local = threading.local()
        self._df_cache: dict[str, int] = {}
        self._df_version: tuple[int, int] | None = None
        self._conns: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._init_schema()
        # facet counts from memory in a long-lived process (facet_index); not for ":memory:",
        # which is one database per connection
        self._facet_index: FacetIndex | None = FacetIndex(self.path) if self.path != ":memory:" else None

    # ------------------------------------------------------------------ plumbing
    def ingest_lock(self, wait: float = 0.0,
                    on_wait: Callable[[str], None] | None = None) -> AbstractContextManager[None]:
        """A `flock` on the lock file beside the store's (released by the kernel if the run dies)."""
        if self.path == ":memory:":
            return nullcontext()  # a store no other process can see
        return file_lock(ingest_lock_path(self.path), wait, on_wait)

    def _connect(self) -> sqlite3.Connection:
        try:
            con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                  check_same_thread=False)
            con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            con.execute("PRAGMA synchronous=NORMAL")
            con.execute("PRAGMA foreign_keys=OFF")
            con.execute("PRAGMA cache_size=-32000")
            con.execute("PRAGMA temp_store=MEMORY")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        with self._lock:
            self._conns.append(con)
        return con

    @property
    def con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = self._connect()
        return con

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: waits for other writers, never deadlocks)."""
        con = self.con
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path} is busy or not writable: {exc}") from exc
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        else:
            try:
                con.execute("COMMIT")
            except sqlite3.Error as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"cannot commit to store {self.path}: {exc}") from exc

    def _init_schema(self) -> None:
        con = self.con
        try:
            mode = set_wal(con)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a leian store (not an SQLite database: {exc})") from exc
        if mode.lower() != "wal" and self.path != ":memory:":
            log.warning("store %s: journal mode is %s, not WAL", self.path, mode)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError:
            row = None
        if row is None:
            # Another program's database: never write leian's tables into it.
            tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
            if tables:
                raise StoreError(f"{self.path} is an SQLite database of another program, not a leian "
                                 "store; give a new file name")
        if row is not None:
            version = int(row[0])
            if version > SCHEMA_VERSION:
                raise StoreError(f"store {self.path} has schema version {version}; this leian knows "
                                 f"up to {SCHEMA_VERSION}: upgrade leian")
            if version == SCHEMA_VERSION:
                return
        with self._write() as con:
            for stmt in _statements(_SCHEMA):
                con.execute(stmt)
            if row is not None:  # an older store: bring it up to date (re-read inside the lock)
                version = int(con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])
                con.create_function("leian_subwords", 1, subwords, deterministic=True)
                for v in range(version + 1, SCHEMA_VERSION + 1):
                    if v in _MIGRATIONS:
                        log.info("store %s: migrating schema to version %d", self.path, v)
                        t0 = time.perf_counter()
                        for stmt in _statements(_MIGRATIONS[v]):
                            con.execute(stmt)
                        if v in _PY_MIGRATIONS:
                            _PY_MIGRATIONS[v](con)
                        log.info("store %s: schema version %d in %.1f s", self.path, v, time.perf_counter() - t0)
                con.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))
            con.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                        (str(SCHEMA_VERSION),))
            con.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('created_at', ?)", (_now(),))

    def close(self) -> None:
        with self._lock:
            for con in self._conns:
                try:
                    con.close()
                except sqlite3.Error as exc:  # closing a connection of another thread
                    log.debug("closing a store connection: %s", exc)
            self._conns.clear()
            if self._facet_index is not None:
                self._facet_index.close()
                self._facet_index = None
        self._local = threading.local()

    def state_stamp(self) -> int | None:
        """PRAGMA data_version of a connection that never writes: any commit changes it."""
        return self._facet_index.version() if self._facet_index is not None else None

    # ------------------------------------------------------------------ writing
    def put_document(self, doc: Document) -> None:
        """Store a document with its cases; earlier content of the same path is replaced in the
        same transaction, so a reader sees the old cases or the new ones, never a mix."""
        self._put(doc, None)

    def put_document_recorded(self, doc: Document, entry: LedgerEntry) -> None:
        """Store a document and its ledger row in one transaction (ingestion's normal write)."""
        self._put(doc, entry)

    def put_prepared(self, doc: Document, prepared: list) -> None:
        """Store a document whose cases were prepared elsewhere (`prepare_document`, e.g. in
        worker processes), so segmentation and MinHash run in parallel with the writes."""
        self._put(doc, None, prepared)

    def _put(self, doc: Document, entry: LedgerEntry | None, prepared: list | None = None) -> None:
        if prepared is None:
            prepared = prepare_document(doc)
        with self._write() as con:
            old = con.execute("SELECT doc_id FROM document_paths WHERE path=?", (doc.path,)).fetchone()
            replaced = ""  # the document this one replaces at its path, when that is gone now
            if old and old[0] != doc.id:
                self._unlink_path(con, doc.path, old[0])
                if not con.execute("SELECT 1 FROM documents WHERE id=?", (old[0],)).fetchone():
                    replaced = old[0]
            self._delete_cases(con, doc.id)
            con.execute(
                "INSERT OR REPLACE INTO documents(id, path, title, doc_type, issuer, date, text, warnings,"
                " extractor_version, stored_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (doc.id, self._first_path(con, doc.id) or doc.path, doc.title, doc.doc_type, doc.issuer,
                 doc.date, doc.text, json.dumps(doc.warnings, ensure_ascii=False), doc.extractor_version, _now()))
            con.execute("INSERT OR REPLACE INTO document_paths(path, doc_id) VALUES (?, ?)", (doc.path, doc.id))
            for case, date, seg, fields, sig in self._corrected(con, doc, prepared, replaced):
                self._insert_case(con, doc, case, date, seg, fields, sig)
            if entry is not None:
                self._write_ledger(con, entry)

    @staticmethod
    def _first_path(con: sqlite3.Connection, doc_id: str) -> str | None:
        row = con.execute("SELECT path FROM document_paths WHERE doc_id=? ORDER BY path LIMIT 1", (doc_id,)).fetchone()
        return row[0] if row else None

    def _insert_case(self, con: sqlite3.Connection, doc: Document, case: Case, date: str, seg: str,
                     fields: set[tuple[str, str]], sig: np.ndarray | None) -> None:
        year = int(date[:4]) if date[:4].isdigit() else None
        cur = con.execute(
            "INSERT INTO cases(id, doc_id, ordinal, date, year, amount, doc_type, incident, data)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (case.id, doc.id, case.ordinal, date, year, case.total_amount, doc.doc_type, case.id,
             case.model_dump_json()))
        rowid = cur.lastrowid
        assert rowid is not None  # an INSERT always sets it
        con.execute("INSERT INTO cases_fts(rowid, seg, sub) VALUES (?, ?, ?)", (rowid, seg, subwords(seg)))
        self._set_fields(con, rowid, fields)
        if sig is None:
            return
        keys = dedup.band_keys(sig)
        con.execute("INSERT INTO case_minhash(case_rowid, sig) VALUES (?, ?)", (rowid, dedup.to_bytes(sig)))
        # band keys differ per band (see dedup.band_keys), so the key alone finds candidates
        rows = con.execute(
            f"SELECT DISTINCT m.case_rowid, m.sig, c.incident, c.data FROM case_bands b"
            f" JOIN case_minhash m ON m.case_rowid=b.case_rowid JOIN cases c ON c.rowid=b.case_rowid"
            f" WHERE b.key IN ({','.join('?' * len(keys))}) AND c.doc_id != ?", keys + [doc.id]).fetchall()
        chosen = choose_incident(sig, case.text, ((dedup.from_bytes(blob), incident, data)
                                                  for _, blob, incident, data in rows),
                                 _case_text, lambda incident: self._representative(con, incident))
        if chosen is not None:
            con.execute("UPDATE cases SET incident=?, dup_score=? WHERE rowid=?", (*chosen, rowid))
        con.executemany("INSERT OR IGNORE INTO case_bands(band, key, case_rowid) VALUES (?,?,?)",
                        [(b, k, rowid) for b, k in enumerate(keys)])

    @staticmethod
    def _set_fields(con: sqlite3.Connection, rowid: int, fields: set[tuple[str, str]]) -> None:
        """A case's filter and facet values (case_fields, facet_values, case_facets), replacing any."""
        con.execute("DELETE FROM case_fields WHERE case_rowid=?", (rowid,))
        con.execute("DELETE FROM case_facets WHERE case_rowid=?", (rowid,))
        con.executemany("INSERT OR IGNORE INTO case_fields(field, value, case_rowid) VALUES (?,?,?)",
                        [(f, v, rowid) for f, v in fields])
        if fields:
            con.executemany("INSERT OR IGNORE INTO facet_values(field, value) VALUES (?, ?)", sorted(fields))
            ids = [con.execute("SELECT id FROM facet_values WHERE field=? AND value=?", fv).fetchone()[0]
                   for fv in sorted(fields)]
            con.execute("INSERT INTO case_facets(case_rowid, ids) VALUES (?, ?)",
                        (rowid, np.asarray(ids, dtype="<u4").tobytes()))

    @staticmethod
    def _representative(con: sqlite3.Connection, incident: str) -> tuple[np.ndarray, str] | None:
        """The signature and stored data of an incident's representative (None when unknown)."""
        row = con.execute("SELECT m.sig, c.data FROM cases c JOIN case_minhash m ON m.case_rowid=c.rowid"
                          " WHERE c.id=?", (incident,)).fetchone()
        return (dedup.from_bytes(row[0]), row[1]) if row else None

    def _delete_cases(self, con: sqlite3.Connection, doc_id: str) -> int:
        """Remove a document's cases (and the extracted copies kept for its corrected ones)."""
        con.execute("DELETE FROM case_extracted WHERE doc_id=?", (doc_id,))
        return self._delete_case_rows(con, con.execute("SELECT rowid, id FROM cases WHERE doc_id=?",
                                                       (doc_id,)).fetchall())

    def _delete_case_rows(self, con: sqlite3.Connection, rows: list) -> int:
        """Remove cases given as (rowid, id) from every table; an incident that loses its
        representative gets its earliest remaining copy instead."""
        if not rows:
            return 0
        rowids = [r[0] for r in rows]
        ids = [r[1] for r in rows]
        for chunk in _chunks(rowids, 500):
            marks = ",".join("?" * len(chunk))
            con.execute(f"DELETE FROM cases_fts WHERE rowid IN ({marks})", chunk)
            con.execute(f"DELETE FROM case_fields WHERE case_rowid IN ({marks})", chunk)
            con.execute(f"DELETE FROM case_facets WHERE case_rowid IN ({marks})", chunk)
            con.execute(f"DELETE FROM case_bands WHERE case_rowid IN ({marks})", chunk)
            con.execute(f"DELETE FROM case_minhash WHERE case_rowid IN ({marks})", chunk)
            con.execute(f"DELETE FROM cases WHERE rowid IN ({marks})", chunk)
        # Incidents whose representative is gone get the earliest remaining copy as theirs.
        for rep in ids:
            left = con.execute("SELECT rowid, id FROM cases WHERE incident=? ORDER BY rowid", (rep,)).fetchall()
            if left:
                con.execute("UPDATE cases SET incident=? WHERE incident=?", (left[0][1], rep))
        return len(rows)

    def _unlink_path(self, con: sqlite3.Connection, path: str, doc_id: str) -> int:
        con.execute("DELETE FROM document_paths WHERE path=?", (path,))
        if con.execute("SELECT 1 FROM document_paths WHERE doc_id=? LIMIT 1", (doc_id,)).fetchone():
            first = self._first_path(con, doc_id)
            con.execute("UPDATE documents SET path=? WHERE id=?", (first, doc_id))
            return 0
        removed = self._delete_cases(con, doc_id)
        con.execute("DELETE FROM documents WHERE id=?", (doc_id,))
        return removed

    def delete_document(self, path: str) -> int:
        with self._write() as con:
            row = con.execute("SELECT doc_id FROM document_paths WHERE path=?", (str(path),)).fetchone()
            if not row:
                return 0
            removed = self._unlink_path(con, str(path), row[0])
            if not con.execute("SELECT 1 FROM documents WHERE id=?", (row[0],)).fetchone():
                # its corrections stay, attached to no case (until the document comes back)
                con.execute("UPDATE corrections SET attached_to='' WHERE attached_doc=?", (row[0],))
            return removed

    # ------------------------------------------------------------------ reading
    def get_case(self, case_id: str) -> Case | None:
        row = self.con.execute("SELECT data FROM cases WHERE id=?", (case_id,)).fetchone()
        return Case.model_validate_json(row[0]) if row else None

    def case_info(self, case_id: str) -> dict | None:
        """Where a case comes from: its document's path, title, date and its incident."""
        row = self.con.execute(
            "SELECT d.path, d.title, d.doc_type, d.date, c.incident, c.date, c.dup_score FROM cases c"
            " JOIN documents d ON d.id=c.doc_id WHERE c.id=?", (case_id,)).fetchone()
        if not row:
            return None
        copies = [r[0] for r in self.con.execute(
            "SELECT id FROM cases WHERE incident=? AND id != ? ORDER BY rowid", (row[4], case_id))]
        return {"doc_path": row[0], "doc_title": row[1], "doc_type": row[2], "doc_date": row[3],
                "incident": row[4], "case_date": row[5], "duplicate_of": row[4] if row[4] != case_id else "",
                "copies": copies}

    def get_document(self, doc_id: str) -> Document | None:
        row = self.con.execute(
            "SELECT id, path, title, doc_type, issuer, date, text, warnings, extractor_version"
            " FROM documents WHERE id=?", (doc_id,)).fetchone()
        if not row:
            return None
        cases = [Case.model_validate_json(r[0]) for r in self.con.execute(
            "SELECT data FROM cases WHERE doc_id=? ORDER BY ordinal, id", (doc_id,))]
        return Document(id=row[0], path=row[1], title=row[2], doc_type=row[3] or "case_notice", issuer=row[4],
                        date=row[5], text=row[6], warnings=json.loads(row[7]), extractor_version=row[8],
                        cases=cases)

    def iter_cases(self, filters: Filters | None = None) -> Iterator[Case]:
        where, params = self._filter_sql(filters or Filters())
        cur = self.con.execute(f"SELECT c.data FROM cases c WHERE {where} ORDER BY c.id", params)
        for (data,) in cur:
            yield Case.model_validate_json(data)

    def count_cases(self) -> int:
        return self.con.execute("SELECT count(*) FROM cases").fetchone()[0]

    def count_documents(self) -> int:
        return self.con.execute("SELECT count(*) FROM documents").fetchone()[0]

    # ------------------------------------------------------------------ search
    @staticmethod
    def _filter_sql(f: Filters) -> tuple[str, list]:
        """WHERE clause (over `c`: `cases` or `case_keys`) and parameters for the filters."""
        conds: list[str] = ["1"]
        params: list = []
        for field in ("category", "domain", "sanction", "doc_type"):
            values = [v for v in getattr(f, field) if v]
            if values:
                conds.append(f"c.rowid IN (SELECT case_rowid FROM case_fields WHERE field='{field}'"
                             f" AND value IN ({','.join('?' * len(values))}))")
                params.extend(values)
        regions = region_filter_values(f.region)
        if regions:
            conds.append("c.rowid IN (SELECT case_rowid FROM case_fields WHERE field='region'"
                         f" AND value IN ({','.join('?' * len(regions))}))")
            params.extend(regions)
        posts = [to_simplified(v) for v in f.post if v]
        if posts:
            # LIKE over the distinct post values (facet_values), then indexed lookups: not over
            # every case's post row (10 ms at 100,000 cases)
            likes = " OR ".join("value LIKE ? ESCAPE '\\'" for _ in posts)
            conds.append("c.rowid IN (SELECT case_rowid FROM case_fields WHERE field='post' AND value IN"
                         f" (SELECT value FROM facet_values WHERE field='post' AND ({likes})))")
            params.extend("%" + p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for p in posts)
        if f.date_from:
            conds.append("c.date != '' AND c.date >= substr(?, 1, length(c.date))")
            params.append(f.date_from)
        if f.date_to:
            conds.append("c.date != '' AND substr(c.date, 1, length(?)) <= ?")
            params.extend([f.date_to, f.date_to])
        if f.amount_min is not None:
            conds.append("c.amount >= ?")
            params.append(f.amount_min)
        if f.amount_max is not None:
            conds.append("c.amount <= ?")
            params.append(f.amount_max)
        if f.doc_id:
            conds.append("c.rowid IN (SELECT rowid FROM cases WHERE doc_id = ?)")
            params.append(f.doc_id)
        return " AND ".join(conds), params

    @staticmethod
    def _match_sql(node: Node | None) -> tuple[str, list, list[str]]:
        """(FROM ... WHERE part selecting c.rowid and score, params, words to highlight) of a
        query tree (search.query.analyse)."""
        words = positive_terms(node)
        if node is None:
            return "FROM case_keys c WHERE 1", [], []
        if is_pure_negation(node):
            negs = negated_fts5(node)
            conds = " AND ".join("c.rowid NOT IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)" for _ in negs)
            return f"FROM case_keys c WHERE {conds or '1'}", negs, []
        expr = to_fts5(node)
        if not expr:
            return "FROM case_keys c WHERE 0", [], words
        return ("FROM cases_fts JOIN case_keys c ON c.rowid = cases_fts.rowid WHERE cases_fts MATCH ?",
                [expr], words)

    def search(self, query: SearchQuery) -> SearchResult:
        t0 = time.perf_counter()
        base, mparams, needles, also = _compiled(query.text, query.exact)
        fwhere, fparams = self._filter_sql(query.filters)
        has_fts = "cases_fts MATCH" in base and "NOT IN" not in base
        score = f"-bm25(cases_fts, 1.0, {SUB_WEIGHT})" if has_fts else "0.0"
        params = mparams + fparams
        size = max(0, min(query.size, 1000))
        offset = max(0, query.page - 1) * size
        con = self.con
        index = self._facet_index
        before = index.version() if index is not None else 0  # the store's version before the snapshot
        # the case keys in memory, if loaded for this version (loaded after a few searches at it)
        keys = index.at(before, before) if index is not None else None
        try:
            con.execute("BEGIN")  # one snapshot for hits, total and facets
            page = self._page_in_memory(con, keys, before, query, base, fwhere, params, score, has_fts, size, offset)
            if page is not None and keys is not None:
                total, cases, rows = page.total, page.cases, page.rows
                facets = self._facets(con, keys.gather_at(page.positions)) if query.facets else {}
            else:
                total, cases, rows = self._page_in_sql(con, query, base, fwhere, params, score, has_fts, size, offset)
                facets = self._facets(con) if query.facets else {}
            hits = self._hits(con, rows, needles)
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
                raise QuerySyntaxError(f"query {query.text!r}: {exc}") from exc
            raise StoreError(f"search in {self.path} failed: {exc}") from exc
        finally:
            if con.in_transaction:
                con.execute("ROLLBACK")
        return SearchResult(total=total, cases=cases, hits=hits, facets=facets,
                            also_searched={word: list(alts) for word, alts in also.items()},
                            took_ms=round((time.perf_counter() - t0) * 1000, 2))

    def _page_in_memory(self, con: sqlite3.Connection, keys: Loaded | None, before: int, query: SearchQuery,
                        base: str, fwhere: str, params: list, score: str, has_fts: bool, size: int,
                        offset: int) -> Page | None:
        """The page from the matches' rowids and scores, ordered with the case keys in memory
        (page_order) — when they hold the state this search's snapshot reads (no commit since
        `before`, the keys' version) and every match is in them; else None.

        Fetching each match's score into Python row by row costs more than SQLite's bm25 itself
        leaves over (and gives up the GIL at every row), so only the first TOP_FETCH (or more,
        for later pages) are fetched, beside all rowids as one string: by relevance the
        best-scored (SQLite's bounded sorter), by date or amount the first in SQL's order of all
        the keys; with no full-text query, the rowids alone (score 0)."""
        if keys is None:
            return None
        plain = has_fts and fwhere == "1"  # no filter on the case keys: the full-text index alone
        source = "FROM cases_fts WHERE cases_fts MATCH ?" if plain else f"{base} AND {fwhere}"
        rid = "rowid" if plain else "c.rowid"
        try:
            if not has_fts:
                rids = _rowids(con, f"SELECT group_concat({rid}, ' ') {source}", params)
                page = page_of(keys, rids, np.zeros(len(rids)), sort=query.sort, ranked=False,
                               collapse=query.collapse_duplicates, offset=offset, size=size)
            else:
                rids = _rowids(con, f"SELECT group_concat({rid}, ' ') {source}", params)
                limit = max(TOP_FETCH, FETCH_PER_HIT * (offset + size))
                if query.sort == "relevance":
                    top_sql = f"SELECT {rid}, {score} {source} ORDER BY 2 DESC LIMIT ?"
                else:  # by date or amount: SQL orders the first ones by all the keys (joined)
                    key = "c.date" if query.sort == "date" else "c.amount"
                    top_sql = (f"SELECT c.rowid, {score} {base} AND {fwhere}"
                               f" ORDER BY {key} DESC, 2 DESC, c.rowid LIMIT ?")
                top = np.fromiter(con.execute(top_sql, [*params, limit]), dtype=_RID_SCORE)
                best = best_page(keys, rids, top["rid"], top["score"], collapse=query.collapse_duplicates,
                                 offset=offset, size=size, ordered=query.sort != "relevance")
                if best is not None:
                    page = best
                else:
                    found = np.fromiter(con.execute(f"SELECT {rid}, {score} {source}", params), dtype=_RID_SCORE)
                    page = page_of(keys, found["rid"], found["score"], sort=query.sort, ranked=True,
                                   collapse=query.collapse_duplicates, offset=offset, size=size)
        except LookupError:
            log.warning("store %s: a match is not in the in-memory case keys; searching in SQL", self.path)
            return None
        if self._facet_index is None or self._facet_index.version() != before:
            return None  # a commit came before the snapshot: not the indexed state
        return page

    def _page_in_sql(self, con: sqlite3.Connection, query: SearchQuery, base: str, fwhere: str, params: list,
                     score: str, has_fts: bool, size: int, offset: int) -> tuple[int, int, list]:
        """(total, matches, the page's (rowid, score)) from the matches copied with their keys
        into a temporary table (which the facet counts then read)."""
        matched = (f"SELECT c.rowid AS rid, {score} AS score, c.date AS date, c.amount AS amount,"
                   f" c.incident AS incident {base} AND {fwhere}")
        order = {"relevance": "score DESC, date DESC, rid", "date": "date DESC, score DESC, rid",
                 "amount": "amount DESC, score DESC, rid"}[query.sort]
        if not has_fts and query.sort == "relevance":
            order = "date DESC, rid"
        con.execute("CREATE TEMP TABLE IF NOT EXISTS matched (rid INTEGER PRIMARY KEY, score REAL,"
                    " date TEXT, amount REAL, incident TEXT)")
        con.execute("DELETE FROM temp.matched")
        con.execute(f"INSERT INTO temp.matched {matched}", params)
        if query.collapse_duplicates:
            # distinct incidents counted in Python: SQLite's count(DISTINCT) builds a B-tree
            listed = con.execute("SELECT group_concat(incident, char(31)) FROM temp.matched").fetchone()[0]
            total = len(set(listed.split("\x1f"))) if listed else 0
            cases = con.execute("SELECT count(*) FROM temp.matched").fetchone()[0]
            rows = self._first_per_incident(con, order, size, offset) if size else []
        else:
            total = cases = con.execute("SELECT count(*) FROM temp.matched").fetchone()[0]
            rows = con.execute(f"SELECT rid, score FROM temp.matched ORDER BY {order} LIMIT ? OFFSET ?",
                               (size, offset)).fetchall() if size else []
        return total, cases, rows

    @staticmethod
    def _first_per_incident(con: sqlite3.Connection, order: str, size: int, offset: int) -> list[tuple[int, float]]:
        """One hit per incident, page `offset // size`: the matches in `order`, each incident's
        first one kept — its best, since the order is total — until the page is full. What a
        window function (ROW_NUMBER() OVER (PARTITION BY incident ...)) gives, without sorting
        every match by incident first (5x the time at 15,000 matches)."""
        seen: set[str] = set()
        rows: list[tuple[int, float]] = []
        cur = con.execute(f"SELECT rid, score, incident FROM temp.matched ORDER BY {order}")
        try:
            for rid, score, incident in cur:
                if incident in seen:
                    continue
                seen.add(incident)
                if len(seen) > offset:
                    rows.append((rid, score))
                    if len(rows) == size:
                        break
        finally:
            cur.close()
        return rows

    def _facet_names(self, con: sqlite3.Connection, upto: int) -> tuple[list[tuple[str, str]], dict[str, np.ndarray]]:
        """id → (field, value) and, per field, the ids of its values in the order of the values
        (cached; reloaded when an id beyond the cache shows up)."""
        cache = getattr(self, "_facet_cache", None)
        if cache is None or upto >= len(cache[0]):
            names: list[tuple[str, str]] = [("", "")]
            for fid, field, value in con.execute("SELECT id, field, value FROM facet_values ORDER BY id"):
                names.extend([("", "")] * (fid - len(names)))
                names.append((field, value))
            by_field = {f: np.array(sorted((i for i, (ff, _) in enumerate(names) if ff == f),
                                           key=lambda i: names[i][1]), dtype=np.int64) for f in FACET_FIELDS}
            cache = self._facet_cache = (names, by_field)
        return cache

    @staticmethod
    def _facet_ids(con: sqlite3.Connection) -> tuple[np.ndarray, np.ndarray]:
        """The facet value ids (all concatenated) and the amounts of the cases in temp.matched,
        from case_facets (the SQL way; in memory, facet_index gathers them)."""
        rows = con.execute("SELECT p.ids, m.amount FROM temp.matched m"
                           " LEFT JOIN case_facets p ON p.case_rowid = m.rid").fetchall()
        blobs = [r[0] for r in rows if r[0] is not None]
        amounts = np.fromiter((r[1] for r in rows), dtype=float, count=len(rows))
        ids = np.frombuffer(b"".join(blobs), dtype="<u4") if blobs else np.zeros(0, dtype="<u4")
        return ids, amounts

    def _facets(self, con: sqlite3.Connection,
                gathered: tuple[np.ndarray, np.ndarray] | None = None) -> dict[str, list[FacetValue]]:
        """Counts per value of every facet field over the matched cases, most frequent first:
        the matched cases' packed value ids (`gathered` from memory, else read for temp.matched),
        counted with one numpy bincount; the amount bands from the sums read in the same pass."""
        ids, amounts = gathered if gathered is not None else self._facet_ids(con)
        top = int(ids.max()) if len(ids) else 0
        names, by_field = self._facet_names(con, top)
        counts = np.bincount(ids, minlength=len(names)) if len(ids) else np.zeros(len(names), dtype=np.int64)
        out: dict[str, list[FacetValue]] = {}
        bands = amount_bands()
        band_counts = [int(((amounts >= lo) & (amounts < hi)).sum()) for lo, hi, _ in bands]
        for field in FACET_FIELDS:
            fids = by_field[field]
            c = counts[fids] if len(fids) else np.zeros(0, dtype=np.int64)
            nz = np.nonzero(c)[0]  # in the order of the values: a stable sort by count keeps it in ties
            shown = nz[np.argsort(-c[nz], kind="stable")[:FACET_LIMIT]]
            out[field] = [FacetValue(value=names[fids[i]][1], count=int(c[i])) for i in shown.tolist()]
        out[AMOUNT_FACET] = [FacetValue(value=label, count=int(n))
                             for (_, _, label), n in zip(bands, band_counts) if n]
        return out

    @staticmethod
    def _hits(con: sqlite3.Connection, rows: list, needles: Needles) -> list[Hit]:
        if not rows:
            return []
        info = {r[0]: r[1:] for r in con.execute(
            f"SELECT c.rowid, c.data, c.incident, c.id, d.path, d.title, c.date, d.issuer, d.date"
            f" FROM cases c JOIN documents d"
            f" ON d.id = c.doc_id WHERE c.rowid IN ({','.join('?' * len(rows))})", [r[0] for r in rows])}
        hits = []
        for rid, score in rows:
            data, incident, cid, path, title, date, issuer, doc_date = info[rid]
            case = Case.model_validate_json(data)
            hits.append(Hit(case=case, score=round(float(score), 4), snippet=snippet(case.text, needles),
                            doc_path=path, doc_title=title, doc_issuer=issuer or "", doc_date=doc_date or "",
                            duplicate_of=incident if incident != cid else "", date=date or ""))
        return hits

    # ------------------------------------------------------------------ similar
    def _doc_freqs(self) -> dict[str, int]:
        """Document frequency of every indexed term, read once from the FTS5 vocabulary and
        kept until the store changes (PRAGMA data_version / this connection's changes)."""
        con = self.con
        version = (con.execute("PRAGMA data_version").fetchone()[0], con.total_changes)
        if version != self._df_version or not self._df_cache:
            self._df_cache = dict(con.execute("SELECT term, doc FROM cases_vocab WHERE col = 'seg'"))
            self._df_version = version
        return self._df_cache

    def similar(self, case_id: str, k: int = 10) -> list[SimilarHit]:
        con = self.con
        row = con.execute("SELECT c.rowid, c.incident, f.seg FROM cases c JOIN cases_fts f"
                          " ON f.rowid = c.rowid WHERE c.id=?", (case_id,)).fetchone()
        if not row:
            return []
        rowid, incident, seg = row
        df = self._doc_freqs()
        n_docs = self.count_cases()
        terms = sim.select_query_terms(seg.split(), df, n_docs)
        if not terms:
            return []
        mine = self._cats_doms(con, [rowid]).get(rowid, (frozenset(), frozenset()))
        expr = "seg : (" + " OR ".join('"' + t.replace('"', '""') + '"' for t, _ in terms) + ")"
        cand = con.execute(
            "SELECT c.rowid, f.seg, c.incident FROM cases_fts f JOIN case_keys c ON c.rowid = f.rowid"
            " WHERE cases_fts MATCH ? AND c.incident != ? ORDER BY bm25(cases_fts) LIMIT ?",
            (expr, incident, sim.CANDIDATES)).fetchall()
        cand = [r for r in cand if r[0] != rowid]
        labels = self._cats_doms(con, [r[0] for r in cand])
        none: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        ranked = sim.rerank(terms, mine[0], mine[1],
                            (sim.Candidate(r[0], r[1].split(), *labels.get(r[0], none)) for r in cand), df, n_docs)
        incident_of = {r[0]: r[2] for r in cand}
        picked = one_per_incident(ranked, lambda s: incident_of[s.key], k)
        info = {r[0]: (r[1], r[2]) for r in con.execute(
            f"SELECT c.rowid, c.data, d.path FROM cases c JOIN documents d ON d.id = c.doc_id"
            f" WHERE c.rowid IN ({','.join('?' * len(picked))})", [s.key for s in picked])} if picked else {}
        return [SimilarHit(case=Case.model_validate_json(info[s.key][0]), score=s.score, shared_terms=s.shared_terms,
                           shared_categories=s.shared_categories, shared_domains=s.shared_domains,
                           doc_path=info[s.key][1]) for s in picked]

    @staticmethod
    def _cats_doms(con: sqlite3.Connection, rowids: list[int]) -> dict[int, tuple[frozenset[str], frozenset[str]]]:
        """Categories and domains of some cases, from the filter table (no JSON parsing)."""
        found: dict[int, tuple[set[str], set[str]]] = {}
        for chunk in _chunks(rowids, 500):
            for rid, field, value in con.execute(
                    f"SELECT case_rowid, field, value FROM case_fields WHERE case_rowid IN ({','.join('?' * len(chunk))})"
                    f" AND field IN ('category', 'domain')", chunk):
                cats, doms = found.setdefault(rid, (set(), set()))
                (cats if field == "category" else doms).add(value)
        return {rid: (frozenset(c), frozenset(d)) for rid, (c, d) in found.items()}

    # ------------------------------------------------------------------ duplicates
    def duplicates(self) -> list[DuplicateGroup]:
        rows = self.con.execute(
            "SELECT incident, id, dup_score FROM cases WHERE incident IN"
            " (SELECT incident FROM cases GROUP BY incident HAVING count(*) > 1)"
            " ORDER BY incident, rowid").fetchall()
        groups: dict[str, list[tuple[str, float]]] = {}
        for incident, cid, score in rows:
            groups.setdefault(incident, []).append((cid, score))
        out = []
        for rep, members in groups.items():
            ids = [rep] + [c for c, _ in members if c != rep]
            sim_low = min((s for c, s in members if c != rep), default=1.0)
            out.append(DuplicateGroup(representative=rep, case_ids=ids, similarity=round(sim_low, 3)))
        out.sort(key=lambda g: (-len(g.case_ids), g.representative))
        return out

    def incident_of(self, case_id: str) -> str:
        row = self.con.execute("SELECT incident FROM cases WHERE id=?", (case_id,)).fetchone()
        return row[0] if row else ""

    # ------------------------------------------------------------------ ledger
    def record(self, entry: LedgerEntry) -> None:
        with self._write() as con:
            self._write_ledger(con, entry)

    @staticmethod
    def _write_ledger(con: sqlite3.Connection, entry: LedgerEntry) -> None:
        e = entry.model_copy(update={"updated_at": entry.updated_at or _now()})
        con.execute(
            "INSERT OR REPLACE INTO ledger(path, sha256, size, mtime, status, error, extractor_version,"
            " doc_id, cases, seconds, updated_at, ocr_pages, ocr_confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (e.path, e.sha256, e.size, e.mtime, e.status, e.error, e.extractor_version, e.doc_id,
             e.cases, e.seconds, e.updated_at, e.ocr_pages, e.ocr_confidence))

    _LEDGER_COLS = ("path, sha256, size, mtime, status, error, extractor_version, doc_id, cases, seconds, updated_at,"
                    " ocr_pages, ocr_confidence")

    @staticmethod
    def _entry(row) -> LedgerEntry:
        keys = SqliteStore._LEDGER_COLS.split(", ")
        return LedgerEntry(**dict(zip(keys, row)))

    def ledger(self, path: str) -> LedgerEntry | None:
        row = self.con.execute(f"SELECT {self._LEDGER_COLS} FROM ledger WHERE path=?", (str(path),)).fetchone()
        return self._entry(row) if row else None

    def ledger_entries(self, status: LedgerStatus | None = None) -> list[LedgerEntry]:
        if status:
            rows = self.con.execute(f"SELECT {self._LEDGER_COLS} FROM ledger WHERE status=? ORDER BY path", (status,))
        else:
            rows = self.con.execute(f"SELECT {self._LEDGER_COLS} FROM ledger ORDER BY path")
        return [self._entry(r) for r in rows]

    # ------------------------------------------------------------------ health
    def integrity_check(self) -> list[str]:
        """SQLite's and FTS5's own consistency checks plus leian's cross-table invariants;
        an empty list means the store is consistent."""
        con = self.con
        problems = [r[0] for r in con.execute("PRAGMA integrity_check") if r[0] != "ok"]
        try:
            con.execute("INSERT INTO cases_fts(cases_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"fts: {exc}")
        checks = {
            "cases without document": "SELECT count(*) FROM cases WHERE doc_id NOT IN (SELECT id FROM documents)",
            "cases without index row": "SELECT count(*) FROM cases WHERE rowid NOT IN (SELECT rowid FROM cases_fts)",
            "index rows without case": "SELECT count(*) FROM cases_fts WHERE rowid NOT IN (SELECT rowid FROM cases)",
            "fields without case": "SELECT count(*) FROM case_fields WHERE case_rowid NOT IN (SELECT rowid FROM cases)",
            "documents without path": "SELECT count(*) FROM documents WHERE id NOT IN (SELECT doc_id FROM document_paths)",
            "incidents without representative": "SELECT count(*) FROM cases WHERE incident NOT IN (SELECT id FROM cases)",
            "corrected cases without document": "SELECT count(*) FROM case_extracted WHERE doc_id NOT IN (SELECT id FROM documents)",
            "withheld cases still searchable": "SELECT count(*) FROM case_extracted WHERE withheld AND case_id IN (SELECT id FROM cases)",
        }
        for name, sql in checks.items():
            n = con.execute(sql).fetchone()[0]
            if n:
                problems.append(f"{name}: {n}")
        return problems


def ingest_lock_path(store_path: str | Path) -> Path:
    """The ingest lock file of an embedded store: `<store>.ingest.lock` beside its file."""
    path = Path(store_path).expanduser().resolve()
    return path.with_name(path.name + ".ingest.lock")


def _case_text(data: str) -> str:
    return json.loads(data)["text"]


@lru_cache(maxsize=512)
def _compiled(text: str, exact: bool) -> tuple[str, list, Needles, dict[str, list[str]]]:
    """A query text as the store searches it: (FROM ... WHERE part, its parameters, the words
    to highlight prepared, the synonyms also searched). Kept for the texts searched last:
    parsing, segmenting and expanding a query is 1–2 ms, the same each time. Read-only."""
    node, also = analyse(text, exact=exact)
    base, params, words = SqliteStore._match_sql(node)
    return base, params, Needles(list(words) + [t for w in words for t in query_tokens(w)]), also


def _rowids(con: sqlite3.Connection, sql: str, params: list) -> np.ndarray:
    """The rowids a `SELECT group_concat(rowid, ' ') ...` lists, as an array (one string parsed
    in C: 3x faster than fetching a row per match)."""
    listed = con.execute(sql, params).fetchone()[0]
    return np.fromstring(listed, dtype=np.int64, sep=" ") if listed else np.zeros(0, dtype=np.int64)


def _chunks(items: list, n: int) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


__all__ = ["SqliteStore", "QuerySyntaxError", "segmented", "SCHEMA_VERSION", "normalize"]
