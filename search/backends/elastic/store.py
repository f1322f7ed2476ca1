"""The Elasticsearch store: the same CaseStore as the embedded one, on an 8.x/9.x cluster.

Indices (names from the `es_index_prefix` setting, default `leian`):
- `<prefix>-cases`: an alias of the versioned index `<prefix>-cases-vN` (mapping from
  config/es/cases.json as an index template); one entry per case, id = case id: jieba-
  segmented text (`seg`, whitespace analyzer), the sub-words of its longer words (`sub`,
  mapping version 3: `search.query.subwords`), a bigram sub-field on the text
  (`text.cjk`), keyword fields for every facet, nested people/amounts/sanctions, dates, the
  near-duplicate incident id and the MinHash signature with its LSH band keys;
- `<prefix>-documents`: one entry per distinct file content (id = sha256) with its paths;
- `<prefix>-ledger`: the ingestion ledger, one entry per file (id = sha1 of the path);
- `<prefix>-corrections`: analysts' corrections (search/backends/elastic/corrections.py);
- `<prefix>-locks`: the ingest lock, a leased document (search/backends/elastic/lock.py).

Writes are bulk requests with deterministic ids (a re-run overwrites, never duplicates),
retried with back-off; a file's ledger row is written only after every one of its cases
is confirmed, so a file whose cases were not all indexed stays `pending` and is retried by
the next run. Matching, facets, sorting, near-duplicate grouping and paging follow the
embedded store (search/backends/sqlite/store.py) so that one conformance suite runs on both.
`reindex()` builds the next index version and swaps the alias in one atomic request.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime, UTC
from functools import partial
from typing import Any, TypeVar

import numpy as np
from elasticsearch import ApiError, AuthorizationException, NotFoundError

from config import load_yaml
from config.errors import ConfigError, ElasticError
from config.settings import Settings
from extractors.model import Case, Document
from search import dedup, similar as sim
from search.backends.elastic.bulk import BulkResult, bulk
from search.backends.elastic.connect import Connection, redact_url
from search.backends.elastic.corrections import ElasticCorrections
from search.backends.elastic.lock import lease_lock
from search.backends.elastic.query import filter_clauses, index_words, pad_date, tree_query
from search.highlight import snippet
from search.incidents import choose_incident, one_per_incident
from search.indexing import case_date, facet_values, segmented
from search.normalize import normalize
from search.query import analyse, query_tokens, subwords
from search.store import (AMOUNT_FACET, FACET_FIELDS, CaseStore, DuplicateGroup, FacetValue, Filters, Hit,
                          LedgerEntry, LedgerStatus, SearchQuery, SearchResult, SimilarHit,
                          amount_bands)

log = logging.getLogger(__name__)
T = TypeVar("T")

FACET_LIMIT = 20
PAGE = 1000  # hits per request when walking an index
DOCS_PER_BULK = 200  # documents per batch in put_documents
SIMILAR_CANDIDATES = 60
SUB_MAPPING_VERSION = 3  # the first mapping with the `sub` field (words inside longer words)
SWAP_GRACE_S = 1.0  # the old index outlives the alias swap by this long (in-flight searches)
_CASE_SOURCE = ["case", "incident", "doc_id", "date"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _ledger_id(path: str) -> str:
    return "L" + hashlib.sha1(path.encode("utf-8")).hexdigest()


def _text_of(src: dict[str, Any]) -> str:
    return src["text"]


def _version(index: str) -> int:
    tail = index.rsplit("-v", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _template(name: str) -> dict[str, Any]:
    body = dict(load_yaml(f"es/{name}.json"))
    body.pop("_comment", None)
    return body


class ElasticStore(ElasticCorrections, CaseStore):
    """CaseStore on Elasticsearch (the URL of any node; credentials, index prefix, retries and
    the ingest lock's lease from the settings the caller passes)."""

    def __init__(self, url: str, settings: Settings, *, retries: int | None = None,
                 backoff: float | None = None, timeout: float | None = None):
        prefix = settings.es_index_prefix
        if not prefix or prefix != prefix.lower() or any(c in prefix for c in ' "*\\<|,>/?#:'):
            raise ConfigError(f"es_index_prefix {prefix!r}: use lower-case letters, digits and -_.")
        self.url = redact_url(url)
        self.conn = Connection(url, settings, retries=retries, backoff=backoff, timeout=timeout)
        self.es = self.conn.client
        self.prefix = prefix
        self.cases = f"{prefix}-cases"
        self.documents = f"{prefix}-documents"
        self.ledger_index = f"{prefix}-ledger"
        self.corrections_index = f"{prefix}-corrections"
        self.locks_index = f"{prefix}-locks"
        self.lock_lease = settings.ingest_lock_lease
        self._dirty = False
        self._lock = threading.Lock()
        self._seq = 0
        # Whether the index behind the alias has the `sub` field (mapping version 3): an
        # older index takes cases without it until `leian reindex` rebuilds it.
        self._sub_field = True
        self.setup()

    # ------------------------------------------------------------------ set-up
    def _call(self, what: str, fn: Callable[[], T], *, ok_status: tuple[int, ...] = ()) -> T:
        return self.conn.call(what, fn, ok_status=ok_status)

    def setup(self) -> None:
        """Check the cluster, install the index templates, create missing indices and the alias.

        A user who may only read (privileges `read` and `view_index_metadata` on the indices,
        e.g. an analyst's API key) may neither see cluster health nor manage templates: for
        them an existing store is used as it is, and a write fails with one line saying what
        the user may not do."""
        try:
            self._call("check the cluster health", lambda: self.es.cluster.health(timeout="10s"), ok_status=(403,))
        except AuthorizationException:
            log.debug("Elasticsearch at %s: no `monitor` privilege; the cluster answered, so it is up", self.url)
        try:
            for name, pattern in (("cases", f"{self.cases}-v*"), ("documents", self.documents),
                                  ("ledger", self.ledger_index), ("corrections", self.corrections_index),
                                  ("locks", self.locks_index)):
                self._put_template(name, pattern)
        except AuthorizationException as exc:
            if not self._set_up_already():
                raise self.conn.error(exc, "install the index templates of a new store (run `leian ingest` "
                                           "once as a user that may manage index templates and indices)") from None
            log.info("Elasticsearch at %s: this user may not manage index templates; using the existing "
                     "indices of prefix %r as they are", self.url, self.prefix)
            return
        version = _template("cases")["_meta"]["mapping_version"]
        if not self._call("look up the cases alias", lambda: self.es.indices.exists_alias(name=self.cases)).body:
            self._create(f"{self.cases}-v{version}", aliases={self.cases: {"is_write_index": True}})
        elif (built := self._built_version()) < version:
            self._sub_field = built >= SUB_MAPPING_VERSION
            log.warning("Elasticsearch at %s: %s was built with mapping version %d, this leian has %d; "
                        "run `leian reindex` to rebuild it (until then it is used as it is)",
                        self.url, self.index_behind_alias(), built, version)
        for index in (self.documents, self.ledger_index, self.corrections_index, self.locks_index):
            if not self._call("look up an index", partial(self.es.indices.exists, index=index)).body:
                self._create(index)
        self._add_new_fields()

    def _add_new_fields(self) -> None:
        """A ledger or locks index made by an older leian gets the fields added since (ledger:
        ocr_pages, ocr_confidence; locks: lease): adding fields to a mapping is allowed in
        place, and a no-op when they are there."""
        for name, index in (("ledger", self.ledger_index), ("locks", self.locks_index)):
            fields = _template(name)["template"]["mappings"]["properties"]
            try:
                self._call(f"add fields to the {name} mapping", partial(
                    self.es.indices.put_mapping, index=index, properties=fields), ok_status=(403,))
            except AuthorizationException:
                log.info("Elasticsearch at %s: this user may not change the %s mapping; an older %s "
                         "index keeps it (the fields are added by a user who may)", self.url, name, name)

    def _built_version(self) -> int:
        """The mapping version the index behind the alias was built with (its mapping's
        `_meta`; indices from before the version was recorded there count as 1)."""
        res = self._call("read the cases mapping", lambda: self.es.indices.get_mapping(index=self.cases))
        return min((m.get("mappings", {}).get("_meta", {}).get("mapping_version", 1) for m in res.body.values()),
                   default=1)

    def _set_up_already(self) -> bool:
        """Whether the alias and the indices of this prefix exist (False when the user may not
        even look them up: for such a user they do not exist)."""
        try:
            return (self._call("look up the cases alias", lambda: self.es.indices.exists_alias(name=self.cases),
                               ok_status=(403,)).body
                    and all(self._call("look up an index", partial(self.es.indices.exists, index=index),
                                       ok_status=(403,)).body for index in (self.documents, self.ledger_index)))
        except AuthorizationException:
            return False

    def _put_template(self, name: str, pattern: str) -> None:
        body = _template(name)
        tname = f"{self.prefix}-{name}"
        try:
            current = self._call("read an index template",
                                 lambda: self.es.indices.get_index_template(name=tname), ok_status=(403, 404))
            meta = current["index_templates"][0]["index_template"].get("_meta", {})
            if meta.get("mapping_version") == body["_meta"]["mapping_version"]:
                return
        except NotFoundError:
            pass
        # The mapping carries the version too, so an index tells which mapping it was built with.
        template = {**body["template"], "mappings": {**body["template"].get("mappings", {}), "_meta": body["_meta"]}}
        self._call("install an index template", lambda: self.es.indices.put_index_template(
            name=tname, index_patterns=[pattern], template=template, priority=200,
            meta=body["_meta"]), ok_status=(403,))

    def _create(self, index: str, aliases: dict | None = None) -> None:
        try:
            self._call(f"create index {index}", lambda: self.es.indices.create(
                index=index, aliases=aliases, wait_for_active_shards="1"), ok_status=(400,))
        except ApiError as exc:
            if "resource_already_exists" not in str(exc):  # another process created it first
                raise self.conn.error(exc, f"create index {index}") from None

    def close(self) -> None:
        try:
            self._fresh()
        except ElasticError as exc:  # nothing is lost: the cluster refreshes on its own within a second
            log.info("closing the store: %s", exc)
        self.conn.close()

    def drop(self) -> None:
        """Delete every index and template of this prefix (tests; `leian` never calls it)."""
        names = list(self._call("list indices", lambda: self.es.indices.get(
            index=f"{self.cases}-v*,{self.documents},{self.ledger_index},{self.corrections_index},{self.locks_index}",
            ignore_unavailable=True, allow_no_indices=True)).body)
        if names:
            self._call("delete indices", lambda: self.es.indices.delete(index=",".join(names)))
        for name in ("cases", "documents", "ledger", "corrections", "locks"):
            try:
                self._call("delete a template", partial(self.es.indices.delete_index_template,
                                                               name=f"{self.prefix}-{name}"), ok_status=(404,))
            except NotFoundError:
                pass

    def ingest_lock(self, wait: float = 0.0,
                    on_wait: Callable[[str], None] | None = None) -> AbstractContextManager[None]:
        """A lock document in `<prefix>-locks`, leased and renewed (search/backends/elastic/lock.py):
        one ingest run at a time on this store, whichever machine it runs on."""
        return lease_lock(self._call, self.es, self.locks_index, lease=self.lock_lease, wait=wait, on_wait=on_wait,
                          where=f"Elasticsearch at {self.url} (prefix {self.prefix})")

    def refresh(self) -> None:
        """Make every write so far visible to searches (of any process)."""
        self._dirty = True
        self._fresh()

    def _fresh(self) -> None:
        """Make this process's writes visible to searches (refresh when something changed)."""
        if self._dirty:
            self._dirty = False
            self._call("refresh", lambda: self.es.indices.refresh(
                index=f"{self.cases},{self.documents},{self.ledger_index},{self.corrections_index}",
                ignore_unavailable=True))

    def index_behind_alias(self) -> str:
        """The concrete cases index the alias points at."""
        res = self._call("read the cases alias", lambda: self.es.indices.get_alias(name=self.cases))
        return sorted(res.body)[-1]

    # ------------------------------------------------------------------ preparing cases
    def _next_seq(self) -> int:
        with self._lock:
            self._seq = max(self._seq + 1, time.time_ns() // 1000)
            return self._seq

    def _prepare(self, case: Case, doc: Document, seq: int | None = None, *, sub: bool | None = None) -> dict[str, Any]:
        """The indexed form of one case (everything but its incident); `sub` (default: whether
        the current index has that field) adds the sub-words."""
        date = case_date(case, doc)
        fields: dict[str, list[str]] = defaultdict(list)
        for f, v in sorted(facet_values(case, doc, date)):
            fields[f].append(v)
        sig = dedup.signature(case.text)
        src: dict[str, Any] = {
            "id": case.id, "doc_id": doc.id, "ordinal": case.ordinal,
            "seq": seq if seq is not None else self._next_seq(), "title": case.title,
            "seg": (seg := index_words(segmented(case.text))), "text": normalize(case.text),
            "date": date or None, "date_lo": pad_date(date, "00") if date else None,
            "date_hi": pad_date(date, "99") if date else None,
            "year": fields.get("year", [None])[0], "amount": case.total_amount,
            "doc_type": doc.doc_type or None,
            **{f: fields.get(f, []) for f in ("category", "domain", "region", "sanction", "post")},
            "people": [p.model_dump(include={"name", "position", "organisation", "region", "anonymised"})
                       for p in case.people],
            "amounts": [a.model_dump(include={"text", "value", "approximate", "role", "range_part"})
                        for a in case.amounts],
            "sanctions": [s.model_dump(include={"label", "person"}) for s in case.sanctions],
            "incident": case.id, "is_copy": False, "dup_score": 1.0,
            "lsh": [], "minhash": None,
            "case": case.model_dump(mode="json"),
        }
        if self._sub_field if sub is None else sub:
            src["sub"] = subwords(seg)
        if sig is not None:
            src["lsh"] = [f"{b}:{k}" for b, k in enumerate(dedup.band_keys(sig))]
            src["minhash"] = base64.b64encode(dedup.to_bytes(sig)).decode("ascii")
        return src

    def _assign_incidents(self, prepared: list[dict[str, Any]]) -> None:
        """Give each case its near-duplicate incident, as the embedded store does: among the
        cases of other documents sharing an LSH band key (stored ones and the earlier cases
        of this batch), the most similar one (estimated Jaccard ≥ THRESHOLD, ties to the
        smaller incident) whose stated numbers agree and whose incident's representative
        the case also matches."""
        keys = sorted({k for p in prepared for k in p["lsh"]})
        if not keys:
            return
        self._fresh()
        fields = ["lsh", "minhash", "incident", "doc_id", "id", "text"]
        stored: dict[str, list[dict[str, Any]]] = defaultdict(list)
        by_id: dict[str, dict[str, Any]] = {}
        for i in range(0, len(keys), 8000):
            for src in self._walk(self.cases, {"terms": {"lsh": keys[i:i + 8000]}}, fields):
                by_id[src["id"]] = src
                for k in src.get("lsh", []):
                    stored[k].append(src)
        batch_ids = {p["id"] for p in prepared}
        batch: dict[str, list[dict[str, Any]]] = defaultdict(list)
        batch_by_id: dict[str, dict[str, Any]] = {}
        sigs: dict[str, np.ndarray] = {}

        def sig_of(src: dict[str, Any]) -> np.ndarray:
            if src["id"] not in sigs:
                sigs[src["id"]] = dedup.from_bytes(base64.b64decode(src["minhash"]))
            return sigs[src["id"]]

        def representative(incident: str) -> tuple[np.ndarray, dict[str, Any]] | None:
            if incident in batch_by_id:
                src: dict[str, Any] | None = batch_by_id[incident]
            else:
                if incident not in by_id and incident not in batch_ids:
                    got = self._get_case_source(incident, ["id", "minhash", "text"])
                    by_id[incident] = got or {"id": incident, "minhash": None}
                src = by_id.get(incident)
            return (sig_of(src), src) if src and src.get("minhash") else None

        for p in prepared:
            if not p["lsh"]:
                batch_by_id[p["id"]] = p
                continue
            sig = sig_of(p)
            cands: dict[str, dict[str, Any]] = {}
            for k in p["lsh"]:
                # Stored versions of cases this batch rewrites are left out: the batch's own
                # (earlier) cases stand for them.
                for o in stored.get(k, []):
                    if o["id"] not in batch_ids and o["doc_id"] != p["doc_id"]:
                        cands[o["id"]] = o
                for o in batch.get(k, []):
                    if o["doc_id"] != p["doc_id"]:
                        cands[o["id"]] = o
            chosen = choose_incident(sig, p["text"], ((sig_of(o), o["incident"], o) for o in cands.values()),
                                     _text_of, representative)
            if chosen is not None:
                incident, j = chosen
                p["incident"], p["dup_score"], p["is_copy"] = incident, round(j, 6), incident != p["id"]
            for k in p["lsh"]:
                batch[k].append(p)
            batch_by_id[p["id"]] = p

    # ------------------------------------------------------------------ writing
    def put_document(self, doc: Document) -> None:
        self._put_batch([doc], [None])

    def put_document_recorded(self, doc: Document, entry: LedgerEntry) -> None:
        """Index the document and its cases; write its ledger row only once every case is
        confirmed (otherwise the row stays as it was, e.g. `pending`, and an error says why)."""
        self._put_batch([doc], [entry])

    def put_documents(self, docs: Iterable[Document]) -> None:
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= DOCS_PER_BULK:
                self._put_batch(batch, [None] * len(batch))
                batch = []
        if batch:
            self._put_batch(batch, [None] * len(batch))

    def put_documents_recorded(self, pairs: Iterable[tuple[Document, LedgerEntry]]) -> None:
        """Like put_documents, each document with its ledger row (written once confirmed)."""
        batch: list[tuple[Document, LedgerEntry]] = []
        for pair in pairs:
            batch.append(pair)
            if len(batch) >= DOCS_PER_BULK:
                self._put_batch([d for d, _ in batch], [e for _, e in batch])
                batch = []
        if batch:
            self._put_batch([d for d, _ in batch], [e for _, e in batch])

    def _put_batch(self, docs: list[Document], entries: list[LedgerEntry | None]) -> None:
        self._fresh()
        # Later versions of a path in the same batch win, as sequential puts would.
        last: dict[str, int] = {d.path: i for i, d in enumerate(docs)}
        keep = [i for i, d in enumerate(docs) if last[d.path] == i]
        docs = [docs[i] for i in keep]
        entries = [entries[i] for i in keep]
        existing = self._docs_by_id([d.id for d in docs])
        by_path = self._docs_holding_paths([d.path for d in docs])
        # documents each one replaces at its path (held at no other path): their corrections follow
        olds = self._docs_by_id([o for d in docs for o in by_path.get(d.path, []) if o != d.id])
        replaced = {d.id: [o for o in by_path.get(d.path, []) if o in olds and set(olds[o].get("paths", [])) <= {d.path}]
                    for d in docs}
        indexed = self._corrected_cases(docs, replaced)
        prepared: list[dict[str, Any]] = []
        for doc in docs:
            prepared.extend(self._prepare(c, doc) for c in indexed[doc.id])
        self._assign_incidents(prepared)
        actions: list[dict[str, Any]] = [{"_op_type": "index", "_index": self.cases, "_id": p["id"], "_source": p}
                                         for p in prepared]
        doc_paths: dict[str, set[str]] = {}
        for doc in docs:
            doc_paths[doc.id] = set(doc_paths.get(doc.id) or existing.get(doc.id, {}).get("paths", [])) | {doc.path}
        for doc in docs:
            paths = sorted(doc_paths[doc.id])
            body = doc.model_dump(mode="json", exclude={"cases"})
            actions.append({"_op_type": "index", "_index": self.documents, "_id": doc.id, "_source": {
                "id": doc.id, "path": paths[0], "paths": paths, "title": doc.title,
                "doc_type": doc.doc_type, "date": doc.date or None, "stored_at": _now(), "doc": body}})
        self._dirty = True
        res = self._bulk(actions)
        failed_docs = []
        for doc in docs:
            ids = [c.id for c in doc.cases] + [doc.id]
            bad = [i for i in ids if i in res.failed]
            if bad:
                failed_docs.append((doc, len(bad), len(ids), res.failed[bad[0]]))
        good = [(d, e) for d, e in zip(docs, entries) if not any(d is f[0] for f in failed_docs)]
        # Old content: cases of a document that are no longer in it, paths now holding other content.
        stale: list[str] = []
        again = [d for d, _ in good if d.id in existing]  # only a stored document can have old cases
        if again:
            new_ids = {c.id for d in again for c in indexed[d.id]}
            self._fresh()
            for i in range(0, len(again), 500):
                query = {"terms": {"doc_id": [d.id for d in again[i:i + 500]]}}
                stale.extend(s["id"] for s in self._walk(self.cases, query, ["id"]) if s["id"] not in new_ids)
        if stale:
            self._delete_cases(stale)
        for doc, _ in good:
            for old_id in by_path.get(doc.path, []):
                if old_id != doc.id:
                    self._unlink(doc.path, old_id)
        ledger = [e for _, e in good if e is not None]
        if ledger:
            self._record_many(ledger)
        if failed_docs:
            doc, n, m, reason = failed_docs[0]
            more = f" (and {len(failed_docs) - 1} more files)" if len(failed_docs) > 1 else ""
            raise ElasticError(f"{doc.path}: Elasticsearch at {self.url} did not confirm {n} of {m} writes "
                               f"({reason}){more}; the file stays pending and is retried on the next run")

    def _bulk(self, actions: list[dict[str, Any]]) -> BulkResult:
        """Bulk write (retried); searches in this process see it after the next `_fresh()`."""
        try:
            return bulk(self.conn, actions)
        finally:
            self._dirty = True

    def _docs_by_id(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        if not ids:
            return {}
        res = self._call("read documents", lambda: self.es.mget(index=self.documents, ids=sorted(set(ids)),
                                                                 source_excludes=["doc.text", "doc.warnings"]))
        return {d["_id"]: d["_source"] for d in res["docs"] if d.get("found")}

    @staticmethod
    def _doc_meta(doc_id: str, info: dict[str, Any]) -> Document:
        """A stored document's fields a case's facets read (no text, no cases), from its entry."""
        return Document(id=doc_id, path=info.get("path", ""), text="", doc_type=info.get("doc_type") or "case_notice",
                        date=info.get("date") or "", issuer=(info.get("doc") or {}).get("issuer") or "")

    def _docs_holding_paths(self, paths: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        wanted = set(paths)
        for i in range(0, len(paths), 1000):
            for src in self._walk(self.documents, {"terms": {"paths": paths[i:i + 1000]}}, ["id", "paths"], key="id"):
                for p in src["paths"]:
                    if p in wanted:
                        out[p].append(src["id"])
        return out

    def _case_ids_of(self, doc_id: str) -> list[str]:
        self._fresh()
        return [s["id"] for s in self._walk(self.cases, {"term": {"doc_id": doc_id}}, ["id"])]

    def _delete_cases(self, ids: list[str]) -> None:
        """Delete cases; copies of a deleted representative get the earliest remaining copy
        as their incident's representative."""
        if not ids:
            return
        self._dirty = True
        res = self._bulk([{"_op_type": "delete", "_index": self.cases, "_id": i} for i in ids])
        if res.failed:
            first = next(iter(res.failed.items()))
            raise ElasticError(f"Elasticsearch at {self.url}: could not delete {len(res.failed)} cases "
                               f"({first[0]}: {first[1]})")
        self._fresh()
        gone = set(ids)
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for i in range(0, len(ids), 1000):
            for src in self._walk(self.cases, {"terms": {"incident": ids[i:i + 1000]}},
                                  ["id", "incident", "seq"], key="seq"):
                if src["id"] not in gone:
                    groups[src["incident"]].append(src)
        updates = []
        for members in groups.values():
            members.sort(key=lambda s: (s["seq"], s["id"]))
            rep = members[0]["id"]
            for m in members:
                updates.append({"_op_type": "update", "_index": self.cases, "_id": m["id"],
                                "doc": {"incident": rep, "is_copy": m["id"] != rep}})
        if updates:
            res = self._bulk(updates)
            if res.failed:
                raise ElasticError(f"Elasticsearch at {self.url}: could not regroup {len(res.failed)} near-duplicates")

    def _unlink(self, path: str, doc_id: str) -> int:
        """Forget that `path` holds document `doc_id`; delete the document when no path is left."""
        found = self._docs_by_id([doc_id]).get(doc_id)
        if not found:
            return 0
        paths = [p for p in found.get("paths", []) if p != path]
        self._dirty = True
        if paths:
            self._call("update a document", lambda: self.es.update(
                index=self.documents, id=doc_id, doc={"paths": paths, "path": sorted(paths)[0]}))
            return 0
        ids = self._case_ids_of(doc_id)
        self._delete_cases(ids)
        try:
            self._call("delete a document", lambda: self.es.delete(index=self.documents, id=doc_id), ok_status=(404,))
        except NotFoundError:
            pass
        self._detach(doc_id)
        return len(ids)

    def delete_document(self, path: str) -> int:
        self._fresh()
        removed = 0
        for doc_id in self._docs_holding_paths([str(path)]).get(str(path), []):
            removed += self._unlink(str(path), doc_id)
        return removed

    # ------------------------------------------------------------------ reading
    def _walk(self, index: str, query: dict, source: list[str] | bool, key: str = "id",
              size: int = PAGE, extra: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Every hit's _source, sorted by `key` (a unique keyword, or seq), page by page
        (`extra`: more search parameters)."""
        after = None
        while True:
            kw: dict[str, Any] = dict(index=index, query=query, size=size, sort=[{key: "asc"}],
                                      _source=source, track_total_hits=False, **(extra or {}))
            if after is not None:
                kw["search_after"] = after
            res = self._search(kw)
            hits = res["hits"]["hits"]
            for h in hits:
                yield h["_source"]
            if len(hits) < size:
                return
            after = hits[-1]["sort"]

    def _search(self, kw: dict[str, Any]) -> dict[str, Any]:
        """One search; retried once when the alias moved under it (reindex swap)."""
        for attempt in (0, 1):
            try:
                res = self._call("search", lambda: self.es.search(**kw), ok_status=(404,))
            except NotFoundError as exc:
                if attempt == 0 and "index_not_found" in str(exc):
                    continue
                raise self.conn.error(exc, "search") from None
            shards = res.get("_shards", {})
            if shards.get("failed") and attempt == 0:
                log.info("search: %s shard(s) failed; retrying once", shards["failed"])
                continue
            return res.body
        raise ElasticError(f"Elasticsearch at {self.url}: search failed on some shards")

    def get_case(self, case_id: str) -> Case | None:
        src = self._get_case_source(case_id)
        return Case.model_validate(src["case"]) if src else None

    def _get_case_source(self, case_id: str, fields: list[str] | None = None) -> dict[str, Any] | None:
        try:
            res = self._call("read a case", lambda: self.es.get(index=self.cases, id=case_id,
                                                                  source_includes=fields or _CASE_SOURCE),
                             ok_status=(404,))
        except NotFoundError:
            return None
        return res["_source"] if res.get("found") else None

    def get_document(self, doc_id: str) -> Document | None:
        try:
            res = self._call("read a document", lambda: self.es.get(index=self.documents, id=doc_id), ok_status=(404,))
        except NotFoundError:
            return None
        src = res["_source"]
        self._fresh()
        cases = [Case.model_validate(s["case"]) for s in
                 self._walk(self.cases, {"term": {"doc_id": doc_id}}, ["case"], key="id")]
        cases.sort(key=lambda c: (c.ordinal, c.id))
        doc = Document.model_validate({**src["doc"], "path": src["path"], "cases": []})
        doc.cases = cases
        return doc

    def iter_cases(self, filters: Filters | None = None) -> Iterator[Case]:
        self._fresh()
        query = {"bool": {"filter": filter_clauses(filters or Filters())}}
        for src in self._walk(self.cases, query, ["case"], key="id"):
            yield Case.model_validate(src["case"])

    def count_cases(self) -> int:
        self._fresh()
        return int(self._call("count cases", lambda: self.es.count(index=self.cases))["count"])

    def count_documents(self) -> int:
        self._fresh()
        return int(self._call("count documents", lambda: self.es.count(index=self.documents))["count"])

    def case_info(self, case_id: str) -> dict | None:
        src = self._get_case_source(case_id, ["doc_id", "incident", "date"])
        if src is None:
            return None
        doc = self._docs_by_id([src["doc_id"]]).get(src["doc_id"], {})
        self._fresh()
        copies = [s["id"] for s in self._walk(self.cases, {"term": {"incident": src["incident"]}},
                                              ["id", "seq"], key="seq") if s["id"] != case_id]
        return {"doc_path": doc.get("path", ""), "doc_title": doc.get("title", ""),
                "doc_type": doc.get("doc_type", ""), "doc_date": doc.get("date") or "",
                "incident": src["incident"], "case_date": src.get("date") or "",
                "duplicate_of": src["incident"] if src["incident"] != case_id else "", "copies": copies}

    def incident_of(self, case_id: str) -> str:
        src = self._get_case_source(case_id, ["incident"])
        return src["incident"] if src else ""

    # ------------------------------------------------------------------ search
    def search(self, query: SearchQuery) -> SearchResult:
        t0 = time.perf_counter()
        self._fresh()
        node, also = analyse(query.text, exact=query.exact)
        q, words, scored = tree_query(node)
        if q is None:
            facets: dict[str, list[FacetValue]] = {f: [] for f in (*FACET_FIELDS, AMOUNT_FACET)} if query.facets else {}
            return SearchResult(total=0, hits=[], facets=facets, also_searched=also,
                                took_ms=round((time.perf_counter() - t0) * 1000, 2))
        date_desc = {"date": {"order": "desc", "missing": "_last"}}
        seq = {"seq": "asc"}
        if query.sort == "date":
            sort: list[Any] = [date_desc, {"_score": "desc"}, seq]
        elif query.sort == "amount":
            sort = [{"amount": "desc"}, {"_score": "desc"}, seq]
        elif scored:
            sort = [{"_score": "desc"}, date_desc, seq]
        else:
            sort = [date_desc, seq]
        size = max(0, min(query.size, 1000))
        body: dict[str, Any] = {
            "index": self.cases, "query": {"bool": {"must": [q], "filter": filter_clauses(query.filters)}},
            "sort": sort, "size": size, "from": max(0, query.page - 1) * size, "track_scores": True,
            "track_total_hits": True, "_source": _CASE_SOURCE,
        }
        aggs: dict[str, Any] = {}
        if query.facets:
            for f in FACET_FIELDS:
                aggs[f"facet_{f}"] = {"terms": {"field": f, "size": FACET_LIMIT,
                                                "order": [{"_count": "desc"}, {"_key": "asc"}]}}
            aggs["facet_amount"] = {"range": {"field": "amount", "ranges": [
                {"from": lo, "key": label} | ({"to": hi} if hi != float("inf") else {})
                for lo, hi, label in amount_bands()]}}
        if query.collapse_duplicates:
            body["collapse"] = {"field": "incident"}
            aggs["incidents"] = {"cardinality": {"field": "incident", "precision_threshold": 40000}}
        if aggs:
            body["aggs"] = aggs
        res = self._search(body)
        total = cases = res["hits"]["total"]["value"]
        if query.collapse_duplicates:
            total = int(res["aggregations"]["incidents"]["value"])
        facets = {}
        if query.facets:
            for f in FACET_FIELDS:
                facets[f] = [FacetValue(value=str(b["key"]), count=b["doc_count"])
                             for b in res["aggregations"][f"facet_{f}"]["buckets"]]
            facets[AMOUNT_FACET] = [FacetValue(value=str(b["key"]), count=b["doc_count"])
                                    for b in res["aggregations"]["facet_amount"]["buckets"] if b["doc_count"]]
        hits_raw = res["hits"]["hits"]
        docs = self._docs_by_id([h["_source"]["doc_id"] for h in hits_raw])
        needles = list(words) + [t for w in words for t in query_tokens(w)]
        hits = []
        for h in hits_raw:
            src = h["_source"]
            case = Case.model_validate(src["case"])
            doc = docs.get(src["doc_id"], {})
            score = float(h.get("_score") or 0.0) if scored else 0.0
            hits.append(Hit(case=case, score=round(score, 4), snippet=snippet(case.text, needles),
                            doc_path=doc.get("path", ""), doc_title=doc.get("title", ""),
                            doc_issuer=(doc.get("doc") or {}).get("issuer") or "",
                            doc_date=(doc.get("doc") or {}).get("date") or "",
                            duplicate_of=src["incident"] if src["incident"] != case.id else "",
                            date=src.get("date") or ""))
        return SearchResult(total=total, cases=cases, hits=hits, facets=facets, also_searched=also,
                            took_ms=round((time.perf_counter() - t0) * 1000, 2))

    # ------------------------------------------------------------------ similar
    def similar(self, case_id: str, k: int = 10) -> list[SimilarHit]:
        """more_like_this over the segmented text (the case's distinctive terms) fetches the
        candidates, those sharing its categories and domains boosted; they are then scored by
        search.similar.rerank, as in the embedded store."""
        self._fresh()
        try:
            got = self._call("read a case", lambda: self.es.get(index=self.cases, id=case_id,
                                                                 source_includes=["case", "incident", "seg"]),
                             ok_status=(404,))
        except NotFoundError:
            return []
        src = got["_source"]
        case = Case.model_validate(src["case"])
        tokens = src["seg"].split()
        tv = self._call("read term statistics", lambda: self.es.termvectors(
            index=got["_index"], id=case_id, fields=["seg"], term_statistics=True, field_statistics=True,
            positions=False, offsets=False, payloads=False))
        seg_tv = tv.get("term_vectors", {}).get("seg", {})
        n_docs = int(seg_tv.get("field_statistics", {}).get("doc_count", 1))
        df = {t: int(v.get("doc_freq", 0)) for t, v in seg_tv.get("terms", {}).items()}
        terms = sim.distinctive_terms(tokens, df, n_docs)
        if not terms:
            return []
        cats = sorted({c.code for c in case.categories})
        doms = sorted({d.code for d in case.domains})
        should = [{"constant_score": {"filter": {"term": {"category": c}}, "boost": 1.0}} for c in cats]
        should += [{"constant_score": {"filter": {"term": {"domain": d}}, "boost": 0.5}} for d in doms]
        mlt = {"more_like_this": {
            "fields": ["seg"], "like": [{"_index": got["_index"], "_id": case_id}],
            "min_term_freq": 1, "min_doc_freq": 1, "max_query_terms": sim.TOP_TERMS,
            "min_word_length": 2, "minimum_should_match": "1", "include": False,
            "stop_words": sorted(sim.stopwords())}}
        body = {"index": self.cases, "size": SIMILAR_CANDIDATES, "track_total_hits": False,
                "_source": ["case", "seg", "doc_id", "incident"],
                "query": {"bool": {"must": [mlt], "should": should,
                                   "must_not": [{"term": {"incident": src["incident"]}}, {"ids": {"values": [case_id]}}]}}}
        res = self._search(body)
        raw = res["hits"]["hits"]
        if not raw:
            return []
        # The candidates' own term statistics, so that they are scored exactly as the embedded
        # store scores them (search.similar.rerank: cosine of tf-idf vectors + category/domain
        # boosts, wording-only hits cut off).
        mtv = self._call("read term statistics", lambda: self.es.mtermvectors(
            index=got["_index"], ids=[h["_id"] for h in raw], fields=["seg"], term_statistics=True,
            field_statistics=False, positions=False, offsets=False, payloads=False))
        for doc in mtv.get("docs", []):
            for t, v in doc.get("term_vectors", {}).get("seg", {}).get("terms", {}).items():
                df.setdefault(t, int(v.get("doc_freq", 0)))
        cands = {h["_id"]: Case.model_validate(h["_source"]["case"]) for h in raw}
        ranked = sim.rerank(sim.select_query_terms(tokens, df, n_docs) or terms, cats, doms, (sim.Candidate(
            h["_id"], h["_source"]["seg"].split(), frozenset(c.code for c in cands[h["_id"]].categories),
            frozenset(d.code for d in cands[h["_id"]].domains)) for h in raw), df, n_docs)
        docs = self._docs_by_id([h["_source"]["doc_id"] for h in raw])
        doc_of = {h["_id"]: h["_source"]["doc_id"] for h in raw}
        incident_of = {h["_id"]: h["_source"]["incident"] for h in raw}
        hits = [SimilarHit(case=cands[r.key], score=r.score, shared_terms=r.shared_terms,
                           shared_categories=r.shared_categories, shared_domains=r.shared_domains,
                           doc_path=docs.get(doc_of[r.key], {}).get("path", "")) for r in ranked]
        hits.sort(key=lambda x: (-x.score, x.case.id))
        return one_per_incident(hits, lambda hit: incident_of[hit.case.id], k)

    # ------------------------------------------------------------------ duplicates
    def duplicates(self) -> list[DuplicateGroup]:
        self._fresh()
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for src in self._walk(self.cases, {"term": {"is_copy": True}}, ["id", "incident", "dup_score", "seq"], key="seq"):
            groups[src["incident"]].append(src)
        out = []
        for rep, members in groups.items():
            members.sort(key=lambda s: (s["seq"], s["id"]))
            ids = [rep] + [m["id"] for m in members if m["id"] != rep]
            low = min((float(m["dup_score"]) for m in members), default=1.0)
            out.append(DuplicateGroup(representative=rep, case_ids=ids, similarity=round(low, 3)))
        out.sort(key=lambda g: (-len(g.case_ids), g.representative))
        return out

    # ------------------------------------------------------------------ ledger
    def record(self, entry: LedgerEntry) -> None:
        self._record_many([entry])

    def _record_many(self, entries: list[LedgerEntry]) -> None:
        actions = []
        for entry in entries:
            e = entry.model_copy(update={"updated_at": entry.updated_at or _now()})
            actions.append({"_op_type": "index", "_index": self.ledger_index, "_id": _ledger_id(e.path),
                            "_source": e.model_dump(mode="json")})
        self._dirty = True
        res = self._bulk(actions)
        if res.failed:
            first = next(iter(res.failed.values()))
            raise ElasticError(f"Elasticsearch at {self.url}: could not write {len(res.failed)} ledger rows ({first})")

    def record_many(self, entries: Iterable[LedgerEntry]) -> None:
        """Write several ledger rows in bulk."""
        batch: list[LedgerEntry] = []
        for e in entries:
            batch.append(e)
            if len(batch) >= PAGE:
                self._record_many(batch)
                batch = []
        if batch:
            self._record_many(batch)

    def ledger(self, path: str) -> LedgerEntry | None:
        try:
            res = self._call("read the ledger", lambda: self.es.get(index=self.ledger_index, id=_ledger_id(str(path))),
                             ok_status=(404,))
        except NotFoundError:
            return None
        return LedgerEntry.model_validate(res["_source"]) if res.get("found") else None

    def ledger_entries(self, status: LedgerStatus | None = None) -> list[LedgerEntry]:
        self._fresh()
        query = {"term": {"status": status}} if status else {"match_all": {}}
        return [LedgerEntry.model_validate(s) for s in self._walk(self.ledger_index, query, True, key="path")]

    # ------------------------------------------------------------------ reindex
    def rebuild_index(self) -> str | None:
        """reindex() into a new index version behind the alias."""
        return f"reindex(): {self.reindex()}"

    def reindex(self, *, keep_old: bool = False, progress=None) -> dict[str, Any]:
        """Build the next version of the cases index from the current one (every case
        re-prepared with this leian's segmentation and mapping), then move the alias to it
        in one atomic request. Writes to the old index are blocked while it is copied, so no
        case written meanwhile can be lost (a writer gets a clear error and its file stays
        pending); searches go on throughout. A reindex that was killed leaves the old index
        write-blocked and a partial new one: running it again cleans up and finishes."""
        t0 = time.perf_counter()
        self._fresh()
        self._put_template("cases", f"{self.cases}-v*")
        old = self.index_behind_alias()
        existing = self._call("list index versions", lambda: self.es.indices.get(index=f"{self.cases}-v*")).body
        current = _version(old)
        versions = {n: _version(n) for n in existing}
        # Versions above the current one are partial builds of a reindex that was killed.
        for name, v in versions.items():
            if v > current:
                log.warning("reindex: deleting %s, left unfinished by an earlier reindex", name)
                self._call("delete an unfinished index", partial(self.es.indices.delete, index=name))
        new = f"{self.cases}-v{max(versions.values()) + 1}"
        self._call("block writes", lambda: self.es.indices.put_settings(index=old, settings={"index.blocks.write": True}))
        try:
            self._create(new)
            self._call("pause refresh", lambda: self.es.indices.put_settings(index=new, settings={"index.refresh_interval": "-1"}))
            doc_info: dict[str, dict[str, Any]] = {}
            copied = 0
            batch: list[dict[str, Any]] = []

            def flush() -> None:
                res = self._bulk(batch)
                if res.failed:
                    first = next(iter(res.failed.items()))
                    raise ElasticError(f"reindex into {new}: {len(res.failed)} cases not written ({first[0]}: {first[1]})")

            for src in self._walk(old, {"match_all": {}}, True, key="id"):
                did = src["doc_id"]
                if did not in doc_info:
                    doc_info.update(self._docs_by_id([did]))
                doc = self._doc_meta(did, doc_info.get(did, {}))
                case = Case.model_validate(src["case"])
                p = self._prepare(case, doc, seq=src.get("seq"), sub=True)
                p.update(incident=src["incident"], is_copy=src["incident"] != case.id,
                         dup_score=src.get("dup_score", 1.0))
                batch.append({"_op_type": "index", "_index": new, "_id": case.id, "_source": p})
                if len(batch) >= 500:
                    flush()
                    copied += len(batch)
                    batch = []
                    if progress:
                        progress(copied)
            if batch:
                flush()
                copied += len(batch)
            self._call("restore refresh", lambda: self.es.indices.put_settings(index=new, settings={"index.refresh_interval": None}))
            self._call("refresh", lambda: self.es.indices.refresh(index=new))
            count_old = self._call("count", lambda: self.es.count(index=old))["count"]
            count_new = self._call("count", lambda: self.es.count(index=new))["count"]
            if count_old != count_new:
                raise ElasticError(f"reindex into {new}: {count_new} cases, the old index has {count_old}")
            self._call("swap the alias", lambda: self.es.indices.update_aliases(actions=[
                {"remove": {"index": old, "alias": self.cases}},
                {"add": {"index": new, "alias": self.cases, "is_write_index": True}}]))
        except BaseException:
            self._call("unblock writes", lambda: self.es.indices.put_settings(index=old, settings={"index.blocks.write": None}))
            try:
                self._call("drop the partial index", lambda: self.es.indices.delete(index=new), ok_status=(404,))
            except NotFoundError:
                pass
            raise
        self._sub_field = True
        if not keep_old:
            time.sleep(SWAP_GRACE_S)  # let searches that resolved the alias to the old index finish
            self._call("delete the old index", lambda: self.es.indices.delete(index=old))
        else:
            self._call("unblock writes", lambda: self.es.indices.put_settings(index=old, settings={"index.blocks.write": None}))
        return {"old": old, "new": new, "cases": copied, "kept_old": keep_old,
                "seconds": round(time.perf_counter() - t0, 2)}


__all__ = ["ElasticStore", "ElasticError"]
