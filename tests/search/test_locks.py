"""The ingest lock held by the store (CaseStore.ingest_lock): one run at a time per store.

Embedded store: a `flock` on the file beside the store's. Elasticsearch: a leased lock
document in the cluster (search/backends/elastic/lock.py) — tested on the real test node,
with a holder killed with SIGKILL to show its lease lapses and the next run takes over."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from config.errors import IngestBusy
from search.backends.sqlite.store import SqliteStore, ingest_lock_path

REPO = Path(__file__).resolve().parents[2]


def _exclusive_then_free(first, second) -> None:
    """`second` cannot take the lock `first` holds, waits for it when asked, takes it after."""
    told: list[str] = []
    with first.ingest_lock():
        with pytest.raises(IngestBusy) as busy:
            with second.ingest_lock(wait=0):
                pass
        assert f"pid {os.getpid()}" in busy.value.holder and "another ingest run" in str(busy.value)
    # released: taken at once
    with second.ingest_lock(wait=0):
        pass
    # a waiter is told once who holds it, then gets it when the holder lets go
    done = threading.Event()

    def hold_briefly():
        with first.ingest_lock():
            done.set()
            time.sleep(1.5)

    t = threading.Thread(target=hold_briefly)
    t.start()
    done.wait(10)
    t0 = time.monotonic()
    with second.ingest_lock(wait=30, on_wait=told.append):
        waited = time.monotonic() - t0
    t.join()
    assert len(told) == 1 and f"pid {os.getpid()}" in told[0] and 0.5 < waited < 20


def test_embedded_store_lock_is_a_file_lock_beside_the_store(tmp_path):
    db = tmp_path / "leian.db"
    with SqliteStore(db) as a, SqliteStore(db) as b:
        _exclusive_then_free(a, b)
    assert ingest_lock_path(db) == tmp_path / "leian.db.ingest.lock"
    with SqliteStore(":memory:") as mem, mem.ingest_lock(), mem.ingest_lock():
        pass  # nobody else can see an in-memory store: nothing to lock


@pytest.mark.elasticsearch
def test_elasticsearch_lock_is_a_document_one_holder_at_a_time(tmp_path):
    from search.backends.elastic.store import ElasticStore
    from tests.search.es_env import es_settings, es_url

    url = es_url()
    settings = es_settings(url, ingest_lock_lease=5.0)
    a, b = ElasticStore(url, settings), ElasticStore(url, settings)
    try:
        _exclusive_then_free(a, b)
        # the holder renews its lease: held three leases long, it is still held
        with a.ingest_lock():
            time.sleep(2.5 * settings.ingest_lock_lease / 2)
            with pytest.raises(IngestBusy):
                with b.ingest_lock(wait=0):
                    pass
        assert a.es.options(ignore_status=404).get(index=a.locks_index, id="ingest").get("found") is False
    finally:
        a.drop()
        a.close()
        b.close()


HOLDER = """
import sys, time
import search.backends.elastic.lock as lock
from search.backends.elastic.store import ElasticStore
from tests.search.es_env import es_settings
skew = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0  # this "machine's" wall clock is off by skew seconds
lock._now_ms = lambda: int((time.time() + skew) * 1000)
st = ElasticStore(sys.argv[1], es_settings(sys.argv[1], prefix=sys.argv[2], ingest_lock_lease=2.0))
with st.ingest_lock():
    print("held", flush=True)
    time.sleep(600)
"""


def _holder(url: str, prefix: str, skew: float = 0.0) -> subprocess.Popen:
    """A process holding the store's ingest lock (lease 2 s) whose wall clock is `skew` seconds off."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, url, prefix, str(skew)], cwd=REPO, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


@pytest.mark.elasticsearch
def test_a_live_holder_whose_clock_is_an_hour_behind_keeps_the_lock(tmp_path):
    """Its `expires` looks an hour past to this machine: compared across clocks, the lock would
    be taken from a live holder. Watched for a lease, its document keeps changing: still held."""
    from search.backends.elastic.store import ElasticStore
    from tests.search.es_env import es_settings, es_url

    url = es_url()
    settings = es_settings(url, ingest_lock_lease=2.0)
    st = ElasticStore(url, settings)
    proc = _holder(url, settings.es_index_prefix, skew=-3600)
    try:
        t0 = time.monotonic()
        with pytest.raises(IngestBusy) as busy:
            with st.ingest_lock(wait=0):
                pass
        watched = time.monotonic() - t0
        assert f"pid {proc.pid}" in busy.value.holder
        assert watched >= 2.0  # it watched the document for a lease before giving up
        doc = st.es.get(index=st.locks_index, id="ingest")["_source"]
        assert doc["holder"].endswith(f"pid {proc.pid}") and proc.poll() is None  # never taken over
    finally:
        proc.kill()
        proc.wait(30)
        st.drop()
        st.close()


@pytest.mark.elasticsearch
def test_a_dead_holder_whose_clock_was_an_hour_ahead_is_taken_over_after_one_lease(tmp_path):
    """Its `expires` looks an hour away to this machine; it stopped renewing, so after one lease
    watched unchanged the next run takes the lock (not an hour later)."""
    from search.backends.elastic.store import ElasticStore
    from tests.search.es_env import es_settings, es_url

    url = es_url()
    settings = es_settings(url, ingest_lock_lease=2.0)
    st = ElasticStore(url, settings)
    proc = _holder(url, settings.es_index_prefix, skew=3600)
    try:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        t0 = time.monotonic()
        with st.ingest_lock(wait=30):
            took = time.monotonic() - t0
            doc = st.es.get(index=st.locks_index, id="ingest")["_source"]
        assert 2.0 <= took < 15 and doc["holder"].endswith(f"pid {os.getpid()}")
    finally:
        if proc.poll() is None:
            proc.kill()
        st.drop()
        st.close()


@pytest.mark.elasticsearch
def test_a_killed_holders_lease_lapses_and_the_next_run_takes_over(tmp_path):
    from search.backends.elastic.store import ElasticStore
    from tests.search.es_env import es_settings, es_url

    url = es_url()
    settings = es_settings(url, ingest_lock_lease=2.0)
    st = ElasticStore(url, settings)
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, url, settings.es_index_prefix], cwd=REPO,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with pytest.raises(IngestBusy) as busy:
            with st.ingest_lock(wait=0):
                pass
        assert f"pid {proc.pid}" in busy.value.holder
        proc.send_signal(signal.SIGKILL)  # no release, no more renewals
        proc.wait(30)
        t0 = time.monotonic()
        with st.ingest_lock(wait=30):
            took = time.monotonic() - t0
        assert took < 15  # one lease (2 s) after its last renewal, plus polling
        # The nightly run does not wait (wait=0): it still takes over a lock whose holder died.
        proc = _holder(url, settings.es_index_prefix)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        time.sleep(2.5)  # its lease has passed by every clock here
        with st.ingest_lock(wait=0):
            pass
    finally:
        if proc.poll() is None:
            proc.kill()
        st.drop()
        st.close()
