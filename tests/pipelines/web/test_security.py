"""Users and roles, login, sessions, CSRF, rate limiting, binding, headers, the audit log."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import run_leian
from tests.pipelines.web.conftest import PASSWORDS, add_users, csrf_of, login


def test_users_file_holds_argon2_hashes_only(capsys, monkeypatch, store_copy):
    add_users(capsys, monkeypatch, store_copy)
    path = Path(store_copy).parent / "users.json"
    data = json.loads(path.read_text())
    assert set(data) == set(PASSWORDS) and all(u["hash"].startswith("$argon2id$") for u in data.values())
    assert not any(pw in path.read_text() for pw in PASSWORDS.values())
    assert path.stat().st_mode & 0o777 == 0o600
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = run_leian(capsys, "users", "passwd", "vera", "--password-stdin", "--store", store_copy)
    assert code == 2 and "at least 8" in err
    code, _, err = run_leian(capsys, "users", "remove", "nobody", "--store", store_copy)
    assert code == 2 and "no user nobody" in err
    code, out, _ = run_leian(capsys, "users", "remove", "vera", "--store", store_copy)
    assert code == 0 and "vera" not in json.loads(path.read_text())
    code, out, _ = run_leian(capsys, "users", "list", "--store", store_copy)
    assert code == 0 and out.split() == ["adam", "admin", "ana", "analyst"]


def test_refuses_other_addresses_without_users(capsys, store_copy):
    from config.errors import BindRefused
    from pipelines.web.app import create_app

    with pytest.raises(BindRefused):
        create_app(store_copy, host="0.0.0.0")
    code, _, err = run_leian(capsys, "serve", "--store", store_copy, "--host", "0.0.0.0")
    assert code == 3 and "refusing to serve on 0.0.0.0 with no users" in err
    missing = str(Path(store_copy).parent / "no-such.db")
    code, _, err = run_leian(capsys, "serve", "--store", missing)
    assert code == 4 and f"no store at {missing}" in err


def test_local_mode_is_admin_and_says_so(client):
    assert client.get("/api/v1/session").json()["local_mode"] is True
    assert "本机单用户模式" in client.get("/search").text


def test_login_required_with_users(users_client):
    r = users_client.get("/search?q=低保", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    r = users_client.get("/api/v1/search")
    assert r.status_code == 401 and r.json()["status"] == 401


def test_login_sets_a_fresh_httponly_samesite_session(users_client):
    users_client.get("/login")
    before = users_client.cookies.get("leian_session")
    r = login(users_client, "vera")
    assert r.status_code == 303 and r.headers["location"] == "/search"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    assert users_client.cookies.get("leian_session") != before
    assert 'id="whoami">vera' in users_client.get("/search").text
    assert login(users_client, "vera", "wrong-password").status_code == 401


def test_open_redirect_after_login_refused(users_client):
    users_client.get("/login")
    token = users_client.app.state.ctx.sessions.get(users_client.cookies.get("leian_session")).csrf
    r = users_client.post("/login", data={"name": "vera", "password": PASSWORDS["vera"], "csrf_token": token,
                                          "next": "//evil.example/"}, follow_redirects=False)
    assert r.headers["location"] == "/search"


def test_login_is_rate_limited_and_audited(users_client):
    for _ in range(5):
        assert login(users_client, "ana", "not-the-password").status_code == 401
    r = login(users_client, "ana")  # the right password, too late
    assert r.status_code == 429 and "过多" in r.text
    log = users_client.app.state.ctx.audit.tail(20)
    assert [x["action"] for x in log].count("login_failed") == 5 and log[0]["action"] == "login_refused"


def test_each_role_is_refused_what_it_may_not_do(users_client):
    files = [("files", ("n.txt", "某村村委会主任孙某某侵占集体资金2万元，受到党内警告处分。".encode(), "text/plain"))]
    expected = {"vera": (200, 403, 403), "ana": (200, 200, 403), "adam": (200, 200, 200)}
    for name, (search, summary, upload) in expected.items():
        auth = (name, PASSWORDS[name])
        assert users_client.get("/api/v1/search", auth=auth).status_code == search
        r = users_client.get("/api/v1/summary", params={"query": "礼金", "format": "json"}, auth=auth)
        assert r.status_code == summary, (name, r.text)
        r = users_client.post("/api/v1/upload", files=files, auth=auth)
        assert r.status_code == upload, (name, r.text)
        if upload == 403:
            assert "权限不足" in r.json()["error"]
    users_client.app.state.ctx.worker.wait(60)
    login(users_client, "vera")
    assert users_client.get("/summary?query=x").status_code == 403
    assert users_client.get("/audit").status_code == 403
    assert 'href="/audit"' not in users_client.get("/search").text  # not offered either
    assert 'id="upload"' not in users_client.get("/ingest").text


def test_forms_need_the_csrf_token(client):
    files = [("files", ("n.txt", "通报正文".encode(), "text/plain"))]
    r = client.post("/ingest/upload", files=files, follow_redirects=False)
    assert r.status_code == 403 and "CSRF" in r.text
    r = client.post("/api/v1/upload", files=files, headers={"X-CSRF-Token": "forged"})
    assert r.status_code == 403
    assert client.post("/ingest/retry", data={"csrf_token": "forged"}).status_code == 403
    assert client.post("/ingest/retry", data={"csrf_token": csrf_of(client)}, follow_redirects=False).status_code == 303


def test_security_headers_and_no_inline_script_or_style(client):
    for url in ("/search?q=礼金", "/classes", "/ingest", "/api/v1/search", "/nope"):
        r = client.get(url)
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert "unsafe-inline" not in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        if r.headers["content-type"].startswith("text/html"):
            assert "<style" not in r.text and " style=" not in r.text and "<script" not in r.text


def test_errors_never_show_a_stack_trace(client, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(client.app.state.ctx.store, "search", boom)
    for url in ("/api/v1/search?q=x", "/search?q=x"):
        r = client.get(url)
        assert r.status_code == 500
        assert "Traceback" not in r.text and "secret internal detail" not in r.text and "服务器内部错误" in r.text
    assert client.get("/no/such/page").status_code == 404


def test_processes_share_sessions_and_login_limits(users_client, store_copy):
    """Two apps on one data folder (as `leian serve --workers 2` runs): a login made on one is
    valid on the other, failed logins count across both, a logout on one ends it on both."""
    from pipelines.web import create_app

    assert login(users_client, "ana").status_code == 303
    with TestClient(create_app(store_copy, host="0.0.0.0"), raise_server_exceptions=False) as other:
        other.cookies.set("leian_session", users_client.cookies.get("leian_session"))
        assert 'id="whoami">ana' in other.get("/search").text
        for _ in range(3):
            login(users_client, "adam", "wrong-password")
        for _ in range(2):
            assert login(other, "adam", "wrong-password").status_code == 401
        assert login(other, "adam").status_code == 429
        token = other.app.state.ctx.sessions.get(other.cookies.get("leian_session")).csrf
        assert other.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert users_client.get("/search", follow_redirects=False).status_code == 303  # to /login: logged out


def test_sessions_only_for_pages_with_a_form(client):
    """A crawler's requests leave no sessions behind; the forms get theirs."""
    for url in ("/nope", "/search?q=礼金", "/api/v1/search", "/static/leian.css"):
        client.cookies.clear()
        assert "set-cookie" not in client.get(url).headers, url
    for url in ("/login", "/ingest", "/api/v1/session"):
        client.cookies.clear()
        assert "leian_session=" in client.get(url).headers.get("set-cookie", ""), url
