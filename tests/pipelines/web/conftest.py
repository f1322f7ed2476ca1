"""A small store (four notices and one with markup in its text) and clients of the web app on it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ingest_quietly
from tests.pipelines.conftest import write_good_files

EVIL = ("关于某县水利局干部钱某某违规收受礼金问题的通报。2022年3月，钱某某<script>alert('x')</script>"
        "收受管理服务对象所送礼金<img src=x onerror=alert(1)>共计3.5万元。钱某某受到党内警告处分。")


@pytest.fixture(scope="session")
def web_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("web-corpus")
    write_good_files(folder, 4)
    (folder / "evil-notice.txt").write_text(EVIL, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def built_store(tmp_path_factory, web_corpus) -> Path:
    """The store file, built once; tests use copies of it."""
    store = tmp_path_factory.mktemp("web-store-master") / "leian.db"
    ingest_quietly(str(store), web_corpus)
    return store


@pytest.fixture()
def store_copy(tmp_path, built_store) -> str:
    """A copy of the store in a folder of its own (its own users, audit log, uploads)."""
    dest = tmp_path / "data" / "leian.db"
    dest.parent.mkdir()
    shutil.copy(built_store, dest)
    return str(dest)


@pytest.fixture()
def client(store_copy):
    """A client of the app in local single-user mode (127.0.0.1, no users)."""
    from fastapi.testclient import TestClient

    from pipelines.web import create_app

    with TestClient(create_app(store_copy), raise_server_exceptions=False) as c:
        yield c
        assert c.app.state.ctx.worker.wait(120), "an ingest batch still runs"


def csrf_of(client) -> str:
    return client.get("/api/v1/session").json()["csrf_token"]
