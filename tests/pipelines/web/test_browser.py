"""A real browser (Debian's headless Chromium via Selenium and chromium-driver) against a real
`leian serve` process: search → case → similar → summary download (the DOCX opens); upload →
ledger → searchable; a document's `<script>` and `onerror=` show as text and never run.

LEIAN_SCREENSHOTS=DIR also saves the search and case pages there (docs/ holds the README's).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(store_copy, tmp_path):
    """`leian serve --workers 2` on a free port of 127.0.0.1 (local single-user mode), in a
    subprocess: two server processes, so requests of one flow land on both."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO), "LEIAN_LOG_LEVEL": "warning"}
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "pipelines", "serve", "--store", store_copy, "--port", str(port),
                             "--workers", "2"],
                            cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(10)
    log.close()
    assert "Traceback" not in (tmp_path / "serve.log").read_text()


@pytest.fixture()
def browser(tmp_path):
    if not (CHROMIUM and DRIVER):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromium-driver are missing (scripts/system-deps.sh installs them)")
        pytest.skip("chromium / chromium-driver not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=zh-CN"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.downloads = downloads
    yield driver
    driver.quit()


def _wait(predicate, timeout: float = 30.0, what: str = ""):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _shot(driver, name: str) -> None:
    folder = os.environ.get("LEIAN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / name))


def test_search_case_similar_summary(server, browser):
    import docx
    from selenium.webdriver.common.by import By

    b = browser
    b.get(server + "/search")
    box = b.find_element(By.ID, "q")
    box.send_keys("礼金")
    b.find_element(By.ID, "go").click()
    _wait(lambda: "礼金" in b.current_url or "%E7%A4%BC" in b.current_url, what="the search")
    hits = b.find_elements(By.CSS_SELECTOR, "li.hit")
    assert hits and b.find_elements(By.CSS_SELECTOR, "mark.hit")
    assert b.find_elements(By.CSS_SELECTOR, "#facets a.facet")
    _shot(b, "web-search.png")
    b.find_element(By.CSS_SELECTOR, "li.hit a.case-link").click()
    _wait(lambda: "/cases/" in b.current_url, what="the case page")
    first = b.find_element(By.ID, "case-id").text
    assert b.find_elements(By.CSS_SELECTOR, "#case-text mark.person")
    assert b.find_elements(By.CSS_SELECTOR, "#case-text mark.amount")
    _shot(b, "web-case.png")
    b.find_element(By.CSS_SELECTOR, "a.similar-link").click()
    _wait(lambda: b.find_element(By.ID, "case-id").text != first, what="a similar case")
    b.get(server + "/classes")
    b.find_element(By.CSS_SELECTOR, "a.summary-link").click()
    _wait(lambda: b.find_elements(By.ID, "report"), what="the summary preview")
    b.find_element(By.ID, "download-docx").click()
    done = _wait(lambda: [p for p in b.downloads.glob("*.docx")], what="the DOCX download")
    _wait(lambda: not list(b.downloads.glob("*.crdownload")), what="the download to finish")
    text = "\n".join(p.text for p in docx.Document(str(done[0])).paragraphs)
    assert len(text) > 200


def test_upload_ledger_searchable_and_markup_is_text(server, browser, tmp_path, web_corpus):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    b = browser
    doc = tmp_path / "新通报.txt"
    doc.write_text("关于某县交通运输局科员吴某某套取差旅费问题的通报。2023年，吴某某虚报差旅费1.8万元，"
                   "受到党内严重警告处分。", encoding="utf-8")
    b.get(server + "/ingest")
    b.find_element(By.ID, "files").send_keys(str(doc))
    b.find_element(By.ID, "upload").click()
    import hashlib

    sha = hashlib.sha256(doc.read_bytes()).hexdigest()

    def ledger_ok() -> bool:
        b.get(server + "/ingest?status=ok")
        return sha in b.find_element(By.ID, "ledger").text

    # (the server's ingest thread loads the models on its first batch: on a busy CI machine, with the
    # Elasticsearch nodes and the browser beside it, that has taken over a minute; the bound is a
    # liveness bound, not a speed measure, and a timeout shows the job's state and the whole ledger)
    try:
        _wait(ledger_ok, 240, "the upload in the ledger")
    except AssertionError as exc:
        b.get(server + "/ingest")
        raise AssertionError(f"{exc}; the ingest page says: {b.find_element(By.TAG_NAME, 'body').text[:2000]}") from exc
    ledger = b.find_element(By.ID, "ledger").text

    def found() -> bool:
        b.get(server + "/search?q=差旅费 吴某某")
        return any("吴某某" in h.text for h in b.find_elements(By.CSS_SELECTOR, "li.hit"))

    # the request may reach the other server process: a few seconds' grace, and on failure
    # the ledger and the page say why
    try:
        _wait(found, 15, "the uploaded case in the search results")
    except AssertionError as exc:
        raise AssertionError(f"{exc}\nledger: {ledger}\npage: {b.find_element(By.TAG_NAME, 'body').text}") from None

    b.get(server + "/search?q=水利局 钱某某")
    link = next(a for a in b.find_elements(By.CSS_SELECTOR, "a.case-link"))
    link.click()
    _wait(lambda: "/cases/" in b.current_url, what="the case page")
    text = b.find_element(By.ID, "case-text").text
    assert "<script>alert('x')</script>" in text and "<img src=x onerror=alert(1)>" in text
    with pytest.raises(NoAlertPresentException):
        b.switch_to.alert.text  # noqa: B018 - nothing ran
    assert not b.find_elements(By.CSS_SELECTOR, "#case-text script, #case-text img")


def _facet_count(b, server: str, field: str, value: str) -> int:
    """The count beside a facet value on the unfiltered search page (0 when not listed)."""
    from selenium.webdriver.common.by import By

    b.get(server + "/search")
    links = b.find_elements(By.CSS_SELECTOR, f"#facets a.facet[data-field='{field}'][href$='{field}={value}']")
    return int(links[0].find_element(By.XPATH, "following-sibling::span[1]").text) if links else 0


def _open_case(b, server: str, query: str) -> str:
    from selenium.webdriver.common.by import By

    b.get(server + "/search?q=" + query)
    b.find_element(By.CSS_SELECTOR, "li.hit a.case-link").click()
    _wait(lambda: "/cases/" in b.current_url, what="the case page")
    return b.find_element(By.ID, "case-id").text


def test_correction_changes_the_facets_and_survives_reingestion(server, browser, store_copy, tmp_path):
    """An analyst corrects a case's category in the case page's form; the search page's facet
    counts follow; the file, edited at the same path, is ingested again and the correction
    still applies to its case (now of a new document id)."""
    from selenium.webdriver.common.by import By

    from tests.conftest import ingest_quietly

    b = browser
    doc = tmp_path / "城管通报.txt"
    body = ("关于某区城管局科员郑某某违规收受购物卡问题的通报。2023年春节期间，郑某某收受辖区商户所送购物卡0.6万元。"
            "郑某某受到党内警告处分。")
    doc.write_text(body, encoding="utf-8")
    ingest_quietly(store_copy, doc)
    before = _facet_count(b, server, "category", "dereliction")
    first = _open_case(b, server, "郑某某 购物卡")
    assert "dereliction" not in b.find_element(By.ID, "fix-categories").get_attribute("value")
    box = b.find_element(By.ID, "fix-categories")
    box.clear()
    box.send_keys("失职失责、履职不力、监管不力")  # a label, as an analyst reads it
    b.find_element(By.ID, "fix-note").send_keys("复核：属监管不力")
    b.find_element(By.ID, "save-correction").click()
    _wait(lambda: b.find_elements(By.CSS_SELECTOR, "#facts-categories .corrected"), what="the corrected case")
    history = b.find_element(By.ID, "correction-history").text
    assert "categories=dereliction" in history and "复核：属监管不力" in history and "本机用户" in history
    assert _facet_count(b, server, "category", "dereliction") == before + 1

    doc.write_text(body + "\n（本通报于2023年5月更新）\n", encoding="utf-8")  # the same file, changed
    ingest_quietly(store_copy, doc)
    again = _open_case(b, server, "郑某某 购物卡")
    assert again != first  # a new document id: the correction followed the case text
    assert b.find_elements(By.CSS_SELECTOR, "#facts-categories .corrected")
    assert "失职失责" in b.find_element(By.ID, "facts-categories").text
    assert _facet_count(b, server, "category", "dereliction") == before + 1
