"""The REST API answers what the CLI prints, with JSON errors and the right 4xx codes."""
from __future__ import annotations

import io
import json

import docx

from tests.conftest import run_leian
from tests.pipelines.web.conftest import csrf_of


def _cli_json(capsys, *args: str):
    code, out, err = run_leian(capsys, *args)
    assert code == 0, err
    return json.loads(out)


def test_search_is_what_leian_search_json_prints(client, store_copy, capsys):
    api = client.get("/api/v1/search", params={"q": "礼金", "sanction": "党内警告", "sort": "amount"}).json()
    cli = _cli_json(capsys, "search", "礼金", "--sanction", "党内警告", "--sort", "amount", "--store", store_copy,
                    "--json")
    for r in (api, cli):
        r.pop("took_ms")
    assert api == cli
    assert api["total"] >= 2 and all(h["case"]["sanctions"] for h in api["hits"])


def test_case_is_what_leian_show_json_prints(client, store_copy, capsys):
    case_id = client.get("/api/v1/search", params={"q": "低保"}).json()["hits"][0]["case"]["id"]
    assert client.get(f"/api/v1/cases/{case_id}").json() == _cli_json(capsys, "show", case_id, "--store",
                                                                     store_copy, "--json")


def test_similar_duplicates_classes_ledger(client):
    hits = client.get("/api/v1/search", params={"q": "礼金"}).json()["hits"]
    sim = client.get(f"/api/v1/cases/{hits[0]['case']['id']}/similar", params={"k": 3}).json()
    assert 1 <= len(sim) <= 3 and all(s["reason"] for s in sim)
    assert isinstance(client.get("/api/v1/duplicates").json(), list)
    classes = client.get("/api/v1/classes").json()
    assert classes["cases"] >= 5 and classes["categories"]
    ledger = client.get("/api/v1/ledger").json()
    assert len(ledger) == 5 and {e["status"] for e in ledger} == {"ok"}
    assert client.get("/api/v1/ledger", params={"status": "failed"}).json() == []


def test_bad_requests_are_json_4xx_with_the_cli_message(client):
    r = client.get("/api/v1/search", params={"q": "低保 AND"})
    assert r.status_code == 400 and "operator at the end" in r.json()["error"]
    r = client.get("/api/v1/search", params={"category": "nonsense"})
    assert r.status_code == 400 and r.json()["error"].startswith("--category 'nonsense' is not known")
    r = client.get("/api/v1/search", params={"min_amount": "lots"})
    assert r.status_code == 400 and "not an amount" in r.json()["error"]
    r = client.get("/api/v1/search", params={"page": "0"})
    assert r.status_code == 400 and r.json()["status"] == 400
    r = client.get("/api/v1/cases/0000000000000000-999")
    assert r.status_code == 404 and r.json() == {"error": "no case 0000000000000000-999 in the store", "status": 404}
    assert client.get("/api/v1/cases/nope/similar").status_code == 404
    r = client.get("/api/v1/summary", params={"category": "no_such_category"})
    assert r.status_code == 400 and "unknown category" in r.json()["error"]
    assert "Traceback" not in r.text


def test_openapi_lists_the_api_and_no_cdn_docs(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/v1/search", "/api/v1/cases/{case_id}", "/api/v1/cases/{case_id}/similar", "/api/v1/duplicates",
            "/api/v1/classes", "/api/v1/summary", "/api/v1/ledger", "/api/v1/upload"} <= paths
    assert not any(p.startswith(("/search", "/cases")) for p in paths)  # pages stay out of the API
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_summary_downloads(client):
    r = client.get("/api/v1/summary", params={"category": "gifts", "format": "docx"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "礼金" in text
    md = client.get("/api/v1/summary", params={"query": "礼金", "format": "md"})
    assert md.status_code == 200 and md.text.startswith("#")
    js = client.get("/api/v1/summary", params={"query": "礼金", "format": "json"}).json()
    assert js["scope"]["cases"] >= 2
    import openpyxl

    xl = client.get("/api/v1/summary", params={"query": "礼金", "format": "cases"})
    rows = list(openpyxl.load_workbook(io.BytesIO(xl.content)).active.iter_rows(values_only=True))
    assert len(rows) == 1 + js["scope"]["cases"]  # one row a case
    book = client.get("/api/v1/summary", params={"query": "礼金", "format": "xlsx"})
    assert "概况" in openpyxl.load_workbook(io.BytesIO(book.content)).sheetnames  # the summary's workbook


def test_upload_is_stored_by_hash_ingested_and_searchable(client, store_copy, tmp_path):
    token = csrf_of(client)
    body = "关于某镇财政所出纳周某某挪用公款问题的通报。2023年，周某某挪用公款8万元用于个人投资，受到开除党籍处分。"
    r = client.post("/api/v1/upload", headers={"X-CSRF-Token": token},
                    files=[("files", ("../../etc/周某某.txt", body.encode("utf-8"), "text/plain"))])
    assert r.status_code == 200, r.text
    stored = r.json()["files"][0]["stored"]
    import hashlib
    from pathlib import Path

    sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    assert Path(stored) == Path(store_copy).parent / "uploads" / f"{sha}.txt"  # the user's name never reaches the disk
    assert client.app.state.ctx.worker.wait(60)
    hits = client.get("/api/v1/search", params={"q": "挪用公款 个人投资"}).json()["hits"]
    assert any("周某某" in h["case"]["text"] for h in hits)
    assert any(e["path"] == stored and e["status"] == "ok" for e in client.get("/api/v1/ledger").json())
    audit = (Path(store_copy).parent / "audit.log").read_text(encoding="utf-8")
    assert '"action": "upload"' in audit and sha in audit


def test_upload_refusals(client):
    token = csrf_of(client)
    r = client.post("/api/v1/upload", headers={"X-CSRF-Token": token},
                    files=[("files", ("a.exe", b"MZ...", "application/octet-stream"))])
    assert r.status_code == 415 and "不支持的文件类型" in r.json()["error"]
    r = client.post("/api/v1/upload", headers={"X-CSRF-Token": token}, files=[("files", ("e.txt", b"", "text/plain"))])
    assert r.status_code == 400 and "空文件" in r.json()["error"]
    client.app.state.ctx.max_upload = 1000
    r = client.post("/api/v1/upload", headers={"X-CSRF-Token": token},
                    files=[("files", ("big.txt", "字".encode() * 1000, "text/plain"))])
    assert r.status_code == 413
    assert list((client.app.state.ctx.uploads).glob("*")) == []  # nothing refused is kept
    r = client.post("/api/v1/upload", headers={"X-CSRF-Token": token, "Content-Length": str(10 ** 9)}, content=b"x")
    assert r.status_code == 413 and "请求过大" in r.json()["error"]  # refused on its declared size, unread
    many = [("files", (f"{i}.txt", "通报".encode(), "text/plain")) for i in range(21)]
    r = client.post("/api/v1/upload", headers={"X-CSRF-Token": token}, files=many)
    assert r.status_code == 413 and "最多上传 20 个文件" in r.json()["error"]
