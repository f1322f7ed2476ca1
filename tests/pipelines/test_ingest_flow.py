"""Real `ingest` flow runs (prefect_test_harness) over real files and a real SQLite store."""
from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from search.open import open_store
from tests.pipelines.conftest import write_bad_files, write_good_files

pytestmark = [pytest.mark.prefect]


@pytest.fixture
def store(tmp_path) -> str:
    return str(tmp_path / "data" / "leian.db")


@pytest.fixture
def fast_retries(monkeypatch):
    """Store retries in tenths of a second, so a test waits for the back-off briefly."""
    monkeypatch.setenv("LEIAN_STORE_RETRIES", "3")
    monkeypatch.setenv("LEIAN_STORE_RETRY_DELAY", "0.2")


def _run(paths, store, **kw):
    from pipelines.flows.ingest import ingest

    state = ingest(paths=[str(p) for p in paths], store=store, return_state=True, **kw)
    return state, state.result(raise_on_failure=False)


def _ledger(store: str) -> dict[str, object]:
    with open_store(store) as st:
        return {e.path: e for e in st.ledger_entries()}


def _cases(store: str) -> list[str]:
    with open_store(store) as st:
        return [c.id for c in st.iter_cases()]


def test_good_and_bad_files(prefect_harness, tmp_path, store):
    inbox = tmp_path / "inbox"
    good = write_good_files(inbox, count=3)
    bad = write_bad_files(inbox / "broken")
    state, summary = _run([inbox], store, batch_size=1)  # 7 files: extraction windows of 5, batches of 1

    assert state.is_completed(), state.message
    ledger = _ledger(store)
    for p in good:
        assert ledger[str(p)].status == "ok" and ledger[str(p)].cases >= 1
    from pipelines.steps import supported_extensions

    readable = supported_extensions()
    for kind in ("pdf", "docx", "unknown"):
        entry = ledger[str(bad[kind])]
        # A type some reader takes fails with the reader's reason; any other is skipped, with why.
        expected = "failed" if bad[kind].suffix in readable else "skipped"
        assert entry.status == expected, (kind, entry)
        assert entry.error, f"{kind}: recorded without a reason"
    assert ".xyz" in ledger[str(bad["unknown"])].error
    if ".docx" in readable:
        assert "empty" in ledger[str(bad["docx"])].error.lower()
    gbk = ledger[str(bad["gbk"])]
    if gbk.status == "ok":  # decoded: the text must be Chinese, not mojibake
        with open_store(store) as st:
            assert "孙某" in st.get_document(gbk.doc_id).text
    else:
        assert gbk.status == "failed" and gbk.error

    n_ok = sum(1 for e in ledger.values() if e.status == "ok")
    failed = {f.path: f.error for f in summary.failed + summary.skipped}
    assert summary.new == n_ok
    assert set(failed) == {p for p, e in ledger.items() if e.status in ("failed", "skipped")}
    assert all(failed.values())
    assert summary.pending == []

    # The run's markdown artifact lists the failures with their reasons.
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    md = next(a.data for a in arts if a.key == "ingest-summary")
    for p, reason in failed.items():
        assert f"`{p}`" in md and " ".join(reason.split())[:30] in md


def test_rerun_is_idempotent_and_picks_up_changes(prefect_harness, tmp_path, store):
    inbox = tmp_path / "inbox"
    files = write_good_files(inbox, count=4)
    _, first = _run([inbox], store)
    cases_before = sorted(_cases(store))
    assert first.new == 4 and cases_before

    state, second = _run([inbox], store)
    assert state.is_completed()
    assert (second.new, second.updated, second.unchanged) == (0, 0, 4)
    assert sorted(_cases(store)) == cases_before  # nothing duplicated

    files[0].write_text("某县水利局原局长钱某受贿问题。2017年至2021年，钱某收受他人财物共计80万元，"
                        "受到开除党籍、开除公职处分。", encoding="utf-8")
    _, third = _run([inbox], store)
    assert (third.new, third.updated, third.unchanged) == (0, 1, 3)
    after = _cases(store)
    assert len(after) == len(set(after))
    with open_store(store) as st:
        doc = st.get_document(st.ledger(str(files[0])).doc_id)
    assert "钱某" in doc.text


class UnavailableStore:
    """Makes the real store file unreachable for the first `failures` times the flow opens
    it: the data folder is moved away and a plain file put in its place, so the real
    SqliteStore genuinely fails to open (StoreError) — then everything is put back."""

    def __init__(self, store: str, failures: int):
        self.folder = Path(store).parent
        self.aside = self.folder.with_name(self.folder.name + ".away")
        self.failures = failures
        self.opens = 0
        self.failed = 0
        self._lock = threading.Lock()

    def __call__(self, location=None, settings=None):
        from search.open import open_store as real_open

        with self._lock:
            self.opens += 1
            if self.failed < self.failures:
                self.failed += 1
                if self.folder.exists():
                    self.folder.rename(self.aside)
                self.folder.write_text("the store's disk is gone")
                try:
                    return real_open(location, settings)  # raises: the folder is a file
                finally:
                    self.folder.unlink()
                    if self.aside.exists():
                        self.aside.rename(self.folder)
            return real_open(location, settings)


