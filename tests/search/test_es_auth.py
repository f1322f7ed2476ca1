"""API-key auth and TLS verification against real nodes.

API keys are created on the plain test node with the security API (basic auth as `elastic`)
and then used alone: a store opened with only the key ingests and searches, in both forms
users copy ("id:key" and the base64 `encoded`), and a wrong or invalidated key is one line
naming the cause, exit code 4, with the key in neither the output nor the logs. TLS runs
against a second, HTTPS node with a throw-away CA (scripts/elasticsearch, ES_TLS=1): trusted
through LEIAN_ES_CA_CERTS it works; without the CA it is one line naming certificate
verification; with verification off it connects and warns.

Needs the nodes: see tests/search/es_env.py (scripts/test.sh starts both).
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from search.store import SearchQuery
from tests.conftest import REPO
from tests.search.es_env import es_env, es_settings, es_url, new_prefix, tls_settings, tls_url
from tests.search.test_elastic import make_doc

pytestmark = pytest.mark.elasticsearch

SAMPLES = REPO / "pipelines" / "samples"


def _cli(*args: str, env: dict[str, str], cwd: Path, debug: bool = False) -> subprocess.CompletedProcess:
    """`leian ...` in a subprocess; debug=True logs everything, so the logs can be checked too."""
    env = {**env, "PYTHONPATH": str(REPO), "LEIAN_LOG_LEVEL": "DEBUG" if debug else "WARNING"}
    return subprocess.run([sys.executable, "-m", "pipelines", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


@pytest.fixture
def admin():
    """A client on the plain node with basic auth as `elastic` (to create and revoke keys)."""
    from elasticsearch import Elasticsearch

    url = es_url()
    client = Elasticsearch(url, basic_auth=(os.environ.get("LEIAN_TEST_ES_USERNAME", ""),
                                            os.environ.get("LEIAN_TEST_ES_PASSWORD", "")))
    yield client
    client.close()


@pytest.fixture
def api_key(admin) -> dict[str, str]:
    """A fresh API key (id, api_key, encoded), invalidated afterwards."""
    try:
        key = admin.security.create_api_key(name=f"leian-test-{uuid.uuid4().hex[:8]}", expiration="1h").body
    except Exception as exc:  # the message says why (e.g. a node without the test analysis plugin)
        pytest.fail(f"the test node cannot create API keys: {type(exc).__name__}: {exc}")
    yield key
    admin.security.invalidate_api_key(ids=[key["id"]])


def _forms(key: dict[str, str]) -> dict[str, str]:
    return {"encoded": key["encoded"], "id:key": f"{key['id']}:{key['api_key']}"}


def _secret_parts(key: dict[str, str]) -> list[str]:
    return [key["api_key"], key["encoded"]]


# ------------------------------------------------------------------ API key
@pytest.mark.parametrize("form", ["encoded", "id:key"])
def test_api_key_alone_ingests_and_searches(api_key, form, caplog):
    from search.backends.elastic.store import ElasticStore

    url = es_url()
    caplog.set_level(logging.DEBUG)
    settings = es_settings(url, es_username="", es_password="", es_api_key=_forms(api_key)[form])
    st = ElasticStore(url, settings=settings)
    try:
        who = st.es.security.authenticate().body
        assert who["authentication_type"] == "api_key" and who["api_key"]["id"] == api_key["id"]
        st.put_documents([make_doc(1), make_doc(2)])
        st.refresh()
        assert st.count_cases() == 6
        assert st.search(SearchQuery(text="\"王某8\"")).total == 1
    finally:
        st.drop()
        st.close()
    assert not any(s in caplog.text for s in _secret_parts(api_key))


def test_api_key_from_env_in_the_cli_and_revoked(api_key, admin, tmp_path):
    url = es_url()
    env = es_env(new_prefix())
    env.update(LEIAN_ES_USERNAME="", LEIAN_ES_PASSWORD="", LEIAN_ES_API_KEY=_forms(api_key)["id:key"])
    try:
        res = _cli("ingest", str(SAMPLES), "--store", url, env=env, cwd=tmp_path, debug=True)
        assert res.returncode == 0, res.stderr[-2000:]
        res2 = _cli("search", "低保", "--store", url, "--json", env=env, cwd=tmp_path, debug=True)
        assert res2.returncode == 0, res2.stderr[-2000:]
        assert '"total": 0' not in res2.stdout and "低保" in res2.stdout
        admin.security.invalidate_api_key(ids=[api_key["id"]])
        res3 = _cli("search", "低保", "--store", url, env=env, cwd=tmp_path)
    finally:
        admin.indices.delete(index=f"{env['LEIAN_ES_INDEX_PREFIX']}-*", ignore_unavailable=True)
    assert res3.returncode == 4, res3.stderr
    assert "rejected the credentials (API key)" in res3.stderr and res3.stderr.strip().count("\n") == 0
    for out in (res, res2, res3):
        assert not any(s in out.stdout + out.stderr for s in _secret_parts(api_key))


@pytest.mark.parametrize("form", ["encoded", "id:key"])
def test_wrong_api_key_is_one_line_and_not_shown(form, tmp_path, caplog):
    import base64

    from config.errors import ElasticError, exit_code_of
    from search.backends.elastic.store import ElasticStore

    url = es_url()
    key = {"id": "VuaCfGcBCdbkQm-e5aOx", "api_key": "ui2lp2axTNmsyakw9tvNnw"}
    key["encoded"] = base64.b64encode(f"{key['id']}:{key['api_key']}".encode()).decode()
    value = _forms(key)[form]
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ElasticError) as err:
        ElasticStore(url, settings=es_settings(url, es_username="", es_password="", es_api_key=value))
    msg = str(err.value)
    assert "rejected the credentials (API key)" in msg and "\n" not in msg and exit_code_of(err.value) == 4
    assert not any(s in msg + caplog.text for s in _secret_parts(key))
    env = es_env(new_prefix())
    env.update(LEIAN_ES_USERNAME="", LEIAN_ES_PASSWORD="", LEIAN_ES_API_KEY=value)
    res = _cli("search", "低保", "--store", url, env=env, cwd=tmp_path)
    assert res.returncode == 4, res.stderr
    assert res.stderr.strip().count("\n") == 0, res.stderr
    assert "rejected the credentials (API key)" in res.stderr
    assert not any(s in res.stdout + res.stderr for s in _secret_parts(key))


# ------------------------------------------------------------------ TLS
def test_tls_with_the_ca_works():
    from search.backends.elastic.store import ElasticStore

    settings = tls_settings()
    assert settings.store.startswith("https://")
    st = ElasticStore(settings.store, settings=settings)
    try:
        assert st.es.security.authenticate().body["username"] == "elastic"
        st.put_documents([make_doc(3)])
        st.refresh()
        assert st.search(SearchQuery(text="\"王某23\"")).total == 1
    finally:
        st.drop()
        st.close()


def test_tls_without_the_ca_names_certificate_verification(tmp_path):
    from config.errors import ElasticError, exit_code_of
    from search.backends.elastic.store import ElasticStore

    url = tls_url()
    with pytest.raises(ElasticError) as err:
        ElasticStore(url, settings=tls_settings(es_ca_certs=""))  # the system's trust store only
    msg = str(err.value)
    assert "certificate verification failed" in msg and "LEIAN_ES_CA_CERTS" in msg
    assert "\n" not in msg and exit_code_of(err.value) == 4
    res = _cli("search", "低保", "--store", url, env=es_env(new_prefix(), node="TLS_"), cwd=tmp_path)
    assert res.returncode == 4, res.stderr
    assert res.stderr.strip().count("\n") == 0, res.stderr
    assert "certificate verification failed" in res.stderr and "Traceback" not in res.stderr
    assert os.environ["LEIAN_TEST_ES_TLS_PASSWORD"] not in res.stdout + res.stderr
    # With the CA from the environment the same command works.
    env = {**es_env(new_prefix(), node="TLS_"), "LEIAN_ES_CA_CERTS": os.environ["LEIAN_TEST_ES_CA"]}
    res = _cli("search", "低保", "--store", url, env=env, cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]


def test_tls_verification_off_connects_and_warns(caplog, tmp_path):
    from search.backends.elastic.store import ElasticStore

    caplog.set_level(logging.WARNING, logger="search.backends.elastic.connect")
    st = ElasticStore(tls_url(), settings=tls_settings(es_ca_certs="", es_verify_certs=False))
    try:
        assert st.count_cases() == 0
    finally:
        st.drop()
        st.close()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("certificate verification is OFF" in w for w in warnings), warnings


def test_missing_ca_file_is_named(tmp_path):
    from config.errors import ElasticError
    from search.backends.elastic.store import ElasticStore

    missing = tmp_path / "no-such-ca.pem"
    with pytest.raises(ElasticError) as err:
        ElasticStore(tls_url(), settings=tls_settings(es_ca_certs=str(missing)))
    assert str(missing) in str(err.value) and "does not exist" in str(err.value)


# ------------------------------------------------------------------ a read-only key
def test_read_only_key_searches_but_may_not_write(admin, tmp_path, caplog):
    """An analyst's key that may only read the store's indices: opening the store and searching
    work (no template or health privileges needed); a write is one line saying what the user
    may not do, exit code 4; on a prefix that was never set up, opening says so."""
    from config.errors import ElasticError, exit_code_of
    from search.backends.elastic.store import ElasticStore

    url = es_url()
    prefix = new_prefix()
    owner = ElasticStore(url, settings=es_settings(url, es_index_prefix=prefix))
    key = None
    try:
        owner.put_documents([make_doc(4), make_doc(5)])
        owner.refresh()
        key = admin.security.create_api_key(
            name=f"leian-reader-{uuid.uuid4().hex[:8]}", expiration="1h",
            role_descriptors={"reader": {"indices": [
                {"names": [f"{prefix}-*"], "privileges": ["read", "view_index_metadata"]}]}}).body
        reader_settings = es_settings(url, es_index_prefix=prefix, es_username="", es_password="",
                                      es_api_key=key["encoded"])
        caplog.set_level(logging.DEBUG)
        reader = ElasticStore(url, settings=reader_settings)
        try:
            assert reader.count_cases() == 6
            assert reader.search(SearchQuery(text="\"王某29\"")).total == 1
            with pytest.raises(ElasticError) as err:
                reader.put_documents([make_doc(6)])
            msg = str(err.value)
            assert "may not" in msg and "\n" not in msg and exit_code_of(err.value) == 4
        finally:
            reader.close()
        assert reader_settings.es_api_key.get_secret_value() not in caplog.text
        # The CLI: search works, ingest stops with one line and exit code 4.
        env = es_env(prefix)
        env.update(LEIAN_ES_USERNAME="", LEIAN_ES_PASSWORD="", LEIAN_ES_API_KEY=key["encoded"])
        res = _cli("search", "王某29", "--store", url, "--json", env=env, cwd=tmp_path)
        assert res.returncode == 0, res.stderr[-2000:]
        res = _cli("ingest", str(SAMPLES), "--store", url, env=env, cwd=tmp_path)
        assert res.returncode == 4, res.stdout + res.stderr
        assert "may not" in res.stderr and "Traceback" not in res.stderr
        assert key["encoded"] not in res.stdout + res.stderr and key["api_key"] not in res.stdout + res.stderr
        # A prefix nobody set up: the reader cannot create it, and is told how to.
        with pytest.raises(ElasticError) as err:
            ElasticStore(url, settings=reader_settings.model_copy(update={"es_index_prefix": new_prefix()}))
        assert "leian ingest" in str(err.value) and "\n" not in str(err.value)
    finally:
        if key:
            admin.security.invalidate_api_key(ids=[key["id"]])
        owner.drop()
        owner.close()
