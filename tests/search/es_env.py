"""The test Elasticsearch node: where it is, its credentials, and what to do when it is absent.

scripts/test.sh starts a node (scripts/elasticsearch) when Java and Maven are present and
exports LEIAN_TEST_ES_URL, LEIAN_TEST_ES_USERNAME and LEIAN_TEST_ES_PASSWORD. Without a
node the Elasticsearch tests skip with a message saying how to run them; with
LEIAN_REQUIRE_ES=1 (set in CI) a missing node is a failure instead.
"""
from __future__ import annotations

import os
import uuid

import pytest

HOW = ("start a node with `scripts/elasticsearch start` and `eval \"$(scripts/elasticsearch env)\"` "
       "(needs Java 17+ and Maven), or run `bash scripts/test.sh`, which does both")


def es_url() -> str:
    """The test node's URL; skips (or fails under LEIAN_REQUIRE_ES=1) when there is none."""
    url = os.environ.get("LEIAN_TEST_ES_URL", "")
    if not url:
        msg = f"Elasticsearch tests not run: LEIAN_TEST_ES_URL is not set; {HOW}"
        if os.environ.get("LEIAN_REQUIRE_ES") == "1":
            pytest.fail(msg + " (LEIAN_REQUIRE_ES=1 makes a missing node a failure)")
        pytest.skip(msg)
    return url


def es_settings(url: str | None = None, prefix: str | None = None, **overrides):
    """Settings for the test node with a unique index prefix (tests never see each other's data)."""
    from config.settings import Settings

    url = url or es_url()
    values = dict(store=url, es_index_prefix=prefix or f"leian-test-{uuid.uuid4().hex[:10]}",
                  es_username=os.environ.get("LEIAN_TEST_ES_USERNAME", ""),
                  es_password=os.environ.get("LEIAN_TEST_ES_PASSWORD", ""),
                  es_retries=3, es_backoff=0.2)
    values.update(overrides)
    return Settings(**values)


def es_env(prefix: str) -> dict[str, str]:
    """Environment for a `leian` subprocess talking to the test node."""
    env = dict(os.environ)
    env.update(LEIAN_ES_USERNAME=os.environ.get("LEIAN_TEST_ES_USERNAME", ""),
               LEIAN_ES_PASSWORD=os.environ.get("LEIAN_TEST_ES_PASSWORD", ""),
               LEIAN_ES_INDEX_PREFIX=prefix)
    env.pop("LEIAN_STORE", None)
    return env


def new_prefix() -> str:
    return f"leian-test-{uuid.uuid4().hex[:10]}"
