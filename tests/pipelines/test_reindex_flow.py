"""The `reindex` flow re-extracts stored documents from their sources (all with force, the
stale ones without), keeps the cases of sources that are gone, and duplicates nothing."""
from __future__ import annotations

import pytest

from search.open import open_store
from tests.pipelines.conftest import write_good_files

pytestmark = [pytest.mark.prefect]


def _cases(store: str) -> list[str]:
    with open_store(store) as st:
        return sorted(c.id for c in st.iter_cases())


def test_reindex_reextracts_and_keeps_what_it_cannot(prefect_harness, tmp_path):
    from pipelines.flows.ingest import ingest
    from pipelines.flows.reindex import reindex

    inbox = tmp_path / "inbox"
    files = write_good_files(inbox, count=3)
    store = str(tmp_path / "leian.db")
    assert ingest(paths=[str(inbox)], store=store, return_state=True).is_completed()
    before = _cases(store)

    # Nothing is stale: without force nothing is re-extracted.
    state = reindex(store=store, force=False, return_state=True)
    summary = state.result()
    assert state.is_completed() and summary.updated == 0 and summary.results == []

    files[2].unlink()  # a source that is gone keeps its stored cases
    state = reindex(store=store, force=True, return_state=True)
    summary = state.result()
    assert state.is_completed(), state.message
    assert summary.updated == 2
    gone = [r for r in summary.skipped if r.path == str(files[2])]
    assert gone and "gone" in gone[0].error
    assert _cases(store) == before  # same cases, none duplicated, none lost
    with open_store(store) as st:
        assert all(e.status == "ok" for e in st.ledger_entries())
