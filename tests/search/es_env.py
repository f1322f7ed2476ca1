"""The test Elasticsearch nodes: where they are, their credentials, and what to do when absent.

scripts/test.sh starts two nodes (scripts/elasticsearch) when Java and Maven are present: a
plain-HTTP one (LEIAN_TEST_ES_URL, LEIAN_TEST_ES_USERNAME, LEIAN_TEST_ES_PASSWORD) and an
HTTPS one with a throw-away CA (LEIAN_TEST_ES_TLS_URL, ..._TLS_USERNAME, ..._TLS_PASSWORD,
LEIAN_TEST_ES_CA) for the TLS tests. Without a node its tests skip with a message saying how
to run them; with LEIAN_REQUIRE_ES=1 (set in CI) a missing node is a failure instead.
"""
from __future__ import annotations

import os
import uuid

import pytest

HOW = ("start a node with `scripts/elasticsearch start` and `eval \"$(scripts/elasticsearch env)\"` "
       "(needs Java 17+ and Maven), or run `bash scripts/test.sh`, which does both")


TLS_HOW = ("start an HTTPS node with `ES_TLS=1 LEIAN_ES_NODE=tls scripts/elasticsearch start` and "
           "`eval \"$(LEIAN_ES_NODE=tls scripts/elasticsearch env)\"`, or run `bash scripts/test.sh`")


def _node_url(var: str, how: str) -> str:
    url = os.environ.get(var, "")
    if not url:
        msg = f"Elasticsearch tests not run: {var} is not set; {how}"
        if os.environ.get("LEIAN_REQUIRE_ES") == "1":
            pytest.fail(msg + " (LEIAN_REQUIRE_ES=1 makes a missing node a failure)")
        pytest.skip(msg)
    return url


def es_url() -> str:
    """The test node's URL; skips (or fails under LEIAN_REQUIRE_ES=1) when there is none."""
    return _node_url("LEIAN_TEST_ES_URL", HOW)


def tls_url() -> str:
    """The HTTPS test node's URL (its CA: LEIAN_TEST_ES_CA); skips or fails like es_url."""
    url = _node_url("LEIAN_TEST_ES_TLS_URL", TLS_HOW)
    if not os.path.isfile(os.environ.get("LEIAN_TEST_ES_CA", "")):
        pytest.fail(f"LEIAN_TEST_ES_TLS_URL is set but LEIAN_TEST_ES_CA names no file; {TLS_HOW}")
    return url


def es_settings(url: str | None = None, prefix: str | None = None, **overrides):
    """Settings for the test node with a unique index prefix (tests never see each other's data)."""
    from config.settings import Settings

    url = url or es_url()
    values = dict(store=url, es_index_prefix=prefix or f"leian-test-{uuid.uuid4().hex[:10]}",
                  es_username=os.environ.get("LEIAN_TEST_ES_USERNAME", ""),
                  es_password=os.environ.get("LEIAN_TEST_ES_PASSWORD", ""),
                  es_retries=3, es_backoff=0.2)
    if url.startswith("https://"):  # e.g. LEIAN_TEST_ES_URL pointed at an HTTPS node
        values["es_ca_certs"] = os.environ.get("LEIAN_TEST_ES_CA", "")
    values.update(overrides)
    return Settings(**values)


def tls_settings(**overrides):
    """Settings for the HTTPS test node: its credentials, its CA, a unique index prefix."""
    url = tls_url()
    values = dict(es_username=os.environ.get("LEIAN_TEST_ES_TLS_USERNAME", ""),
                  es_password=os.environ.get("LEIAN_TEST_ES_TLS_PASSWORD", ""),
                  es_ca_certs=os.environ["LEIAN_TEST_ES_CA"])
    values.update(overrides)
    return es_settings(url, **values)


def es_env(prefix: str, node: str = "") -> dict[str, str]:
    """Environment for a `leian` subprocess talking to the test node (node="TLS_": the HTTPS
    one, without its CA: add LEIAN_ES_CA_CERTS to trust it)."""
    env = dict(os.environ)
    env.update(LEIAN_ES_USERNAME=os.environ.get(f"LEIAN_TEST_ES_{node}USERNAME", ""),
               LEIAN_ES_PASSWORD=os.environ.get(f"LEIAN_TEST_ES_{node}PASSWORD", ""),
               LEIAN_ES_INDEX_PREFIX=prefix)
    for name in ("LEIAN_STORE", "LEIAN_ES_API_KEY", "LEIAN_ES_CA_CERTS", "LEIAN_ES_VERIFY_CERTS"):
        env.pop(name, None)
    return env


def new_prefix() -> str:
    return f"leian-test-{uuid.uuid4().hex[:10]}"
