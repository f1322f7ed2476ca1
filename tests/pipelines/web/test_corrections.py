"""Corrections through the web: the REST API (add, list, revert, export, refusals) and the
case page's forms, on a real SQLite store built from real notices."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import SHARED
from tests.pipelines.web.conftest import PASSWORDS, csrf_of, login

API = "/api/v1"


def _case_of(client, q: str) -> dict:
    hits = client.get(f"{API}/search", params={"q": q}).json()["hits"]
    assert hits, q
    return hits[0]["case"]


def _total(client, **params) -> int:
    return client.get(f"{API}/search", params={"size": 0, **params}).json()["total"]


def _add(client, case_id: str, body: dict, token: str | None = None):
    return client.post(f"{API}/cases/{case_id}/corrections", json=body,
                       headers={"X-CSRF-Token": token or csrf_of(client)})


def _audit(client) -> list[dict]:
    return client.app.state.ctx.audit.tail(50)


def test_add_list_revert_through_the_api(client):
    case = _case_of(client, "医保基金 赵某")
    before = [c["code"] for c in case["categories"]]
    assert "bribery" not in before
    bribery = _total(client, category="bribery")
    r = _add(client, case["id"], {"categories": ["受贿索贿行贿"], "people": [{"name": "赵某", "position": "县医保局原副局长"}],
                                  "note": "复核原文"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["case"]["id"] == case["id"] and out["not_a_case"] is False
    assert [c["code"] for c in out["case"]["categories"]] == ["bribery"]  # a label given, the code stored
    assert out["case"]["people"][0]["position"] == "县医保局原副局长"
    corr = out["correction"]
    assert corr["user"] == "本机用户" and corr["note"] == "复核原文" and corr["changes"]["amounts"] is None
    # everywhere: the case, the filter, the facet counts
    assert [c["code"] for c in client.get(f"{API}/cases/{case['id']}").json()["case"]["categories"]] == ["bribery"]
    assert _total(client, category="bribery") == bribery + 1
    facets = client.get(f"{API}/search", params={"q": "医保基金 赵某"}).json()["facets"]
    assert "bribery" in json.dumps(facets, ensure_ascii=False)

    history = client.get(f"{API}/cases/{case['id']}/corrections").json()
    assert [(h["id"], h["active"]) for h in history] == [(corr["id"], True)]
    assert client.get(f"{API}/corrections").json() == history
    assert client.get(f"{API}/corrections", params={"unattached": "true"}).json() == []

    r = client.post(f"{API}/corrections/{corr['id']}/revert", headers={"X-CSRF-Token": csrf_of(client)},
                    json={"note": "改错了"})
    assert r.status_code == 200, r.text
    assert r.json()["revert"]["reverts"] == corr["id"]
    assert [c["code"] for c in r.json()["case"]["categories"]] == before  # back to the extraction
    assert _total(client, category="bribery") == bribery
    history = client.get(f"{API}/cases/{case['id']}/corrections").json()
    assert [h["active"] for h in history] == [False, False] and history[1]["reverts"] == corr["id"]

    actions = [(a["action"], a.get("case")) for a in _audit(client)]
    assert ("correction", case["id"]) in actions and ("correction_revert", case["id"]) in actions
    line = next(a for a in _audit(client) if a["action"] == "correction")
    assert line["user"] == "本机用户" and "categories=bribery" in line["what"] and line["correction"] == corr["id"]


def test_not_a_case_leaves_search_and_comes_back(client):
    case = _case_of(client, "低保金 李某")
    total = _total(client)
    r = _add(client, case["id"], {"not_a_case": True})
    assert r.status_code == 200 and r.json()["not_a_case"] is True
    assert _total(client) == total - 1
    assert client.get(f"{API}/cases/{case['id']}").status_code == 404
    page = client.get(f"/cases/{case['id']}")  # still reachable by its id, shown as excluded
    assert page.status_code == 200 and 'id="excluded"' in page.text and 'id="undo-not-a-case"' in page.text
    assert 'id="correction-form"' not in page.text
    r = client.post(f"/cases/{case['id']}/not-a-case", data={"csrf_token": csrf_of(client), "value": "false"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith(f"/cases/{case['id']}")
    assert _total(client) == total and client.get(f"{API}/cases/{case['id']}").status_code == 200
    assert 'id="excluded"' not in client.get(f"/cases/{case['id']}").text


def test_bad_corrections_are_400_unknown_ones_404(client):
    case_id = _case_of(client, "医保基金 赵某")["id"]
    token = csrf_of(client)
    for body, message in (({"categories": ["nonsense"]}, "not in the taxonomy"),
                          ({"people": [{"name": "钱某某"}]}, "does not occur in the text"),
                          ({"amounts": [{"text": "99万元", "value": 990000}]}, "does not occur"),
                          ({"sanctions": [{"label": "罚站"}]}, "not a canonical label"),
                          ({"note": "nothing"}, "changes nothing"),
                          ({"categories": ["bribery"], "colour": "red"}, "colour"),
                          ({"amounts": [{"text": "45万元"}]}, "value")):
        r = _add(client, case_id, body, token)
        assert r.status_code == 400, (body, r.text)
        assert message in r.json()["error"] and r.json()["status"] == 400, (body, r.json())
    r = client.post(f"{API}/cases/{case_id}/corrections", content=b"{not json", headers={"X-CSRF-Token": token,
                                                                                          "Content-Type": "application/json"})
    assert r.status_code == 400
    r = _add(client, "0000000000000000-999", {"categories": ["bribery"]}, token)
    assert r.status_code == 404 and r.json() == {"error": "no case 0000000000000000-999 in the store", "status": 404}
    assert client.get(f"{API}/cases/0000000000000000-999/corrections").status_code == 404
    r = client.post(f"{API}/corrections/nosuchid/revert", headers={"X-CSRF-Token": token})
    assert r.status_code == 404 and "no correction nosuchid" in r.json()["error"]
    corr = _add(client, case_id, {"categories": ["bribery"]}, token).json()["correction"]
    assert client.post(f"{API}/corrections/{corr['id']}/revert", headers={"X-CSRF-Token": token}).status_code == 200
    r = client.post(f"{API}/corrections/{corr['id']}/revert", headers={"X-CSRF-Token": token})
    assert r.status_code == 400 and "already reverted" in r.json()["error"]
    assert _add(client, case_id, {"categories": ["bribery"]}, "forged").status_code == 403  # CSRF


def test_export_is_a_zip_of_gold_files(client, tmp_path):
    case = _case_of(client, "医保基金 赵某")
    assert _add(client, case["id"], {"categories": ["dereliction", "bribery"]}).status_code == 200
    r = client.get(f"{API}/corrections/export")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    assert "attachment" in r.headers["content-disposition"]
    zf = zipfile.ZipFile(io.BytesIO(r.content))
    names = sorted(zf.namelist())
    assert names == ["export-report.log", "notice-04.gold.json", "notice-04.txt"]
    gold = json.loads(zf.read("notice-04.gold.json"))
    assert gold["cases"][0]["categories"] == ["dereliction", "bribery"]
    assert "医保基金" in zf.read("notice-04.txt").decode("utf-8")
    assert zf.read("export-report.log").decode().startswith("exported 1 documents (1 cases, 1 corrected)")
    zf.extractall(tmp_path / "gold")  # unzipped, a corpus that the project's checker accepts and eval scores
    done = subprocess.run([sys.executable, str(SHARED / "eval" / "check_gold.py"), str(tmp_path / "gold")],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "1 documents, 1 cases, 0 problems" in done.stdout, done.stdout + done.stderr
    export = next(a for a in _audit(client) if a["action"] == "export")
    assert export["format"] == "gold" and export["documents"] == 1


def test_each_role_may_do_what_it_should(users_client):
    c = users_client
    hits = c.get(f"{API}/search", params={"q": "医保基金"}, auth=("vera", PASSWORDS["vera"])).json()["hits"]
    case_id = hits[0]["case"]["id"]
    body = {"categories": ["bribery"]}
    expected = {"vera": (200, 403, 403), "ana": (200, 200, 200), "adam": (200, 200, 200)}
    for name, (read, write, export) in expected.items():
        auth = (name, PASSWORDS[name])
        assert c.get(f"{API}/cases/{case_id}/corrections", auth=auth).status_code == read
        assert c.get(f"{API}/corrections", auth=auth).status_code == read
        r = c.post(f"{API}/cases/{case_id}/corrections", json=body, auth=auth)  # Basic: no CSRF token needed
        assert r.status_code == write, (name, r.text)
        if write == 403:
            assert "权限不足" in r.json()["error"]
        assert c.get(f"{API}/corrections/export", auth=auth).status_code == export
    corr_id = c.get(f"{API}/corrections", auth=("vera", PASSWORDS["vera"])).json()[0]["id"]
    assert c.post(f"{API}/corrections/{corr_id}/revert", auth=("vera", PASSWORDS["vera"])).status_code == 403
    assert c.post(f"{API}/cases/{case_id}/corrections", json=body).status_code == 401  # no one
    # pages: a viewer sees the history but no form, and a forged form post is refused
    login(c, "vera")
    page = c.get(f"/cases/{case_id}")
    assert page.status_code == 200 and 'id="correction-form"' not in page.text and "ana" in page.text
    assert c.get("/corrections").status_code == 403
    token = c.app.state.ctx.sessions.get(c.cookies.get("leian_session")).csrf
    r = c.post(f"/cases/{case_id}/corrections", data={"csrf_token": token, "categories": "gifts"})
    assert r.status_code == 403
    login(c, "ana")
    token = c.app.state.ctx.sessions.get(c.cookies.get("leian_session")).csrf
    assert 'id="correction-form"' in c.get(f"/cases/{case_id}").text
    assert c.post(f"{API}/cases/{case_id}/corrections", json=body).status_code == 403  # cookie, no CSRF token
    r = c.post(f"/cases/{case_id}/corrections", data={"csrf_token": token, "categories": "gifts",
                                                      "orig_categories": "bribery"}, follow_redirects=False)
    assert r.status_code == 303
    assert any(a["action"] == "correction" and a["user"] == "ana" for a in c.app.state.ctx.audit.tail(20))


def _form(page: str) -> dict[str, str]:
    """The hidden and text fields of the case page's correction form."""
    form = page[page.index('id="correction-form"'):]
    form = form[:form.index("</form>")]
    return {m[0]: m[1] for m in re.findall(r'name="(\w+)" (?:id="[^"]*" )?value="([^"]*)"', form)}


