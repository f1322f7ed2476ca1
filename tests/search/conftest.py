"""The `store` fixture: every conformance test runs once per backend.

- sqlite: a fresh store file in the test's temp folder (always runs).
- elasticsearch: needs a node. Set LEIAN_TEST_ES_URL=http://127.0.0.1:9200 to run it
  (scripts/test.sh starts one when Java and Maven are available); without it the param is
  skipped, unless LEIAN_REQUIRE_ES=1, which makes a missing node a failure (CI).
  Each test gets its own index prefix, so tests never see each other's cases.
"""
from __future__ import annotations

import pytest

BACKENDS = ["sqlite", "elasticsearch"]


def _elastic_store(request):
    from search.backends.elastic.store import ElasticStore  # imported lazily: only this param needs it
    from tests.search.es_env import es_settings, es_url

    url = es_url()  # skips, or fails under LEIAN_REQUIRE_ES=1, when no node is running
    return ElasticStore(url, settings=es_settings(url))


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """A fresh, empty CaseStore of each backend."""
    if request.param == "sqlite":
        from search.backends.sqlite.store import SqliteStore

        st = SqliteStore(tmp_path / "store" / "leian.db")
    else:
        st = _elastic_store(request)
    try:
        yield st
    finally:
        drop = getattr(st, "drop", None)
        if callable(drop):
            drop()
        st.close()