def test_store_down_for_a_while_retries_and_loses_nothing(prefect_harness, tmp_path, store, fast_retries,
                                                          monkeypatch):
    inbox = tmp_path / "inbox"
    files = write_good_files(inbox, count=4)
    open_store(store).close()  # the store exists before it goes away
    flaky = UnavailableStore(store, failures=3)
    import pipelines.flows.ingest as ingest_mod

    monkeypatch.setattr(ingest_mod, "open_store", flaky)
    state, summary = _run([inbox], store, batch_size=2)
    assert flaky.failed == 3, "the store never failed: the test proves nothing"
    assert state.is_completed(), state.message
    assert summary.new == 4 and summary.pending == []
    ledger = _ledger(store)
    assert all(ledger[str(p)].status == "ok" for p in files)
    assert len(set(_cases(store))) == len(_cases(store))


def test_retries_exhausted_leaves_files_pending_for_the_next_run(prefect_harness, tmp_path, store,
                                                                 fast_retries, monkeypatch):
    inbox = tmp_path / "inbox"
    files = write_good_files(inbox, count=3)
    open_store(store).close()
    import pipelines.flows.ingest as ingest_mod

    # Taking the store's ingest lock, discovery and marking the files pending succeed (3 opens),
    # then the store is down for longer than the indexing retries last.
    class DownAfterDiscovery(UnavailableStore):
        def __call__(self, location=None, settings=None):
            if self.opens < 3:
                self.opens += 1
                from search.open import open_store as real_open

                return real_open(location, settings)
            return super().__call__(location, settings)

    monkeypatch.setattr(ingest_mod, "open_store", DownAfterDiscovery(store, failures=100))
    state, summary = _run([inbox], store)
    assert state.is_failed()
    assert sorted(f.path for f in summary.pending) == sorted(str(p) for p in files)
    assert {e.status for e in _ledger(store).values()} == {"pending"}
    assert _cases(store) == []

    monkeypatch.undo()
    state, summary = _run([inbox], store)
    assert state.is_completed(), state.message
    assert summary.new == 3
    assert all(_ledger(store)[str(p)].status == "ok" for p in files)


def test_second_run_while_one_is_going_ingests_nothing_twice(prefect_harness, tmp_path, store):
    inbox = tmp_path / "inbox"
    write_good_files(inbox, count=4)
    open_store(store).close()
    from search.backends.sqlite.store import ingest_lock_path

    # Another writer (a backup, say) holds the database: the first run blocks in its first
    # write, holding the ingest lock meanwhile.
    blocker = sqlite3.connect(store, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    results: dict[str, object] = {}
    first = threading.Thread(target=lambda: results.update(first=_run([inbox], store)))
    first.start()
    try:
        lock = ingest_lock_path(store)
        deadline = time.monotonic() + 60
        while not (lock.exists() and lock.read_text().strip()):
            assert time.monotonic() < deadline, "the first run never took the ingest lock"
            time.sleep(0.1)
        state, second = _run([inbox], store)
        assert state.is_completed()
        assert second.busy and second.new == 0 and "another ingest run" in second.busy
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        first.join(timeout=120)
    fstate, fsum = results["first"]
    assert fstate.is_completed() and fsum.new == 4
    cases = _cases(store)
    assert len(cases) == len(set(cases))
    _, third = _run([inbox], store)
    assert third.unchanged == 4 and third.new == 0 and not third.busy


def test_each_run_reads_the_settings_as_it_starts(prefect_harness, tmp_path, store, monkeypatch):
    """The flow module was imported long before: a run honours the settings in force when it
    starts (read limits, batch size, task runner), and the next run in the same process its own."""
    from pipelines.flows.ingest import flow_settings, task_runner

    inbox = tmp_path / "inbox"
    files = write_good_files(inbox, count=2)
    monkeypatch.setenv("LEIAN_READ_MAX_MB", "0.0001")  # ~100 bytes: every notice is too large
    monkeypatch.setenv("LEIAN_MAX_WORKERS", "3")
    assert task_runner(flow_settings())._max_workers == 3
    state, summary = _run([inbox], store)
    assert state.is_completed() and summary.new == 0
    assert all("too large" in f.error for f in summary.failed) and len(summary.failed) == 2
    monkeypatch.delenv("LEIAN_READ_MAX_MB")
    state, summary = _run([inbox], store)
    assert state.is_completed() and summary.new == 2
    assert all(_ledger(store)[str(p)].status == "ok" for p in files)
    assert flow_settings(store, ingest_batch_size=5).ingest_batch_size == 5