def test_case_page_form_changes_only_what_was_edited(client):
    import html

    case = _case_of(client, "医保基金 赵某")
    page = client.get(f"/cases/{case['id']}").text
    fields = {k: html.unescape(v) for k, v in _form(page).items()}
    assert fields["orig_amounts"] == "45万元=450000" and fields["people"] == fields["orig_people"]
    assert "已更正" not in page and "尚无更正" in page
    assert "<script" not in page and " style=" not in page  # the forms need no script (CSP)
    # untouched: nothing to record, said on the page
    r = client.post(f"/cases/{case['id']}/corrections", data=fields)
    assert r.status_code == 400 and "changes nothing" in r.text
    # a bad value: the message, escaped, and the analyst's input kept
    bad = {**fields, "categories": "<b>nonsense</b>"}
    r = client.post(f"/cases/{case['id']}/corrections", data=bad)
    assert r.status_code == 400 and "Traceback" not in r.text
    assert "&lt;b&gt;nonsense&lt;/b&gt;" in r.text and "<b>nonsense" not in r.text
    assert 'id="correction-error"' in r.text
    # the categories edited, with a note: only that field is corrected
    good = {**fields, "categories": "失职失责、履职不力、监管不力; bribery", "note": "<i>复核</i>"}
    r = client.post(f"/cases/{case['id']}/corrections", data=good, follow_redirects=False)
    assert r.status_code == 303
    hist = client.get(f"{API}/cases/{case['id']}/corrections").json()
    assert hist[-1]["changes"]["categories"] == ["dereliction", "bribery"]
    assert hist[-1]["changes"]["people"] is None and hist[-1]["changes"]["amounts"] is None
    page = client.get(f"/cases/{case['id']}").text
    cats = page[page.index('id="facts-categories"'):page.index('id="facts-categories"') + 300]
    assert "已更正" in cats and page.count('class="badge warn corrected"') == 1
    table = page[page.index('id="correction-history"'):]
    assert "categories=dereliction,bribery" in table and "&lt;i&gt;复核&lt;/i&gt;" in table and "生效" in table
    # its revert button
    corr_id = hist[-1]["id"]
    assert f'action="/corrections/{corr_id}/revert"' in page
    r = client.post(f"/corrections/{corr_id}/revert", data={"csrf_token": csrf_of(client)}, follow_redirects=False)
    assert r.status_code == 303
    assert "已撤销" in client.get(f"/cases/{case['id']}").text
    # an emptied field clears it
    fields = {k: html.unescape(v) for k, v in _form(client.get(f"/cases/{case['id']}").text).items()}
    r = client.post(f"/cases/{case['id']}/corrections", data={**fields, "sanctions": ""}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get(f"{API}/cases/{case['id']}").json()["case"]["sanctions"] == []


def test_corrections_page_lists_every_correction(client):
    case = _case_of(client, "医保基金 赵某")
    corr = _add(client, case["id"], {"categories": ["bribery"], "note": "<script>x</script>"}).json()["correction"]
    page = client.get("/corrections")
    assert page.status_code == 200 and corr["id"] not in page.text  # ids stay in the API; the case links
    assert f'href="/cases/{case["id"]}"' in page.text and "&lt;script&gt;x&lt;/script&gt;" in page.text
    assert 'href="/corrections"' in client.get("/search").text  # in the navigation
    assert "无记录" in client.get("/corrections?unattached=true").text


@pytest.mark.parametrize("path", ["/api/v1/cases/{id}/corrections", "/api/v1/corrections",
                                  "/api/v1/corrections/export", "/api/v1/corrections/{id}/revert"])
def test_openapi_lists_the_corrections_endpoints(client, path):
    assert path.replace("{id}", "{case_id}" if "cases" in path else "{correction_id}") in client.get(
        "/openapi.json").json()["paths"]



def test_classes_follow_a_correction_made_by_another_process(client, store_copy):
    """Two apps on one store, as `leian serve --workers 2` runs: the class listing one of them
    has computed follows a correction made through the other."""
    from fastapi.testclient import TestClient

    from pipelines.web import create_app

    def bribery_cases(c) -> int:
        return sum(cd["cases"] for cd in c.get(f"{API}/classes").json()["categories"]
                   if cd["category"] == "bribery" and not cd["domain"] and not cd["region"])

    case = _case_of(client, "医保基金 赵某")
    with TestClient(create_app(store_copy), raise_server_exceptions=False) as other:
        before = bribery_cases(other)
        assert _add(client, case["id"], {"categories": ["bribery"]}).status_code == 200
        assert bribery_cases(other) == before + 1
