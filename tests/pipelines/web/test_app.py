"""The app factory (pipelines/web/app.py `create_app`) keeps the Settings it is given and passes
them to what it calls: two apps in one process, each with its own settings, keep their own side
files, saved classes and read limits, whatever the environment says."""
from __future__ import annotations

import shutil
from pathlib import Path

from tests.pipelines.web.conftest import csrf_of

BODY = ("关于某镇财政所出纳周某某挪用公款问题的通报。2023年，周某某挪用公款8万元用于个人投资，"
        "受到开除党籍处分。\n") * 12  # ~2.6 KB


def test_two_apps_in_one_process_each_honour_their_own_settings(tmp_path, built_store, monkeypatch):
    from fastapi.testclient import TestClient

    from config.settings import Settings
    from pipelines.web import create_app
    from search.classes import save_class
    from search.store import Filters

    # What the environment says must not matter: each app has the settings it was given.
    monkeypatch.setenv("LEIAN_CLASSES", str(tmp_path / "env-classes.json"))
    monkeypatch.setenv("LEIAN_READ_MAX_MB", "100")
    settings = {}
    for name, max_mb in (("a", 0.001), ("b", 50.0)):
        store = tmp_path / name / "leian.db"
        store.parent.mkdir()
        shutil.copy(built_store, store)
        settings[name] = Settings(store=str(store), classes=str(tmp_path / f"{name}-classes.json"), read_max_mb=max_mb)
    save_class(Path(settings["a"].classes), "only-in-a", "甲的类案", "挪用公款", Filters())

    outcome = {}
    for name, s in settings.items():
        with TestClient(create_app(settings=s), raise_server_exceptions=False) as client:
            saved = [c["id"] for c in client.get("/api/v1/classes").json()["saved"]]
            r = client.post("/api/v1/upload", headers={"X-CSRF-Token": csrf_of(client)},
                            files=[("files", ("notice.txt", BODY.encode("utf-8"), "text/plain"))])
            assert r.status_code == 200, r.text
            stored = r.json()["files"][0]["stored"]
            assert client.app.state.ctx.worker.wait(60)
            row = next(e for e in client.get("/api/v1/ledger").json() if e["path"] == stored)
            outcome[name] = (saved, row["status"], row["error"], Path(stored).parent)
    assert outcome["a"][0] == ["only-in-a"] and outcome["b"][0] == []
    assert outcome["a"][1] == "failed" and "too large" in outcome["a"][2]  # a's limit: 1 KB
    assert outcome["b"][1] == "ok"
    # side files (uploads) beside each app's own store
    assert outcome["a"][3] == tmp_path / "a" / "uploads" and outcome["b"][3] == tmp_path / "b" / "uploads"
    assert not (tmp_path / "env-classes.json").exists()
