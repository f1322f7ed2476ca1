"""The pages: search with facets and snippets, the case with its marked items, classes and
summary preview, ingestion; document text always shown as text."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from tests.pipelines.web.conftest import csrf_of


class _Tags(HTMLParser):
    """Every start tag and attribute of a page."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    p = _Tags()
    p.feed(html)
    return p.tags


def test_search_page_facets_snippets_paging(client):
    r = client.get("/search", params={"q": "礼金", "size": 1})
    assert r.status_code == 200
    html = r.text
    assert '<mark class="hit">礼金</mark>' in html
    facet_links = [a for t, a in tags(html) if t == "a" and "facet" in a.get("class", "")]
    fields = {a["data-field"] for a in facet_links}
    assert {"category", "sanction", "year", "amount", "doc_type"} <= fields
    # clicking a facet filters: the sanction facet link narrows the API result the same way
    link = next(a["href"] for a in facet_links if a["data-field"] == "sanction")
    narrowed = client.get(link.replace("/search", "/api/v1/search", 1)).json()
    assert narrowed["total"] >= 1 and "sanction=" in link
    assert 'id="next"' in html  # size=1: more pages
    year = next(a["href"] for a in facet_links if a["data-field"] == "year")
    assert re.search(r"from=\d{4}&to=\d{4}", year)


def test_case_page_marks_items_from_offsets(client):
    case_id = client.get("/api/v1/search", params={"q": "礼金"}).json()["hits"][0]["case"]["id"]
    html = client.get(f"/cases/{case_id}").text
    case = client.get(f"/api/v1/cases/{case_id}").json()["case"]
    for p in case["people"]:
        assert '<mark class="person" title="人员：' in html and p["name"] in html
    for a in case["amounts"]:
        assert re.search(rf'<mark class="amount"[^>]*>{re.escape(a["text"])}</mark>', html)
    assert client.get(f"/api/v1/cases/{case_id}/similar").json()  # the gift cases are alike
    assert "相似案例" in html and "相似原因" in html
    assert 'href="/cases/' + case_id + '/original"' in html
    original = client.get(f"/cases/{case_id}/original")
    assert original.status_code == 200 and "礼金" in original.content.decode("utf-8")


def test_document_markup_shows_as_text(client):
    hits = client.get("/api/v1/search", params={"q": "水利局 钱某某"}).json()["hits"]
    case_id = next(h["case"]["id"] for h in hits if "onerror" in h["case"]["text"])
    for page in (client.get("/search", params={"q": "钱某某"}).text, client.get(f"/cases/{case_id}").text):
        assert "<script" not in page  # no script element at all (none of our own either)
        assert not any(k.startswith("on") for _, attrs in tags(page) for k in attrs)
        assert "&lt;script&gt;" in page or "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in client.get(f"/cases/{case_id}").text


def test_original_file_gone_or_changed_is_not_served(client, web_corpus, tmp_path):
    hits = client.get("/api/v1/search", params={"q": "水利局 钱某某"}).json()["hits"]
    case_id = next(h["case"]["id"] for h in hits if "onerror" in h["case"]["text"])
    path = client.get(f"/api/v1/cases/{case_id}").json()["doc_path"]
    from pathlib import Path

    original = Path(path).read_bytes()
    try:
        Path(path).write_bytes(original + b"changed")
        r = client.get(f"/cases/{case_id}/original")
        assert r.status_code == 404 and "已被修改" in r.text
    finally:
        Path(path).write_bytes(original)
    assert client.get(f"/cases/{case_id}/original").status_code == 200
    assert client.get("/cases/..%2F..%2Fetc%2Fpasswd/original").status_code == 404


def test_classes_and_summary_preview(client):
    html = client.get("/classes").text
    assert "问题类别" in html and 'class="summary-link"' in html
    page = client.get("/summary", params={"category": "gifts"})
    assert page.status_code == 200 and 'id="report"' in page.text and 'id="download-docx"' in page.text
    assert "礼金" in page.text
    search = client.get("/search", params={"q": "礼金", "sanction": "党内警告"}).text
    link = unescape(re.search(r'href="(/summary[^"]*)" id="summary-of-search"', search).group(1))
    report = client.get(link)
    assert report.status_code == 200 and 'id="report"' in report.text and "党内警告" in report.text
    empty_form = client.get("/summary", params={"class": "", "query": "礼金", "category": "", "region": "",
                                                "domain": "", "from": "", "to": ""})
    assert empty_form.status_code == 200 and 'id="report"' in empty_form.text  # empty fields are no filters
    bad = client.get("/summary", params={"category": "gifts", "query": "x"})
    assert bad.status_code == 400 and "exactly one" in bad.text and "Traceback" not in bad.text


def test_ingest_page_upload_form_and_retry(client, tmp_path):
    html = client.get("/ingest").text
    assert 'id="ledger"' in html and "evil-notice.txt" in html
    token = csrf_of(client)
    r = client.post("/ingest/upload", data={"csrf_token": token},
                    files=[("files", ("坏.pdf", b"%PDF-1.7 not really", "application/pdf"))], follow_redirects=False)
    assert r.status_code == 303
    assert client.app.state.ctx.worker.wait(60)
    failed = client.get("/api/v1/ledger", params={"status": "failed"}).json()
    assert len(failed) == 1 and failed[0]["error"]
    html = client.get("/ingest", params={"status": "failed"}).text
    assert 'id="retry"' in html and failed[0]["error"][:20] in html.replace("&#39;", "'")
    r = client.post("/ingest/retry", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and client.app.state.ctx.worker.wait(60)
    assert client.get("/api/v1/jobs").json()["results"][0]["outcome"] == "failed"


def test_every_asset_is_local(client):
    html = client.get("/search").text + client.get("/ingest").text
    urls = [a.get("href") or a.get("src") for _, a in tags(html) if a.get("href") or a.get("src")]
    assert urls and all(u.startswith(("/", "?")) for u in urls), urls
    css = client.get("/static/leian.css")
    assert css.status_code == 200 and "http" not in css.text and "@import" not in css.text


def test_ingest_page_shows_what_was_read_by_ocr(client):
    from search.store import LedgerEntry

    client.app.state.ctx.store.record(LedgerEntry(path="/in/扫描件.pdf", sha256="e" * 64, status="ok", cases=2,
                                                  ocr_pages=3, ocr_confidence=97.6))
    html = client.get("/ingest").text
    row = next(r for r in html.split("<tr") if "/in/扫描件.pdf" in r)
    assert '<td class="ocr">3页 · 置信度 98</td>' in row
    plain = next(r for r in html.split("<tr") if "evil-notice.txt" in r)
    assert '<td class="ocr"></td>' in plain
