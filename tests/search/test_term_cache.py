"""The term cache on disk: a class listing fills it, the next one reads it and gets the same
classes; many new cases are segmented in worker processes with the same result; a damaged
cache file is set aside, never an error."""
from __future__ import annotations

import logging
import sqlite3

import pytest

from search import term_cache as tc
from search.backends.sqlite.store import SqliteStore
from search.classes import list_classes, terms_cache_path
from search.vectors import case_terms, compute_terms, term_inputs
from tests.search.class_cases import documents


@pytest.fixture
def store(tmp_path):
    st = SqliteStore(tmp_path / "leian.db")
    for d in documents():
        st.put_document(d)
    yield st
    st.close()


def _rows(path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM terms").fetchone()[0]
    finally:
        con.close()


def test_listing_fills_the_cache_and_the_next_reads_it(store, tmp_path, monkeypatch):
    saved = tmp_path / "classes.json"
    first = list_classes(store, saved, threshold=0.2)
    cache_file = terms_cache_path(saved)
    assert cache_file.exists() and _rows(cache_file) >= first.incidents
    import search.vectors as vectors

    calls = []
    monkeypatch.setattr(vectors, "compute_terms", lambda *item: calls.append(item) or compute_terms(*item))
    vectors._terms.cache_clear()
    second = list_classes(store, saved, threshold=0.2)
    assert calls == []  # nothing segmented again
    assert second.model_dump() == first.model_dump()


def test_parallel_warm_gives_the_terms_of_a_serial_run(store, tmp_path, monkeypatch):
    cases = list(store.iter_cases())
    monkeypatch.setattr(tc, "PARALLEL_FROM", 2)  # worker processes even for these few cases
    with tc.term_cache(tmp_path / "p.db") as cache:
        assert tc.warm(cases) == len({tc.key_of(*term_inputs(c)) for c in cases})
        assert tc.warm(cases) == 0
        got = [case_terms(c) for c in cases]
    assert got == [list(compute_terms(*term_inputs(c))) for c in cases]
    assert _rows(tmp_path / "p.db") == len(cache.memory)


def test_key_changes_with_the_text_and_the_names_left_out():
    base = tc.key_of("王某虚报冒领低保金", ("王某",), ())
    assert base != tc.key_of("王某虚报冒领低保金。", ("王某",), ())
    assert base != tc.key_of("王某虚报冒领低保金", (), ())


def test_a_damaged_cache_is_set_aside(store, tmp_path, caplog):
    saved = tmp_path / "classes.json"
    terms_cache_path(saved).write_bytes(b"this is not an SQLite database" * 100)
    caplog.set_level(logging.WARNING, logger="search.term_cache")
    listing = list_classes(store, saved, threshold=0.2)
    assert listing.incidents == 8
    assert any("damaged" in r.getMessage() for r in caplog.records)
    assert _rows(terms_cache_path(saved)) >= 8
    assert terms_cache_path(saved).with_name("terms.db.damaged").exists()


def test_terms_of_deleted_cases_are_dropped_by_the_next_listing(store, tmp_path):
    saved = tmp_path / "classes.json"
    list_classes(store, saved, threshold=0.2)
    before = _rows(terms_cache_path(saved))
    removed = store.delete_document(documents()[0].path)
    assert removed >= 1
    listing = list_classes(store, saved, threshold=0.2)
    after = _rows(terms_cache_path(saved))
    assert after < before and after == listing.incidents
